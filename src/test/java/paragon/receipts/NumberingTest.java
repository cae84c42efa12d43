package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import paragon.web.I18n;

/**
 * The naming rules as a table (src/test/resources/receipt-names.json), which the terminal's node test
 * reads too: both render a default name and choose the next number the same way.
 */
class NumberingTest {
  static final JsonNode TABLE = read();

  @Test
  void default_names_render_in_each_language_and_a_recovered_name_fits_40_characters() throws IOException {
    for (JsonNode c : TABLE.get("render")) {
      JsonNode d = c.get("defaultName");
      DefaultName name = d.isNull() ? null : new ObjectMapper().treeToValue(d, DefaultName.class);
      for (String language : I18n.LANGUAGES) {
        String shown = name == null ? c.get("name").asText() : name.render(I18n.of(language));
        assertThat(shown).as("%s in %s", d, language).isEqualTo(c.get(language).asText());
        assertThat(shown.codePointCount(0, shown.length())).isLessThanOrEqualTo(Limits.MAX_NAME);
      }
    }
    assertThat(TABLE.get("maxName").asInt()).as("the terminal's names.js reads this too").isEqualTo(Limits.MAX_NAME);
  }

  @Test
  void the_next_number_is_the_lowest_whose_name_is_not_in_use_in_any_language() {
    for (JsonNode c : TABLE.get("lowestFree")) {
      List<String> names = new ArrayList<>();
      c.get("names").forEach(n -> names.add(n.asText()));
      assertThat(Numbering.lowestFree(names, Rig.NAMES)).as("%s (%s)", names, c.path("why").asText())
          .isEqualTo(c.get("next").asLong());
    }
  }

  @Test
  void a_default_name_is_in_use_in_every_language_and_a_given_name_as_it_is() {
    assertThat(Numbering.names("Sprzedaż 3", DefaultName.sale(3), Rig.NAMES))
        .containsExactlyInAnyOrder("Sprzedaż 3", "Sale 3");
    assertThat(Numbering.names("Sale 3", null, Rig.NAMES)).containsExactly("Sale 3");
  }

  private static JsonNode read() {
    try {
      return new ObjectMapper().readTree(Path.of("src/test/resources/receipt-names.json").toFile());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the receipt name table", e);
    }
  }
}
