package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/**
 * The owner toggles the plan (Max / Premium) and sharing (on / off) at random while three capable
 * terminals sell (open tables and ad-hoc receipts, add lines, start payments, pay) and sync (fetch the
 * configuration and acknowledge it) at random moments, each working on what it last read of the
 * spaces it reaches. At the end the shop shares again and every terminal syncs; then, from the
 * database: every table has at most one open receipt in the shop (whatever space it was started in),
 * nothing is left open in a device space, and every accepted line is in exactly one place (an open
 * receipt whose latest change shows it, or a paid receipt with its sale). Seeded, printed; rerun with
 * {@code -Dparagon.seed=N}.
 */
class SharingHistoryRandomizedTest {
  private static final int STEPS = 160;

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void plan_and_sharing_toggled_while_terminals_sell_leave_one_receipt_per_table_and_every_line_in_one_place(
      TestDatabases.Kind kind) {
    long seed = Long.getLong("paragon.seed", System.nanoTime());
    System.out.println("SharingHistoryRandomizedTest seed " + seed + " on " + kind
        + " (rerun with -Dparagon.seed=" + seed + ")");
    Random rnd = new Random(seed);
    String why = "seed " + seed + " on " + kind;
    try (Floor f = new Floor(kind)) {
      List<Terminal> terminals = List.of(f.terminal("anna"), f.terminal("ola"), f.terminal("marek"));
      List<String> slots = List.of(f.slot("Stolik 1"), f.slot("Stolik 2"), f.slot("Stolik 3"));
      Map<Long, List<String>> known = new HashMap<>();
      List<String> acceptedLines = new ArrayList<>();
      Map<String, Integer> outcomes = new TreeMap<>();
      boolean max = true;
      boolean sharing = true;
      for (int step = 0; step < STEPS; step++) {
        int roll = rnd.nextInt(100);
        Terminal t = terminals.get(rnd.nextInt(terminals.size()));
        if (roll < 6) {
          max = !max;
          String plan = max ? "MAX" : "PREMIUM";
          f.change(h -> h.createUpdate("UPDATE accounts SET plan = :p WHERE id = :a").bind("p", plan)
              .bind("a", f.account).execute());
        } else if (roll < 10) {
          sharing = !sharing;
          boolean on = sharing;
          f.change(h -> h.createUpdate("UPDATE accounts SET sharing_enabled = :s WHERE id = :a").bind("s", on)
              .bind("a", f.account).execute());
        } else if (roll < 22) {
          sync(t);
        } else if (roll < 30) {
          refresh(f, t, known);
        } else {
          sell(f, t, rnd, slots, known.computeIfAbsent(t.deviceId, d -> new ArrayList<>()), acceptedLines, outcomes);
        }
      }
      System.out.println("outcomes " + outcomes);
      f.change(h -> h.createUpdate("UPDATE accounts SET plan = 'MAX', sharing_enabled = :t WHERE id = :a")
          .bind("t", true).bind("a", f.account).execute());
      for (Terminal t : terminals) sync(t);
      check(f, slots, terminals, acceptedLines, why);
    }
  }

  /** A sync as the terminal does it: fetch the configuration, acknowledge the revision it names. */
  private static void sync(Terminal t) {
    WebClient.Response config = t.http.get("/api/device/config", Map.of("Authorization", "Bearer " + t.token));
    assertThat(config.status()).as("config: %s", config.body()).isEqualTo(200);
    t.apply(config.json().path("revision").asLong());
  }

  /** What the terminal's stream would hold: the open receipts of every space it reaches. */
  private static void refresh(Floor f, Terminal t, Map<Long, List<String>> known) {
    List<String> ids = new ArrayList<>();
    for (String space : List.of("device:" + t.deviceId, "shop:" + f.shop)) {
      new ChangeFeed(f.app.db).snapshot(f.account, space).receipts().forEach(r -> ids.add(r.id()));
    }
    known.put(t.deviceId, ids);
  }

