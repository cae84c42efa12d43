package paragon.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/api.md "Webhooks": the Java verification example is this class's {@link #verify} (compared as
 * text, so it compiles), and both it and the shell example accept a real signature and refuse a
 * tampered body.
 */
class WebhooksDocTest {
  private static final Path DOC = Path.of("docs/api.md");
  private static final Path SELF = Path.of("src/test/java/paragon/webhooks/WebhooksDocTest.java");
  private static final String SECRET = "whsec_0123456789abcdef";
  private static final String BODY = "{\"id\":\"e1\",\"type\":\"sale.created\",\"data\":{\"total\":2500,\"name\":\"Stolik 4 – ół\"}}";

  // --- the example, as docs/api.md shows it ---
  static boolean verify(String secret, String header, String body, long nowSeconds) throws Exception {
    String t = null, v1 = null;
    for (String part : header.split(",")) {
      if (part.startsWith("t=")) t = part.substring(2);
      if (part.startsWith("v1=")) v1 = part.substring(3);
    }
    if (t == null || v1 == null || Math.abs(nowSeconds - Long.parseLong(t)) > 300) return false;
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected = java.util.HexFormat.of().formatHex(
        mac.doFinal((t + "." + body).getBytes(java.nio.charset.StandardCharsets.UTF_8))).getBytes();
    return java.security.MessageDigest.isEqual(expected, v1.getBytes());
  }
  // --- end of the example ---

  @Test
  void the_java_example_is_this_method_and_accepts_only_the_signed_body() throws Exception {
    String doc = block("java");
    String self = Files.readString(SELF);
    String start = "  // --- the example, as docs/api.md shows it ---\n";
    String method = self.substring(self.indexOf(start) + start.length(), self.indexOf("  // --- end of the example ---"));
    assertThat(method.stripTrailing().stripIndent().strip()).isEqualTo(doc.strip());
    String header = WebhookRules.signature(SECRET, 1_796_212_800L, BODY);
    assertThat(verify(SECRET, header, BODY, 1_796_212_830L)).isTrue();
    assertThat(verify(SECRET, header, BODY + " ", 1_796_212_830L)).isFalse();
    assertThat(verify("whsec_other", header, BODY, 1_796_212_830L)).isFalse();
    assertThat(verify(SECRET, header, BODY, 1_796_213_800L)).as("too old").isFalse();
  }

  @Test
  void the_shell_example_accepts_the_signed_body_and_refuses_a_tampered_one(@TempDir Path dir) throws Exception {
    String script = block("sh");
    String header = WebhookRules.signature(SECRET, 1_796_212_800L, BODY);
    assertThat(run(dir, script, header, BODY)).isEqualTo("valid");
    assertThat(run(dir, script, header, BODY.replace("2500", "2501"))).isEqualTo("INVALID");
  }

  private static String run(Path dir, String script, String header, String body) throws IOException,
      InterruptedException {
    Files.writeString(dir.resolve("body.json"), body, StandardCharsets.UTF_8);
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("SECRET", SECRET);
    pb.environment().put("SIGNATURE", header);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  private static String block(String lang) throws IOException {
    String doc = Files.readString(DOC);
    String section = doc.substring(doc.indexOf("## Webhooks"));
    Matcher m = Pattern.compile("```" + lang + "\\n(.*?)```", Pattern.DOTALL).matcher(section);
    assertThat(m.find()).as("a %s block under ## Webhooks", lang).isTrue();
    return m.group(1);
  }
}
