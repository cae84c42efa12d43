package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.testing.TestDatabases;

/**
 * Three terminals pay the same receipts offline and online at once (docs/protocol.md "Paying
 * offline"). Each round: the receipts get random lines; each terminal "goes offline" holding random
 * receipts as they are then; colleagues change some of them; then every terminal sends its payments
 * at the same time, on its own thread: offline payments of what it held (sometimes a little short or
 * over), and online payments of the receipt as it is now. The choices come from the seed (printed;
 * rerun with {@code -Dparagon.seed=N}); the interleaving is the database's. After all rounds: every
 * grosz paid is in exactly one sale or attention item (Σ paid = Σ sales + Σ unsold), no receipt has
 * two sales or was closed by two commands, every closed receipt has its sale, and every line added is
 * in a sale, an open receipt, or was removed by a command.
 */
class OfflineRandomizedTest {
  private static final int ROUNDS = 6;
  private static final int RECEIPTS = 5;

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void every_grosz_paid_offline_or_online_is_in_exactly_one_sale_or_attention_item(TestDatabases.Kind kind)
      throws Exception {
    long seed = Long.getLong("paragon.seed", System.nanoTime());
    System.out.println("OfflineRandomizedTest seed " + seed + " on " + kind + " (rerun with -Dparagon.seed=" + seed + ")");
    Random random = new Random(seed);
    try (Floor f = new Floor(kind)) {
      List<Terminal> terminals = List.of(f.terminal("anna"), f.terminal("ola"), f.terminal("marek"));
      long[] products = {f.beer, f.espresso};
      long paid = 0;
      Map<String, Integer> closings = new HashMap<>();
      List<String> removed = new ArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(terminals.size());
      try {
        for (int round = 0; round < ROUNDS; round++) {
          List<String> receipts = new ArrayList<>();
          for (int i = 0; i < RECEIPTS; i++) {
            Terminal t = terminals.get(random.nextInt(terminals.size()));
            String id = t.openAdHoc();
            receipts.add(id);
            for (int k = 1 + random.nextInt(3); k > 0; k--) t.add(id, products[random.nextInt(2)], 1000L * (1 + random.nextInt(3)));
          }
          // Each terminal holds some receipts as they are now: what its screen shows once offline.
          List<List<Map<String, Object>>> batches = new ArrayList<>();
          List<List<ReceiptView>> held = new ArrayList<>();
          for (int t = 0; t < terminals.size(); t++) {
            List<ReceiptView> views = new ArrayList<>();
            for (String id : receipts) if (random.nextInt(3) == 0) views.add(f.receipt(id));
            held.add(views);
          }
          // Colleagues change some receipts meanwhile: add lines, raise quantities, remove lines.
          for (String id : receipts) {
            int change = random.nextInt(4);
            Terminal t = terminals.get(random.nextInt(terminals.size()));
            ReceiptView now = f.receipt(id);
            if (change == 1) t.add(id, products[random.nextInt(2)], 1000);
            if (change == 2) t.send("adjustQuantity", "lineId", now.lines().get(0).id(), "delta", 1000);
            if (change == 3 && now.lines().size() > 1) {
              removed.add(now.lines().get(0).id());
              t.send("removeLine", "lineId", now.lines().get(0).id());
            }
          }
          for (int t = 0; t < terminals.size(); t++) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (ReceiptView v : held.get(t)) {
              long amount = v.total() + (random.nextInt(5) == 0 ? random.nextInt(201) - 100 : 0);
              batch.add(Terminal.command("payOffline", "receiptId", v.id(), "seenSeq", v.seq(), "amount", amount,
                  "method", "cash", "paidAt", 1_764_600_000_000L));
            }
            if (random.nextBoolean()) {
              ReceiptView now = f.receipt(receipts.get(random.nextInt(receipts.size())));
              batch.add(Terminal.command("pay", "receiptId", now.id(), "seq", now.seq(),
                  "payments", List.of(Map.of("method", "CASH", "amount", now.total()))));
            }
            batches.add(batch);
          }
          List<Future<List<JsonNode>>> sent = new ArrayList<>();
          for (int t = 0; t < terminals.size(); t++) {
            Terminal terminal = terminals.get(t);
            List<Map<String, Object>> batch = batches.get(t);
            sent.add(pool.submit(() -> batch.isEmpty() ? List.<JsonNode>of() : terminal.sendAll(batch)));
          }
          for (int t = 0; t < terminals.size(); t++) {
            List<JsonNode> acks = sent.get(t).get();
            for (int i = 0; i < acks.size(); i++) {
              JsonNode ack = acks.get(i);
              Map<String, Object> command = batches.get(t).get(i);
              boolean offline = command.get("type").equals("payOffline");
              if (offline) {
                assertThat(ack.path("status").asText()).as("seed %d: %s", seed, ack).isEqualTo("accepted");
                paid += (Long) command.get("amount");
              } else if (ack.path("status").asText().equals("accepted")) {
                paid += ack.path("result").path("total").asLong();
              }
              JsonNode result = ack.path("result");
              String attention = result.path("attention").asText("");
              if (ack.path("status").asText().equals("accepted") && !attention.equals("PAID_TWICE")
                  && !attention.equals("GONE")) {
                closings.merge((String) command.get("receiptId"), 1, Integer::sum);
              }
            }
          }
        }
      } finally {
        pool.shutdownNow();
      }
      long sales = f.app.db.read(h -> h.createQuery("SELECT COALESCE(SUM(total), 0) FROM sales").mapTo(Long.class).one());
      long unsold = f.app.db.read(h -> h.createQuery("SELECT COALESCE(SUM(unsold), 0) FROM attention_items")
          .mapTo(Long.class).one());
      assertThat(sales + unsold).as("seed %d: sales %d + unsold %d", seed, sales, unsold).isEqualTo(paid);
      assertThat(closings.values()).as("seed %d: closed twice", seed).allMatch(c -> c == 1);
      assertThat(f.count("receipts WHERE state = 'CLOSED'")).isEqualTo(f.count("sales")).isEqualTo(closings.size());
      // Payment rows: the cash counted per sale is at most its total, the rest is in the items.
      long counted = f.app.db.read(h -> h.createQuery("SELECT COALESCE(SUM(amount), 0) FROM payments")
          .mapTo(Long.class).one());
      assertThat(counted).isLessThanOrEqualTo(sales);
      // Nothing lost: every live line is on exactly one receipt, open or closed.
      assertThat(f.count("lines WHERE removed = " + (kind == TestDatabases.Kind.SQLITE ? "0" : "FALSE")))
          .isEqualTo(f.count("lines l JOIN receipts r ON r.id = l.receipt_id WHERE r.state IN ('OPEN', 'CLOSED')"
              + " AND l.removed = " + (kind == TestDatabases.Kind.SQLITE ? "0" : "FALSE")));
      assertThat(f.count("lines WHERE removed = " + (kind == TestDatabases.Kind.SQLITE ? "1" : "TRUE")))
          .isEqualTo(removed.size());
    }
  }
}