  private static void sell(Floor f, Terminal t, Random rnd, List<String> slots, List<String> mine,
      List<String> acceptedLines, Map<String, Integer> outcomes) {
    int roll = rnd.nextInt(100);
    JsonNode ack;
    String type;
    if (mine.isEmpty() || roll < 15) {
      type = "openTable";
      ack = t.send(type, "slotId", slots.get(rnd.nextInt(slots.size())));
      if (accepted(ack)) mine.add(ack.path("result").path("receiptId").asText());
    } else if (roll < 25) {
      type = "openAdHoc";
      String id = Terminal.uuid();
      ack = t.send(type, "receiptId", id);
      if (accepted(ack)) mine.add(id);
    } else if (roll < 80) {
      type = "addLine";
      String line = Terminal.uuid();
      ack = t.send(type, "receiptId", pick(rnd, mine), "lineId", line, "productId", rnd.nextBoolean() ? f.beer : f.espresso,
          "quantity", 1000L * (1 + rnd.nextInt(3)));
      if (accepted(ack)) acceptedLines.add(ack.path("result").path("lineId").asText());
    } else if (roll < 88) {
      type = "startPayment";
      ack = t.send(type, "receiptId", pick(rnd, mine));
    } else {
      type = "pay";
      String id = pick(rnd, mine);
      ReceiptView r = f.receipt(id);
      long seq = r == null ? 1 : r.seq();
      long total = r == null ? 0 : r.total();
      ack = t.send(type, "receiptId", id, "seq", seq, "payments", List.of(Map.of("method", "CASH", "amount", total)));
    }
    outcomes.merge(type + ":" + ack.path("status").asText() + (ack.has("code") ? "/" + ack.path("code").asText() : ""),
        1, Integer::sum);
  }

  private static boolean accepted(JsonNode ack) {
    return "accepted".equals(ack.path("status").asText());
  }

  private static String pick(Random rnd, List<String> ids) {
    return ids.get(rnd.nextInt(ids.size()));
  }

  private static void check(Floor f, List<String> slots, List<Terminal> terminals, List<String> acceptedLines,
      String why) {
    for (String slot : slots) {
      assertThat(f.count("receipts WHERE account_id = " + f.account + " AND shop_id = " + f.shop + " AND slot_id = '"
          + slot + "' AND state IN ('OPEN', 'PAYING')"))
          .as("open receipts of table %s in the shop; %s", slot, why).isLessThanOrEqualTo(1);
    }
    for (Terminal t : terminals) {
      assertThat(f.count("receipts WHERE space = 'device:" + t.deviceId + "' AND state IN ('OPEN', 'PAYING')"))
          .as("receipts left open in the space of device %s after its sync; %s", t.deviceId, why).isZero();
    }
    assertThat(acceptedLines).as(why).doesNotHaveDuplicates();
    record Home(String receipt, boolean removed, String state, boolean sold) {}
    Map<String, Home> homes = new HashMap<>();
    f.app.db.read(h -> h.createQuery("""
            SELECT l.id, l.receipt_id, l.removed, r.state, (SELECT COUNT(*) FROM sales s WHERE s.id = r.id) AS sold
            FROM lines l JOIN receipts r ON r.id = l.receipt_id WHERE l.account_id = :a""")
        .bind("a", f.account)
        .map((rs, ctx) -> homes.put(rs.getString(1), new Home(rs.getString(2), rs.getBoolean(3), rs.getString(4),
            rs.getLong(5) > 0)))
        .list());
    assertThat(homes.keySet()).as("every stored line was accepted and every accepted line is stored; %s", why)
        .isEqualTo(Set.copyOf(acceptedLines));
    Map<String, Integer> inOpenViews = new HashMap<>();
    for (String space : f.app.db.read(h -> h.createQuery("SELECT space FROM spaces WHERE account_id = :a")
        .bind("a", f.account).mapTo(String.class).list())) {
      for (ReceiptView v : new ChangeFeed(f.app.db).snapshot(f.account, space).receipts()) {
        assertThat(v.space()).as(why).isEqualTo(space);
        for (ReceiptView.LineView l : v.lines()) {
          inOpenViews.merge(l.id(), 1, Integer::sum);
          assertThat(homes.get(l.id()).receipt()).as("line %s shown in %s; %s", l.id(), v.id(), why).isEqualTo(v.id());
        }
      }
    }
    for (String line : acceptedLines) {
      Home home = homes.get(line);
      assertThat(home.removed()).as("line %s was never removed; %s", line, why).isFalse();
      if (home.state().equals("CLOSED")) {
        assertThat(home.sold()).as("line %s of a paid receipt is in its sale; %s", line, why).isTrue();
        assertThat(inOpenViews).as(why).doesNotContainKey(line);
      } else {
        assertThat(home.state()).as("line %s is not in a deleted receipt; %s", line, why).isIn("OPEN", "PAYING");
        assertThat(inOpenViews.get(line)).as("line %s is in exactly one open receipt; %s", line, why).isEqualTo(1);
      }
    }
  }
}
