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
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

/**
 * An owner invites an admin; the admin opens the one-time link, sets a password (a mismatch first is
 * refused by its field), is signed in without the Admins menu, and later signs in with that password.
 */
@Tag("browser")
class OwnerInvitesAdminBrowserTest {

  @ParameterizedTest
  @CsvSource({"pl, Administratorzy, Hasła się różnią., Taryfę ustala operator Paragonu",
      "en, Admins, The two passwords differ., Your plan is set by your Paragon operator"})
  void an_invited_admin_sets_a_password_from_the_link_and_signs_in(String lang, String adminsMenu,
      String differ, String planByOperator) {
    try (TestApp app = TestApp.start(TestDatabases.Kind.SQLITE)) {
      new Accounts(app.db, app.clock).create(new Accounts.NewAccount("Bistro", Plan.PREMIUM, lang,
          "owner@bistro.example", "Olga Owner", "bistro-demo-1"));
      ChromeDriver driver = Browser.start(1280, 1000, lang);
      try {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        String shot = "backoffice-" + lang + "-invite-";
        driver.get(app.url("/backoffice/login?lang=" + lang));
        driver.findElement(By.id("email")).sendKeys("owner@bistro.example");
        driver.findElement(By.id("password")).sendKeys("bistro-demo-1");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.menu")));

        driver.findElement(By.linkText(adminsMenu)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("invite-email")));
        driver.findElement(By.id("invite-email")).sendKeys("ada@bistro.example");
        driver.findElement(By.id("invite-name")).sendKeys("Ada Admin");
        new Select(driver.findElement(By.id("invite-role"))).selectByValue("ADMIN");
        Browser.submitAndWait(driver, By.cssSelector("#invite button.primary"), By.id("link-url"));
        String link = driver.findElement(By.id("link-url")).getAttribute("value");
        assertThat(link).startsWith(app.url("/invite?token="));
        Browser.screenshot(driver, shot + "01-link");

        Browser.submitAndWait(driver, By.cssSelector("form[action='/backoffice/logout'] button"), By.id("email"));
        driver.get(link);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("again")));
        assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo("Ada Admin");
        driver.findElement(By.id("password")).sendKeys("ada password 1");
        driver.findElement(By.id("again")).sendKeys("ada password 2");
        Browser.submitAndWait(driver, By.cssSelector("form[action='/backoffice/invite'] button.primary"),
            By.id("error-again"));
        assertThat(driver.findElement(By.id("error-again")).getText()).isEqualTo(differ);
        assertThat(driver.findElement(By.id("again")).getAttribute("aria-describedby")).contains("error-again");
        Browser.screenshot(driver, shot + "02-mismatch");
        driver.findElement(By.id("password")).sendKeys("ada password 1");
        driver.findElement(By.id("again")).sendKeys("ada password 1");
        Browser.submitAndWait(driver, By.cssSelector("form[action='/backoffice/invite'] button.primary"),
            By.cssSelector("nav.menu"));
        assertThat(driver.findElement(By.cssSelector(".session .who")).getText()).isEqualTo("Ada Admin");
        assertThat(driver.findElements(By.linkText(adminsMenu))).isEmpty();
        driver.get(app.url("/backoffice/settings"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-readonly")));
        assertThat(driver.findElement(By.id("plan-readonly")).getText()).contains(planByOperator);
        Browser.screenshot(driver, shot + "03-admin-settings");

        Browser.submitAndWait(driver, By.cssSelector("form[action='/backoffice/logout'] button"), By.id("email"));
        driver.findElement(By.id("email")).sendKeys("ada@bistro.example");
        driver.findElement(By.id("password")).sendKeys("ada password 1");
        Browser.submitAndWait(driver, By.cssSelector("form button[type=submit]"), By.cssSelector("nav.menu"));
        assertThat(driver.findElement(By.cssSelector(".session .who")).getText()).isEqualTo("Ada Admin");
      } finally {
        driver.quit();
      }
    }
  }
}
