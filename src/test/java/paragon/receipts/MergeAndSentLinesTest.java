package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.testing.TestDatabases;

/**
 * Merge keeps what the source knew (its note, its guests) and says where it came from; a sent line
 * is only removed or lowered with VOID_LINES. Over HTTP, on both databases.
 */
class MergeAndSentLinesTest {

  private static String status(JsonNode ack) {
    return ack.path("status").asText();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void merging_appends_the_sources_note_adds_its_guests_and_the_audit_names_the_source(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      String sale = a.openAdHoc();
      a.add(sale, f.beer, 1000);
      a.send("noteReceipt", "receiptId", sale, "note", "przy oknie");
      a.send("setGuests", "receiptId", sale, "guests", 2);
      String table = a.send("openTable", "slotId", f.slot("Stolik 2")).path("result").path("receiptId").asText();
      a.add(table, f.espresso, 1000);
      a.send("noteReceipt", "receiptId", table, "note", "alergia: orzechy");
      a.send("setGuests", "receiptId", table, "guests", 3);

      assertThat(status(a.send("merge", "receiptId", table, "targetReceiptId", sale))).isEqualTo("accepted");

      ReceiptView merged = f.receipt(sale);
      assertThat(merged.lines()).hasSize(2);
      assertThat(merged.note()).isEqualTo("przy oknie · alergia: orzechy");
      assertThat(merged.guests()).isEqualTo(5);
      assertThat(f.receipt(table).state()).isEqualTo(State.DELETED);
      JsonNode trail = a.http.get("/api/terminal/receipts/" + sale + "/audit", a.headers()).json();
      JsonNode last = trail.get(trail.size() - 1);
      assertThat(last.path("type").asText()).isEqualTo("merge");
      assertThat(last.path("command").path("receiptId").asText()).isEqualTo(table);

      // A source without a note or guests leaves the target's as they are.
      String empty = a.openAdHoc();
      a.add(empty, f.beer, 1000);
      assertThat(status(a.send("merge", "receiptId", empty, "targetReceiptId", sale))).isEqualTo("accepted");
      assertThat(f.receipt(sale).note()).isEqualTo("przy oknie · alergia: orzechy");
      assertThat(f.receipt(sale).guests()).isEqualTo(5);
      // Into a receipt without a note: the source's note as it was.
      String bare = a.openAdHoc();
      a.add(bare, f.beer, 1000);
      assertThat(status(a.send("merge", "receiptId", sale, "targetReceiptId", bare))).isEqualTo("accepted");
      assertThat(f.receipt(bare).note()).isEqualTo("przy oknie · alergia: orzechy");
      assertThat(f.receipt(bare).lines()).hasSize(4);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_merge_whose_note_or_guests_would_exceed_the_limit_is_refused_and_changes_nothing(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      String target = a.openAdHoc();
      a.add(target, f.beer, 1000);
      a.send("noteReceipt", "receiptId", target, "note", "x".repeat(150));
      String source = a.openAdHoc();
      a.add(source, f.espresso, 1000);
      a.send("noteReceipt", "receiptId", source, "note", "y".repeat(60));

      JsonNode refused = a.send("merge", "receiptId", source, "targetReceiptId", target);
      assertThat(refused.path("code").asText()).isEqualTo("limit");
      assertThat(refused.path("details").path("limit").asText()).isEqualTo("note");
      assertThat(f.receipt(source).state()).isEqualTo(State.OPEN);
      assertThat(f.receipt(target).lines()).hasSize(1);

      a.send("noteReceipt", "receiptId", source, "note", null);
      a.send("setGuests", "receiptId", source, "guests", 600);
      a.send("setGuests", "receiptId", target, "guests", 400);
      JsonNode guests = a.send("merge", "receiptId", source, "targetReceiptId", target);
      assertThat(guests.path("details").path("limit").asText()).isEqualTo("guests");
      assertThat(f.receipt(source).lines()).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_sent_line_is_removed_or_lowered_only_with_void_lines(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal waiter = f.terminal("anna");
      Terminal manager = f.terminal("marek");
      String receipt = waiter.openAdHoc();
      String sent = waiter.add(receipt, f.beer, 3000);
      String fresh = waiter.add(receipt, f.espresso, 1000);
      assertThat(status(waiter.send("markSent", "receiptId", receipt, "lineIds", java.util.List.of(sent))))
          .isEqualTo("accepted");
      assertThat(f.receipt(receipt).lines()).extracting(ReceiptView.LineView::sent).containsExactly(true, false);

      JsonNode lower = waiter.send("adjustQuantity", "lineId", sent, "delta", -1000);
      assertThat(lower.path("code").asText()).isEqualTo("permission");
      assertThat(lower.path("details").path("permission").asText()).isEqualTo("VOID_LINES");
      assertThat(waiter.send("removeLine", "lineId", sent).path("details").path("permission").asText())
          .isEqualTo("VOID_LINES");
      assertThat(waiter.send("delete", "receiptId", receipt).path("code").asText()).isEqualTo("permission");
      assertThat(f.receipt(receipt).lines().get(0).quantity()).isEqualTo(3000);
      // Raising a sent line and changing an unsent one need nothing.
      assertThat(status(waiter.send("adjustQuantity", "lineId", sent, "delta", 1000))).isEqualTo("accepted");
      assertThat(status(waiter.send("removeLine", "lineId", fresh))).isEqualTo("accepted");

      assertThat(status(manager.send("adjustQuantity", "lineId", sent, "delta", -2000))).isEqualTo("accepted");
      assertThat(status(manager.send("removeLine", "lineId", sent))).isEqualTo("accepted");
      assertThat(f.receipt(receipt).lines()).isEmpty();
    }
  }
}
