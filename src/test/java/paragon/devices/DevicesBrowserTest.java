package paragon.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import paragon.accounts.Accounts;
import paragon.configuration.Plan;
import paragon.configuration.Revisions;
import paragon.demo.Seed;
import paragon.parking.ParkingStore;
import paragon.testing.Browser;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

/**
 * An owner registers a terminal, reads its pairing code, sees it paired, sees it fall behind after a
 * configuration change, asks it to sync and revokes it, in Chromium (screenshots under target/).
 */
@Tag("browser")
class DevicesBrowserTest {

  @ParameterizedTest
  @CsvSource({
      "pl, Urządzenia, Sparowane, nieaktualna, Synchronizacja zlecona, Odłączone",
      "en, Devices, Paired, behind, Sync requested, Revoked"})
  void owner_registers_pairs_syncs_and_revokes_a_device(String lang, String menu, String paired, String behind,
                                                        String syncRequested, String revoked) {
    try (TestApp app = TestApp.start(TestDatabases.Kind.SQLITE)) {
      long account = new Accounts(app.db, app.clock).create(
          new Accounts.NewAccount("Bistro", Plan.MAX, lang, "owner@bistro.example",
              "Olga Owner", "bistro-demo-1")).accountId();
      long shop = app.db.inTransaction(h -> {
        long id = Seed.shop(h, account, "Kraków Rynek", true, app.clock.millis());
        Revisions.record(h, account, "test", "shop", app.clock);
        return id;
      });
      ChromeDriver driver = Browser.start(1280, 1000, lang);
      try {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        String shot = "backoffice-" + lang + "-devices-";
        driver.get(app.url("/backoffice/login?lang=" + lang));
        driver.findElement(By.id("email")).sendKeys("owner@bistro.example");
        driver.findElement(By.id("password")).sendKeys("bistro-demo-1");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.menu")));

        driver.findElement(By.linkText(menu)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("register-form")));
        driver.findElement(By.cssSelector("#register-form button.primary")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-name")));
        assertThat(driver.findElement(By.id("name")).getAttribute("aria-describedby")).isEqualTo("error-name");
        Browser.screenshot(driver, shot + "01-refused");

        driver.findElement(By.id("name")).sendKeys("Kasa 1");
        new Select(driver.findElement(By.id("model"))).selectByValue("SMART_PLUS");
        new Select(driver.findElement(By.id("shop"))).selectByVisibleText("Kraków Rynek");
        driver.findElement(By.cssSelector("#register-form button.primary")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pairing-code")));
        String code = driver.findElement(By.cssSelector("#pairing-code .code")).getText();
        assertThat(code).matches("[A-Z0-9]{4}-[A-Z0-9]{4}");
        Browser.screenshot(driver, shot + "02-code");

        var pairedAnswer = app.client().postJson("/api/device/pair", Map.of("code", code), Map.of());
        assertThat(pairedAnswer.status()).isEqualTo(201);
        driver.get(app.url("/backoffice/devices"));
        assertThat(driver.findElement(By.cssSelector("#devices tbody tr .state")).getText()).isEqualTo(paired);

        new ParkingStore(app.db, app.clock).setUseDefaults(account, shop, "test", false);
        driver.navigate().refresh();
        assertThat(driver.findElement(By.cssSelector("#devices tbody tr .revision")).getText()).contains(behind);
        Browser.submitAndWait(driver, By.cssSelector("form[action$='/sync'] button"), By.cssSelector("p.notice"));
        assertThat(driver.findElement(By.cssSelector("#devices tbody tr .revision")).getText()).contains(syncRequested);
        Browser.screenshot(driver, shot + "03-behind-sync-requested");

        driver.executeScript("window.confirm = () => true;");
        Browser.submitAndWait(driver, By.cssSelector("form[action$='/revoke'] button"), By.cssSelector("p.notice"));
        assertThat(driver.findElement(By.cssSelector("#devices tbody tr .state")).getText()).isEqualTo(revoked);
        Browser.screenshot(driver, shot + "04-revoked");
        String token = pairedAnswer.json().get("token").asText();
        assertThat(app.client().get("/api/device/heartbeat", World.bearer(token)).status()).isEqualTo(401);
      } finally {
        driver.quit();
      }
    }
  }
}
