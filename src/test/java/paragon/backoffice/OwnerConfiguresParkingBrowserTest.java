package paragon.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import paragon.accounts.Accounts;
import paragon.accounts.Shops;
import paragon.configuration.ConfigSnapshot;
import paragon.configuration.Plan;
import paragon.configuration.Revisions;
import paragon.testing.Browser;
import paragon.testing.Rows;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

/**
 * The seed's steps as an owner does them in Chromium: sign in, Configuration / Settings (parking on,
 * visibility, sharing), Parking (default receipts; untick "use defaults" for a shop and give it its
 * own), watching the configuration revision rise while a paired terminal stays on the revision it
 * applied and shows as behind. Once in Polish, once in English.
 */
@Tag("browser")
class OwnerConfiguresParkingBrowserTest {

  @ParameterizedTest
  @CsvSource({
      "pl, Stolik, Ustawienia, Parkowanie, Urządzenia",
      "en, Table, Settings, Parking, Devices"})
  void owner_follows_the_seed_steps(String lang, String table, String settingsMenu, String parkingMenu, String devicesMenu) {
    try (TestApp app = TestApp.start(TestDatabases.Kind.SQLITE)) {
      var created = new Accounts(app.db, app.clock).create(
          new Accounts.NewAccount("Bistro Demo", Plan.MAX, lang, "owner@bistro.example", "Olga Owner", "bistro-demo-1"));
      long account = created.accountId();
      Shops shops = new Shops(app.db, app.clock);
      long krakow = shops.create(account, "seed", "Kraków Rynek");
      long mokotow = shops.create(account, "seed", "Warszawa Mokotów");
      long startRevision = app.db.read(h -> Revisions.current(h, account));

      ChromeDriver driver = Browser.start(1280, 1000, lang);
      try {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        String shot = "backoffice-" + lang + "-";

        driver.get(app.url("/backoffice/login?lang=" + lang));
        driver.findElement(By.id("email")).sendKeys("owner@bistro.example");
        driver.findElement(By.id("password")).sendKeys("bistro-demo-1");
        Browser.screenshot(driver, shot + "01-login");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.menu")));

        // A terminal of a model that cannot share: registered here, paired by the terminal, on the current revision.
        driver.findElement(By.linkText(devicesMenu)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("register-form")));
        driver.findElement(By.id("name")).sendKeys("Kasa 2");
        new Select(driver.findElement(By.id("model"))).selectByValue("SMART");
        new Select(driver.findElement(By.id("shop"))).selectByValue(String.valueOf(krakow));
        driver.findElement(By.cssSelector("#register-form button.primary")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pairing-code")));
        WebElement code = driver.findElement(By.cssSelector("#pairing-code .code"));
        long deviceId = Long.parseLong(code.getAttribute("data-device"));
        long base = app.db.read(h -> Revisions.current(h, account));
        var terminal = app.client();
        var paired = terminal.postJson("/api/device/pair", Map.of("code", code.getText().trim()), Map.of());
        assertThat(paired.status()).as(paired.body()).isEqualTo(201);
        String token = paired.json().get("token").asText();
        assertThat(terminal.postJson("/api/device/ack", Map.of("revision", base), Map.of("Authorization", "Bearer " + token))
            .status()).isEqualTo(200);

        // 1. Configuration / Settings
        driver.findElement(By.linkText(settingsMenu)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("settings-form")));
        assertThat(revisionShown(driver)).isEqualTo(base);
        // 2. enable receipt parking
        driver.findElement(By.cssSelector("label[for=parkingEnabled]")).click();
        // 3. visibility: receipts of the same role
        driver.findElement(By.cssSelector("label[for=visibility-SAME_ROLE]")).click();
        // 4. online parking (sharing)
        driver.findElement(By.cssSelector("label[for=sharingEnabled]")).click();
        Browser.screenshot(driver, shot + "02-settings-filled");
        Browser.submitAndWait(driver, By.cssSelector("#settings-form button.primary"), By.cssSelector("p.notice"));
        assertThat(revisionShown(driver)).isEqualTo(base + 1);
        assertThat(driver.findElement(By.id("parkingEnabled")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("visibility-SAME_ROLE")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("sharingEnabled")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("local-only")).getText()).as("the Smart terminal parks locally")
            .contains("Kasa 2", "Smart");
        Browser.screenshot(driver, shot + "03-settings-saved");

        // Parking: default list, "add" -> type the name -> "save"
        driver.findElement(By.linkText(parkingMenu)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("list-default")));
        for (int i = 0; i < 3; i++) {
          driver.findElement(By.cssSelector("#list-default button.add")).click();
          By row = By.id("default-name-" + i);
          wait.until(ExpectedConditions.presenceOfElementLocated(row));
          WebElement input = driver.findElement(row);
          input.sendKeys(table + " " + (i + 1));
        }
        Browser.screenshot(driver, shot + "04-defaults-typed");
        driver.findElement(By.cssSelector("#list-default button.save")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#list-default p.notice")));
        assertThat(revisionShown(driver)).isEqualTo(base + 2);
        assertThat(driver.findElement(By.id("shop-" + krakow)).getText()).as("a shop on defaults shows the new count")
            .contains(": 3)");

        // A duplicate name is refused next to its field, and what was typed stays.
        driver.findElement(By.cssSelector("#list-default button.add")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("default-name-3")));
        driver.findElement(By.id("default-name-3")).sendKeys(table.toUpperCase() + " 1");
        driver.findElement(By.cssSelector("#list-default button.save")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-slots-3--name")));
        assertThat(driver.findElement(By.id("default-name-3")).getAttribute("aria-describedby"))
            .isEqualTo("error-slots-3--name");
        assertThat(driver.findElement(By.id("default-name-3")).getAttribute("value")).isEqualTo(table.toUpperCase() + " 1");
        assertThat(revisionShown(driver)).isEqualTo(base + 2);
        Browser.screenshot(driver, shot + "05-duplicate-refused");
        driver.findElement(By.cssSelector("#list-default button[value='remove:3']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("default-name-3")));

        // Per-shop list: untick "use defaults" -> a copy of the defaults to edit, published by nothing but "save"
        driver.findElement(By.cssSelector("label[for=useDefaults-" + mokotow + "]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("list-shop-" + mokotow)));
        for (int i = 0; i < 3; i++) {
          assertThat(driver.findElement(By.id("shop-" + mokotow + "-name-" + i)).getAttribute("value"))
              .isEqualTo(table + " " + (i + 1));
        }
        assertThat(driver.findElement(By.id("useDefaults-" + mokotow)).isSelected()).isFalse();
        assertThat(driver.findElement(By.cssSelector("#list-shop-" + mokotow + " p.notice")).getText())
            .contains(lang.equals("pl") ? "Jeszcze nie zapisano" : "Not saved yet");
        assertThat(revisionShown(driver)).isEqualTo(base + 2);
        assertThat(Rows.revision(app.db, account)).as("the untick publishes nothing").isEqualTo(base + 2);
        Browser.screenshot(driver, shot + "06-shop-draft");
        driver.findElement(By.cssSelector("#list-shop-" + mokotow + " button[value='remove:2']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("shop-" + mokotow + "-name-2")));
        driver.findElement(By.cssSelector("#list-shop-" + mokotow + " button.add")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("shop-" + mokotow + "-name-2")));
        driver.findElement(By.id("shop-" + mokotow + "-name-2")).sendKeys("Bar 1");
        driver.findElement(By.cssSelector("#list-shop-" + mokotow + " button.add")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("shop-" + mokotow + "-name-3")));
        driver.findElement(By.id("shop-" + mokotow + "-name-3")).sendKeys("Taras 1");
        assertThat(Rows.revision(app.db, account)).as("editing the draft publishes nothing").isEqualTo(base + 2);
        driver.findElement(By.cssSelector("#list-shop-" + mokotow + " button.save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#list-shop-" + mokotow + " p.notice"),
            lang.equals("pl") ? "Zapisano" : "Saved"));
        assertThat(revisionShown(driver)).isEqualTo(base + 3);
        assertThat(driver.findElement(By.id("useDefaults-" + mokotow)).isSelected()).isFalse();
        Browser.screenshot(driver, shot + "07-shop-own-list");

        // What a device in each shop would get at this revision.
        ConfigSnapshot snapshot = app.db.read(h -> Revisions.snapshot(h, account, base + 3));
        assertThat(snapshot.parkingEnabled()).isTrue();
        assertThat(snapshot.sharingEnabled()).isTrue();
        assertThat(snapshot.defaultSlots()).extracting(ConfigSnapshot.Slot::name).containsExactly(table + " 1",
            table + " 2", table + " 3");
        assertThat(snapshot.shop(mokotow).useDefaults()).isFalse();
        assertThat(snapshot.shop(mokotow).ownSlots()).extracting(ConfigSnapshot.Slot::name)
            .containsExactly(table + " 1", table + " 2", "Bar 1", "Taras 1");

        // Re-ticking "use defaults" hides the own list but keeps it.
        driver.findElement(By.cssSelector("label[for=useDefaults-" + mokotow + "]")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("list-shop-" + mokotow)));
        assertThat(revisionShown(driver)).isEqualTo(base + 4);
        assertThat(driver.findElement(By.id("shop-" + mokotow)).getText()).contains("4");
        Browser.screenshot(driver, shot + "08-defaults-again");

        // The terminal still works by the revision it applied: the Devices page shows it behind.
        driver.findElement(By.linkText(devicesMenu)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("device-" + deviceId)));
        WebElement revisionCell = driver.findElement(By.cssSelector("#device-" + deviceId + " td.revision"));
        assertThat(revisionCell.getText()).startsWith(String.valueOf(base)).contains(String.valueOf(base + 4));
        assertThat(driver.findElements(By.cssSelector("#device-" + deviceId + " .behind"))).hasSize(1);
        Browser.screenshot(driver, shot + "09-device-behind");
      } finally {
        driver.quit();
      }
    }
  }

  private static long revisionShown(ChromeDriver driver) {
    return Long.parseLong(driver.findElement(By.id("current-revision")).getText().trim());
  }
}
