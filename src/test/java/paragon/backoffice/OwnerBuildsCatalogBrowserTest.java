package paragon.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import paragon.accounts.Accounts;
import paragon.configuration.ConfigSnapshot;
import paragon.configuration.Plan;
import paragon.configuration.Revisions;
import paragon.testing.Browser;
import paragon.testing.Rows;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

/**
 * An owner builds a catalog in Chromium: a category, a "Size" group with a required choice, a product
 * that asks for it, and a CSV import whose bad row is shown with its line and column before anything
 * is imported.
 */
@Tag("browser")
class OwnerBuildsCatalogBrowserTest {

  @Test
  void owner_adds_a_category_a_product_with_a_required_group_and_imports_a_csv_with_one_bad_row() throws Exception {
    try (TestApp app = TestApp.start(TestDatabases.Kind.SQLITE)) {
      long account = new Accounts(app.db, app.clock).create(new Accounts.NewAccount("Kawiarnia", Plan.START, "pl",
          "owner@kawiarnia.example", "Olga Owner", "kawiarnia-123")).accountId();
      Path csv = Files.createTempFile("menu-", ".csv");
      Files.writeString(csv, "\uFEFFnazwa;cena;vat;kategoria;kod\nSernik;18,50;8;Desery;SER\n"
          + "Szarlotka;17,0x;8;Desery;\nHerbata;10,00;8;Kawa i herbata;HER\n", StandardCharsets.UTF_8);
      ChromeDriver driver = Browser.start(1280, 1000, "pl");
      try {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        String shot = "backoffice-pl-catalog-";
        driver.get(app.url("/backoffice/login?lang=pl"));
        driver.findElement(By.id("email")).sendKeys("owner@kawiarnia.example");
        driver.findElement(By.id("password")).sendKeys("kawiarnia-123");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.menu")));

        driver.findElement(By.linkText("Produkty")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("no-products")));
        driver.findElement(By.linkText("Kategorie")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-category-name")));
        driver.findElement(By.id("new-category-name")).sendKeys("Kawa i herbata");
        Browser.submitAndWait(driver, By.cssSelector("form[action='/backoffice/products/categories'] button.primary"),
            By.cssSelector("p.notice"));
        Browser.screenshot(driver, shot + "01-categories");

        driver.findElement(By.linkText("Grupy dodatków")).click();
        driver.findElement(By.linkText("Nowa grupa dodatków")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("option-0-name")));
        driver.findElement(By.id("name")).sendKeys("Rozmiar");
        driver.findElement(By.id("min")).clear();
        driver.findElement(By.id("min")).sendKeys("1");
        driver.findElement(By.id("max")).clear();
        driver.findElement(By.id("max")).sendKeys("1");
        driver.findElement(By.id("option-0-name")).sendKeys("Mała");
        driver.findElement(By.id("option-1-name")).sendKeys("Duża");
        driver.findElement(By.id("option-1-delta")).sendKeys("3,00");
        Browser.submitAndWait(driver, By.cssSelector("#group-form button.primary"), By.cssSelector("p.notice"));
        Browser.screenshot(driver, shot + "02-group");

        driver.findElement(By.linkText("Produkty")).click();
        driver.findElement(By.linkText("Nowy produkt")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("product-form")));
        driver.findElement(By.id("name")).sendKeys("Latte");
        driver.findElement(By.id("price")).sendKeys("15,5a");
        new Select(driver.findElement(By.id("vat"))).selectByValue("8");
        new Select(driver.findElement(By.id("categoryId"))).selectByVisibleText("Kawa i herbata");
        driver.findElement(By.cssSelector("label[for^=group-]")).click();
        driver.findElement(By.cssSelector("#product-form button.primary")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-price")));
        assertThat(driver.findElement(By.id("price")).getAttribute("aria-describedby")).contains("error-price");
        assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo("Latte");
        assertThat(driver.findElement(By.cssSelector("input[name=groups]")).isSelected()).isTrue();
        Browser.screenshot(driver, shot + "03-product-refused");
        driver.findElement(By.id("price")).clear();
        driver.findElement(By.id("price")).sendKeys("15,50");
        Browser.submitAndWait(driver, By.cssSelector("#product-form button.primary"), By.cssSelector("p.notice"));
        long revision = Rows.revision(app.db, account);
        ConfigSnapshot snapshot = app.db.read(h -> Revisions.snapshot(h, account, revision));
        assertThat(snapshot.products()).singleElement().satisfies(p -> {
          assertThat(p.price()).isEqualTo(1550);
          assertThat(p.groups()).hasSize(1);
        });
        assertThat(snapshot.group(snapshot.products().get(0).groups().get(0)).min()).isEqualTo(1);

        driver.findElement(By.linkText("Import CSV")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file")));
        driver.findElement(By.id("file")).sendKeys(csv.toString());
        Browser.submitAndWait(driver, By.cssSelector("form[enctype] button.primary"), By.id("preview"));
        assertThat(driver.findElement(By.id("line-3")).getText()).contains("Wiersz 3, kolumna cena");
        assertThat(driver.findElement(By.id("preview-summary")).getText()).contains("2 do dodania", "1 z błędami");
        assertThat(Rows.revision(app.db, account)).isEqualTo(revision);
        Browser.screenshot(driver, shot + "04-import-preview");
        Browser.submitAndWait(driver, By.id("confirm-import"), By.id("import-result"));
        assertThat(driver.findElement(By.id("import-result")).getText()).contains("dodano 2", "pominięto 1");
        assertThat(Rows.revision(app.db, account)).isEqualTo(revision + 1);
        Browser.screenshot(driver, shot + "05-imported");

        driver.findElement(By.linkText("Produkty")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Sernik")));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Kawa i herbata", "Desery", "Latte",
            "Herbata", "15,50 zł", "z dodatkami");
        Browser.screenshot(driver, shot + "06-products");
      } finally {
        driver.quit();
        Files.deleteIfExists(csv);
      }
    }
  }
}
