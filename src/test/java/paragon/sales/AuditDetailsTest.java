package paragon.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import paragon.web.I18n;

/** The audit trail's "what" of the discount commands, as an owner reads it (issue 10). */
class AuditDetailsTest {
  @Test
  void a_percent_discount_reads_as_a_percentage_with_its_reason() {
    String stored = "{\"type\":\"setLineDiscount\",\"lineId\":\"x\",\"kind\":\"PERCENT\",\"value\":1250,"
        + "\"reason\":\"Pracownik\"}";
    assertThat(AuditDetails.of(stored, I18n.of("pl"), Map.of())).isEqualTo("udzielono rabatu 12,5 % (Pracownik): pozycja");
    assertThat(AuditDetails.of(stored, I18n.of("en"), Map.of())).isEqualTo("gave 12.5 % off an item (Pracownik)");
  }

  @Test
  void an_amount_discount_reads_as_money_and_a_removal_says_so() {
    String amount = "{\"type\":\"setReceiptDiscount\",\"receiptId\":\"x\",\"kind\":\"AMOUNT\",\"value\":290,"
        + "\"reason\":\"Stały klient\"}";
    assertThat(AuditDetails.of(amount, I18n.of("en"), Map.of()))
        .isEqualTo("gave 2.90\u00a0zł off the receipt (Stały klient)");
    assertThat(AuditDetails.of("{\"type\":\"setReceiptDiscount\",\"receiptId\":\"x\",\"kind\":null}", I18n.of("pl"),
        Map.of())).isEqualTo("usunięto rabat paragonu");
  }
}
