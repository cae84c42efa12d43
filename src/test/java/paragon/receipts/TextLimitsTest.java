package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Names and notes at their limits, from the table the terminal's node test reads too
 * (src/test/resources/text-limits.json): both count characters as code points, so an emoji name at the
 * boundary is accepted or refused alike on both sides.
 */
class TextLimitsTest {
  private static JsonNode table() throws IOException {
    return new ObjectMapper().readTree(Path.of("src/test/resources/text-limits.json").toFile());
  }

  /** True when the check passes, false when it refuses (the guards throw their refusal). */
  private static boolean fits(Runnable check) {
    try {
      check.run();
      return true;
    } catch (Refusal refused) {
      return false;
    }
  }

  @Test
  void names_fit_by_code_points_after_trimming() throws IOException {
    for (JsonNode c : table().path("name")) {
      String text = c.path("text").asText();
      String stripped = text.strip();
      assertThat(stripped.codePointCount(0, stripped.length())).as(text).isEqualTo(c.path("characters").asInt());
      assertThat(fits(() -> Guards.requireName(text))).as(text).isEqualTo(c.path("fits").asBoolean());
    }
  }

  @Test
  void notes_fit_by_code_points() throws IOException {
    for (JsonNode c : table().path("note")) {
      String text = c.path("text").asText();
      assertThat(fits(() -> Guards.requireNoteLength(text))).as(text).isEqualTo(c.path("fits").asBoolean());
    }
  }

  @Test
  void discount_reasons_fit_by_code_points_after_trimming() throws IOException {
    JsonNode cases = table().path("reason");
    assertThat(cases.size()).isGreaterThanOrEqualTo(6);
    for (JsonNode c : cases) {
      String text = c.path("text").asText();
      String stripped = text.strip();
      assertThat(stripped.codePointCount(0, stripped.length())).as(text).isEqualTo(c.path("characters").asInt());
      assertThat(fits(() -> Guards.reason(text))).as(text).isEqualTo(c.path("fits").asBoolean());
    }
  }

  @Test
  void the_table_is_at_the_served_limits() throws IOException {
    assertThat(ServedRules.of().limits()).containsEntry("name", 40L).containsEntry("note", 200L)
        .containsEntry("reason", 80L);
    assertThat(table().path("name").findValuesAsText("characters")).contains("40", "41");
  }
}
