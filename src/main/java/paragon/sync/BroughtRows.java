package paragon.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The change rows of one space that local commits handed to its channel and it has not sent yet, in
 * the order they came. Commits of two lanes in one space (a receipt moved in from another space) can
 * come in either order, so a run is taken only when it follows what was sent without a hole; a row
 * at or below what was sent (the feed was read past it) is dropped. Not thread-safe: the channel
 * guards it.
 */
final class BroughtRows {
  private final ArrayDeque<FramedChange> rows = new ArrayDeque<>();

  void add(FramedChange row) {
    rows.add(row);
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  /** Drops the rows numbered {@code sent} or below that are at the front (the others once they get there). */
  void dropUpTo(long sent) {
    while (!rows.isEmpty() && rows.peekFirst().seq <= sent) rows.pollFirst();
  }

  /**
   * The rows numbered {@code sent + 1, sent + 2, ...} at the front, at most {@code max}, taken; empty
   * when none is left; null when the first one left does not follow {@code sent} (a row is missing:
   * read the feed instead).
   */
  List<FramedChange> takeFollowing(long sent, int max) {
    dropUpTo(sent);
    if (rows.isEmpty()) return List.of();
    if (rows.peekFirst().seq != sent + 1) return null;
    List<FramedChange> run = new ArrayList<>();
    long next = sent + 1;
    while (!rows.isEmpty() && rows.peekFirst().seq == next && run.size() < max) {
      run.add(rows.pollFirst());
      next++;
    }
    return run;
  }
}
