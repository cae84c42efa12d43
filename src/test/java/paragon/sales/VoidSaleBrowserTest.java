package paragon.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import paragon.testing.Browser;
import paragon.testing.Owners;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

/** The owner voids one line of a paid sale in the back office: a correction appears, the sale stays (issue 12). */
@Tag("browser")
class VoidSaleBrowserTest {

  @Test
  void the_owner_voids_a_line_with_a_reason_and_sees_the_correction() {
    try (TestApp app = TestApp.start(TestDatabases.Kind.SQLITE)) {
      Bistro b = new Bistro(app, "pl");
      Ledger ledger = new Ledger(app, b);
      long at = app.clock.millis() - 3_600_000;
      String sale = ledger.sales(1, b.shopA, b.till1, b.anna, at, 0,
          new Ledger.L[] {Ledger.L.of("Kawa", 1000, 1000), Ledger.L.of("Sernik", 1600, 1000)}, "CASH", 0);
      ChromeDriver driver = Browser.start(1280, 800, "pl");
      try {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        driver.get(app.url("/backoffice/login?lang=pl"));
        driver.findElement(By.id("email")).sendKeys(b.owner.email());
        driver.findElement(By.id("password")).sendKeys(Owners.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.menu")));

        driver.get(app.url("/backoffice/receipts/" + sale));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("void-form")));
        driver.findElements(By.cssSelector("table.lines input[name=lineIds]")).get(1).click();
        driver.findElement(By.id("void-reason")).sendKeys("Sernik zwrócony");
        Browser.screenshot(driver, "backoffice-void-form");
        driver.findElement(By.cssSelector("#void-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.correction")));
        String row = driver.findElement(By.cssSelector("tr.correction")).getText();
        assertThat(row).contains("Sernik").contains("Sernik zwrócony").contains("-16,00").doesNotContain("Kawa");
        Browser.screenshot(driver, "backoffice-void-done");

        long total = app.db.read(h -> h.createQuery("SELECT total FROM sales WHERE id = :s").bind("s", sale)
            .mapTo(Long.class).one());
        assertThat(total).as("the sale is never edited").isEqualTo(2600);
        driver.get(app.url("/backoffice/sales?from=" + java.time.LocalDate.ofInstant(
            java.time.Instant.ofEpochMilli(at), Display.ZONE)));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("dd.corrections")));
        assertThat(driver.findElement(By.cssSelector("dd.corrections")).getText()).contains("16,00");
        assertThat(driver.findElement(By.cssSelector("table.sales td.correction")).getText()).contains("16,00");
      } finally {
        driver.quit();
      }
    }
  }
}
