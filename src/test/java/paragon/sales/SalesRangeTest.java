package paragon.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/** The sales page over a range of days: its summaries, and each bad bound named next to its field. */
class SalesRangeTest {

  static long warsaw(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(Display.ZONE).toInstant().toEpochMilli();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_range_is_summarised_by_day_method_vat_rate_cashier_and_product(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Bistro b = new Bistro(app, "en");
      Ledger ledger = new Ledger(app, b);
      Ledger.L coffee = Ledger.L.of("Coffee", 1000, 1000);
      Ledger.L juice = new Ledger.L(null, "Juice", 700, 2000, "8", null, null, null, null);
      // 21 Nov, 23:30 and 23:50 Warsaw (22:30, 22:50 UTC): a Warsaw day, not a UTC one.
      ledger.sales(2, b.shopA, b.till1, b.anna, warsaw("2026-11-21T23:30:00"), 20 * 60_000,
          new Ledger.L[] {coffee, juice}, "CASH", 0);
      ledger.sales(3, b.shopB, b.till2, b.bob, warsaw("2026-11-23T00:10:00"), 60_000,
          new Ledger.L[] {coffee}, "CARD", 100);
      ledger.sales(1, b.shopB, b.till2, b.bob, warsaw("2026-11-24T00:10:00"), 60_000, new Ledger.L[] {coffee},
          "CARD", 0);
      WebClient c = b.owner.client();
      String page = c.get("/backoffice/sales?from=2026-11-21&to=2026-11-23").body();
      assertThat(between(page, "class=\"count\">", "<")).isEqualTo("5");
      assertThat(between(page, "class=\"sum\">", "<")).isEqualTo("75.00\u00a0zł"); // 2 × 24.00 + 3 × 9.00
      assertThat(between(page, "class=\"discounts\">", "<")).isEqualTo("3.00\u00a0zł");
      String days = between(page, "class=\"by-day\"", "</table>");
      assertThat(days).contains("<td>2026-11-21</td><td class=\"num\">2</td><td class=\"num\">48.00\u00a0zł</td>")
          .contains("<td>2026-11-23</td><td class=\"num\">3</td><td class=\"num\">27.00\u00a0zł</td>")
          .doesNotContain("2026-11-22", "2026-11-24");
      assertThat(between(page, "class=\"by-method\"", "</table>"))
          .contains("<td>Cash</td><td class=\"num\">48.00\u00a0zł</td>", "<td>Card</td><td class=\"num\">27.00");
      String vat = between(page, "class=\"by-vat\"", "</table>");
      assertThat(vat).contains("<td>23\u00a0%</td><td class=\"num\">47.00\u00a0zł</td>")
          .contains("<td>8\u00a0%</td><td class=\"num\">28.00\u00a0zł</td><td class=\"num\">25.92\u00a0zł</td>");
      assertThat(between(page, "class=\"by-cashier\"", "</table>"))
          .contains("<td>Anna Nowak</td><td class=\"num\">2</td><td class=\"num\">48.00")
          .contains("<td>Bob Lis</td><td class=\"num\">3</td><td class=\"num\">27.00");
      assertThat(between(page, "class=\"by-product\"", "</table>"))
          .contains("<td>Coffee</td><td class=\"num\">5</td><td class=\"num\">50.00")
          .contains("<td>Juice</td><td class=\"num\">4</td><td class=\"num\">28.00");
      assertThat(page).contains("value=\"2026-11-21\"", "value=\"2026-11-23\"");

      String oneShop = c.get("/backoffice/sales?from=2026-11-21&to=2026-11-24&shop=" + b.shopB).body();
      assertThat(between(oneShop, "class=\"count\">", "<")).isEqualTo("4");
      assertThat(between(c.get("/backoffice/sales?from=2026-11-22").body(), "class=\"count\">", "<"))
          .isEqualTo("0");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void each_bad_bound_is_named_next_to_its_field_and_kept_as_typed(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Bistro b = new Bistro(app, "en");
      WebClient c = b.owner.client();
      WebClient.Response bad = c.get("/backoffice/sales?from=21.11.2026&to=2026-13-01");
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body()).contains("value=\"21.11.2026\"", "value=\"2026-13-01\"")
          .contains("id=\"from\" name=\"from\" value=\"21.11.2026\"", "aria-describedby=\"to-hint error-to\"")
          .contains("<p class=\"field-error\" id=\"error-from\">Enter the day as YYYY-MM-DD.</p>")
          .contains("<p class=\"field-error\" id=\"error-to\">Enter the day as YYYY-MM-DD.</p>")
          .doesNotContain("class=\"summaries");
      String backwards = c.get("/backoffice/sales?from=2026-11-23&to=2026-11-01").body();
      assertThat(backwards).contains("The last day cannot be before the first.");
      String tooLong = c.get("/backoffice/sales?from=2025-01-01&to=2026-01-02").body();
      assertThat(tooLong).contains("Choose at most 366 days.");
      assertThat(c.get("/backoffice/sales?from=2025-01-01&to=2026-01-02&lang=pl").body())
          .contains("Wybierz najwyżej 366 dni.");
      assertThat(c.get("/backoffice/sales?from=2025-01-02&to=2026-01-02").status()).isEqualTo(200);
      WebClient.Response htmx = c.get("/backoffice/sales?from=2026-11-23&to=2026-11-01",
          Map.of("HX-Request", "true"));
      assertThat(htmx.status()).isEqualTo(400);
      assertThat(htmx.json().get("field").asText()).isEqualTo("to");
      WebClient.Response export = c.get("/backoffice/sales/export?from=x", Map.of("HX-Request", "true"));
      assertThat(export.status()).isEqualTo(400);
      assertThat(export.json().get("field").asText()).isEqualTo("from");
      assertThat(c.get("/backoffice/sales/export?kind=xml", Map.of("HX-Request", "true")).json().get("field")
          .asText()).isEqualTo("kind");
      assertThat(c.get("/backoffice/sales/export?format=de", Map.of("HX-Request", "true")).json().get("field")
          .asText()).isEqualTo("format");
    }
  }

  static String between(String s, String start, String end) {
    int i = s.indexOf(start);
    assertThat(i).as("no " + start).isNotNegative();
    i += start.length();
    return s.substring(i, s.indexOf(end, i));
  }
}
