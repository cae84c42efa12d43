package paragon.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.receipts.DayReport;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;
import paragon.web.Json;

/** The back office's day closes: the list per device and shop, with filters, and a close's kept report. */
class DayClosesPageTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void every_close_is_listed_per_device_and_shop_with_its_printable_report(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Bistro b = new Bistro(app, "pl");
      long now = app.clock.millis(); // 2026-11-23 11:00 in Warsaw
      Map<String, Long> methods = new LinkedHashMap<>();
      methods.put("CASH", 2150L);
      methods.put("CARD", 2500L);
      DayReport report = new DayReport(3, 4650, 300, methods,
          List.of(new DayReport.VatRow("23", 3750, 3049, 701), new DayReport.VatRow("8", 900, 833, 67)),
          List.of(new DayReport.CashierRow(b.anna, "Anna Nowak", 2, 3750),
              new DayReport.CashierRow(b.bob, "Bob Lis", 1, 900)),
          now - 3_600_000, now - 600_000, 0, 900, List.of(new DayReport.VatRow("8", 900, 833, 67)));
      long kept = close(app, b, b.till1, b.shopA, b.anna, 3, 4650, Json.write(report), now);
      long old = close(app, b, b.till2, b.shopB, b.bob, 7, 12000, null, now - 3 * 86_400_000L);
      long longAgo = close(app, b, b.till2, b.shopB, b.bob, 1, 100, null, now - 40 * 86_400_000L);
      WebClient c = b.owner.client();

      String list = c.get("/backoffice/day-closes").body();
      assertThat(list).contains("data-day-close=\"" + kept + "\"", "data-day-close=\"" + old + "\"",
          "Kasa przy barze", "Kasa na sali", "Rynek", "Mokotów", "46,50\u00a0zł", "120,00\u00a0zł")
          .doesNotContain("data-day-close=\"" + longAgo + "\"");
      assertThat(list.indexOf("data-day-close=\"" + kept)).isLessThan(list.indexOf("data-day-close=\"" + old));
      assertThat(c.get("/backoffice/day-closes?shop=" + b.shopB).body())
          .contains("data-day-close=\"" + old).doesNotContain("data-day-close=\"" + kept);
      assertThat(c.get("/backoffice/day-closes?device=" + b.till1).body())
          .contains("data-day-close=\"" + kept).doesNotContain("data-day-close=\"" + old);
      assertThat(c.get("/backoffice/day-closes?from=2026-10-01&to=2026-10-31").body())
          .contains("data-day-close=\"" + longAgo).doesNotContain("data-day-close=\"" + kept);

      String page = c.get("/backoffice/day-closes/" + kept).body();
      assertThat(page).contains("/assets/day-report-print.css", "media=\"print\"", "data-print", "/assets/backoffice.js",
          "Gotówka</td><td class=\"num\">21,50\u00a0zł", "Karta</td><td class=\"num\">25,00\u00a0zł",
          "<td>23\u00a0%</td><td class=\"num\">37,50\u00a0zł</td>", "<td class=\"num\">30,49\u00a0zł</td>",
          "<td>Anna Nowak</td><td class=\"num\">2</td>", "class=\"discounts\">3,00\u00a0zł",
          "class=\"receipts\">3</dd>", "Sprzedaż od 2026-11-23 10:00:00 do 2026-11-23 10:50:00",
          "<table class=\"corrections-vat\"><caption>Korekty według stawek VAT</caption>", "8,33\u00a0zł",
          "0,67\u00a0zł");
      assertThat(c.get("/backoffice/day-closes/" + kept + "?lang=en").body())
          .contains("Cash</td><td class=\"num\">21.50\u00a0zł", "Sales from 2026-11-23 10:00:00");
      assertThat(c.get("/backoffice/day-closes/" + old + "?lang=pl").body())
          .contains("class=\"receipts\">7</dd>", "120,00\u00a0zł", "zanim raporty były przechowywane");
      assertThat(app.client().get("/assets/day-report-print.css").body()).contains("@page { size: 80mm auto");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void another_accounts_close_device_or_shop_is_not_found_and_bad_days_are_named(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Bistro mine = new Bistro(app, "en");
      Bistro theirs = new Bistro(app, "en");
      long foreign = close(app, theirs, theirs.till1, theirs.shopA, theirs.anna, 1, 100, null, app.clock.millis());
      WebClient c = mine.owner.client();
      assertThat(c.get("/backoffice/day-closes/" + foreign).status()).isEqualTo(404);
      assertThat(c.get("/backoffice/day-closes/abc").status()).isEqualTo(404);
      assertThat(c.get("/backoffice/day-closes?device=" + theirs.till1).status()).isEqualTo(404);
      assertThat(c.get("/backoffice/day-closes?shop=" + theirs.shopA).status()).isEqualTo(404);
      assertThat(c.get("/backoffice/day-closes").body()).doesNotContain("data-day-close=\"" + foreign);
      WebClient.Response bad = c.get("/backoffice/day-closes?from=yesterday");
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body()).contains("value=\"yesterday\"", "<p class=\"field-error\" id=\"error-from\">");
      assertThat(app.client().get("/backoffice/day-closes").status()).isEqualTo(303);
    }
  }

  private static long close(TestApp app, Bistro b, long device, long shop, long user, long sales, long total,
      String report, long at) {
    return app.db.inTransaction(h -> h.createQuery("""
            INSERT INTO day_closes (account_id, device_id, shop_id, user_id, sales, total, report, created_at)
            VALUES (:a, :d, :s, :u, :n, :t, :r, :at) RETURNING id""")
        .bind("a", b.owner.accountId()).bind("d", device).bind("s", shop).bind("u", user).bind("n", sales)
        .bind("t", total).bind("r", report).bind("at", at).mapTo(Long.class).one());
  }
}
