package paragon.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import paragon.onboarding.FirstRun;
import paragon.testing.Browser;
import paragon.testing.Rows;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

/**
 * A first run in Chromium: the printed setup address opens the form, a wrong NIP and a password typed
 * differently twice are refused next to their fields with what was typed kept, and the corrected form
 * creates the business, signs the owner in and shows the getting-started checklist.
 */
@Tag("browser")
class SetupBrowserTest {

  @ParameterizedTest
  @CsvSource({"pl, Pierwsze kroki, Zrobione: 0 z 5", "en, Getting started, 0 of 5 done"})
  void the_printed_setup_address_creates_the_business_and_lands_on_the_checklist(String lang, String title,
      String progress) {
    try (TestApp app = TestApp.start(TestDatabases.Kind.SQLITE)) {
      FirstRun.Setup setup = FirstRun.prepare(app.db, app.clock, app.url(""));
      ChromeDriver driver = Browser.start(1280, 1000, lang);
      try {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        String shot = "backoffice-" + lang + "-setup-";
        driver.get(setup.url());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("setup-form")));
        driver.findElement(By.id("name")).sendKeys("Kawiarnia Pod Lipą");
        driver.findElement(By.id("nip")).sendKeys("123-456-32-19");
        new Select(driver.findElement(By.id("language"))).selectByValue(lang);
        driver.findElement(By.id("shopName")).sendKeys("Rynek");
        driver.findElement(By.id("shopAddress")).sendKeys("ul. Lipowa 3, Kraków");
        driver.findElement(By.id("ownerName")).sendKeys("Ola Lipa");
        driver.findElement(By.id("ownerEmail")).sendKeys("ola@example.com");
        driver.findElement(By.id("ownerPassword")).sendKeys("lipa-lipa-lipa");
        driver.findElement(By.id("ownerPasswordRepeat")).sendKeys("lipa-lipa-lipo");
        new Select(driver.findElement(By.id("plan"))).selectByValue("PREMIUM");
        Browser.screenshot(driver, shot + "01-form");
        driver.findElement(By.cssSelector("#setup-form button.primary")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-nip")));
        assertThat(driver.findElement(By.id("nip")).getAttribute("aria-describedby")).contains("error-nip");
        assertThat(driver.findElement(By.id("nip")).getAttribute("value")).isEqualTo("123-456-32-19");
        assertThat(driver.findElement(By.id("ownerPasswordRepeat")).getAttribute("aria-describedby"))
            .contains("error-ownerPasswordRepeat");
        assertThat(driver.findElement(By.id("shopAddress")).getAttribute("value")).isEqualTo("ul. Lipowa 3, Kraków");
        assertThat(new Select(driver.findElement(By.id("plan"))).getFirstSelectedOption().getAttribute("value"))
            .isEqualTo("PREMIUM");
        assertThat(Rows.count(app.db, "accounts")).isZero();
        Browser.screenshot(driver, shot + "02-refused");

        driver.findElement(By.id("nip")).clear();
        driver.findElement(By.id("nip")).sendKeys("123-456-32-18");
        driver.findElement(By.id("ownerPassword")).sendKeys("lipa-lipa-lipa");
        driver.findElement(By.id("ownerPasswordRepeat")).sendKeys("lipa-lipa-lipa");
        driver.findElement(By.cssSelector("#setup-form button.primary")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.checklist")));
        assertThat(driver.getCurrentUrl()).endsWith("/backoffice/start");
        String main = driver.findElement(By.tagName("main")).getText();
        assertThat(main).contains(title, progress);
        assertThat(driver.findElement(By.cssSelector("header .who")).getText()).isEqualTo("Ola Lipa");
        assertThat(driver.findElements(By.cssSelector("ol.checklist li.open a"))).hasSize(5);
        assertThat(Rows.count(app.db, "accounts WHERE plan = 'PREMIUM' AND nip = '1234563218'")).isEqualTo(1);
        Browser.screenshot(driver, shot + "03-checklist");

        driver.findElement(By.cssSelector("a.brand")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("getting-started")));
        driver.findElement(By.cssSelector("#getting-started a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.checklist")));
      } finally {
        driver.quit();
      }
    }
  }
}
