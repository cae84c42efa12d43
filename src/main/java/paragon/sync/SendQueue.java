package paragon.sync;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One terminal's bounded send queue and its writer (a virtual thread), Square-style: frames are
 * written one at a time, and a terminal that does not keep up is disconnected instead of letting the
 * queue grow. It then resumes from its cursor, which costs the server nothing.
 *
 * <p>All mutable state is guarded by {@code this}.
 */
final class SendQueue {
  private static final Logger log = LoggerFactory.getLogger(SendQueue.class);
  /** A close that cannot be flushed (the peer stopped reading) becomes a hard disconnect after this. */
  private static final long CLOSE_GRACE_MILLIS = 2_000;

  private final Session session;
  private final int capacity;
  private final long writeTimeoutMillis;
  private final String name;
  private final ArrayDeque<String> queue = new ArrayDeque<>();
  private boolean closed;
  private boolean pingDue;

  SendQueue(Session session, int capacity, long writeTimeoutMillis, String name) {
    if (capacity < 1) throw new IllegalArgumentException("capacity < 1: " + capacity);
    this.session = session;
    this.capacity = capacity;
    this.writeTimeoutMillis = writeTimeoutMillis;
    this.name = name;
    Thread.ofVirtual().name("stream-writer-" + name).start(this::writeLoop);
  }

  /**
   * Queues a text frame. Returns false, having closed the connection with {@link CloseCodes#TOO_SLOW},
   * when the queue is full; false without side effect when already closed.
   */
  boolean offer(String frame) {
    synchronized (this) {
      if (closed) return false;
      if (queue.size() < capacity) {
        queue.add(frame);
        notifyAll();
        return true;
      }
    }
    close(CloseCodes.TOO_SLOW, "send queue full");
    return false;
  }

  /**
   * Queues a frame that may be left out (a heartbeat): false, and nothing else, when the queue is full
   * or closed. A terminal still busy reading a full queue is not slow for that; one that stopped
   * reading is caught by the write timeout, or by the next change that does not fit.
   */
  synchronized boolean offerIfRoom(String frame) {
    if (closed || queue.size() >= capacity) return false;
    queue.add(frame);
    notifyAll();
    return true;
  }

  int capacity() {
    return capacity;
  }

  /** How many more frames fit; the catch-up reader waits for room instead of overflowing. */
  synchronized int room() {
    return closed ? 0 : capacity - queue.size();
  }

  /** Waits until the queue has at least {@code wanted} free places, or the queue closed. */
  synchronized boolean awaitRoom(int wanted, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (!closed && capacity - queue.size() < wanted) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) return false;
      wait(left);
    }
    return !closed;
  }

  synchronized void ping() {
    if (closed) return;
    pingDue = true;
    notifyAll();
  }

  synchronized boolean isClosed() {
    return closed;
  }

  /** Closes with {@code code}; frames still queued are dropped (the terminal resumes from its cursor). */
  void close(int code, String reason) {
    synchronized (this) {
      if (closed) return;
      closed = true;
      queue.clear();
      notifyAll();
    }
    log.info("closing stream {}: {} {}", name, code, reason);
    try {
      session.close(code, reason, Callback.NOOP);
    } catch (RuntimeException e) {
      log.debug("close of stream {} failed: {}", name, e.toString());
    }
    Thread.ofVirtual().name("stream-reaper-" + name).start(() -> {
      try {
        Thread.sleep(CLOSE_GRACE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (session.isOpen()) session.disconnect();
    });
  }

  /** The peer went away: stop writing, nothing to send a close to. */
  void closedByPeer() {
    synchronized (this) {
      closed = true;
      queue.clear();
      notifyAll();
    }
  }

  private void writeLoop() {
    try {
      while (true) {
        String frame;
        boolean ping;
        synchronized (this) {
          while (!closed && queue.isEmpty() && !pingDue) wait();
          if (closed) return;
          ping = pingDue;
          pingDue = false;
          frame = ping ? null : queue.poll();
          notifyAll();
        }
        CompletableFuture<Void> sent = new CompletableFuture<>();
        Callback done = Callback.from(() -> sent.complete(null), sent::completeExceptionally);
        if (ping) session.sendPing(java.nio.ByteBuffer.allocate(0), done);
        else session.sendText(frame, done);
        try {
          sent.get(writeTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          close(CloseCodes.TOO_SLOW, "write timed out");
          return;
        } catch (ExecutionException e) {
          log.debug("stream {} write failed: {}", name, e.getCause().toString());
          closedByPeer();
          if (session.isOpen()) session.disconnect();
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
