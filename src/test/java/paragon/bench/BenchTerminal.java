package paragon.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One simulated terminal of the load run: its device token and cashier session, a numbered command
 * sender over HTTP (to {@code commandPort}), and a stream (to the node it connects to) that records
 * when each change of its space arrived and how long its frame was. A change frame is recognised by
 * its {@code space} and {@code seq} fields without a JSON parse, whatever its type (welcome, snapshot
 * and heartbeat aside), so the client costs the measured server as little CPU as possible (they share
 * the machine) and a new kind of change frame is still counted.
 */
final class BenchTerminal implements WebSocket.Listener {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ATTEMPTS = 3;

  final String deviceToken;
  final String sessionToken;
  final String space;
  private final HttpClient http;
  private final int commandPort;
  private final Map<Long, Long> arrivals = new ConcurrentHashMap<>();
  private final Map<Long, Integer> sizes = new ConcurrentHashMap<>();
  private volatile CompletableFuture<Void> welcomed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  /** Off for a terminal that only keeps a stream open (the idle ones): nothing is kept. */
  volatile boolean recording = true;
  // Guarded by this: the device's command numbers and the tail of its queue of asynchronous sends.
  private long n;
  private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
  private WebSocket socket;

  BenchTerminal(HttpClient http, int commandPort, String space, String deviceToken, String sessionToken) {
    this.http = http;
    this.commandPort = commandPort;
    this.space = space;
    this.deviceToken = deviceToken;
    this.sessionToken = sessionToken;
  }

  /** Opens the stream on the node at {@code streamPort}; completes when its welcome arrived. */
  CompletableFuture<Void> connect(int streamPort) {
    CompletableFuture<Void> mine = new CompletableFuture<>();
    welcomed = mine;
    return http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
        .buildAsync(URI.create("ws://127.0.0.1:" + streamPort + "/api/terminal/stream"), this)
        .thenCompose(ws -> {
          socket = ws;
          return ws.sendText(JSON.createObjectNode().put("type", "hello").put("deviceToken", deviceToken)
              .put("sessionToken", sessionToken).toString(), true);
        })
        .thenCompose(ws -> mine);
  }

  /** When change {@code seq} of the space arrived (System.nanoTime), or null. */
  Long arrival(long seq) {
    return arrivals.get(seq);
  }

  /** The length of change {@code seq}'s frame in characters, or null. */
  Integer size(long seq) {
    return sizes.get(seq);
  }

  /** Every recorded arrival (System.nanoTime), in order. */
  List<Long> arrivalTimes() {
    return sorted(new ArrayList<>(arrivals.values()));
  }

  void forget() {
    arrivals.clear();
    sizes.clear();
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    long now = System.nanoTime();
    partial.append(data);
    if (last) {
      String frame = partial.toString();
      partial.setLength(0);
      if (frame.startsWith("{\"type\":\"welcome\"")) {
        welcomed.complete(null);
      } else if (recording && !frame.startsWith("{\"type\":\"heartbeat\"")
          && !frame.startsWith("{\"type\":\"snapshot\"")) {
        record(frame, now);
      }
    }
    webSocket.request(1);
    return null;
  }

  private void record(String frame, long now) {
    int s = frame.indexOf("\"space\":\"");
    if (s < 0 || !frame.startsWith(space + "\"", s + 9)) return;
    int q = frame.indexOf("\"seq\":", s);
    if (q < 0) return;
    int from = q + 6;
    int to = from;
    while (to < frame.length() && Character.isDigit(frame.charAt(to))) to++;
    if (to == from) return;
    long seq = Long.parseLong(frame, from, to, 10);
    sizes.putIfAbsent(seq, frame.length()); // first: whoever sees the arrival finds the size
    arrivals.putIfAbsent(seq, now);
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    welcomed.completeExceptionally(new IllegalStateException("stream closed " + statusCode + ": " + reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    welcomed.completeExceptionally(error);
  }

  /** Sends one numbered command and waits for its ack. */
  JsonNode send(Map<String, Object> command) throws IOException, InterruptedException {
    synchronized (this) {
      HttpRequest request = request(command);
      for (int attempt = 1; ; attempt++) {
        try {
          return ack(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
          // A kept-alive connection the server closed meanwhile: the same numbered command again (the
          // server applies a number once), as the terminal app resends.
          if (attempt >= ATTEMPTS) throw e;
        }
      }
    }
  }

  /**
   * Queues one numbered command behind the device's earlier ones (a device sends in order, one request
   * at a time, as the terminal app does); completes with its ack.
   */
  synchronized CompletableFuture<JsonNode> sendAsync(Map<String, Object> command) {
    CompletableFuture<JsonNode> next = tail.handle((x, e) -> null).thenCompose(x -> {
      HttpRequest request;
      synchronized (this) {
        request = request(command);
      }
      return sendAsync(request, 1);
    });
    tail = next;
    return next;
  }

  /** Sends {@code request} again (the same command number) when the connection failed, up to {@link #ATTEMPTS}. */
  private CompletableFuture<JsonNode> sendAsync(HttpRequest request, int attempt) {
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((r, e) -> {
      if (e == null) return CompletableFuture.completedFuture(ack(r));
      Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
      if (cause instanceof IOException && attempt < ATTEMPTS) return sendAsync(request, attempt + 1);
      return CompletableFuture.<JsonNode>failedFuture(cause);
    }).thenCompose(f -> f);
  }

  private HttpRequest request(Map<String, Object> command) {
    Map<String, Object> c = new LinkedHashMap<>(command);
    c.put("n", ++n);
    try {
      return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + commandPort + "/api/terminal/commands"))
          .header("Content-Type", "application/json").header("Authorization", "Bearer " + deviceToken)
          .header("X-Paragon-Session", sessionToken).timeout(Duration.ofSeconds(60))
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(List.of(c)))).build();
    } catch (IOException e) {
      throw new IllegalStateException("cannot write command " + c, e);
    }
  }

  private static JsonNode ack(HttpResponse<String> r) {
    if (r.statusCode() != 200) throw new IllegalStateException("commands answered " + r.statusCode() + ": " + r.body());
    try {
      JsonNode ack = JSON.readTree(r.body()).get(0);
      if (!"accepted".equals(ack.path("status").asText())) throw new IllegalStateException("refused: " + ack);
      return ack;
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + r.body(), e);
    }
  }

  static Map<String, Object> command(String type, Object... fields) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    for (int i = 0; i < fields.length; i += 2) m.put((String) fields[i], fields[i + 1]);
    return m;
  }

  void close() {
    if (socket != null) socket.abort();
  }

  static List<Long> sorted(List<Long> values) {
    List<Long> copy = new ArrayList<>(values);
    copy.sort(null);
    return copy;
  }
}
