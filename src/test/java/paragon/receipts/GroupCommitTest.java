package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.DeviceModel;
import paragon.configuration.EffectiveConfig;
import paragon.configuration.Revisions;
import paragon.demo.Seed;
import paragon.testing.TestDatabases;
import paragon.web.I18n;

/**
 * Group commit (issue 11): commands of many devices are applied in shared transactions, each still
 * exactly once and in order per device, its ack matching its log row; a command that throws inside a
 * batch is recorded refused {@code internal} while the others of that batch commit; on both databases.
 */
class GroupCommitTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void many_devices_of_one_shop_and_of_many_shops_sending_at_once_are_applied_once_and_in_order(
      TestDatabases.Kind kind) throws Exception {
    try (Floor f = new Floor(kind)) {
      f.change(h -> Seed.shop(h, f.account, "Wola", true, f.app.clock.millis()));
      long thirdShop = f.app.db.read(h -> h.createQuery("SELECT id FROM shops WHERE name = 'Wola'")
          .mapTo(Long.class).one());
      // Five terminals in one shop, two in each of two others, one that parks locally (its own space).
      List<Terminal> terminals = new ArrayList<>();
      for (int i = 0; i < 5; i++) terminals.add(f.terminal(f.shop, DeviceModel.SMART_PLUS, "anna"));
      for (int i = 0; i < 2; i++) terminals.add(f.terminal(f.otherShop, DeviceModel.POCKET, "ola"));
      for (int i = 0; i < 2; i++) terminals.add(f.terminal(thirdShop, DeviceModel.SMART_PLUS, "marek"));
      terminals.add(f.terminal(f.shop, DeviceModel.SMART, "anna"));
      List<String> receipts = new ArrayList<>();
      for (Terminal t : terminals) receipts.add(t.openAdHoc());
      // The first terminal's receipt holds a line whose amount overflows: any change of it throws.
      String broken = terminals.get(0).openAdHoc();
      String line = terminals.get(0).add(broken, f.espresso, 1000);
      f.handEdit(broken, h -> h.createUpdate("UPDATE lines SET unit_price = :p WHERE id = :id")
          .bind("p", Long.MAX_VALUE / 10).bind("id", line).execute());

      int rounds = 12;
      ExecutorService pool = Executors.newFixedThreadPool(terminals.size());
      List<Future<Map<Long, JsonNode>>> sent = new ArrayList<>();
      for (int d = 0; d < terminals.size(); d++) {
        Terminal t = terminals.get(d);
        String receipt = receipts.get(d);
        boolean breaks = d == 0;
        sent.add(pool.submit(() -> {
          Random random = new Random(t.deviceId);
          Map<Long, JsonNode> acks = new LinkedHashMap<>();
          for (int round = 0; round < rounds; round++) {
            List<Map<String, Object>> batch = new ArrayList<>();
            int size = 1 + random.nextInt(3);
            for (int c = 0; c < size; c++) {
              batch.add(Terminal.command("addLine", "receiptId", receipt, "lineId", Terminal.uuid(),
                  "productId", f.espresso, "quantity", 1000));
            }
            if (breaks && round == rounds / 2) {
              batch.add(1, Terminal.command("addLine", "receiptId", broken, "lineId", Terminal.uuid(),
                  "productId", f.beer));
            }
            long first = t.nextNumber();
            List<JsonNode> answered = t.sendAll(batch);
            for (int i = 0; i < answered.size(); i++) acks.put(first + i, answered.get(i));
          }
          return acks;
        }));
      }
      List<Map<Long, JsonNode>> answers = new ArrayList<>();
      for (Future<Map<Long, JsonNode>> s : sent) answers.add(s.get(120, TimeUnit.SECONDS));
      pool.shutdown();

      int internal = 0;
      for (int d = 0; d < terminals.size(); d++) {
        Terminal t = terminals.get(d);
        Map<Long, JsonNode> acks = answers.get(d);
        // Exactly once: one log row per number, 1..last, each with the status its ack said.
        List<Map<String, Object>> logged = f.app.db.read(h -> h.createQuery(
                "SELECT n, status, code, seq FROM commands WHERE device_id = :d ORDER BY n")
            .bind("d", t.deviceId).mapToMap().list());
        assertThat(logged).extracting(r -> ((Number) r.get("n")).longValue())
            .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, t.nextNumber() - 1).boxed().toList());
        long previousSeq = 0;
        for (Map<String, Object> row : logged) {
          long n = ((Number) row.get("n")).longValue();
          JsonNode ack = acks.get(n);
          if (ack == null) continue; // the setup's commands, answered before
          assertThat(ack.path("status").asText()).as("device %d n %d: %s", t.deviceId, n, ack)
              .isEqualTo(row.get("status"));
          if ("internal".equals(ack.path("code").asText())) {
            internal++;
            continue;
          }
          assertThat(ack.path("status").asText()).as("device %d n %d: %s", t.deviceId, n, ack).isEqualTo("accepted");
          long seq = ((Number) row.get("seq")).longValue();
          assertThat(ack.path("seq").asLong()).isEqualTo(seq);
          // In order per device: its commands took seqs of its space in the order of their numbers.
          assertThat(seq).as("device %d n %d", t.deviceId, n).isGreaterThan(previousSeq);
          previousSeq = seq;
        }
        long added = acks.values().stream().filter(a -> a.path("status").asText().equals("accepted")).count();
        assertThat(f.count("lines WHERE receipt_id = '" + receipts.get(d) + "'")).isEqualTo(added);
        assertThat(f.receipt(receipts.get(d)).lines()).hasSize((int) added);
      }
      assertThat(internal).isEqualTo(1);
      assertThat(f.count("lines WHERE receipt_id = '" + broken + "'")).isEqualTo(1);
      // Every seq of every space was taken once, by one change row.
      assertThat(f.count("changes")).isEqualTo(f.app.db.read(h -> h.createQuery("SELECT SUM(seq) FROM spaces")
          .mapTo(Long.class).one()));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void what_queued_while_a_batch_ran_commits_in_one_transaction_and_a_command_that_throws_there_is_refused_alone(
      TestDatabases.Kind kind) throws Exception {
    try (Floor f = new Floor(kind)) {
      List<String> feedCalls = Collections.synchronizedList(new ArrayList<>());
      Feed feed = (account, space, seq) -> feedCalls.add(space + "@" + seq);
      CommandService commands = new CommandService(f.app.db, feed, f.app.clock);
      List<Terminal> terminals = new ArrayList<>();
      List<String> receipts = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        Terminal t = f.terminal("anna");
        terminals.add(t);
        receipts.add(t.openAdHoc());
      }
      String broken = terminals.get(1).openAdHoc();
      String line = terminals.get(1).add(broken, f.espresso, 1000);
      f.handEdit(broken, h -> h.createUpdate("UPDATE lines SET unit_price = :p WHERE id = :id")
          .bind("p", Long.MAX_VALUE / 10).bind("id", line).execute());
      // Its rows, not its view: the view cannot be computed from the broken line.
      String brokenBefore = rows(f, broken);
      long revision = f.app.db.read(h -> Revisions.current(h, f.account));
      EffectiveConfig config = f.app.db.read(h -> EffectiveConfig.of(Revisions.snapshot(h, f.account, revision), f.shop,
          DeviceModel.SMART_PLUS));
      List<Actor> actors = terminals.stream().map(t -> new Actor(f.account, t.deviceId, f.shop, DeviceModel.SMART_PLUS,
          f.anna, "Anna Nowak", f.waiterRole, Set.of(), config)).toList();

      ExecutorService pool = Executors.newCachedThreadPool();
      try (Connection lock = DriverManager.getConnection(f.app.db.url())) {
        // Hold the first batch: on SQLite the file's write lock, on PostgreSQL the first device's cursor row.
        try (Statement st = lock.createStatement()) {
          if (kind == TestDatabases.Kind.SQLITE) {
            st.execute("BEGIN IMMEDIATE");
          } else {
            lock.setAutoCommit(false);
            st.execute("SELECT last_n FROM command_cursors WHERE device_id = " + terminals.get(0).deviceId + " FOR UPDATE");
          }
        }
        long commitsBefore = f.app.db.commits();
        Future<List<Ack>> first = pool.submit(() -> commands.submit(actors.get(0),
            batch(terminals.get(0), add(receipts.get(0), f.espresso)), I18n.of("pl"), "req-0"));
        while (commands.unanswered() != 1 || commands.queued() != 0) Thread.sleep(5);
        // The first batch is under way and waits: these queue behind it.
        Future<List<Ack>> withBroken = pool.submit(() -> commands.submit(actors.get(1),
            batch(terminals.get(1), add(receipts.get(1), f.espresso), add(broken, f.beer), add(receipts.get(1), f.beer)),
            I18n.of("pl"), "req-1"));
        Future<List<Ack>> two = pool.submit(() -> commands.submit(actors.get(2),
            batch(terminals.get(2), add(receipts.get(2), f.espresso), add(receipts.get(2), f.beer)), I18n.of("pl"),
            "req-2"));
        // A gap in the same batch writes nothing and changes nothing for the others.
        ArrayNode gap = batch(terminals.get(3), add(receipts.get(3), f.espresso));
        ((com.fasterxml.jackson.databind.node.ObjectNode) gap.get(0)).put("n", terminals.get(3).nextNumber() + 5);
        Future<List<Ack>> gapped = pool.submit(() -> commands.submit(actors.get(3), gap, I18n.of("pl"), "req-3"));
        Future<List<Ack>> four = pool.submit(() -> commands.submit(actors.get(4),
            batch(terminals.get(4), add(receipts.get(4), f.beer)), I18n.of("pl"), "req-4"));
        while (commands.queued() != 4) Thread.sleep(5);
        assertThat(first.isDone()).isFalse();
        if (kind == TestDatabases.Kind.SQLITE) {
          try (Statement st = lock.createStatement()) {
            st.execute("ROLLBACK");
          }
        } else {
          lock.rollback();
        }

        assertThat(first.get(30, TimeUnit.SECONDS)).extracting(Ack::status).containsExactly("accepted");
        List<Ack> broke = withBroken.get(30, TimeUnit.SECONDS);
        assertThat(broke).extracting(Ack::status).containsExactly("accepted", "refused", "accepted");
        assertThat(broke.get(1).code()).isEqualTo("internal");
        assertThat(broke.get(1).details().get("requestId")).isEqualTo("req-1");
        assertThat(two.get(30, TimeUnit.SECONDS)).extracting(Ack::status).containsExactly("accepted", "accepted");
        List<Ack> gapAcks = gapped.get(30, TimeUnit.SECONDS);
        assertThat(gapAcks).extracting(Ack::code).containsExactly("gap");
        assertThat(four.get(30, TimeUnit.SECONDS)).extracting(Ack::status).containsExactly("accepted");
        // Two transactions for eight commands: the held one, and one for all that queued behind it
        // (the batch with the command that threw was rolled back and applied again without it).
        assertThat(f.app.db.commits() - commitsBefore).isEqualTo(2);
      } finally {
        pool.shutdownNow();
      }
      // The batch told the feed once for the shop's space, with its highest seq; acks match the log.
      long shopSeq = f.app.db.read(h -> h.createQuery("SELECT seq FROM spaces WHERE space = :s")
          .bind("s", Actor.shopSpace(f.shop)).mapTo(Long.class).one());
      assertThat(feedCalls).hasSize(2).last().isEqualTo(Actor.shopSpace(f.shop) + "@" + shopSeq);
      assertThat(rows(f, broken)).isEqualTo(brokenBefore);
      assertThat(f.count("lines WHERE receipt_id = '" + broken + "'")).isEqualTo(1);
      assertThat(f.count("lines WHERE receipt_id = '" + receipts.get(1) + "'")).isEqualTo(2);
      assertThat(f.count("commands WHERE device_id = " + terminals.get(3).deviceId)).isEqualTo(1);
      assertThat(f.count("commands WHERE device_id = " + terminals.get(1).deviceId + " AND code = 'internal'"))
          .isEqualTo(1);
    }
  }

  private static Map<String, Object> add(String receipt, long product) {
    return Terminal.command("addLine", "receiptId", receipt, "lineId", Terminal.uuid(), "productId", product);
  }

  /** The commands as a request body, numbered as the terminal's next ones. */
  @SafeVarargs
  private static ArrayNode batch(Terminal t, Map<String, Object>... commands) {
    ArrayNode batch = JsonNodeFactory.instance.arrayNode();
    for (Map<String, Object> c : commands) {
      var node = paragon.web.Json.MAPPER.valueToTree(c);
      ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("n", t.nextNumber());
      t.skipNumbers(1);
      batch.add((JsonNode) node);
    }
    return batch;
  }

  /** The receipt's row and its lines' rows, as text. */
  private static String rows(Floor f, String receiptId) {
    return f.app.db.read(h -> h.createQuery("SELECT * FROM receipts WHERE id = :id").bind("id", receiptId)
        .mapToMap().list() + " " + h.createQuery("SELECT * FROM lines WHERE receipt_id = :id ORDER BY id")
        .bind("id", receiptId).mapToMap().list());
  }
}
