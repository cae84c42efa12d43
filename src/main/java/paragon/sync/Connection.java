package paragon.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paragon.receipts.ChangeFeed;
import paragon.receipts.ReceiptView;
import paragon.receipts.Viewer;

/**
 * One terminal's stream: which spaces it follows, for whom it filters, and, per space, the last seq
 * queued for it. Frames of one space are queued in seq order with no gap and no repeat:
 *
 * <ol>
 *   <li>On connect each space starts "catching up": from the terminal's cursor (or a snapshot's seq)
 *       it reads the change rows itself, a page at a time, as fast as the terminal takes them.</li>
 *   <li>Meanwhile live rows from the hub only raise {@code knownHead}. Catching up ends when a read
 *       comes back empty and nothing newer is known; from then on live rows are queued directly.</li>
 *   <li>A live row that does not follow the last queued seq (the hub read it before this connection
 *       joined, or skipped ahead) sends the space back to catching up, which fills the gap from the
 *       database. Rows at or below the last queued seq are skipped.</li>
 *   <li>A full send queue on a live row disconnects the terminal ({@link CloseCodes#TOO_SLOW}); it
 *       reconnects with its cursor and catches up at its own pace.</li>
 *   <li>A new viewer ({@link #refilter}: the device applied a revision with another view) starts the
 *       stream over in place, as a reconnect would: a welcome, a snapshot of every space, and each
 *       space goes on after its snapshot's seq. No frame for the old viewer is queued after it.</li>
 * </ol>
 *
 * <p>All mutable state (the viewer and the per-space cursors) is guarded by {@code this}.
 */
final class Connection {
  private static final Logger log = LoggerFactory.getLogger(Connection.class);
  private static final int PAGE = 200;
  /**
   * Places a catch-up leaves free for the heartbeat: it is queued between two pages, and a page that
   * filled the queue to the last place would make a reading terminal look too slow.
   */
  private static final int HEARTBEAT_ROOM = 1;

  /** The terminal's place in one space. */
  private static final class Cursor {
    long sent;
    long knownHead;
    /** False until a snapshot or the terminal's cursor set {@code sent}: nothing to report before. */
    boolean started;
    boolean catchingUp = true;
  }

  final long accountId;
  final long deviceId;
  final long userId;
  private Viewer viewer;
  final SendQueue queue;
  final String deviceToken;
  final String sessionToken;
  private final ChangeFeed feed;
  private final long stallMillis;
  private final Map<String, Cursor> cursors = new LinkedHashMap<>();

  Connection(long accountId, long deviceId, long userId, Viewer viewer, List<String> spaces, SendQueue queue,
      ChangeFeed feed, long stallMillis, String deviceToken, String sessionToken) {
    this.accountId = accountId;
    this.deviceId = deviceId;
    this.userId = userId;
    this.viewer = viewer;
    this.queue = queue;
    this.feed = feed;
    this.stallMillis = stallMillis;
    this.deviceToken = deviceToken;
    this.sessionToken = sessionToken;
    for (String space : spaces) cursors.put(space, new Cursor());
  }

  synchronized List<String> spaces() {
    return List.copyOf(cursors.keySet());
  }

  /**
   * Step 5: from now on every frame is filtered for {@code next} (same spaces; another set of spaces
   * needs a reconnect). Under the lock, so no change frame for the old viewer is queued after this:
   * the welcome and the snapshots (read here, which holds this stream's live rows back for as long; it
   * happens once per applied revision) replace everything the terminal held, in queue order with
   * every other frame. Returns false when the stream must reconnect instead: its first snapshots or
   * cursors are not all queued yet (the hello is still being answered, for the old viewer).
   */
  synchronized boolean refilter(Viewer next, long heartbeatSeconds) {
    if (next.key().equals(viewer.key())) {
      viewer = next;
      return true;
    }
    if (cursors.values().stream().anyMatch(c -> !c.started)) return false;
    viewer = next;
    Map<String, String> resume = new LinkedHashMap<>();
    cursors.keySet().forEach(space -> resume.put(space, Resume.SNAPSHOT.wire()));
    if (!queue.offer(Frames.welcome(next.key(), List.copyOf(cursors.keySet()), resume, heartbeatSeconds))) return true;
    for (Map.Entry<String, Cursor> e : cursors.entrySet()) {
      startFromSnapshot(feed.snapshot(accountId, e.getKey(), deviceId));
      Cursor c = e.getValue();
      // Whatever follows the snapshot is read from the database; a running catch-up just goes on.
      if (!c.catchingUp) {
        c.catchingUp = true;
        catchUpAsync(e.getKey());
      }
    }
    return true;
  }

