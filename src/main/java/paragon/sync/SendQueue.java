package paragon.sync;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One terminal's bounded send queue and its writer (a virtual thread), Square-style: one write at a
 * time, and a terminal that does not keep up is disconnected instead of letting the queue grow. It
 * then resumes from its cursor, which costs the server nothing. A write takes every frame queued
 * since the last one (up to {@link #MAX_BATCH}) and the pending ping, and flushes them together: with
 * two hundred terminals in one space, a burst of changes costs each socket one write, not one per
 * frame.
 *
 * <p>All mutable state is guarded by {@code this}.
 */
final class SendQueue {
  private static final Logger log = LoggerFactory.getLogger(SendQueue.class);
  /** A close that cannot be flushed (the peer stopped reading) becomes a hard disconnect after this. */
  private static final long CLOSE_GRACE_MILLIS = 2_000;
  /** At most this many frames per write, so the write timeout still measures a bounded amount. */
  private static final int MAX_BATCH = 64;

  private final Session session;
  private final int capacity;
  private final long writeTimeoutMillis;
  private final String name;
  /** The Jetty session under {@code session}, which can batch frames and flush them at once; or null. */
  private final CoreSession core;
  private final ArrayDeque<String> queue = new ArrayDeque<>();
  private boolean closed;
  private boolean pingDue;
  private final StreamMeters meters;

  SendQueue(Session session, int capacity, long writeTimeoutMillis, String name, StreamMeters meters) {
    this.meters = meters;
    if (capacity < 1) throw new IllegalArgumentException("capacity < 1: " + capacity);
    this.session = session;
    this.core = session instanceof WebSocketSession jetty ? jetty.getCoreSession() : null;
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
    meters.dropped().increment();
    close(CloseCodes.TOO_SLOW, "send queue full");
    return false;
  }

  /**
   * Queues a heartbeat frame and a ping after it, waking the writer once: both leave in one write. The
   * frame may be left out: not queued, and nothing else, when the queue is full. A terminal still busy
   * reading a full queue is not slow for that; one that stopped reading is caught by the write timeout,
   * or by the next change that does not fit.
   */
  synchronized void heartbeat(String frame) {
    if (closed) return;
    if (queue.size() < capacity) queue.add(frame);
    pingDue = true;
    notifyAll();
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

  synchronized boolean isClosed() {
    return closed;
  }

  /** Closes with {@code code}; frames still queued are dropped (the terminal resumes from its cursor). */
  void close(int code, String reason) {
    synchronized (this) {
      if (closed) return;
      closed = true;
      meters.dropped().increment(queue.size());
      queue.clear();
      notifyAll();
    }
    if (code == CloseCodes.TOO_SLOW) meters.slowClosed().increment();
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
      meters.dropped().increment(queue.size());
      queue.clear();
      notifyAll();
    }
  }

  private void writeLoop() {
    try {
      List<String> frames = new ArrayList<>();
      while (true) {
        boolean ping;
        synchronized (this) {
          while (!closed && queue.isEmpty() && !pingDue) wait();
          if (closed) return;
          ping = pingDue;
          pingDue = false;
          while (frames.size() < MAX_BATCH && !queue.isEmpty()) frames.add(queue.poll());
          notifyAll();
        }
        CompletableFuture<Void> sent = write(frames, ping);
        int count = frames.size();
        frames.clear();
        try {
          sent.get(writeTimeoutMillis, TimeUnit.MILLISECONDS);
          meters.sent().increment(count);
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

  /**
   * Writes the frames (and a ping after them) as one batch with one flush: Jetty aggregates the
   * small frames into one buffer, so a drain costs one socket write, not one per frame. Completes
   * when every frame and the flush did, exceptionally on the first failure.
   */
  private CompletableFuture<Void> write(List<String> frames, boolean ping) {
    CompletableFuture<Void> sent = new CompletableFuture<>();
    if (core == null) { // not a Jetty session (never in production): one frame at a time
      writeOneByOne(frames, ping, 0, sent);
      return sent;
    }
    AtomicInteger pending = new AtomicInteger(frames.size() + (ping ? 1 : 0) + 1);
    org.eclipse.jetty.util.Callback each = org.eclipse.jetty.util.Callback.from(() -> {
      if (pending.decrementAndGet() == 0) sent.complete(null);
    }, sent::completeExceptionally);
    for (String frame : frames) core.sendFrame(new Frame(OpCode.TEXT).setPayload(frame), each, true);
    if (ping) core.sendFrame(new Frame(OpCode.PING), each, true);
    core.flush(each);
    return sent;
  }

  private void writeOneByOne(List<String> frames, boolean ping, int from, CompletableFuture<Void> sent) {
    Callback next = Callback.from(() -> writeOneByOne(frames, ping, from + 1, sent), sent::completeExceptionally);
    if (from < frames.size()) session.sendText(frames.get(from), next);
    else if (from == frames.size() && ping) session.sendPing(ByteBuffer.allocate(0), next);
    else sent.complete(null);
  }
}
