package paragon.sync;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paragon.receipts.ChangeFeed;

/**
 * The connections of this node that follow one space, and the single reader that fans its new change
 * rows out to them. A wake-up (a NOTIFY from another node, a commit that did not bring its rows) makes
 * the reader read every row after the last one it read, once for all connections; wake-ups that arrive
 * while it reads are folded into one more pass, so a burst of commits costs a few reads, not one each.
 * A local command's commit brings the rows it wrote ({@link #wake(List)}): when they follow the last
 * row sent, they go out as they are, with no read and no decoding (issue 11: the read back was a
 * fifth of a command's cost); rows that do not follow (another lane's commit in this space came
 * first, a row is missing) make it read instead, and the read rows supersede them.
 * Nothing reads a space that was not woken (the heartbeat does not): a read that fails is retried by
 * the channel itself, after {@link #RETRY_FIRST_MS} doubling to {@link #RETRY_MAX_MS}, so a
 * wake-up is never lost to a database error.
 *
 * <p>{@code lastRead}, {@code running}, {@code dirty} and {@code retryMillis} are guarded by
 * {@code this}.
 */
final class SpaceChannel {
  private static final Logger log = LoggerFactory.getLogger(SpaceChannel.class);
  private static final int PAGE = 500;
  static final long RETRY_FIRST_MS = 250;
  static final long RETRY_MAX_MS = 10_000;

  final long accountId;
  final String space;
  private final ChangeFeed feed;
  private final StreamMeters meters;
  private final Set<Connection> members = new CopyOnWriteArraySet<>();
  private long lastRead;
  private boolean running;
  private boolean dirty;
  /** Rows brought by local commits, not sent yet. */
  private final BroughtRows brought = new BroughtRows();
  /** A wake-up without rows came: the next pass reads the feed. */
  private boolean mustRead;
  /** The wait before the next retry of a failed read; 0 while reads succeed. */
  private long retryMillis;

  SpaceChannel(long accountId, String space, ChangeFeed feed, long startAfter, StreamMeters meters) {
    this.meters = meters;
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
      mustRead = true;
    }
    start();
  }

  /** A local commit wrote {@code rows} in this space (seq order, consecutive): sent without a read when they follow. */
  void wake(List<ChangeFeed.ChangeRow> rows) {
    synchronized (this) {
      if (rows.isEmpty()) {
        mustRead = true;
      } else {
        for (ChangeFeed.ChangeRow row : rows) brought.add(FramedChange.of(row));
      }
    }
    start();
  }

  private void start() {
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
        synchronized (this) {
          retryMillis = 0;
        }
      } catch (RuntimeException e) {
        long wait;
        synchronized (this) {
          wait = retryMillis = Math.clamp(retryMillis * 2, RETRY_FIRST_MS, RETRY_MAX_MS);
        }
        log.error("reading changes of {} failed; retrying in {} ms", space, wait, e);
        Thread.ofVirtual().name("space-retry-" + space).start(() -> {
          try {
            Thread.sleep(wait);
            if (!members.isEmpty()) wake();
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
          }
        });
      }
    }
  }

  private void drain() {
    while (!members.isEmpty()) {
      long after;
      List<FramedChange> rows;
      synchronized (this) {
        after = lastRead;
        rows = mustRead ? null : brought.takeFollowing(lastRead, PAGE);
        mustRead = false;
      }
      boolean read = rows == null;
      if (read) rows = feed.changesSince(accountId, space, after, PAGE).stream().map(FramedChange::of).toList();
      if (rows.isEmpty()) return;
      (read ? meters.changesRead() : meters.changesCommitted()).increment(rows.size());
      for (Connection c : members) c.deliver(space, rows);
      synchronized (this) {
        lastRead = Math.max(lastRead, rows.get(rows.size() - 1).seq);
        brought.dropUpTo(lastRead);
        if (read && rows.size() == PAGE) mustRead = true;
        if (!mustRead && brought.isEmpty()) return;
      }
    }
  }
}
