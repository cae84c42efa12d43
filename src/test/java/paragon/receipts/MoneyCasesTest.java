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

  /** The discounts table: each line's and the receipt's discount amount, the total and the VAT after them. */
  @Test
  void discounts_are_the_table() throws IOException {
    JsonNode cases = table().path("discounts");
    assertThat(cases.size()).isGreaterThanOrEqualTo(8);
    for (JsonNode c : cases) {
      List<Line> lines = new ArrayList<>();
      for (JsonNode l : c.path("lines")) {
        Vat vat = Vat.of(l.path("vat").asText());
        lines.add(new Line("l" + lines.size(), null, "x", l.path("total").asLong(), 1000, vat, null, false, List.of(),
            discount(l.path("discount"))));
      }
      Receipt r = Receipt.builder().id("r").lines(lines).discount(discount(c.path("receiptDiscount"))).build();
      List<Long> lineAmounts = new ArrayList<>();
      c.path("lineAmounts").forEach(a -> lineAmounts.add(a.asLong()));
      assertThat(lines.stream().map(Line::discountAmount).toList()).as(c.toString()).isEqualTo(lineAmounts);
      assertThat(r.discountAmount()).as(c.toString()).isEqualTo(c.path("receiptAmount").asLong());
      assertThat(r.total()).as(c.toString()).isEqualTo(c.path("total").asLong());
      List<Money.VatShare> expected = new ArrayList<>();
      for (JsonNode s : c.path("shares")) {
        expected.add(new Money.VatShare(s.path("vat").asText(), s.path("gross").asLong(), s.path("net").asLong(),
            s.path("tax").asLong()));
      }
      assertThat(r.vat()).as(c.toString()).isEqualTo(expected);
    }
  }

  private static Discount discount(JsonNode d) {
    if (d.isMissingNode() || d.isNull()) return null;
    return new Discount(Discount.Type.valueOf(d.path("kind").asText()), d.path("value").asLong(), "x");
  }
}
