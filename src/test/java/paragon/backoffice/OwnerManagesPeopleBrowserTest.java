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
import paragon.accounts.Accounts;
import paragon.configuration.Plan;
import paragon.testing.Browser;
import paragon.testing.Rows;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

/** An owner adds a shop, a role with permissions and a user with a PIN, then disables the user, in Chromium. */
@Tag("browser")
class OwnerManagesPeopleBrowserTest {

  @ParameterizedTest
  @CsvSource({"pl, Sklepy, Role, Użytkownicy, Wyłączony", "en, Shops, Roles, Users, Disabled"})
  void owner_adds_a_shop_a_role_and_a_user_and_disables_the_user(String lang, String shopsMenu,
      String rolesMenu, String usersMenu,
                                                                  String disabled) {
    try (TestApp app = TestApp.start(TestDatabases.Kind.SQLITE)) {
      long account = new Accounts(app.db, app.clock).create(
          new Accounts.NewAccount("Bistro", Plan.PREMIUM, lang, "owner@bistro.example",
              "Olga Owner", "bistro-demo-1")).accountId();
      ChromeDriver driver = Browser.start(1280, 1000, lang);
      try {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        String shot = "backoffice-" + lang + "-people-";
        driver.get(app.url("/backoffice/login?lang=" + lang));
        driver.findElement(By.id("email")).sendKeys("owner@bistro.example");
        driver.findElement(By.id("password")).sendKeys("bistro-demo-1");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.menu")));

        driver.findElement(By.linkText(shopsMenu)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-shop-name")));
        driver.findElement(By.id("new-shop-name")).sendKeys("Kraków Rynek");
        Browser.submitAndWait(driver, By.cssSelector("form[action='/backoffice/shops'] button.primary"),
            By.cssSelector("p.notice"));
        Browser.screenshot(driver, shot + "01-shops");

        driver.findElement(By.linkText(rolesMenu)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-role-name")));
        driver.findElement(By.id("new-role-name")).sendKeys("Kierownik");
        driver.findElement(By.cssSelector("label[for=new-role-SEE_ALL_RECEIPTS]")).click();
        driver.findElement(By.cssSelector("label[for=new-role-BREAK_PAYMENT_LOCK]")).click();
        Browser.submitAndWait(driver, By.cssSelector("#new-role button.primary"), By.cssSelector("p.notice"));
        Browser.screenshot(driver, shot + "02-roles");

        driver.findElement(By.linkText(usersMenu)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("identifier")));
        driver.findElement(By.id("identifier")).sendKeys("marek");
        driver.findElement(By.id("name")).sendKeys("Marek Manager");
        new Select(driver.findElement(By.id("roleId"))).selectByVisibleText("Kierownik");
        driver.findElement(By.id("pin")).sendKeys("12");
        driver.findElement(By.cssSelector("form[action='/backoffice/users'] button.primary")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-pin")));
        assertThat(driver.findElement(By.id("pin")).getAttribute("aria-describedby")).contains("error-pin");
        assertThat(driver.findElement(By.id("identifier")).getAttribute("value")).isEqualTo("marek");
        Browser.screenshot(driver, shot + "03-user-pin-refused");
        driver.findElement(By.id("pin")).sendKeys("1234");
        Browser.submitAndWait(driver, By.cssSelector("form[action='/backoffice/users'] button.primary"),
            By.cssSelector("p.notice"));
        Browser.screenshot(driver, shot + "04-users");

        long before = Rows.revision(app.db, account);
        driver.findElement(By.cssSelector("tbody tr a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action$='/disable'] button")));
        driver.findElement(By.cssSelector("form[action$='/disable'] button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action$='/enable'] button")));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains(disabled);
        assertThat(Rows.revision(app.db, account)).isEqualTo(before + 1);
        Browser.screenshot(driver, shot + "05-user-disabled");
      } finally {
        driver.quit();
      }
    }
  }
}