  /**
   * The last seq queued per started space: what the terminal's cursors are once it has read the queue.
   * A space whose snapshot is not queued yet is left out, so a heartbeat never names a position the
   * terminal has not been given.
   */
  synchronized Map<String, Long> positions() {
    Map<String, Long> out = new LinkedHashMap<>();
    cursors.forEach((space, c) -> {
      if (c.started) out.put(space, c.sent);
    });
    return out;
  }

  /**
   * Step 1 with a snapshot (read for this device, so it names the device's last command): queue it,
   * and resume after its seq. Called before {@link #catchUp}.
   */
  synchronized void startFromSnapshot(ChangeFeed.Snapshot snapshot) {
    List<String> full = new ArrayList<>();
    List<Sight.Occupied> occupied = new ArrayList<>();
    for (ReceiptView open : snapshot.receipts()) {
      switch (Sight.of(open, viewer)) {
        case Sight.Full f -> full.add(FramedChange.json(open));
        case Sight.Occupied o -> occupied.add(o);
        case Sight.Gone g -> { }
      }
    }
    Long by = snapshot.lastCommand() > 0 ? snapshot.lastCommand() : null;
    queue.offer(Frames.snapshot(snapshot.space(), snapshot.seq(), by, full, occupied, snapshot.generations()));
    Cursor c = cursors.get(snapshot.space());
    c.sent = snapshot.seq();
    c.started = true;
  }

  /** Step 1 with the terminal's own cursor. */
  synchronized void startFrom(String space, long seq) {
    Cursor c = cursors.get(space);
    c.sent = seq;
    c.started = true;
  }

  /** Steps 2-3: live rows from the hub, in seq order, possibly already queued or ahead of us. */
  void deliver(String space, List<FramedChange> rows) {
    if (rows.isEmpty()) return;
    boolean gap = false;
    synchronized (this) {
      Cursor c = cursors.get(space);
      if (c == null) return;
      long last = rows.get(rows.size() - 1).seq;
      c.knownHead = Math.max(c.knownHead, last);
      if (c.catchingUp) return;
      for (FramedChange row : rows) {
        if (row.seq <= c.sent) continue;
        if (row.seq != c.sent + 1) {
          c.catchingUp = true;
          gap = true;
          break;
        }
        if (!queue.offer(row.frameFor(viewer, deviceId))) return; // too slow: the queue closed the stream
        c.sent = row.seq;
      }
    }
    if (gap) catchUpAsync(space);
  }

  void catchUpAsync(String space) {
    Thread.ofVirtual().name("stream-catchup-" + deviceId).start(() -> catchUp(space));
  }

  /** Steps 1-2: reads rows after the last queued seq until nothing newer is known, then goes live. */
  void catchUp(String space) {
    try {
      int emptyReads = 0;
      while (!queue.isClosed()) {
        if (!queue.awaitRoom(Math.min(PAGE, queue.capacity() / 2 + 1), stallMillis)) {
          if (!queue.isClosed()) queue.close(CloseCodes.TOO_SLOW, "terminal stopped reading while catching up");
          return;
        }
        long after;
        synchronized (this) {
          after = cursors.get(space).sent;
        }
        List<FramedChange> rows = feed
            .changesSince(accountId, space, after, Math.min(PAGE, Math.max(1, queue.room())))
            .stream().map(FramedChange::of).toList();
        synchronized (this) {
          Cursor c = cursors.get(space);
          for (FramedChange row : rows) {
            if (row.seq <= c.sent) continue; // a snapshot (step 5) moved past it while this page was read
            if (row.seq != c.sent + 1) {
              throw new IllegalStateException("change feed of " + space + " skips from " + c.sent + " to " + row.seq);
            }
            // The room was read before the page: a heartbeat (or another space's catch-up) may have
            // taken some since. What does not fit now is read again once there is room.
            if (queue.room() <= HEARTBEAT_ROOM) break;
            if (!queue.offer(row.frameFor(viewer, deviceId))) return;
            c.sent = row.seq;
          }
          if (rows.isEmpty() && c.knownHead <= c.sent) {
            c.catchingUp = false;
            return;
          }
        }
        // A wake-up can name a seq whose commit is not visible to this read yet; don't spin on it.
        emptyReads = rows.isEmpty() ? emptyReads + 1 : 0;
        if (emptyReads > 0) Thread.sleep(Math.min(5L * emptyReads, 200));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("stream of device {} failed while catching up {}", deviceId, space, e);
      queue.close(CloseCodes.SERVER_ERROR, "server error");
    }
  }

  /**
   * Under the lock, so no change frame is queued between reading the positions and queuing the heartbeat.
   * None before the hello is answered (no space started yet): the welcome is the stream's first frame,
   * even when the hub's timer reaches a stream that is still reading its heads.
   */
  synchronized void heartbeat(long now) {
    if (cursors.values().stream().noneMatch(c -> c.started)) return;
    queue.heartbeat(Frames.heartbeat(positions(), now));
  }
}
