package paragon.sync;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paragon.receipts.ChangeFeed;

/**
 * The connections of this node that follow one space, and the single reader that fans its new change
 * rows out to them. A wake-up (a local commit, a NOTIFY from another node, a heartbeat tick) makes the
 * reader read every row after the last one it read, once for all connections; wake-ups that arrive
 * while it reads are folded into one more pass, so a burst of commits costs a few reads, not one each.
 *
 * <p>{@code lastRead}, {@code running} and {@code dirty} are guarded by {@code this}.
 */
final class SpaceChannel {
  private static final Logger log = LoggerFactory.getLogger(SpaceChannel.class);
  private static final int PAGE = 500;

  final long accountId;
  final String space;
  private final ChangeFeed feed;
  private final Set<Connection> members = new CopyOnWriteArraySet<>();
  private long lastRead;
  private boolean running;
  private boolean dirty;

  SpaceChannel(long accountId, String space, ChangeFeed feed, long startAfter) {
    this.accountId = accountId;
    this.space = space;
    this.feed = feed;
    this.lastRead = startAfter;
  }

  void add(Connection c) {
    members.add(c);
  }

  /** Returns true when no connection follows the space any more. */
  boolean remove(Connection c) {
    members.remove(c);
    return members.isEmpty();
  }

  void wake() {
    synchronized (this) {
      dirty = true;
      if (running) return;
      running = true;
    }
    Thread.ofVirtual().name("space-" + space).start(this::drainLoop);
  }

  private void drainLoop() {
    while (true) {
      synchronized (this) {
        if (!dirty) {
          running = false;
          return;
        }
        dirty = false;
      }
      try {
        drain();
      } catch (RuntimeException e) {
        // The connections catch up by themselves at the next wake-up (or heartbeat); nothing is lost.
        log.error("reading changes of {} failed", space, e);
      }
    }
  }

  private void drain() {
    while (!members.isEmpty()) {
      long after;
      synchronized (this) {
        after = lastRead;
      }
      List<FramedChange> rows =
          feed.changesSince(accountId, space, after, PAGE).stream().map(FramedChange::of).toList();
      if (rows.isEmpty()) return;
      for (Connection c : members) c.deliver(space, rows);
      synchronized (this) {
        lastRead = rows.get(rows.size() - 1).seq;
      }
      if (rows.size() < PAGE) return;
    }
  }
}
