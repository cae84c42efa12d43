package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.testing.TestDatabases;

/** The bill split evenly, by amount and by seat, and tips: over HTTP, on both databases (issue 12). */
class BillSplitTest {

  private static Map<String, Object> tender(String method, long amount) {
    return Map.of("method", method, "amount", amount);
  }

  private static String table(Floor f, Terminal a, String name) {
    return a.send("openTable", "slotId", f.slot(name)).path("result").path("receiptId").asText();
  }

  private static JsonNode part(Floor f, Terminal a, String receipt, Map<String, Object> split, Object... tenders) {
    return a.send("payPart", "receiptId", receipt, "seq", f.receipt(receipt).seq(), "split", split,
        "payments", List.of(tenders));
  }

  private long one(Floor f, String sql, String id) {
    return f.app.db.read(h -> h.createQuery(sql).bind("id", id).mapTo(Long.class).one());
  }

  @Test
  void even_parts_give_the_remainder_to_the_first_parts_one_grosz_each() {
    assertThat(List.of(BillRules.evenPart(10000, 3), BillRules.evenPart(6666, 2), BillRules.evenPart(3333, 1)))
        .containsExactly(3334L, 3333L, 3333L);
    // 100,02 in 4: 25,01 + 25,01 + 25,00 + 25,00.
    assertThat(List.of(BillRules.evenPart(10002, 4), BillRules.evenPart(7501, 3), BillRules.evenPart(5000, 2)))
        .containsExactly(2501L, 2501L, 2500L);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_table_of_100_zl_split_in_three_pays_33_34_33_33_33_33_and_closes_only_when_all_is_paid(
      TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      String t = table(f, a, "Stolik 1");
      a.add(t, f.beer, 8000); // 8 × 12,50 = 100,00 zł

      JsonNode first = part(f, a, t, Map.of("by", "EVEN", "parts", 3), tender("CASH", 5000));
      assertThat(first.path("status").asText()).as("%s", first).isEqualTo("accepted");
      assertThat(first.path("result").path("amount").asLong()).isEqualTo(3334);
      assertThat(first.path("result").path("change").asLong()).isEqualTo(1666);
      assertThat(f.receipt(t).isOpen()).isTrue();
      assertThat(f.receipt(t).parts()).isEqualTo(new ReceiptView.PartsView(3334, 1, 6666));
      assertThat(f.count("sales")).isZero();

      // A card may not pay more than the part; lowering the bill below what was paid is refused.
      assertThat(part(f, a, t, Map.of("by", "EVEN", "parts", 2), tender("CARD", 4000)).path("code").asText())
          .isEqualTo("overpaid");
      String line = f.receipt(t).lines().get(0).id();
      assertThat(a.send("adjustQuantity", "lineId", line, "delta", -6000).path("code").asText())
          .isEqualTo("parts_paid");

      assertThat(part(f, a, t, Map.of("by", "EVEN", "parts", 2), tender("CARD", 3333)).path("result")
          .path("amount").asLong()).isEqualTo(3333);
      assertThat(f.receipt(t).isOpen()).isTrue();
      JsonNode last = part(f, a, t, Map.of("by", "EVEN", "parts", 1), tender("CASH", 3333));
      assertThat(last.path("result").path("saleId").asText()).isEqualTo(t);
      assertThat(f.receipt(t).state()).isEqualTo(State.CLOSED);

      assertThat(one(f, "SELECT total FROM sales WHERE id = :id", t)).isEqualTo(10000);
      assertThat(one(f, "SELECT change_given FROM sales WHERE id = :id", t)).isEqualTo(1666);
      assertThat(one(f, "SELECT tendered FROM sales WHERE id = :id", t)).isEqualTo(5000 + 3333 + 3333);
      List<Long> amounts = f.app.db.read(h -> h.createQuery(
          "SELECT amount FROM payments WHERE sale_id = :id ORDER BY position").bind("id", t).mapTo(Long.class).list());
      assertThat(amounts).containsExactly(3334L, 3333L, 3333L);
      // The table is free: opening it again starts its next receipt.
      assertThat(table(f, a, "Stolik 1")).isNotEqualTo(t);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_part_by_amount_never_exceeds_what_is_left_and_pay_settles_the_rest(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      String t = table(f, a, "Stolik 2");
      a.add(t, f.beer, 8000);
      assertThat(part(f, a, t, Map.of("by", "AMOUNT", "amount", 10001), tender("CASH", 20000)).path("code").asText())
          .isEqualTo("over_remaining");
      assertThat(part(f, a, t, Map.of("by", "AMOUNT", "amount", 4000), tender("CARD", 4000)).path("result")
          .path("remaining").asLong()).isEqualTo(6000);
      // A plain pay now owes what is left, not the whole bill.
      assertThat(a.send("pay", "receiptId", t, "seq", f.receipt(t).seq(), "payments", List.of(tender("CARD", 10000)))
          .path("code").asText()).isEqualTo("overpaid");
      JsonNode paid = a.send("pay", "receiptId", t, "seq", f.receipt(t).seq(), "payments",
          List.of(tender("CASH", 10000)));
      assertThat(paid.path("result").path("change").asLong()).as("%s", paid).isEqualTo(4000);
      assertThat(one(f, "SELECT total FROM sales WHERE id = :id", t)).isEqualTo(10000);
      assertThat(one(f, "SELECT SUM(amount) FROM payments WHERE sale_id = :id", t)).isEqualTo(10000);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_split_by_seat_moves_each_seats_lines_to_a_receipt_of_its_own(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      String t = table(f, a, "Stolik 3");
      a.add(t, f.beer, 1000);
      String seat2 = a.add(t, f.espresso, 2000);
      f.handEdit(t, h -> h.createUpdate("UPDATE lines SET seat = 2 WHERE id = :id").bind("id", seat2).execute());
      String child = Terminal.uuid();
      assertThat(a.send("moveLines", "receiptId", t, "targetReceiptId", child, "newTarget", true,
          "lines", List.of(Map.of("lineId", seat2))).path("status").asText()).isEqualTo("accepted");
      assertThat(f.receipt(child).total()).isEqualTo(1800);
      assertThat(f.receipt(child).lines().get(0).seat()).isEqualTo(2);
      a.send("pay", "receiptId", child, "seq", f.receipt(child).seq(), "payments", List.of(tender("CASH", 2000)));
      assertThat(f.receipt(t).isOpen()).as("the table waits for its own seat").isTrue();
      a.send("pay", "receiptId", t, "seq", f.receipt(t).seq(), "payments", List.of(tender("CARD", 1250)));
      assertThat(f.receipt(t).state()).isEqualTo(State.CLOSED);
      assertThat(f.count("sales")).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_tip_is_recorded_apart_from_revenue(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      String r = a.openAdHoc();
      a.add(r, f.beer, 3000); // 37,50 zł; 10 % = 3,75 zł
      JsonNode paid = a.send("pay", "receiptId", r, "seq", f.receipt(r).seq(),
          "payments", List.of(tender("CARD", 4125)), "tip", Map.of("percent", 1000));
      assertThat(paid.path("result").path("tip").asLong()).as("%s", paid).isEqualTo(375);
      assertThat(one(f, "SELECT total FROM sales WHERE id = :id", r)).isEqualTo(3750);
      assertThat(one(f, "SELECT tip FROM sales WHERE id = :id", r)).isEqualTo(375);
      assertThat(one(f, "SELECT amount FROM payments WHERE sale_id = :id", r)).isEqualTo(3750);
      assertThat(one(f, "SELECT tip FROM payments WHERE sale_id = :id", r)).isEqualTo(375);

      // Cash with a 5 zł tip on a part: change is what is left after the part and the tip.
      String t = table(f, a, "Stolik 1");
      a.add(t, f.beer, 8000);
      JsonNode half = a.send("payPart", "receiptId", t, "seq", f.receipt(t).seq(), "split",
          Map.of("by", "EVEN", "parts", 2), "payments", List.of(tender("CASH", 10000)), "tip", Map.of("amount", 500));
      assertThat(half.path("result").path("change").asLong()).as("%s", half).isEqualTo(10000 - 5000 - 500);
      // A card tip on a cash-only payment has nowhere to be.
      assertThat(a.send("payPart", "receiptId", t, "seq", f.receipt(t).seq(), "split",
          Map.of("by", "EVEN", "parts", 1), "payments", List.of(tender("CASH", 6000)),
          "tip", Map.of("amount", 500, "method", "CARD")).path("details").path("field").asText())
          .isEqualTo("tip.method");
      a.send("payPart", "receiptId", t, "seq", f.receipt(t).seq(), "split", Map.of("by", "EVEN", "parts", 1),
          "payments", List.of(tender("CARD", 5200)), "tip", Map.of("amount", 200));
      assertThat(one(f, "SELECT tip FROM sales WHERE id = :id", t)).isEqualTo(700);
      assertThat(one(f, "SELECT total FROM sales WHERE id = :id", t)).isEqualTo(10000);
      assertThat(one(f, "SELECT SUM(amount) FROM payments WHERE sale_id = :id", t)).isEqualTo(10000);

      // The day report: revenue without the tips, the tips in their own total.
      JsonNode report = a.send("dayClose").path("result").path("report");
      assertThat(report.path("total").asLong()).isEqualTo(3750 + 10000);
      assertThat(report.path("tips").asLong()).isEqualTo(375 + 700);
      assertThat(report.path("methods").path("CARD").asLong() + report.path("methods").path("CASH").asLong())
          .isEqualTo(3750 + 10000);
    }
  }
}
