package paragon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import paragon.receipts.ReceiptView;

/**
 * The rows a local commit hands to its space's channel: sent as they are only when they follow what
 * was sent; in any other order the channel reads the feed (issue 11).
 */
class BroughtRowsTest {
  private static FramedChange row(long seq) {
    return new FramedChange("shop:1", seq, (ReceiptView) null, null, null);
  }

  private static List<Long> seqs(List<FramedChange> rows) {
    return rows == null ? null : rows.stream().map(r -> r.seq).toList();
  }

  @Test
  void rows_that_follow_what_was_sent_are_taken_in_runs_of_at_most_max() {
    BroughtRows b = new BroughtRows();
    for (long s = 11; s <= 15; s++) b.add(row(s));
    assertThat(seqs(b.takeFollowing(10, 3))).containsExactly(11L, 12L, 13L);
    assertThat(seqs(b.takeFollowing(13, 3))).containsExactly(14L, 15L);
    assertThat(b.takeFollowing(15, 3)).isEmpty();
    assertThat(b.isEmpty()).isTrue();
  }

  @Test
  void a_missing_row_means_read_the_feed_and_what_the_read_covered_is_dropped() {
    BroughtRows b = new BroughtRows();
    b.add(row(12)); // another lane's 11 has not come yet
    assertThat(b.takeFollowing(10, 10)).isNull();
    assertThat(b.isEmpty()).isFalse();
    b.add(row(11)); // it comes after 12
    b.dropUpTo(12); // the feed was read up to 12
    assertThat(b.isEmpty()).isTrue();
  }

  @Test
  void rows_at_or_below_what_was_sent_are_skipped_and_a_later_run_still_follows() {
    BroughtRows b = new BroughtRows();
    b.add(row(5));
    b.add(row(6));
    b.add(row(7));
    assertThat(seqs(b.takeFollowing(6, 10))).containsExactly(7L);
    b.add(row(9));
    b.add(row(8));
    assertThat(b.takeFollowing(7, 10)).isNull(); // 9 first: a hole at 8 as far as the order goes
    b.dropUpTo(9);
    assertThat(b.isEmpty()).isTrue();
  }
}
