package paragon.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import paragon.receipts.DayReport;
import paragon.testing.Browser;
import paragon.testing.Owners;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.web.Json;

/**
 * In Chromium, an owner reads the sales of a range of days (a bad bound first, shown at its field), its
 * summaries, and a day close's report, which prints alone at receipt width.
 */
@Tag("browser")
class OwnerReadsReportsBrowserTest {

  @ParameterizedTest
  @CsvSource({"pl, Sprzedaż, Raporty dobowe, Ostatni dzień nie może być przed pierwszym., Według dni",
      "en, Sales, Day closes, The last day cannot be before the first., By day"})
  void owner_reads_a_range_of_sales_and_a_printable_day_close_report(String lang, String salesMenu,
      String closesMenu, String backwards, String byDay) {
    try (TestApp app = TestApp.start(TestDatabases.Kind.SQLITE)) {
      Bistro b = new Bistro(app, lang);
      Ledger ledger = new Ledger(app, b);
      ledger.sales(2, b.shopA, b.till1, b.anna, SalesRangeTest.warsaw("2026-11-21T12:00:00"), 60_000,
          new Ledger.L[] {Ledger.L.of("Kawa", 1000, 1000)}, "CASH", 0);
      ledger.sales(1, b.shopA, b.till1, b.anna, SalesRangeTest.warsaw("2026-11-23T09:00:00"), 60_000,
          new Ledger.L[] {Ledger.L.of("Sernik", 1600, 1000)}, "CARD", 0);
      Map<String, Long> methods = new LinkedHashMap<>();
      methods.put("CARD", 1600L);
      DayReport report = new DayReport(1, 1600, 0, methods, List.of(new DayReport.VatRow("23", 1600, 1301, 299)),
          List.of(new DayReport.CashierRow(b.anna, "Anna Nowak", 1, 1600)), app.clock.millis() - 7_200_000,
          app.clock.millis() - 7_200_000);
      long close = app.db.inTransaction(h -> h.createQuery("""
              INSERT INTO day_closes (account_id, device_id, shop_id, user_id, sales, total, report, created_at)
              VALUES (:a, :d, :s, :u, 1, 1600, :r, :at) RETURNING id""")
          .bind("a", b.owner.accountId()).bind("d", b.till1).bind("s", b.shopA).bind("u", b.anna)
          .bind("r", Json.write(report)).bind("at", app.clock.millis()).mapTo(Long.class).one());
      ChromeDriver driver = Browser.start(1280, 1000, lang);
      try {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        String shot = "backoffice-" + lang + "-reports-";
        driver.get(app.url("/backoffice/login?lang=" + lang));
        driver.findElement(By.id("email")).sendKeys(b.owner.email());
        driver.findElement(By.id("password")).sendKeys(Owners.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.menu")));

        driver.findElement(By.linkText(salesMenu)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("from")));
        // Dates typed by script: a date input's typing order depends on the browser's locale.
        driver.executeScript("document.getElementById('from').value = '2026-11-23';"
            + "document.getElementById('to').value = '2026-11-21';");
        driver.findElement(By.cssSelector("form.filters button.primary")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-to")));
        assertThat(driver.findElement(By.id("error-to")).getText()).isEqualTo(backwards);
        assertThat(driver.findElement(By.id("to")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("from")).getDomProperty("value")).isEqualTo("2026-11-23");
        Browser.screenshot(driver, shot + "01-range-error");

        driver.executeScript("document.getElementById('from').value = '2026-11-21';"
            + "document.getElementById('to').value = '2026-11-23';");
        driver.findElement(By.cssSelector("form.filters button.primary")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.by-day")));
        assertThat(driver.findElement(By.cssSelector("dd.count")).getText()).isEqualTo("3");
        assertThat(driver.findElement(By.cssSelector("table.by-day caption")).getText()).isEqualTo(byDay);
        assertThat(driver.findElements(By.cssSelector("table.by-day tbody tr"))).hasSize(2);
        assertThat(driver.findElement(By.cssSelector("table.by-product")).getText()).contains("Kawa", "Sernik");
        assertThat(driver.findElement(By.cssSelector("form.export button")).isDisplayed()).isTrue();
        Browser.screenshot(driver, shot + "02-summaries");

        driver.findElement(By.linkText(closesMenu)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-day-close]")));
        driver.findElement(By.cssSelector("tr[data-day-close='" + close + "'] a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.day-report")));
        assertThat(driver.findElement(By.cssSelector("article.day-report")).getText())
            .contains("Anna Nowak", "Kasa przy barze", "Rynek");
        Browser.screenshot(driver, shot + "03-day-close");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        wait.until(d -> "none".equals(driver.executeScript(
            "return getComputedStyle(document.querySelector('header.topbar')).display")));
        double width = ((Number) driver.executeScript(
            "return document.querySelector('article.day-report').getBoundingClientRect().width")).doubleValue();
        assertThat(width).isBetween(270.0, 274.0); // 72 mm at 96 px per inch
        Browser.screenshot(driver, shot + "04-day-close-printed");
      } finally {
        driver.quit();
      }
    }
  }
}
