package paragon.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import paragon.testing.MutableClock;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.web.Json;

/**
 * docs/api.md, "The integrator API": every {@code sh} block is run with bash and the machine's curl
 * against a started app holding an open table, sales and a day close; its answer must have the fields
 * of the {@code json} block under it (the same names, nested, in the same order), so the examples
 * cannot drift from the routes.
 */
class ApiDocTest {
  private static final Path DOC = Path.of("docs/api.md");
  private static final Pattern BLOCK = Pattern.compile("```(sh|json)\\n(.*?)```", Pattern.DOTALL);

  private static final java.util.Set<String> OPAQUE = java.util.Set.of("command", "methods");

  record Example(String command, String answer) {}

  @Test
  void every_curl_example_answers_what_the_doc_shows() throws Exception {
    List<Example> examples = examples();
    assertThat(examples).hasSizeGreaterThanOrEqualTo(8);
    try (TestApp app = new TestApp(TestDatabases.open(TestDatabases.Kind.SQLITE),
        new MutableClock(Instant.parse("2026-12-02T18:00:00Z")))) {
      Integrator it = new Integrator(app);
      String receipt = it.table("Stolik 1", 1);
      String sale = it.sale();
      it.sale();
      it.sale();
      it.send("dayClose");
      it.owner.client().get("/backoffice/products");
      it.owner.client().postForm("/backoffice/products/categories", Map.of("name", "Kawa"));
      String key = it.key("Dokumentacja", null, "receipts:read", "sales:read", "catalog:read", "catalog:write",
          "webhooks");
      long category = app.db.read(h -> h.createQuery("SELECT id FROM categories WHERE account_id = :a AND name = 'Kawa'")
          .bind("a", it.owner.accountId()).mapTo(Long.class).one());
      // The product the examples change and archive: made by the example before them (Sernik).
      Map<String, String> env = new java.util.HashMap<>(Map.of("PARAGON", app.url(""), "KEY", key,
          "SHOP", String.valueOf(it.shopA), "RECEIPT", receipt, "SALE", sale, "CATEGORY", String.valueOf(category)));
      for (Example e : examples) {
        JsonNode shown = Json.tree(e.answer(), "the example answer of " + e.command());
        JsonNode real = Json.tree(run(e.command(), env), "the answer of " + e.command());
        if (real.path("name").asText().equals("Sernik")) env.put("PRODUCT", real.path("id").asText());
        assertThat(fields(real, "")).as(e.command() + "\n" + real).isEqualTo(fields(shown, ""));
        if (shown.has("error")) {
          assertThat(real.path("error").asText()).isEqualTo(shown.path("error").asText());
          assertThat(real.path("field").asText()).isEqualTo(shown.path("field").asText());
        }
      }
    }
  }

  /** Field paths of {@code node}: objects by name in order, arrays by their first element (none when empty). */
  static List<String> fields(JsonNode node, String at) {
    List<String> out = new ArrayList<>();
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> i = node.fields(); i.hasNext(); ) {
        Map.Entry<String, JsonNode> f = i.next();
        out.add(at + f.getKey());
        // A command's own fields are the terminal protocol's (docs/protocol.md), not this API's, and
        // the keys of methods are data (the payment methods used).
        if (!OPAQUE.contains(f.getKey())) out.addAll(fields(f.getValue(), at + f.getKey() + "."));
      }
    } else if (node.isArray() && !node.isEmpty() && node.get(0).isObject()) {
      out.addAll(fields(node.get(0), at + "[]."));
    }
    return out;
  }

  private static List<Example> examples() throws IOException {
    String doc = Files.readString(DOC);
    String section = doc.substring(doc.indexOf("## The integrator API"), doc.indexOf("## Webhooks"));
    List<Example> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(section);
    String command = null;
    while (m.find()) {
      if (m.group(1).equals("sh")) {
        command = m.group(2).strip();
      } else {
        assertThat(command).as("a sh block before " + m.group(2)).isNotNull();
        out.add(new Example(command, m.group(2)));
        command = null;
      }
    }
    return out;
  }

  private static String run(String script, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", script);
    pb.environment().putAll(env);
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor()).as(script + ": " + out).isZero();
    return out;
  }
}
