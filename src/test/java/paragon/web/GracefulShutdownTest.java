package paragon.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paragon.testing.StreamClient;

/**
 * SIGTERM (docs/operations.md, "Shutdown"), to Paragon in a JVM of its own: a request under way (a
 * batch of 500 commands, half of it sent before the signal and the rest after) is answered in full, the open stream is closed 1001 (the
 * terminal reconnects elsewhere, still logged in), and the process exits 0.
 */
class GracefulShutdownTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final long WAIT_MILLIS = 60_000;

  /** Standard output of the process, line by line; guarded by itself. */
  private final List<String> lines = new ArrayList<>();

  @Test
  void sigterm_finishes_the_requests_under_way_tells_the_streams_to_reconnect_and_exits_0(@TempDir Path dir)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
        System.getProperty("java.class.path"), "paragon.Paragon", "--port=0", "--host=127.0.0.1", "--demo",
        "--database-url=jdbc:sqlite:" + dir.resolve("stop.db")).redirectErrorStream(true).start();
    try {
      Thread.ofPlatform().daemon().start(() -> read(p));
      String base = awaitLine(l -> l.contains("Paragon listening on ")).replaceAll("^.*Paragon listening on (\\S+)/ .*$", "$1");
      String code = awaitLine(l -> l.startsWith("  Kasa 1 ") && l.contains("SMART_PLUS")).strip().replaceAll(".* ", "");
      int port = URI.create(base).getPort();
      String device = Json.MAPPER.readTree(post(base + "/api/device/pair", "{\"code\":\"" + code + "\"}", null, null)
          .body()).path("token").asText();
      JsonNode session = Json.MAPPER.readTree(post(base + "/api/device/login",
          "{\"identifier\":\"anna\",\"pin\":\"1111\"}", device, null).body());
      String sessionToken = session.path("sessionToken").asText();
      long n = session.path("nextCommand").asLong();
      String receipt = UUID.randomUUID().toString();
      assertThat(post(base + "/api/terminal/commands", "[{\"n\":" + n + ",\"type\":\"openAdHoc\",\"receiptId\":\""
          + receipt + "\"}]", device, sessionToken).statusCode()).isEqualTo(200);

      StreamClient stream = StreamClient.connect(port, device, sessionToken, new StreamClient.View());
      stream.awaitFrame(f -> f.path("type").asText().equals("welcome"), Duration.ofSeconds(20));

      StringBuilder batch = new StringBuilder("[");
      for (int i = 1; i <= 500; i++) {
        if (i > 1) batch.append(',');
        batch.append("{\"n\":").append(n + i).append(",\"type\":\"addLine\",\"receiptId\":\"").append(receipt)
            .append("\",\"lineId\":\"").append(UUID.randomUUID()).append("\",\"name\":\"Zupa\",\"unitPrice\":1200,")
            .append("\"vat\":\"8\"}");
      }
      byte[] body = batch.append(']').toString().getBytes(StandardCharsets.UTF_8);
      // The request under way: its headers and half its body sent, so the node is reading it when the
      // signal comes; the rest follows once the node is stopping.
      try (Socket under = new Socket("127.0.0.1", port)) {
        under.setSoTimeout(30_000);
        OutputStream out = under.getOutputStream();
        out.write(("POST /api/terminal/commands HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
            + "Content-Type: application/json\r\nAuthorization: Bearer " + device + "\r\n"
            + "X-Paragon-Session: " + sessionToken + "\r\nContent-Length: " + body.length + "\r\n"
            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        int half = body.length / 2;
        out.write(body, 0, half);
        out.flush();
        Thread.sleep(1_500); // dispatched: the handler is reading the body
        // A little more just before the signal: a connection idle for over a second when the node
        // stops counts as idle (Jetty closes those), and this one is a request being sent.
        out.write(body, half, 100);
        out.flush();
        // SIGTERM, as Process.destroy() sends it, without closing this side's pipe of the node's output.
        p.toHandle().destroy();
        awaitLine(l -> l.contains("paragon.Paragon - stopping"));
        out.write(body, half + 100, body.length - half - 100);
        out.flush();
        String answer = new String(under.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(answer).as("the answer to the request under way").startsWith("HTTP/1.1 200");
        String json = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        if (answer.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) json = dechunk(json);
        JsonNode acks = Json.MAPPER.readTree(json);
        assertThat(acks.size()).isEqualTo(500);
        acks.forEach(a -> assertThat(a.path("status").asText()).isEqualTo("accepted"));
      }
      assertThat(stream.awaitClose(Duration.ofSeconds(20))).as("the stream's close").isEqualTo(1001);
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
      assertThat(p.exitValue()).isZero();
      awaitLine(l -> l.contains("closing stream device-") && l.contains(": 1001 server stopping"));
      awaitLine(l -> l.endsWith("paragon.Paragon - stopped"));
    } finally {
      if (p.isAlive()) p.destroyForcibly().waitFor();
      synchronized (lines) {
        lines.forEach(System.out::println); // the node's log, in the test's output file
      }
    }
  }

  /** The body of a chunked HTTP/1.1 answer. */
  private static String dechunk(String chunked) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (true) {
      int eol = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, eol).strip(), 16);
      if (size == 0) return out.toString();
      out.append(chunked, eol + 2, eol + 2 + size);
      at = eol + 2 + size + 2;
    }
  }

  private static HttpRequest request(String url, String json, String device, String session) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    if (device != null) b.header("Authorization", "Bearer " + device);
    if (session != null) b.header("X-Paragon-Session", session);
    return b.build();
  }

  private static HttpResponse<String> post(String url, String json, String device, String session)
      throws IOException, InterruptedException {
    return HTTP.send(request(url, json, device, session), HttpResponse.BodyHandlers.ofString());
  }

  private void read(Process p) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String awaitLine(Predicate<String> match) throws InterruptedException {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    synchronized (lines) {
      while (true) {
        for (String l : lines) if (match.test(l)) return l;
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) throw new AssertionError("no such line in the output:\n" + String.join("\n", lines));
        lines.wait(left);
      }
    }
  }
}
