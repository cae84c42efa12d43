package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.testing.TestDatabases;

/**
 * A command writes only what it changed (issue 11), and the receipt reads back as the rules left it:
 * the order of its lines through removals, additions and moves, and ids checked as before.
 */
class PartialSaveTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void lines_keep_their_order_through_removals_additions_moves_and_merges(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      String r = a.openAdHoc();
      String l1 = a.add(r, f.espresso, 1000);
      String l2 = a.add(r, f.beer, 1000);
      String l3 = a.add(r, f.espresso, 2000);
      accepted(a.send("removeLine", "lineId", l2));
      // The new line comes after l3, whose stored position is above the count of live lines.
      String l4 = a.add(r, f.beer, 1000);
      accepted(a.send("adjustQuantity", "lineId", l1, "delta", 1000));
      assertThat(ids(f, r)).containsExactly(l1, l3, l4);
      assertThat(f.receipt(r).lines().get(0).quantity()).isEqualTo(2000);

      String other = a.openAdHoc();
      String o1 = a.add(other, f.beer, 1000);
      accepted(a.send("moveLines", "receiptId", r, "targetReceiptId", other,
          "lines", List.of(Map.of("lineId", l3))));
      String l5 = a.add(r, f.espresso, 1000);
      assertThat(ids(f, r)).containsExactly(l1, l4, l5);
      assertThat(ids(f, other)).containsExactly(o1, l3);
      String split = Terminal.uuid();
      accepted(a.send("moveLines", "receiptId", other, "targetReceiptId", r,
          "lines", List.of(Map.of("lineId", o1, "quantity", 400, "newLineId", split))));
      assertThat(ids(f, r)).containsExactly(l1, l4, l5, split);
      assertThat(f.receipt(other).lines().get(0).quantity()).isEqualTo(600);

      accepted(a.send("merge", "receiptId", other, "targetReceiptId", r));
      assertThat(ids(f, r)).containsExactly(l1, l4, l5, split, o1, l3);
      String l6 = a.add(r, f.beer, 1000);
      assertThat(ids(f, r)).containsExactly(l1, l4, l5, split, o1, l3, l6);
      // What the store reads back is what the change row says.
      assertThat(f.app.db.read(h -> ReceiptStore.lines(h, f.account, r)).stream().map(Line::id).toList())
          .containsExactly(l1, l4, l5, split, o1, l3, l6);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_new_receipt_may_take_the_id_of_a_line_of_the_account_as_before(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      String r = a.openAdHoc();
      String line = a.add(r, f.espresso, 1000);
      accepted(a.send("openAdHoc", "receiptId", line));
      assertThat(f.receipt(line)).isNotNull();
      assertThat(f.receipt(r).lines()).hasSize(1);
    }
  }

  private static void accepted(JsonNode ack) {
    assertThat(ack.path("status").asText()).as(ack.toString()).isEqualTo("accepted");
  }

  private static List<String> ids(Floor f, String receipt) {
    return f.receipt(receipt).lines().stream().map(ReceiptView.LineView::id).toList();
  }
}
