package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import paragon.web.I18n;
import paragon.web.Json;

/**
 * A refusal that names an amount writes it by the one money rule in the language of each answer
 * (issue 15): kept in the command log as {@code {"money": grosze}}, so a resend answered in English
 * says "1,234.50 zł" where the first answer, in Polish, said "1 234,50 zł".
 */
class MoneyInRefusalsTest {

  @Test
  void an_amount_kept_in_the_log_is_written_in_the_answers_language() throws Exception {
    Object kept = Json.MAPPER.readValue(Json.write(NameArg.money(123450)), Map.class);
    Object paid = Json.MAPPER.readValue(Json.write(NameArg.money(3200)), Map.class);
    assertThat(I18n.of("pl").t("refusal.underpaid", NameArg.render(List.of(kept, paid), I18n.of("pl"))))
        .isEqualTo("Za mało: do zapłaty 1\u00a0234,50\u00a0zł, wpłacono 32,00\u00a0zł.");
    assertThat(I18n.of("en").t("refusal.underpaid", NameArg.render(List.of(kept, paid), I18n.of("en"))))
        .isEqualTo("Not enough: 1,234.50\u00a0zł due, 32.00\u00a0zł paid.");
    assertThat(I18n.of("en").t("refusal.parts_paid", NameArg.render(List.of(NameArg.money(1600)), I18n.of("en"))))
        .isEqualTo("Parts of this bill are paid (16.00\u00a0zł): it may not owe less than that, nor be deleted.");
  }
}
