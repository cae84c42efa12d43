package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.DeviceModel;
import paragon.testing.StreamClient;
import paragon.testing.TestDatabases;
import paragon.testing.JsonText;

/**
 * Several terminals send random commands over HTTP, acting on views that are refreshed only now and
 * then (so they work on stale state, as an offline terminal does), resend batches whose acks they
 * "lost", and skip numbers. Then the server's state must hold the invariants: every accepted line is in
 * exactly one place (an open receipt, a sale, or removed by a recorded command), every total equals
 * the sum of its lines less its discounts (and so do its VAT grosses), and every space's seq has no
 * gap. The seed is printed; rerun with {@code -Dparagon.seed=N}. Each terminal also holds a real
 * WebSocket stream that it drops and resumes from its cursor now and then; at the end every
 * terminal's streamed view must equal the server's open receipts of the spaces it follows
 * (visibility ALL here: the stream's tests cover the other modes).
 */
class RandomizedTest {
  private static final int COMMANDS = 240;

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void random_commands_and_retries_keep_every_line_and_every_seq(TestDatabases.Kind kind) {
    long seed = Long.getLong("paragon.seed", System.nanoTime());
    System.out.println("RandomizedTest seed " + seed + " on " + kind + " (rerun with -Dparagon.seed=" + seed + ")");
    Random rnd = new Random(seed);
    List<Sim> sims = new ArrayList<>();
    try (Floor f = new Floor(kind)) {
      sims.addAll(List.of(new Sim(f, f.terminal("anna"), true), new Sim(f, f.terminal("ola"), true),
          new Sim(f, f.terminal("marek"), true), new Sim(f, f.terminal(f.shop, DeviceModel.SMART, "ola"), false)));
      Ledger ledger = new Ledger();
      int sent = 0;
      while (sent < COMMANDS) {
        Sim sim = sims.get(rnd.nextInt(sims.size()));
        if (rnd.nextInt(4) == 0) sim.refresh();
        List<Map<String, Object>> batch = new ArrayList<>();
        int size = 1 + rnd.nextInt(4);
        for (int i = 0; i < size; i++) batch.add(sim.randomCommand(rnd, f));
        sent += size;
        sim.send(batch, rnd, ledger);
        if (rnd.nextInt(15) == 0) sim.reconnect();
      }
      System.out.println("outcomes " + ledger.outcomes);
      ledger.check(f, seed);
      for (Sim sim : sims) sim.checkStream(seed);
    } finally {
      sims.forEach(Sim::close);
    }
  }

  /** What the test learns from acks: accepted lines, and removals and deletions that were accepted. */
  static final class Ledger {
    final Set<String> acceptedLines = new HashSet<>();
    final Map<String, Integer> outcomes = new java.util.TreeMap<>();

    void record(Map<String, Object> command, JsonNode ack) {
      String outcome = ack.path("original").asText(ack.path("status").asText());
      outcomes.merge(command.get("type") + ":" + outcome + (ack.has("code") ? "/" + ack.path("code").asText() : ""), 1,
          Integer::sum);
      if (!"accepted".equals(ack.path("status").asText()) && !"accepted".equals(ack.path("original").asText())) return;
      String type = (String) command.get("type");
      JsonNode result = ack.path("result");
      if (type.equals("addLine") || (type.equals("adjustQuantity") && result.path("recovered").asBoolean())) {
        acceptedLines.add(result.path("lineId").asText());
      }
      if (type.equals("moveLines")) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parts = (List<Map<String, Object>>) command.get("lines");
        for (Map<String, Object> p : parts) if (p.get("newLineId") != null) acceptedLines.add((String) p.get("newLineId"));
      }
    }

