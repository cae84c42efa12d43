package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server's amounts against the table of cases (src/test/resources/money-cases.json) that the
 * terminal's preview is tested with too (money.test.mjs): what the terminal shows before the answer is
 * what the server answers.
 */
class MoneyCasesTest {
  private static JsonNode table() throws IOException {
    return new ObjectMapper().readTree(Path.of("src/test/resources/money-cases.json").toFile());
  }

  @Test
  void line_totals_are_the_table() throws IOException {
    for (JsonNode c : table().path("lineTotal")) {
      assertThat(Money.lineTotal(c.path("unitPrice").asLong(), c.path("quantity").asLong())).as(c.toString())
          .isEqualTo(c.path("total").asLong());
    }
  }

  @Test
  void vat_breakdowns_are_the_table() throws IOException {
    for (JsonNode c : table().path("vat")) {
      List<Line> lines = new ArrayList<>();
      for (JsonNode l : c.path("lines")) {
        Vat vat = Vat.of(l.path("vat").asText());
        lines.add(new Line("l" + lines.size(), null, "x", l.path("total").asLong(), 1000, vat, null, false));
      }
      List<Money.VatShare> expected = new ArrayList<>();
      for (JsonNode s : c.path("shares")) {
        expected.add(new Money.VatShare(s.path("vat").asText(), s.path("gross").asLong(), s.path("net").asLong(),
            s.path("tax").asLong()));
      }
      assertThat(Money.vat(lines)).as(c.toString()).isEqualTo(expected);
    }
  }
}
