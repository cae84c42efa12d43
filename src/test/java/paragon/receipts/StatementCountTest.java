package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.DeviceModel;
import paragon.configuration.EffectiveConfig;
import paragon.configuration.Revisions;
import paragon.testing.TestDatabases;
import paragon.web.I18n;
import paragon.web.Json;

/**
 * Round trips per command (issue 11): how many SQL statements one command runs, counted through JDBI
 * on the thread that submits it, for the common command types, each under a ceiling and the same on a
 * 100-line receipt as on a 1-line one (a command writes the line it touches, not every line).
 */
class StatementCountTest {
  /**
   * The most statements each command type may take (PostgreSQL's count; SQLite's is one less, the
   * applied revision read with the cursor's lock). Before issue 11, on a 1-line receipt: openAdHoc 21,
   * openTable 18, addLine 25, adjustQuantity 23, rename 21, startPayment 21, pay 24; one more per line.
   * A command on a receipt this node wrote last reads none of its lines ({@link LinesCache}).
   */
  private static final Map<String, Integer> CEILING = Map.of(
      "openAdHoc", 12, "openTable", 11, "addLine", 13, "adjustQuantity", 12, "rename", 11,
      "startPayment", 11, "pay", 14);

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_command_takes_few_statements_and_as_many_on_a_long_receipt_as_on_a_short_one(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Map<String, Integer> one = counts(f, f.terminal("anna"), f.anna, 1, "Stolik 1");
      Map<String, Integer> hundred = counts(f, f.terminal("ola"), f.ola, 100, "Stolik 2");
      System.out.printf("statements per command on %s: 1 line %s, 100 lines %s%n", kind, one, hundred);
      assertThat(hundred).isEqualTo(one);
      one.forEach((type, count) -> assertThat(count).as("%s on %s", type, kind).isLessThanOrEqualTo(CEILING.get(type)));
    }
  }

  /** Statements of each measured command of {@code t}'s cashier, on a receipt that holds {@code lines} lines. */
  private static Map<String, Integer> counts(Floor f, Terminal t, long user, int lines, String table) {
    String receipt = t.openAdHoc();
    List<Map<String, Object>> adds = new ArrayList<>();
    for (int i = 0; i < lines - 1; i++) {
      adds.add(Terminal.command("addLine", "receiptId", receipt, "lineId", Terminal.uuid(), "productId", f.beer,
          "quantity", 1));
    }
    if (!adds.isEmpty()) t.sendAll(adds).forEach(ack -> assertThat(ack.path("status").asText()).isEqualTo("accepted"));
    Commands c = new Commands(f, t, user);
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("openAdHoc", c.count("openAdHoc", "receiptId", Terminal.uuid()));
    counts.put("openTable", c.count("openTable", "slotId", f.slot(table)));
    String line = Terminal.uuid();
    counts.put("addLine", c.count("addLine", "receiptId", receipt, "lineId", line, "productId", f.beer, "quantity", 1));
    counts.put("adjustQuantity", c.count("adjustQuantity", "lineId", line, "delta", 2));
    counts.put("rename", c.count("rename", "receiptId", receipt, "name", "Taras"));
    counts.put("startPayment", c.count("startPayment", "receiptId", receipt));
    ReceiptView view = f.receipt(receipt);
    assertThat(view.lines()).hasSize(lines);
    counts.put("pay", c.count("pay", "receiptId", receipt, "seq", view.seq(),
        "payments", List.of(Map.of("method", "CASH", "amount", view.total()))));
    return counts;
  }

  /** Submits commands as {@code t}'s cashier straight to a {@link CommandService}, counting their statements. */
  private static final class Commands {
    private final Terminal t;
    private final Actor actor;
    private final CommandService service;
    private final Counter counter = new Counter();

    Commands(Floor f, Terminal t, long user) {
      this.t = t;
      this.service = new CommandService(f.app.db, Feed.NONE, f.app.clock);
      this.actor = f.app.db.read(h -> {
        long revision = Revisions.current(h, f.account);
        EffectiveConfig config = EffectiveConfig.of(Revisions.snapshot(h, f.account, revision), f.shop,
            DeviceModel.SMART_PLUS);
        return new Actor(f.account, t.deviceId, f.shop, DeviceModel.SMART_PLUS, user, "Cashier",
            f.waiterRole, Set.of(), config);
      });
      f.app.db.jdbi().setSqlLogger(counter);
      // Counted as a node runs: the suite's check of the kept lines against the stored ones is a read.
      LinesCache.of(f.app.db.jdbi()).verifying(false);
    }

    int count(String type, Object... fields) {
      Map<String, Object> command = new LinkedHashMap<>(Terminal.command(type, fields));
      command.put("n", t.nextNumber());
      t.skipNumbers(1);
      counter.start();
      List<Ack> acks = service.submit(actor, Json.MAPPER.valueToTree(List.of(command)), I18n.of("pl"), "count");
      List<String> statements = counter.stop();
      assertThat(statements).as("%s: statements seen on the command workers", type).isNotEmpty();
      assertThat(acks.get(0).status()).as("%s: %s", type, acks.get(0)).isEqualTo("accepted");
      System.out.printf("%s: %d statements%n  %s%n", type, statements.size(), String.join("\n  ", statements));
      return statements.size();
    }
  }

  /**
   * Counts the statements that JDBI executes between {@link #start} and {@link #stop} on the command
   * workers' threads (the sequencer's {@code commands-N}: a command runs there, not on the thread that
   * submits it; nothing else sends commands meanwhile).
   */
  private static final class Counter implements SqlLogger {
    private volatile boolean counting;
    private final List<String> statements = new java.util.concurrent.CopyOnWriteArrayList<>();

    void start() {
      statements.clear();
      counting = true;
    }

    List<String> stop() {
      counting = false;
      return List.copyOf(statements);
    }

    @Override
    public void logAfterExecution(StatementContext context) {
      if (counting && Thread.currentThread().getName().startsWith("commands-")) {
        statements.add(context.getRenderedSql().replaceAll("\\s+", " "));
      }
    }

    @Override
    public void logException(StatementContext context, java.sql.SQLException ex) {
      logAfterExecution(context);
    }
  }
}
