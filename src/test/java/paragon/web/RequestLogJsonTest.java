package paragon.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paragon started as an operator starts it, in a JVM of its own with {@code PARAGON_LOG_FORMAT=json}:
 * every log line it writes is a JSON object, and each request's line carries its request id, route,
 * status, latency, account, device, user and command count as fields.
 */
class RequestLogJsonTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final long WAIT_MILLIS = 60_000;

  /** Standard output of the process, line by line; guarded by itself. */
  private final List<String> lines = new ArrayList<>();

  @Test
  void every_request_is_one_json_line_with_its_facts(@TempDir Path dir) throws Exception {
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "paragon.Paragon",
        "--port=0", "--host=127.0.0.1", "--demo", "--database-url=jdbc:sqlite:" + dir.resolve("log.db"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PARAGON_LOG_FORMAT", "json");
    Process p = builder.start();
    try {
      Thread.ofPlatform().daemon().start(() -> read(p));
      JsonNode listening = awaitJson(n -> n.path("formattedMessage").asText().startsWith("Paragon listening on "));
      String base = listening.path("formattedMessage").asText().replaceAll("^Paragon listening on (\\S+)/ .*$", "$1");
      String code = awaitLine(l -> l.startsWith("  Kasa 1 ") && l.contains("SMART_PLUS")).strip().replaceAll(".* ", "");

      JsonNode paired = Json.MAPPER.readTree(post(base + "/api/device/pair", "{\"code\":\"" + code + "\"}", null, null, "pair-1").body());
      String device = paired.path("token").asText();
      long deviceId = paired.path("device").path("id").asLong();
      JsonNode login = Json.MAPPER.readTree(post(base + "/api/device/login", "{\"identifier\":\"anna\",\"pin\":\"1111\"}",
          device, null, "login-1").body());
      long n = login.path("nextCommand").asLong();
      String batch = "[{\"n\":" + n + ",\"type\":\"openAdHoc\",\"receiptId\":\"" + UUID.randomUUID() + "\"},"
          + "{\"n\":" + (n + 1) + ",\"type\":\"openAdHoc\",\"receiptId\":\"" + UUID.randomUUID() + "\"}]";
      HttpResponse<String> acks = post(base + "/api/terminal/commands", batch, device,
          login.path("sessionToken").asText(), "cmds-1");
      assertThat(acks.statusCode()).as(acks.body()).isEqualTo(200);
      assertThat(acks.headers().firstValue("X-Request-Id")).contains("cmds-1");
      HttpResponse<String> live = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health/live")).build(),
          HttpResponse.BodyHandlers.ofString());
      String madeUp = live.headers().firstValue("X-Request-Id").orElseThrow();

      JsonNode commands = awaitJson(request("cmds-1")).path("mdc");
      assertThat(commands.path("method").asText()).isEqualTo("POST");
      assertThat(commands.path("route").asText()).isEqualTo("/api/terminal/commands");
      assertThat(commands.path("status").asText()).isEqualTo("200");
      assertThat(commands.path("device").asText()).isEqualTo(String.valueOf(deviceId));
      assertThat(commands.path("user").asText()).isEqualTo("cashier:" + login.path("user").path("id").asLong());
      assertThat(commands.path("account").asText()).matches("[0-9]+");
      assertThat(commands.path("commands").asText()).isEqualTo("2");
      assertThat(Double.parseDouble(commands.path("latencyMs").asText())).isPositive();
      JsonNode pair = awaitJson(request("pair-1")).path("mdc");
      assertThat(pair.path("route").asText()).isEqualTo("/api/device/pair");
      assertThat(pair.path("user").asText()).isEqualTo("-");
      JsonNode health = awaitJson(request(madeUp));
      assertThat(madeUp).matches("[0-9a-f]{12}");
      assertThat(health.path("level").asText()).isEqualTo("INFO");
      assertThat(health.path("loggerName").asText()).isEqualTo("paragon.request");
      assertThat(health.path("mdc").path("route").asText()).isEqualTo("/health/live");
      assertThat(health.path("mdc").path("device").asText()).isEqualTo("-");
      // Every line the logger wrote is JSON; the demo's plain-text report is printed, not logged.
      synchronized (lines) {
        long json = lines.stream().filter(l -> l.startsWith("{")).count();
        assertThat(json).isGreaterThanOrEqualTo(5);
        for (String l : lines) {
          if (l.startsWith("{")) assertThat(Json.MAPPER.readTree(l).isObject()).isTrue();
        }
      }
    } finally {
      p.destroy();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static Predicate<JsonNode> request(String id) {
    return n -> n.path("loggerName").asText().equals("paragon.request") && n.path("mdc").path("requestId").asText().equals(id);
  }

  private static HttpResponse<String> post(String url, String json, String device, String session, String requestId)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .header("X-Request-Id", requestId).POST(HttpRequest.BodyPublishers.ofString(json));
    if (device != null) b.header("Authorization", "Bearer " + device);
    if (session != null) b.header("X-Paragon-Session", session);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
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

  private JsonNode awaitJson(Predicate<JsonNode> match) throws InterruptedException {
    String line = awaitLine(l -> l.startsWith("{") && match.test(parse(l)));
    return parse(line);
  }

  private static JsonNode parse(String line) {
    try {
      return Json.MAPPER.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
