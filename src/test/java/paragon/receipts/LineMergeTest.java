package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.demo.Seed;
import paragon.testing.TestDatabases;

/**
 * Issue 15: a product tapped again adds to its unsent line of the same price with no note and no
 * modifiers, while the owner's setting is on; a line sent to the kitchen is never touched. Over HTTP,
 * on both databases.
 */
class LineMergeTest {

  private static Floor merging(TestDatabases.Kind kind, boolean on) {
    // A device paired after the change applies it (Floor.terminal).
    Floor f = new Floor(kind);
    f.change(h -> Seed.mergeLines(h, f.account, on));
    return f;
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_product_tapped_again_adds_to_its_line_and_the_answer_names_that_line(TestDatabases.Kind kind) {
    try (Floor f = merging(kind, true)) {
      Terminal a = f.terminal("anna");
      String sale = a.openAdHoc();
      String first = a.add(sale, f.espresso, 1000);
      JsonNode again = a.send("addLine", "receiptId", sale, "lineId", Terminal.uuid(), "productId", f.espresso,
          "quantity", 1000);

      assertThat(again.path("status").asText()).isEqualTo("accepted");
      assertThat(again.path("result").path("lineId").asText()).isEqualTo(first);
      assertThat(again.path("result").path("merged").asBoolean()).isTrue();
      ReceiptView r = f.receipt(sale);
      assertThat(r.lines()).hasSize(1);
      assertThat(r.lines().getFirst().quantity()).isEqualTo(2000);
      assertThat(r.total()).isEqualTo(1800);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_sent_line_a_note_or_another_product_is_a_line_of_its_own(TestDatabases.Kind kind) {
    try (Floor f = merging(kind, true)) {
      Terminal a = f.terminal("anna");
      String sale = a.openAdHoc();
      a.add(sale, f.espresso, 1000);
      assertThat(a.send("markSent", "receiptId", sale).path("status").asText()).isEqualTo("accepted");
      a.add(sale, f.espresso, 1000);
      JsonNode noted = a.send("addLine", "receiptId", sale, "lineId", Terminal.uuid(), "productId", f.espresso,
          "quantity", 1000, "note", "bez cukru");
      assertThat(noted.path("result").has("merged")).isFalse();
      a.add(sale, f.beer, 1000);

      ReceiptView r = f.receipt(sale);
      assertThat(r.lines()).extracting(l -> l.quantity()).containsExactly(1000L, 1000L, 1000L, 1000L);
      assertThat(r.lines()).extracting(l -> l.sent()).containsExactly(true, false, false, false);
      // The unsent espresso without a note takes the next tap; the sent one stays as the kitchen has it.
      a.add(sale, f.espresso, 1000);
      assertThat(f.receipt(sale).lines()).extracting(l -> l.quantity()).containsExactly(1000L, 2000L, 1000L, 1000L);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void with_the_setting_off_every_tap_is_a_line(TestDatabases.Kind kind) {
    try (Floor f = merging(kind, false)) {
      Terminal a = f.terminal("anna");
      String sale = a.openAdHoc();
      a.add(sale, f.espresso, 1000);
      a.add(sale, f.espresso, 1000);
      assertThat(f.receipt(sale).lines()).hasSize(2);
    }
  }
}
