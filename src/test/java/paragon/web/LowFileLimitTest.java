package paragon.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paragon.metrics.Scrape;

/**
 * Paragon in a JVM of its own under {@code ulimit -n 512} (so 256 connections by default, the rest of
 * the descriptors kept for the JVM and the database), flooded with more silent WebSockets than may
 * wait for their hello and more raw sockets than the descriptor limit: the excess is refused cleanly
 * (4429, or closed by the server while idle), the node never stops answering, and once the flood is
 * gone a terminal pairs, logs in and sends a command as usual.
 */
class LowFileLimitTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final long WAIT_MILLIS = 60_000;
  private static final int RAW_SOCKETS = 600;

  /** Standard output of the process, line by line; guarded by itself. */
  private final List<String> lines = new ArrayList<>();

  @Test
  void past_its_caps_the_node_refuses_cleanly_and_serves_again_once_the_flood_is_gone(@TempDir Path dir)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = "ulimit -n 512 && exec '" + java + "' --enable-native-access=ALL-UNNAMED -cp '"
        + System.getProperty("java.class.path") + "' paragon.Paragon --port=0 --host=127.0.0.1 --demo"
        + " --database-url=jdbc:sqlite:" + dir.resolve("flood.db");
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true);
    builder.environment().put("PARAGON_MAX_PENDING_STREAMS", "20");
    Process p = builder.start();
    try {
      Thread.ofPlatform().daemon().start(() -> read(p));
      String base = awaitLine(l -> l.contains("Paragon listening on ")).replaceAll("^.*Paragon listening on (\\S+)/ .*$", "$1");
      String code = awaitLine(l -> l.startsWith("  Kasa 1 ") && l.contains("SMART_PLUS")).strip().replaceAll(".* ", "");
      int port = URI.create(base).getPort();
      Scrape before = new Scrape(get(base + "/metrics").body());
      assertThat(before.value("paragon_http_connections_limit")).as("512 descriptors less 256 kept").isEqualTo(256);

      // 1. 30 WebSockets that never say hello: 20 may wait (then 4401 after 3 s), 10 are closed 4429 at once.
      List<CompletableFuture<Integer>> closes = new ArrayList<>();
      List<WebSocket> sockets = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        sockets.add(HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/terminal/stream"),
            new WebSocket.Listener() {
              @Override
              public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                closed.complete(status);
                return null;
              }

              @Override
              public void onError(WebSocket ws, Throwable error) {
                closed.complete(1006);
              }
            }).get(10, TimeUnit.SECONDS));
        closes.add(closed);
      }
      List<Integer> codes = new ArrayList<>();
      for (CompletableFuture<Integer> c : closes) codes.add(c.get(10, TimeUnit.SECONDS));
      assertThat(codes).filteredOn(c -> c == 4429).hasSize(10);
      assertThat(codes).filteredOn(c -> c == 4401).hasSize(20);
      sockets.forEach(WebSocket::abort);

      // 2. More raw sockets than the node has descriptors, all silent: past 256 it stops accepting
      // (they wait in the backlog or time out connecting) and closes idle ones sooner, so it keeps
      // answering: a health probe sent in the middle of the flood is answered.
      List<Socket> raw = new ArrayList<>();
      try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<Socket>> opening = new ArrayList<>();
        for (int i = 0; i < RAW_SOCKETS; i++) {
          opening.add(pool.submit(() -> {
            Socket s = new Socket();
            try {
              s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
              return s;
            } catch (IOException e) {
              s.close();
              return null;
            }
          }));
        }
        for (Future<Socket> f : opening) {
          Socket s = f.get();
          if (s != null) raw.add(s);
        }
      }
      // A connect waits up to 10 s: under load the acceptor drains the kernel's backlog (50) slowly and
      // a dropped SYN is retried after 1 s, 3 s, 7 s, so a shorter wait counted the machine's load, not the cap.
      assertThat(raw.size()).as("the node accepted up to its cap (the rest wait in the backlog or time out)")
          .isGreaterThanOrEqualTo(256);
      long probeStarted = System.nanoTime();
      assertThat(get(base + "/health/live").statusCode()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - probeStarted)).isLessThan(Duration.ofSeconds(15));
      int closedByServer = 0;
      for (Socket s : raw) {
        s.setSoTimeout(1);
        try {
          if (s.getInputStream().read() == -1) closedByServer++;
        } catch (SocketTimeoutException stillOpen) {
          // accepted and not yet idle long enough, or still in the backlog
        } catch (IOException reset) {
          closedByServer++;
        }
      }
      assertThat(closedByServer).as("idle sockets are closed while the node is full").isPositive();
      for (Socket s : raw) s.close();

      // 3. The flood is gone: the node serves a terminal as usual.
      JsonNode paired = Json.MAPPER.readTree(post(base + "/api/device/pair", "{\"code\":\"" + code + "\"}", null, null).body());
      String device = paired.path("token").asText();
      HttpResponse<String> login = post(base + "/api/device/login", "{\"identifier\":\"anna\",\"pin\":\"1111\"}", device, null);
      assertThat(login.statusCode()).as(login.body()).isEqualTo(201);
      JsonNode session = Json.MAPPER.readTree(login.body());
      String batch = "[{\"n\":" + session.path("nextCommand").asLong() + ",\"type\":\"openAdHoc\",\"receiptId\":\""
          + UUID.randomUUID() + "\"}]";
      HttpResponse<String> acks = post(base + "/api/terminal/commands", batch, device, session.path("sessionToken").asText());
      assertThat(acks.statusCode()).as(acks.body()).isEqualTo(200);
      assertThat(Json.MAPPER.readTree(acks.body()).path(0).path("status").asText()).isEqualTo("accepted");
      Scrape after = new Scrape(get(base + "/metrics").body());
      assertThat(after.value("paragon_stream_refused_total", "reason", "pending")).isEqualTo(10);
      synchronized (lines) {
        assertThat(lines).noneMatch(l -> l.contains("Too many open files"));
      }
    } finally {
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
    }
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String url, String json, String device, String session)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
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
}
