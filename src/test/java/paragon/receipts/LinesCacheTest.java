package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.testing.TestDatabases;

/**
 * The lines of a receipt this node committed are not read again for its next command (issue 11: a
 * command on a 500-line receipt read 500 lines), and lines changed anywhere else are: an entry is
 * used only while the receipt's row names the state it was committed with. The whole test suite runs
 * with {@value LinesCache#VERIFY_PROPERTY}, so every use anywhere is also checked against the stored
 * lines; here the check is off where statements are counted.
 */
class LinesCacheTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_command_reads_no_lines_this_node_committed_and_reads_the_lines_another_writer_changed(
      TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      LinesCache cache = LinesCache.of(f.app.db.jdbi());
      cache.verifying(false);
      Terminal anna = f.terminal("anna");
      String receipt = anna.openAdHoc();
      String beer = anna.add(receipt, f.beer, 1000);
      anna.add(receipt, f.espresso, 1000);
      List<String> reads = new CopyOnWriteArrayList<>();
      f.app.db.jdbi().setSqlLogger(new SqlLogger() {
        @Override
        public void logAfterExecution(StatementContext context) {
          String sql = context.getRenderedSql().replaceAll("\\s+", " ");
          if (Thread.currentThread().getName().startsWith("commands-") && sql.contains("FROM lines WHERE")
              && sql.contains("receipt_id = :r")) {
            reads.add(sql);
          }
        }
      });

      assertThat(anna.send("adjustQuantity", "lineId", beer, "delta", 1000).path("status").asText())
          .isEqualTo("accepted");
      assertThat(reads).as("lines read by a command on a receipt this node just wrote").isEmpty();
      assertThat(quantity(f, receipt, beer)).isEqualTo(2000);

      // Another node's change: a line and the receipt's row with the next seq of its space.
      f.app.db.inTransaction(h -> {
        String space = h.createQuery("SELECT space FROM receipts WHERE id = :r").bind("r", receipt)
            .mapTo(String.class).one();
        long seq = h.createQuery("UPDATE spaces SET seq = seq + 1 WHERE account_id = :a AND space = :s RETURNING seq")
            .bind("a", f.account).bind("s", space).mapTo(Long.class).one();
        h.createUpdate("UPDATE lines SET quantity = 5000 WHERE id = :l").bind("l", beer).execute();
        return h.createUpdate("UPDATE receipts SET seq = :q WHERE id = :r").bind("q", seq).bind("r", receipt).execute();
      });
      assertThat(anna.send("adjustQuantity", "lineId", beer, "delta", 1000).path("status").asText())
          .isEqualTo("accepted");
      assertThat(reads).as("lines read after another writer's change").hasSize(1);
      assertThat(quantity(f, receipt, beer)).isEqualTo(6000);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void checking_finds_lines_changed_without_a_new_seq(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      LinesCache cache = LinesCache.of(f.app.db.jdbi());
      cache.verifying(true);
      Terminal anna = f.terminal("anna");
      String receipt = anna.openAdHoc();
      String beer = anna.add(receipt, f.beer, 1000);
      // A writer that breaks the rule: the line changes, the row's seq does not.
      f.app.db.inTransaction(h -> h.createUpdate("UPDATE lines SET quantity = 7000 WHERE id = :l").bind("l", beer)
          .execute());
      assertThatThrownBy(() -> f.app.db.read(h -> ReceiptStore.load(h, f.account, receipt)))
          .hasMessageContaining("are not the stored ones");
    }
  }

  @Test
  void lines_of_another_state_are_read_and_past_its_bound_it_starts_empty() {
    LinesCache cache = new LinesCache(5);
    cache.verifying(false);
    Receipt three = receipt("r1", 3, 10);
    cache.put(1, three);
    AtomicInteger read = new AtomicInteger();
    List<Line> stored = List.of(line("x"));
    assertThat(cache.lines(1, three, () -> count(read, stored))).isEqualTo(three.lines());
    assertThat(read).hasValue(0);
    // Another seq, space, content seq or update time, or another account: read.
    assertThat(cache.lines(1, three.with(b -> b.seq(11)), () -> count(read, stored))).isEqualTo(stored);
    assertThat(cache.lines(1, three.with(b -> b.space("shop:9")), () -> count(read, stored))).isEqualTo(stored);
    assertThat(cache.lines(1, three.with(b -> b.contentSeq(2)), () -> count(read, stored))).isEqualTo(stored);
    assertThat(cache.lines(1, three.with(b -> b.updatedAt(99)), () -> count(read, stored))).isEqualTo(stored);
    assertThat(cache.lines(2, three, () -> count(read, stored))).isEqualTo(stored);
    assertThat(read).hasValue(5);
    // The same receipt again replaces its entry; a third receipt past 5 lines empties the cache.
    cache.put(1, receipt("r1", 3, 12));
    cache.put(1, receipt("r2", 2, 1));
    assertThat(cache.size()).isEqualTo(2);
    cache.put(1, receipt("r3", 1, 1));
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.lines(1, receipt("r3", 1, 1), () -> count(read, stored))).hasSize(1);
    assertThat(read).hasValue(5);
  }

  private static List<Line> count(AtomicInteger read, List<Line> stored) {
    read.incrementAndGet();
    return stored;
  }

  private static Line line(String id) {
    return new Line(id, null, "Piwo", 1250, 1000, Vat.of("23"), null, false);
  }

  private static Receipt receipt(String id, int lines, long seq) {
    List<Line> ls = new ArrayList<>();
    for (int i = 0; i < lines; i++) ls.add(line(id + "-" + i));
    return Receipt.builder().id(id).space("device:1").shopId(1).number(1L).name("Rachunek 1").kind(Kind.AD_HOC)
        .state(State.OPEN).createdAt(5_000).updatedAt(5_000).lines(ls).seq(seq).contentSeq(1).build();
  }

  private static long quantity(Floor f, String receipt, String line) {
    return f.receipt(receipt).lines().stream().filter(l -> l.id().equals(line)).findFirst().orElseThrow().quantity();
  }
}
