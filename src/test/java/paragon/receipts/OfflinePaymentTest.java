package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.testing.TestDatabases;

/**
 * Paying cash offline ({@code payOffline}, docs/protocol.md "Paying offline"): the server records what
 * the cashier saw, moves what colleagues added meanwhile to a receipt marked for attention, and keeps
 * a second payment as an attention item. Over HTTP, on both databases.
 */
class OfflinePaymentTest {

  static JsonNode payOffline(Terminal t, String receiptId, long seenSeq, long amount) {
    return t.send("payOffline", "receiptId", receiptId, "seenSeq", seenSeq, "amount", amount, "method", "cash",
        "paidAt", 1_764_600_000_000L);
  }

  static long sales(Floor f, String receiptId) {
    return f.count("sales WHERE id = '" + receiptId + "'");
  }

  static Map<String, Object> item(Floor f, String receiptId) {
    return f.app.db.read(h -> h.createQuery(
            "SELECT kind, amount, unsold, sale_id, new_receipt_id FROM attention_items WHERE receipt_id = :r")
        .bind("r", receiptId).mapToMap().one());
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void an_unchanged_receipt_paid_offline_is_an_ordinary_cash_sale(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal anna = f.terminal("anna");
      String table = anna.send("openTable", "slotId", f.slot("Stolik 1")).path("result").path("receiptId").asText();
      anna.add(table, f.beer, 2000);
      long seen = f.receipt(table).seq();

      JsonNode ack = payOffline(anna, table, seen, 2500);

      assertThat(ack.path("status").asText()).as("%s", ack).isEqualTo("accepted");
      assertThat(ack.path("result").path("attention").isNull()).isTrue();
      assertThat(ack.path("result").path("total").asLong()).isEqualTo(2500);
      assertThat(f.receipt(table).state()).isEqualTo(State.CLOSED);
      assertThat(f.count("sales WHERE total = 2500")).isEqualTo(1);
      assertThat(f.count("payments WHERE method = 'CASH' AND amount = 2500")).isEqualTo(1);
      assertThat(f.count("attention_items")).isZero();
      // The table starts its next generation: a new guest at Stolik 1 gets a new receipt.
      String next = anna.send("openTable", "slotId", f.slot("Stolik 1")).path("result").path("receiptId").asText();
      assertThat(next).isNotEqualTo(table);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_cashiers_own_offline_lines_count_as_seen(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal anna = f.terminal("anna");
      String sale = anna.openAdHoc();
      anna.add(sale, f.beer, 1000);
      long seen = f.receipt(sale).seq();
      anna.add(sale, f.espresso, 1000); // queued offline before the payment, shown on anna's screen

      JsonNode ack = payOffline(anna, sale, seen, 2150);

      assertThat(ack.path("result").path("attention").isNull()).as("%s", ack).isTrue();
      assertThat(f.count("sales WHERE total = 2150")).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_line_a_colleague_added_meanwhile_goes_to_a_new_receipt_marked_for_attention(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal anna = f.terminal("anna");
      Terminal ola = f.terminal("ola");
      String table = anna.send("openTable", "slotId", f.slot("Stolik 2")).path("result").path("receiptId").asText();
      String beer = anna.add(table, f.beer, 1000);
      long seen = f.receipt(table).seq();
      String espresso = ola.add(table, f.espresso, 1000);
      ola.send("adjustQuantity", "lineId", beer, "delta", 1000);

      JsonNode ack = payOffline(anna, table, seen, 1250);

      assertThat(ack.path("status").asText()).as("%s", ack).isEqualTo("accepted");
      assertThat(ack.path("result").path("attention").asText()).isEqualTo("CHANGED");
      ReceiptView closed = f.receipt(table);
      assertThat(closed.state()).isEqualTo(State.CLOSED);
      assertThat(closed.lines()).extracting(ReceiptView.LineView::id).containsExactly(beer);
      assertThat(closed.lines().get(0).quantity()).isEqualTo(1000);
      assertThat(f.count("sales WHERE total = 1250")).isEqualTo(1);
      String rest = ack.path("result").path("newReceiptId").asText();
      ReceiptView open = f.receipt(rest);
      assertThat(open.state()).isEqualTo(State.OPEN);
      assertThat(open.attention()).isTrue();
      assertThat(open.recoveredFrom()).isEqualTo(table);
      assertThat(open.lines()).extracting(ReceiptView.LineView::productId).containsExactly(f.beer, f.espresso);
      assertThat(open.lines().get(0).quantity()).isEqualTo(1000);
      assertThat(open.total()).isEqualTo(900 + 1250);
      Map<String, Object> item = item(f, table);
      assertThat(item.get("kind")).isEqualTo("CHANGED");
      assertThat(((Number) item.get("unsold")).longValue()).isZero();
      assertThat(item.get("new_receipt_id")).isEqualTo(rest);
      assertThat(espresso).isEqualTo(open.lines().get(1).id());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_table_opened_offline_that_a_colleague_had_open_sells_only_the_cashiers_own_lines(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal anna = f.terminal("anna");
      Terminal ola = f.terminal("ola");
      String table = ola.send("openTable", "slotId", f.slot("Stolik 3")).path("result").path("receiptId").asText();
      ola.add(table, f.espresso, 1000);
      // Anna's terminal never heard of it: it opened the table offline (seq 0) and added a beer.
      assertThat(anna.send("openTable", "slotId", f.slot("Stolik 3")).path("result").path("receiptId").asText())
          .isEqualTo(table);
      anna.add(table, f.beer, 1000);

      JsonNode ack = payOffline(anna, table, 0, 1250);

      assertThat(ack.path("result").path("attention").asText()).as("%s", ack).isEqualTo("CHANGED");
      assertThat(ack.path("result").path("total").asLong()).isEqualTo(1250);
      ReceiptView rest = f.receipt(ack.path("result").path("newReceiptId").asText());
      assertThat(rest.lines()).extracting(ReceiptView.LineView::productId).containsExactly(f.espresso);
      assertThat(rest.attention()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_receipt_paid_online_meanwhile_keeps_both_payments_and_an_attention_item(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal anna = f.terminal("anna");
      Terminal ola = f.terminal("ola");
      String sale = anna.openAdHoc();
      anna.add(sale, f.beer, 1000);
      long seen = f.receipt(sale).seq();
      JsonNode online = ola.send("pay", "receiptId", sale, "seq", seen,
          "payments", java.util.List.of(Map.of("method", "CARD", "amount", 1250)));
      assertThat(online.path("status").asText()).as("%s", online).isEqualTo("accepted");

      JsonNode ack = payOffline(anna, sale, seen, 1250);

      assertThat(ack.path("status").asText()).as("%s", ack).isEqualTo("accepted");
      assertThat(ack.path("result").path("attention").asText()).isEqualTo("PAID_TWICE");
      assertThat(sales(f, sale)).isEqualTo(1);
      Map<String, Object> item = item(f, sale);
      assertThat(item.get("kind")).isEqualTo("PAID_TWICE");
      assertThat(((Number) item.get("amount")).longValue()).isEqualTo(1250);
      assertThat(((Number) item.get("unsold")).longValue()).isEqualTo(1250);
      assertThat(item.get("sale_id")).isEqualTo(sale);
      // Offline twice: the second is an attention item too; the receipt closed once.
      JsonNode again = payOffline(ola, sale, seen, 1250);
      assertThat(again.path("result").path("attention").asText()).isEqualTo("PAID_TWICE");
      assertThat(f.count("attention_items")).isEqualTo(2);
      assertThat(sales(f, sale)).isEqualTo(1);
      JsonNode trail = anna.http.get("/api/terminal/receipts/" + sale + "/audit", anna.headers()).json();
      assertThat(trail.get(trail.size() - 1).path("type").asText()).isEqualTo("payOffline");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_deleted_or_unknown_receipt_paid_offline_is_an_attention_item(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal anna = f.terminal("anna");
      Terminal marek = f.terminal("marek");
      String sale = anna.openAdHoc();
      anna.add(sale, f.beer, 1000);
      long seen = f.receipt(sale).seq();
      assertThat(marek.send("delete", "receiptId", sale).path("status").asText()).isEqualTo("accepted");

      assertThat(payOffline(anna, sale, seen, 1250).path("result").path("attention").asText()).isEqualTo("GONE");
      String unknown = Terminal.uuid();
      assertThat(payOffline(anna, unknown, 3, 700).path("result").path("attention").asText()).isEqualTo("GONE");
      assertThat(f.count("attention_items WHERE kind = 'GONE'")).isEqualTo(2);
      assertThat(f.count("sales")).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void offline_only_cash_is_taken(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal anna = f.terminal("anna");
      String sale = anna.openAdHoc();
      anna.add(sale, f.beer, 1000);
      JsonNode ack = anna.send("payOffline", "receiptId", sale, "seenSeq", 1, "amount", 1250, "method", "card",
          "paidAt", 1L);
      assertThat(ack.path("code").asText()).isEqualTo("invalid");
      assertThat(ack.path("details").path("field").asText()).isEqualTo("method");
      assertThat(f.receipt(sale).state()).isEqualTo(State.OPEN);
    }
  }
}
