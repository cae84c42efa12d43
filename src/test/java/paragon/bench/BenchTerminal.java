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
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One simulated terminal of the load run: its device token and cashier session, a numbered command
 * sender over HTTP, and a stream that records when each change of the shop space arrived. Frames are
 * recognised by their documented prefix, without a JSON parse, so the client costs the measured
 * server as little CPU as possible (they share the machine).
 */
final class BenchTerminal implements WebSocket.Listener {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "{\"type\":\"receipt\",\"space\":\"";

  final String deviceToken;
  final String sessionToken;
  private final HttpClient http;
  private final int port;
  private final String space;
  private final Map<Long, Long> arrivals = new ConcurrentHashMap<>();
  private final StringBuilder partial = new StringBuilder();
  private long n;
  private WebSocket socket;

  BenchTerminal(HttpClient http, int port, String space, String deviceToken, String sessionToken) {
    this.http = http;
    this.port = port;
    this.space = space;
    this.deviceToken = deviceToken;
    this.sessionToken = sessionToken;
  }

  void connect() {
    socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/terminal/stream"), this)
        .join();
    socket.sendText(JSON.createObjectNode().put("type", "hello").put("deviceToken", deviceToken)
        .put("sessionToken", sessionToken).toString(), true).join();
  }

  /** When change {@code seq} of the shop space arrived (System.nanoTime), or null. */
  Long arrival(long seq) {
    return arrivals.get(seq);
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
      if (frame.startsWith(PREFIX) && frame.startsWith(space + "\",\"seq\":", PREFIX.length())) {
        int from = PREFIX.length() + space.length() + 8;
        arrivals.put(Long.parseLong(frame.substring(from, frame.indexOf(',', from))), now);
      }
    }
    webSocket.request(1);
    return null;
  }

  /** Sends one numbered command; answers its ack. */
  JsonNode send(Map<String, Object> command) throws IOException, InterruptedException {
    Map<String, Object> c = new LinkedHashMap<>(command);
    synchronized (this) {
      c.put("n", ++n);
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/terminal/commands"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + deviceToken)
        .header("X-Paragon-Session", sessionToken).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(List.of(c)))).build();
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) throw new IllegalStateException("commands answered " + r.statusCode() + ": " + r.body());
    JsonNode ack = JSON.readTree(r.body()).get(0);
    if (!"accepted".equals(ack.path("status").asText())) throw new IllegalStateException("refused: " + ack);
    return ack;
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
