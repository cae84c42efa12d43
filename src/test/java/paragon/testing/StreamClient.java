package paragon.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A simulated terminal's stream, as the terminal app uses it: a java.net.http WebSocket that says
 * hello with the cursors of its {@link View}, applies every frame to that view, and checks the
 * protocol as it goes (every change frame's seq follows the cursor of its space, heartbeats name the
 * cursors it has). A broken rule is recorded in {@link #violations()} for the test to assert on.
 * The {@link View} outlives the connection, so a test reconnects with it to resume.
 *
 * <p>All mutable state is guarded by {@code this}.
 */
public final class StreamClient implements WebSocket.Listener, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** What a terminal keeps across connections: cursors, viewer fingerprint, receipts per space. */
  public static final class View {
    public final Map<String, Long> cursors = new LinkedHashMap<>();
    public final Map<String, Map<String, JsonNode>> receipts = new LinkedHashMap<>();
    public String viewer;

    /** Every receipt held, full or occupied stub, by id. */
    public synchronized Map<String, JsonNode> all() {
      Map<String, JsonNode> out = new LinkedHashMap<>();
      receipts.values().forEach(out::putAll);
      return out;
    }
  }

  private final View view;
  /** As received, but a delta shown as the receipt frame it stands for (see {@link #frames()}). */
  private final List<JsonNode> frames = new ArrayList<>();
  private final List<JsonNode> wire = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;
  private boolean paused;
  private Integer closeCode;
  private String closeReason;

  private StreamClient(View view) {
    this.view = view;
  }

  /** Connects and says hello with {@code view}'s cursors and viewer fingerprint. */
  public static StreamClient connect(int port, String deviceToken, String sessionToken, View view) {
    return connect(HTTP, URI.create("ws://127.0.0.1:" + port + "/api/terminal/stream"), deviceToken, sessionToken, view);
  }

  /** The same at {@code stream} (e.g. a wss:// address) through {@code http} (e.g. one that trusts a test certificate). */
  public static StreamClient connect(HttpClient http, URI stream, String deviceToken, String sessionToken, View view) {
    StreamClient client = new StreamClient(view);
    WebSocket ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(stream, client).join();
    synchronized (client) {
      client.socket = ws;
    }
    ws.sendText(client.hello(deviceToken, sessionToken), true).join();
    return client;
  }

  /** Connects and sends {@code text} as the first message, exactly as given. */
  public static StreamClient connectRaw(int port, String firstMessage) {
    return connectRaw(port, firstMessage, new View());
  }

  /** The same, applying what arrives to {@code view} (an integrator's hello that resumes it). */
  public static StreamClient connectRaw(int port, String firstMessage, View view) {
    StreamClient client = new StreamClient(view);
    WebSocket ws = HTTP.newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/terminal/stream"), client).join();
    synchronized (client) {
      client.socket = ws;
    }
    if (firstMessage != null) ws.sendText(firstMessage, true).join();
    return client;
  }

  private String hello(String deviceToken, String sessionToken) {
    ObjectNode n = JSON.createObjectNode().put("type", "hello").put("deviceToken", deviceToken)
        .put("sessionToken", sessionToken);
    synchronized (view) {
      if (view.viewer != null) n.put("viewer", view.viewer);
      ObjectNode c = n.putObject("cursors");
      view.cursors.forEach(c::put);
    }
    return n.toString();
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    boolean more;
    synchronized (this) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          JsonNode frame = JSON.readTree(text);
          wire.add(frame);
          frames.add(apply(frame));
        } catch (IOException e) {
          violations.add("not JSON: " + text);
        }
        notifyAll();
      }
      more = !paused;
    }
    if (more) webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    synchronized (this) {
      closeCode = statusCode;
      closeReason = reason;
      notifyAll();
    }
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    synchronized (this) {
      if (closeCode == null) {
        closeCode = 1006;
        closeReason = String.valueOf(error);
      }
      notifyAll();
    }
  }

  /** Applies frame {@code f} to the view; returns it as {@link #frames()} shows it. */
  private JsonNode apply(JsonNode f) {
    String type = f.path("type").asText();
    JsonNode shown = f;
    synchronized (view) {
      switch (type) {
        case "welcome" -> view.viewer = f.path("viewer").asText();
        case "snapshot" -> {
          String space = f.path("space").asText();
          Map<String, JsonNode> held = new LinkedHashMap<>();
          f.path("receipts").forEach(r -> held.put(r.path("id").asText(), r));
          f.path("occupied").forEach(r -> held.put(r.path("id").asText(), r));
          view.receipts.put(space, held);
          view.cursors.put(space, f.path("seq").asLong());
        }
        case "receipt", "occupied", "gone" -> {
          String space = f.path("space").asText();
          long seq = f.path("seq").asLong();
          Long cursor = view.cursors.get(space);
          if (cursor == null) violations.add("change before any cursor for " + space + ": " + f);
          else if (seq != cursor + 1) violations.add(space + ": got seq " + seq + " after " + cursor);
          Map<String, JsonNode> held = view.receipts.computeIfAbsent(space, k -> new LinkedHashMap<>());
          if (type.equals("gone")) {
            held.remove(f.path("id").asText());
          } else {
            JsonNode r = f.path("receipt");
            String state = r.path("state").asText();
            if (state.equals("CLOSED") || state.equals("DELETED")) held.remove(r.path("id").asText());
            else held.put(r.path("id").asText(), r);
          }
          view.cursors.put(space, seq);
        }
        case "delta" -> {
          String space = f.path("space").asText();
          long seq = f.path("seq").asLong();
          Long cursor = view.cursors.get(space);
          if (cursor == null) violations.add("change before any cursor for " + space + ": " + f);
          else if (seq != cursor + 1) violations.add(space + ": got seq " + seq + " after " + cursor);
          Map<String, JsonNode> held = view.receipts.computeIfAbsent(space, k -> new LinkedHashMap<>());
          String id = f.path("id").asText();
          JsonNode before = held.get(id);
          if (before == null || before.path("occupied").asBoolean()) {
            violations.add(space + ": a delta of " + id + " which is not held in full: " + f);
          } else if (before.path("seq").asLong() != f.path("prev").asLong()) {
            violations.add(space + ": a delta of " + id + " after " + f.path("prev") + " onto seq " + before.path("seq"));
          } else {
            ObjectNode after = applyDelta(before, f);
            ObjectNode receipt = JSON.createObjectNode().put("type", "receipt").put("space", space).put("seq", seq);
            if (f.has("by")) receipt.set("by", f.path("by"));
            shown = receipt.set("receipt", after);
            String state = after.path("state").asText();
            if (state.equals("CLOSED") || state.equals("DELETED")) held.remove(id);
            else held.put(id, after);
          }
          view.cursors.put(space, seq);
        }
        case "heartbeat" -> f.path("cursors").fields().forEachRemaining(e -> {
          Long cursor = view.cursors.get(e.getKey());
          if (cursor == null || cursor != e.getValue().asLong()) {
            violations.add("heartbeat says " + e.getKey() + "=" + e.getValue() + " but the cursor is " + cursor);
          }
        });
        default -> violations.add("unknown frame " + f);
      }
    }
    return shown;
  }

  /**
   * A delta frame onto the receipt held at its {@code prev} (docs/protocol.md "Stream"): the header
   * replaces every field, kept lines stay in order with changed ones replaced, added ones follow.
   */
  public static ObjectNode applyDelta(JsonNode before, JsonNode delta) {
    ObjectNode after = delta.path("receipt").deepCopy();
    Map<String, JsonNode> changed = new LinkedHashMap<>();
    delta.path("lines").forEach(l -> changed.put(l.path("id").asText(), l));
    java.util.Set<String> removed = new java.util.HashSet<>();
    delta.path("removed").forEach(id -> removed.add(id.asText()));
    var lines = after.putArray("lines");
    java.util.Set<String> held = new java.util.HashSet<>();
    for (JsonNode l : before.path("lines")) {
      String id = l.path("id").asText();
      held.add(id);
      if (!removed.contains(id)) lines.add(changed.getOrDefault(id, l));
    }
    changed.forEach((id, l) -> {
      if (!held.contains(id)) lines.add(l);
    });
    return after;
  }

  /**
   * Every frame received, a {@code delta} shown as the {@code receipt} frame it stands for (same space,
   * seq and by, the whole receipt after it), so a test reads what the terminal holds after each change;
   * {@link #wire()} has them as sent.
   */
  public synchronized List<JsonNode> frames() {
    return List.copyOf(frames);
  }

  /** Every frame exactly as received. */
  public synchronized List<JsonNode> wire() {
    return List.copyOf(wire);
  }

  /** Frames of {@code type}, in arrival order. */
  public synchronized List<JsonNode> frames(String type) {
    return frames.stream().filter(f -> type.equals(f.path("type").asText())).toList();
  }

  public synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  public View view() {
    return view;
  }

  public long cursor(String space) {
    synchronized (view) {
      return view.cursors.getOrDefault(space, -1L);
    }
  }

  /** Waits until the cursor of {@code space} reaches {@code seq}; fails the test on timeout. */
  public void awaitCursor(String space, long seq, Duration timeout) {
    awaitFrame(f -> cursor(space) >= seq, timeout, "cursor " + space + " >= " + seq);
  }

  /**
   * Waits until this connection has resumed {@code space} (after its welcome, and its snapshot when
   * the welcome announced one) and the cursor reached {@code seq}: a cursor kept from an earlier
   * connection does not count.
   */
  public void awaitCaughtUp(String space, long seq, Duration timeout) {
    awaitFrame(f -> {
      JsonNode welcome = frames.stream().filter(w -> w.path("type").asText().equals("welcome")).findFirst().orElse(null);
      if (welcome == null) return false;
      boolean snapshot = welcome.path("resume").path(space).asText().equals("snapshot");
      if (snapshot && frames.stream().noneMatch(x -> x.path("type").asText().equals("snapshot")
          && x.path("space").asText().equals(space))) return false;
      return cursor(space) >= seq;
    }, timeout, "caught up on " + space + " to " + seq);
  }

  /** Waits until some frame received so far matches; returns the first that does. */
  public JsonNode awaitFrame(Predicate<JsonNode> match, Duration timeout) {
    return awaitFrame(match, timeout, "a matching frame");
  }

  private JsonNode awaitFrame(Predicate<JsonNode> match, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while (true) {
        for (JsonNode f : frames) if (match.test(f)) return f;
        long left = deadline - System.nanoTime();
        if (left <= 0 || closeCode != null && frames.stream().noneMatch(match)) {
          if (left > 0 && closeCode != null) {
            throw new AssertionError("stream closed (" + closeCode + " " + closeReason + ") before " + what
                + "; frames: " + frames);
          }
          throw new AssertionError("timed out waiting for " + what + "; frames: " + frames);
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }
  }

  /** Waits for the server to close the stream; returns the close code (1006: dropped without one). */
  public int awaitClose(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while (closeCode == null) {
        long left = deadline - System.nanoTime();
        if (left <= 0) throw new AssertionError("the stream is still open; frames: " + frames.size());
        try {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
      return closeCode;
    }
  }

  public synchronized Integer closeCode() {
    return closeCode;
  }

  public synchronized String closeReason() {
    return closeReason;
  }

  /** Sends {@code text} as one frame, exactly as given (a hostile or hand-made frame). */
  public void send(String text) {
    WebSocket ws;
    synchronized (this) {
      ws = socket;
    }
    ws.sendText(text, true).join();
  }

  /** Stops reading: frames pile up in the socket, as with a stalled terminal. */
  public synchronized void pause() {
    paused = true;
  }

  public void resume() {
    WebSocket ws;
    synchronized (this) {
      paused = false;
      ws = socket;
    }
    ws.request(1);
  }

  @Override
  public void close() {
    WebSocket ws;
    synchronized (this) {
      ws = socket;
    }
    if (ws != null && !ws.isOutputClosed()) {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
    }
    if (ws != null) ws.abort();
  }
}