    void check(Floor f, long seed) {
      String why = "seed " + seed;
      record Row(String id, String receipt, boolean removed, String state, long price, long qty) {}
      List<Row> rows = f.app.db.read(h -> h.createQuery("""
              SELECT l.id, l.receipt_id, l.removed, r.state, l.unit_price, l.quantity
              FROM lines l JOIN receipts r ON r.id = l.receipt_id WHERE l.account_id = :a""")
          .bind("a", f.account)
          .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getLong(5),
              rs.getLong(6)))
          .list());
      Map<String, Row> byId = new HashMap<>();
      rows.forEach(r -> byId.put(r.id(), r));
      assertThat(byId.keySet()).as("every stored line was accepted, and every accepted line is stored; %s", why)
          .isEqualTo(acceptedLines);
      Set<String> removedByCommand = new HashSet<>(f.app.db.read(h -> h.createQuery("""
              SELECT body FROM commands WHERE account_id = :a AND status = 'accepted' AND type = 'removeLine'""")
          .bind("a", f.account).mapTo(String.class).list()).stream()
          .map(b -> JsonText.tree(b).path("lineId").asText()).toList());
      Set<String> deletedByCommand = new HashSet<>(f.app.db.read(h -> h.createQuery("""
              SELECT body FROM commands WHERE account_id = :a AND status = 'accepted' AND type = 'delete'""")
          .bind("a", f.account).mapTo(String.class).list()).stream()
          .map(b -> JsonText.tree(b).path("receiptId").asText()).toList());
      Set<String> sales = new HashSet<>(f.app.db.read(h -> h.createQuery("SELECT id FROM sales WHERE account_id = :a")
          .bind("a", f.account).mapTo(String.class).list()));
      Map<String, Integer> inOpenViews = new HashMap<>();
      for (String space : f.app.db.read(h -> h.createQuery("SELECT space FROM spaces WHERE account_id = :a")
          .bind("a", f.account).mapTo(String.class).list())) {
        for (ReceiptView v : new ChangeFeed(f.app.db).snapshot(f.account, space).receipts()) {
          long sum = 0;
          long dues = 0;
          for (ReceiptView.LineView l : v.lines()) {
            inOpenViews.merge(l.id(), 1, Integer::sum);
            Row row = byId.get(l.id());
            assertThat(row).as("line %s of open receipt %s is stored; %s", l.id(), v.id(), why).isNotNull();
            assertThat(row.receipt()).as(why).isEqualTo(v.id());
            assertThat(row.qty()).as(why).isEqualTo(l.quantity());
            assertThat(l.total()).as(why).isEqualTo(Money.lineTotal(row.price(), row.qty()));
            sum += l.total();
            assertThat(l.due()).as(why).isBetween(0L, l.total());
            dues += l.due();
          }
          long off = v.discount() == null ? 0 : v.discount().amount();
          assertThat(off).as(why).isBetween(0L, dues);
          assertThat(v.subtotal()).as("subtotal of %s; %s", v.id(), why).isEqualTo(sum);
          assertThat(v.total()).as("total of %s; %s", v.id(), why).isEqualTo(dues - off);
          assertThat(v.vat().stream().mapToLong(Money.VatShare::gross).sum()).as(why).isEqualTo(v.total());
        }
      }
      for (Row r : rows) {
        if (r.removed()) {
          assertThat(removedByCommand.contains(r.id()) || deletedByCommand.contains(r.receipt()))
              .as("removed line %s was removed by a recorded command; %s", r.id(), why).isTrue();
        } else if (r.state().equals("CLOSED")) {
          assertThat(sales).as("line %s of a closed receipt is in its sale; %s", r.id(), why).contains(r.receipt());
        } else {
          assertThat(r.state()).as("live line %s is not in a deleted receipt; %s", r.id(), why).isIn("OPEN", "PAYING");
          assertThat(inOpenViews.get(r.id())).as("line %s is in exactly one open receipt; %s", r.id(), why).isEqualTo(1);
        }
      }
      // Sales: total = sum of lines - discounts = sum of payments = tendered - change.
      f.app.db.read(h -> h.createQuery("""
              SELECT s.id, s.total, s.discount, s.tendered, s.change_given,
                (SELECT COALESCE(SUM(p.amount), 0) FROM payments p WHERE p.sale_id = s.id) AS paid
              FROM sales s WHERE s.account_id = :a""").bind("a", f.account).mapToMap().list())
          .forEach(s -> {
            long total = ((Number) s.get("total")).longValue();
            long lines = byId.values().stream().filter(r -> r.receipt().equals(s.get("id")) && !r.removed())
                .mapToLong(r -> Money.lineTotal(r.price(), r.qty())).sum();
            long discount = ((Number) s.get("discount")).longValue();
            assertThat(total + discount).as("sale %s; %s", s.get("id"), why).isEqualTo(lines);
            assertThat(((Number) s.get("paid")).longValue()).as(why).isEqualTo(total);
            assertThat(((Number) s.get("tendered")).longValue() - ((Number) s.get("change_given")).longValue())
                .as(why).isEqualTo(total);
          });
      // Every space's seq is 1..seq without a gap.
      f.app.db.read(h -> h.createQuery("""
              SELECT s.space, s.seq, COUNT(c.seq) AS n, COALESCE(MIN(c.seq), 0) AS lo, COALESCE(MAX(c.seq), 0) AS hi
              FROM spaces s LEFT JOIN changes c ON c.space = s.space AND c.account_id = s.account_id
              WHERE s.account_id = :a GROUP BY s.space, s.seq""").bind("a", f.account).mapToMap().list())
          .forEach(s -> {
            long seq = ((Number) s.get("seq")).longValue();
            assertThat(((Number) s.get("n")).longValue()).as("space %s; %s", s.get("space"), why).isEqualTo(seq);
            assertThat(((Number) s.get("hi")).longValue()).as(why).isEqualTo(seq);
            if (seq > 0) assertThat(((Number) s.get("lo")).longValue()).as(why).isEqualTo(1);
          });
      assertThat(rows).as("the run did something; %s", why).isNotEmpty();
    }
  }

  /** One terminal: its device, its (possibly stale) view of the receipts it reaches, its numbering. */
  static final class Sim {
    final Floor floor;
    final Terminal t;
    final List<String> spaces;
    final Map<String, ReceiptView> view = new LinkedHashMap<>();
    final StreamClient.View streamed = new StreamClient.View();
    StreamClient stream;

    Sim(Floor floor, Terminal t, boolean shares) {
      this.floor = floor;
      this.t = t;
      this.spaces = shares ? List.of("shop:" + floor.shop, "device:" + t.deviceId) : List.of("device:" + t.deviceId);
      this.stream = StreamClient.connect(floor.app.port(), t.token, t.session, streamed);
    }

    /** Drops the stream and resumes from the cursors it holds. */
    void reconnect() {
      stream.close();
      stream = StreamClient.connect(floor.app.port(), t.token, t.session, streamed);
    }

    void close() {
      if (stream != null) stream.close();
    }

    /** The streamed view has caught up with every space and holds exactly the server's open receipts. */
    void checkStream(long seed) {
      ChangeFeed feed = new ChangeFeed(floor.app.db);
      for (String space : spaces) {
        ChangeFeed.Snapshot server = feed.snapshot(floor.account, space);
        stream.awaitCursor(space, server.seq(), Duration.ofSeconds(20));
        Map<String, JsonNode> held;
        synchronized (streamed) {
          held = new LinkedHashMap<>(streamed.receipts.getOrDefault(space, Map.of()));
        }
        assertThat(held.keySet()).as("terminal %s, space %s; seed %s", t.deviceId, space, seed)
            .containsExactlyInAnyOrderElementsOf(server.receipts().stream().map(ReceiptView::id).toList());
        for (ReceiptView v : server.receipts()) {
          JsonNode mine = held.get(v.id());
          assertThat(mine.path("seq").asLong()).as("seed %s", seed).isEqualTo(v.seq());
          assertThat(mine.path("total").asLong()).as("seed %s", seed).isEqualTo(v.total());
          assertThat(mine.path("lines").size()).as("seed %s", seed).isEqualTo(v.lines().size());
        }
      }
      assertThat(stream.violations()).as("seed %s", seed).isEmpty();
    }

    void refresh() {
      view.clear();
      for (String s : spaces) {
        for (ReceiptView v : new ChangeFeed(floor.app.db).snapshot(floor.account, s).receipts()) view.put(v.id(), v);
      }
    }

    void send(List<Map<String, Object>> batch, Random rnd, Ledger ledger) {
      List<Map<String, Object>> numbered = new ArrayList<>();
      long n = t.nextNumber();
      if (rnd.nextInt(12) == 0) {
        // A gap: every command of a batch that skips a number is refused, and nothing is applied.
        List<Map<String, Object>> skipping = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) skipping.add(numberedCopy(batch.get(i), n + 1 + i));
        for (JsonNode ack : t.post(skipping)) {
          assertThat(ack.path("code").asText()).isEqualTo("gap");
          assertThat(ack.path("details").path("expected").asLong()).isEqualTo(n);
        }
      }
      for (int i = 0; i < batch.size(); i++) numbered.add(numberedCopy(batch.get(i), n + i));
      t.skipNumbers(batch.size());
      List<JsonNode> acks = t.post(numbered);
      if (rnd.nextInt(5) == 0) {
        // The acks were "lost": the outbox sends the same batch again and gets the same answers.
        List<JsonNode> again = t.post(numbered);
        for (int i = 0; i < acks.size(); i++) {
          assertThat(again.get(i).path("status").asText()).isEqualTo("duplicate");
          assertThat(again.get(i).path("original").asText()).isEqualTo(acks.get(i).path("status").asText());
          assertThat(again.get(i).path("seq")).isEqualTo(acks.get(i).path("seq"));
          assertThat(again.get(i).path("result")).isEqualTo(acks.get(i).path("result"));
        }
      }
      for (int i = 0; i < acks.size(); i++) ledger.record(numbered.get(i), acks.get(i));
      // The terminal applies what it sent to its own view only roughly: it learns ids from acks.
      for (int i = 0; i < acks.size(); i++) learn(numbered.get(i), acks.get(i));
    }

    private void learn(Map<String, Object> command, JsonNode ack) {
      String id = ack.path("result").path("receiptId").asText(null);
      if (id != null && !view.containsKey(id)) refreshOne(id);
    }

    private void refreshOne(String id) {
      ReceiptView v = floor.receipt(id);
      if (v != null && v.isOpen()) view.put(id, v);
    }

    private static Map<String, Object> numberedCopy(Map<String, Object> c, long n) {
      Map<String, Object> m = new LinkedHashMap<>(c);
      m.put("n", n);
      return m;
    }

    Map<String, Object> randomCommand(Random rnd, Floor f) {
      List<ReceiptView> receipts = new ArrayList<>(view.values());
      ReceiptView r = receipts.isEmpty() ? null : receipts.get(rnd.nextInt(receipts.size()));
      List<ReceiptView.LineView> lines = r == null ? List.of() : r.lines();
      ReceiptView.LineView line = lines.isEmpty() ? null : lines.get(rnd.nextInt(lines.size()));
      int pick = r == null ? rnd.nextInt(2) : rnd.nextInt(23);
      return switch (pick) {
        case 0 -> Terminal.command("openAdHoc", "receiptId", Terminal.uuid());
        case 1 -> Terminal.command("openTable", "slotId", f.slot("Stolik " + (1 + rnd.nextInt(3))));
        case 2, 3, 4, 5 -> rnd.nextBoolean()
            ? Terminal.command("addLine", "receiptId", r.id(), "lineId", Terminal.uuid(), "productId",
                rnd.nextBoolean() ? f.beer : f.espresso, "quantity", 1 + rnd.nextInt(3000))
            : Terminal.command("addLine", "receiptId", r.id(), "lineId", Terminal.uuid(), "name", "Danie " + rnd.nextInt(9),
                "unitPrice", rnd.nextInt(5000), "vat", List.of("23", "8", "5", "0", "ZW").get(rnd.nextInt(5)));
        case 6, 7 -> line == null ? Terminal.command("setGuests", "receiptId", r.id(), "guests", rnd.nextInt(8))
            : Terminal.command("adjustQuantity", "lineId", line.id(), "delta", rnd.nextBoolean() ? 1000 : -500);
        case 8 -> line == null ? Terminal.command("noteReceipt", "receiptId", r.id(), "note", "uwaga")
            : Terminal.command("removeLine", "lineId", line.id());
        case 9 -> Terminal.command("markSent", "receiptId", r.id());
        case 10 -> line == null ? Terminal.command("rename", "receiptId", r.id(), "name", "Stół " + rnd.nextInt(50))
            : Terminal.command("moveLines", "receiptId", r.id(), "targetReceiptId", Terminal.uuid(), "newTarget", true,
                "lines", List.of(line.quantity() > 1 && rnd.nextBoolean()
                    ? Map.of("lineId", line.id(), "quantity", 1, "newLineId", Terminal.uuid())
                    : Map.of("lineId", line.id())));
        case 11 -> receipts.size() < 2 ? Terminal.command("delete", "receiptId", r.id())
            : Terminal.command("merge", "receiptId", r.id(), "targetReceiptId",
                receipts.get(rnd.nextInt(receipts.size())).id());
        case 12 -> Terminal.command("startPayment", "receiptId", r.id());
        case 13 -> Terminal.command("cancelPayment", "receiptId", r.id());
        case 14, 15, 16 -> Terminal.command("pay", "receiptId", r.id(), "seq", r.seq(), "payments",
            List.of(Map.of("method", "CARD", "amount", Math.max(1, r.total() / 2)),
                Map.of("method", "CASH", "amount", Math.max(1, r.total() - r.total() / 2 + rnd.nextInt(500)))));
        case 17 -> Terminal.command("delete", "receiptId", r.id());
        case 18 -> Terminal.command("breakLease", "receiptId", r.id());
        // Discounts (only marek may give them): a percent or an amount, or none, on a line or the receipt.
        case 19, 20 -> line == null ? Terminal.command("setGuests", "receiptId", r.id(), "guests", 1)
            : rnd.nextInt(4) == 0 ? Terminal.command("setLineDiscount", "lineId", line.id(), "kind", null)
            : rnd.nextBoolean()
                ? Terminal.command("setLineDiscount", "lineId", line.id(), "kind", "PERCENT",
                    "value", 1 + rnd.nextInt(10_000), "reason", "los")
                : Terminal.command("setLineDiscount", "lineId", line.id(), "kind", "AMOUNT",
                    "value", 1 + rnd.nextInt((int) Math.max(1, Math.min(line.total(), 100_000))), "reason", "los");
        case 21 -> rnd.nextInt(3) == 0 ? Terminal.command("setReceiptDiscount", "receiptId", r.id(), "kind", null)
            : rnd.nextBoolean()
                ? Terminal.command("setReceiptDiscount", "receiptId", r.id(), "kind", "PERCENT",
                    "value", 1 + rnd.nextInt(10_000), "reason", "los")
                : Terminal.command("setReceiptDiscount", "receiptId", r.id(), "kind", "AMOUNT",
                    "value", 1 + rnd.nextInt((int) Math.max(1, Math.min(r.total(), 100_000))), "reason", "los");
        default -> Terminal.command("rename", "receiptId", r.id(), "name", "x".repeat(rnd.nextBoolean() ? 41 : 5));
      };
    }
  }
}
