package paragon.sales;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import paragon.receipts.Command;
import paragon.web.I18n;

/** The audit trail in words a person reads (issue 15): every command type named, no raw field shown. */
class AuditSentencesTest {
  @Test
  void every_command_type_has_an_action_in_both_languages() {
    for (JsonSubTypes.Type type : Command.class.getAnnotation(JsonSubTypes.class).value()) {
      for (String lang : I18n.LANGUAGES) {
        assertThat(I18n.of(lang).has("sales.action." + type.name())).as(type.name() + " in " + lang).isTrue();
      }
    }
    assertThat(Command.class.getPermittedSubclasses()).hasSize(Command.class.getAnnotation(JsonSubTypes.class)
        .value().length);
  }

  @Test
  void an_added_line_reads_as_a_sentence_with_its_total() {
    String stored = "{\"type\":\"addLine\",\"receiptId\":\"r\",\"lineId\":\"l\",\"productId\":9,\"name\":\"Espresso\","
        + "\"unitPrice\":900,\"vat\":\"A\",\"quantity\":2000}";
    assertThat(AuditDetails.of(stored, I18n.of("pl"), Map.of())).isEqualTo("dodano 2 x Espresso (18,00\u00a0zł)");
    assertThat(AuditDetails.of(stored, I18n.of("en"), Map.of())).doesNotContain("Product").contains("2 x Espresso");
  }

  @Test
  void moves_and_payments_leak_no_ids_or_versions() {
    String move = "{\"type\":\"moveLines\",\"receiptId\":\"r\",\"targetReceiptId\":\"t\",\"newTarget\":true,"
        + "\"lines\":[{\"lineId\":\"a\"},{\"lineId\":\"b\"},{\"lineId\":\"c\"}]}";
    String pay = "{\"type\":\"pay\",\"receiptId\":\"r\",\"seq\":39,\"payments\":[{\"method\":\"CASH\",\"amount\":3200}]}";
    for (String lang : I18n.LANGUAGES) {
      I18n i18n = I18n.of(lang);
      assertThat(AuditDetails.of(move, i18n, Map.of())).contains("3").doesNotContain(i18n.t("sales.field.newTarget"));
      assertThat(AuditDetails.of(pay, i18n, Map.of())).doesNotContain(i18n.t("sales.field.seq")).doesNotContain("39");
    }
    assertThat(Arrays.asList(AuditDetails.of(move, I18n.of("en"), Map.of()))).containsExactly(
        "moved 3 lines to a new receipt");
  }
}
