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
