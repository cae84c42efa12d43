package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.Visibility;
import paragon.testing.TestDatabases;

/**
 * Rule 6 never bypasses rule 2: a late line for a paid receipt is recovered only for a user who may see
 * that receipt, exactly as while it was open; for anyone else it is refused {@code not_visible} and no
 * recovery receipt is made, so nobody learns a line, a price or a name of a receipt they may not see.
 */
class RecoveryVisibilityTest {

  private static void pay(Terminal t, Floor f, String receipt, long amount) {
    JsonNode ack = t.send("pay", "receiptId", receipt, "seq", f.receipt(receipt).seq(),
        "payments", List.of(Map.of("method", "CARD", "amount", amount)));
    assertThat(ack.path("status").asText()).as("pay: %s", ack).isEqualTo("accepted");
  }

  private static long recoveries(Floor f) {
    return f.count("receipts WHERE recovered_from IS NOT NULL");
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_late_line_for_a_paid_receipt_the_user_could_not_see_is_refused_not_visible(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind, Visibility.OWN)) {
      Terminal anna = f.terminal("anna");
      Terminal ola = f.terminal("ola");
      String sale = anna.openAdHoc();
      String line = anna.add(sale, f.beer, 2000);
      // While open, ola may not touch anna's receipt (OWN): the reference answer.
      assertThat(ola.send("addLine", "receiptId", sale, "lineId", Terminal.uuid(), "productId", f.espresso)
          .path("code").asText()).isEqualTo("not_visible");
      pay(anna, f, sale, 2500);

      JsonNode add = ola.send("addLine", "receiptId", sale, "lineId", Terminal.uuid(), "productId", f.espresso);
      assertThat(add.path("status").asText()).as("%s", add).isEqualTo("refused");
      assertThat(add.path("code").asText()).isEqualTo("not_visible");
      // A positive adjustment would copy anna's line (name, price) into a receipt ola sees.
      JsonNode more = ola.send("adjustQuantity", "lineId", line, "delta", 1000);
      assertThat(more.path("status").asText()).as("%s", more).isEqualTo("refused");
      assertThat(more.path("code").asText()).isEqualTo("not_visible");
      assertThat(recoveries(f)).isZero();

      // anna, who could see it, still gets her late lines recovered (rule 6).
      JsonNode own = anna.send("adjustQuantity", "lineId", line, "delta", 1000);
      assertThat(own.path("result").path("recovered").asBoolean()).as("%s", own).isTrue();
      assertThat(recoveries(f)).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_recovery_receipt_the_sender_may_not_see_takes_no_line_of_theirs(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind, Visibility.SAME_ROLE)) {
      Terminal anna = f.terminal("anna");
      Terminal ola = f.terminal("ola");
      Terminal marek = f.terminal("marek");
      String table = anna.send("openTable", "slotId", f.slot("Stolik 1")).path("result").path("receiptId").asText();
      anna.add(table, f.beer, 1000);
      pay(anna, f, table, 1250);
      // The manager's late line starts the recovery receipt: his, so waiters may not see it (SAME_ROLE).
      JsonNode first = marek.send("addLine", "receiptId", table, "lineId", Terminal.uuid(), "productId", f.beer);
      assertThat(first.path("result").path("recovered").asBoolean()).as("%s", first).isTrue();
      String recovery = first.path("result").path("receiptId").asText();
      assertThat(f.receipt(recovery).ownerUserId()).isEqualTo(f.marek);

      // ola could see the table (same role as anna) but not where its late lines go now.
      JsonNode late = ola.send("addLine", "receiptId", table, "lineId", Terminal.uuid(), "productId", f.espresso);
      assertThat(late.path("code").asText()).as("%s", late).isEqualTo("not_visible");
      assertThat(f.receipt(recovery).lines()).hasSize(1);
    }
  }
}
