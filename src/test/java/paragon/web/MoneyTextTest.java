package paragon.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The back office's money rule against the fixture the terminal's formatMoney is held to too
 * (src/test/resources/money-fixture.json, money.test.mjs): one rule, written the same in both places.
 */
class MoneyTextTest {
  @Test
  void every_fixture_case_is_written_as_the_fixture_says() throws IOException {
    JsonNode cases = new ObjectMapper().readTree(Path.of("src/test/resources/money-fixture.json").toFile())
        .path("cases");
    assertThat(cases.size()).isGreaterThan(10);
    for (JsonNode c : cases) {
      assertThat(MoneyText.format(c.path("grosze").asLong(), c.path("lang").asText())).as(c.toString())
          .isEqualTo(c.path("text").asText());
    }
  }

  @Test
  void the_extremes_of_a_long_are_written_without_overflow() {
    assertThat(MoneyText.format(Long.MIN_VALUE, "en")).isEqualTo("-92,233,720,368,547,758.08\u00a0zł");
    assertThat(MoneyText.format(Long.MAX_VALUE, "pl"))
        .isEqualTo("92\u00a0233\u00a0720\u00a0368\u00a0547\u00a0758,07\u00a0zł");
  }

  /** A message's amount ({@link MoneyText.Amount}) is written by the one rule in the message's language. */
  @Test
  void an_amount_in_a_message_follows_the_rule_of_the_messages_language() {
    assertThat(I18n.of("pl").t("catalog.price.below_zero", MoneyText.amount(-123450)))
        .isEqualTo("Z tymi dodatkami cena mogłaby spaść do -1\u00a0234,50\u00a0zł: cena nigdy nie może być ujemna.");
    assertThat(I18n.of("en").t("catalog.options.below_zero", "Bez mleka", MoneyText.amount(-150)))
        .isEqualTo("With these options \"Bez mleka\" could cost -1.50\u00a0zł: a price can never be below 0.");
  }

  /**
   * Convention: no message writes "zł" after a number it formats itself ({@code {0} zł},
   * {@code {0,number,0.00} zł}); its amount is a {@link MoneyText.Amount} (or, in a refusal kept in the
   * command log, {@code paragon.receipts.NameArg.money}) that the one rule writes.
   */
  @Test
  void no_message_writes_zl_after_a_number_of_its_own() throws IOException {
    Pattern own = Pattern.compile("\\{\\d+(,[^}]*)?}\\s*(zł|PLN)");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/i18n"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".properties")).toList()) {
        for (String line : Files.readAllLines(f)) if (own.matcher(line).find()) found.add(f.getFileName() + ": " + line);
      }
    }
    assertThat(found).isEmpty();
  }

  /** No second money formatter creeps back into the back office: amounts go through MoneyText. */
  @Test
  void no_other_main_source_appends_zl_to_a_number() throws IOException {
    Pattern own = Pattern.compile("\\+\\s*\"\\s*(zł|\\\\u00a0zł|PLN)\"");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (own.matcher(Files.readString(f)).find()) found.add(f.toString());
      }
    }
    assertThat(found).isEmpty();
  }
}
