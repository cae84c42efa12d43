package paragon.sync;

import io.micrometer.core.instrument.Counter;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import paragon.metrics.Metrics;
import paragon.web.TokenBuckets;

/**
 * The stream's caps (docs/protocol.md "Close codes", docs/operations.md "Limits"), each refused with
 * {@link CloseCodes#TRY_LATER}, which the terminal answers by reconnecting with its backoff, and counted
 * in {@code paragon_stream_refused_total{reason}}:
 * <ol>
 *   <li>{@code pending}: at most {@link StreamSettings#maxPending} sockets waiting for their hello (each
 *       is closed 4401 after {@link StreamSettings#helloTimeout} anyway; this bounds how many a flood
 *       of silent sockets can hold at once);</li>
 *   <li>{@code node}: at most {@link StreamSettings#maxStreams} streams on this node;</li>
 *   <li>{@code device}: a device may open {@value #DEVICE_BURST} streams at once and one a second
 *       after that (a terminal reconnects with a backoff of 0.5 to 5 s; only a client in a loop
 *       meets this). A device holds one stream at a time anyway: a newer one replaces it (4409).</li>
 * </ol>
 */
final class StreamLimits {
  static final int DEVICE_BURST = 20;

  private final StreamSettings settings;
  private final Set<Session> pending = ConcurrentHashMap.newKeySet();
  private final IntSupplier streams;
  private final TokenBuckets opens;
  private final Counter pendingRefused;
  private final Counter nodeRefused;
  private final Counter deviceRefused;

  /** {@code streams}: how many streams the node holds now (the hub's map, so nothing can drift). */
  StreamLimits(StreamSettings settings, Clock clock, Metrics metrics, IntSupplier streams) {
    this.settings = settings;
    this.streams = streams;
    this.opens = TokenBuckets.of(clock, 1, DEVICE_BURST, 100_000);
    this.pendingRefused = metrics.counter("paragon_stream_refused_total", "reason", "pending");
    this.nodeRefused = metrics.counter("paragon_stream_refused_total", "reason", "node");
    this.deviceRefused = metrics.counter("paragon_stream_refused_total", "reason", "device");
    metrics.gauge("paragon_streams_pending", pending::size);
  }

  /** Step 1, a socket opened: false (and closed) when too many wait for their hello already. */
  boolean admitPending(Session socket) {
    // One admission at a time: added first and counted after, two sockets opening at once each saw
    // the other and both were refused, one more than the cap asks.
    synchronized (pending) {
      if (pending.size() < settings.maxPending()) {
        pending.add(socket);
        return true;
      }
    }
    pendingRefused.increment();
    socket.close(CloseCodes.TRY_LATER, "too many connections waiting for hello", Callback.NOOP);
    return false;
  }

  /** The socket sent its first message, or closed, or its hello time is up: true when it was still waiting. */
  boolean notPending(Session socket) {
    return pending.remove(socket);
  }

  /**
   * Steps 2 and 3, a valid hello of {@code deviceId}: true when the stream may start; otherwise the
   * socket is closed and false. (Concurrent hellos may pass the node cap by a few: a bound, not a race
   * to win.)
   */
  boolean admitStream(Session socket, long deviceId) {
    return admitStream(socket, Long.toString(deviceId), "device");
  }

  /**
   * The same for {@code opener}'s bucket: a device's id, or {@code "key:<id>"} for an integrator's API
   * key ({@code who} says which in the close reason), counted as {@code reason="device"} alike.
   */
  boolean admitStream(Session socket, String opener, String who) {
    if (opens.take(opener) > 0) {
      deviceRefused.increment();
      socket.close(CloseCodes.TRY_LATER, "too many streams opened by this " + who, Callback.NOOP);
      return false;
    }
    if (streams.getAsInt() >= settings.maxStreams()) {
      nodeRefused.increment();
      socket.close(CloseCodes.TRY_LATER, "too many streams on this node", Callback.NOOP);
      return false;
    }
    return true;
  }
}
