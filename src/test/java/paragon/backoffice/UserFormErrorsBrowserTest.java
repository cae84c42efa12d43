package paragon.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import paragon.accounts.Accounts;
import paragon.accounts.Cutoffs;
import paragon.accounts.Permission;
import paragon.accounts.Roles;
import paragon.accounts.UserRules;
import paragon.accounts.Users;
import paragon.configuration.Plan;
import paragon.testing.Browser;
import paragon.testing.Rows;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

/**
 * The user form refused with a duplicate identifier, no name and a PIN typed, in Chromium: every error
 * at once, what was typed still there but the PIN, whose field says why it is empty (issue 15).
 */
@Tag("browser")
class UserFormErrorsBrowserTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "pl|Inny użytkownik ma już identyfikator „ANNA”.|Imię i nazwisko musi mieć|Ze względów bezpieczeństwa",
      "en|Another user already has the identifier \"ANNA\".|The name must have|For safety, the PIN you typed"})
  void a_refused_user_form_shows_every_error_and_keeps_all_but_the_pin(String lang, String taken, String name,
      String cleared) {
    try (TestApp app = TestApp.start(TestDatabases.Kind.SQLITE)) {
      long account = new Accounts(app.db, app.clock).create(new Accounts.NewAccount("Bistro", Plan.PREMIUM, lang,
          "owner@bistro.example", "Olga Owner", "bistro-demo-1")).accountId();
      long kelner = new Roles(app.db, app.clock).create(account, "t", "Kelner", EnumSet.noneOf(Permission.class));
      new Users(app.db, app.clock, new Cutoffs()).create(account, "t", new UserRules.Details("anna", "Anna", kelner),
          null);
      long before = Rows.revision(app.db, account);
      ChromeDriver driver = Browser.start(1280, 1000, lang);
      try {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        driver.get(app.url("/backoffice/login?lang=" + lang));
        driver.findElement(By.id("email")).sendKeys("owner@bistro.example");
        driver.findElement(By.id("password")).sendKeys("bistro-demo-1");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.menu")));
        driver.get(app.url("/backoffice/users"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("identifier")));
        driver.findElement(By.id("identifier")).sendKeys("ANNA");
        new Select(driver.findElement(By.id("roleId"))).selectByVisibleText("Kelner");
        driver.findElement(By.id("pin")).sendKeys("4321");
        Browser.submitAndWait(driver, By.cssSelector("form[action='/backoffice/users'] button.primary"),
            By.id("error-identifier"));

        assertThat(driver.findElement(By.id("error-identifier")).getText()).isEqualTo(taken);
        assertThat(driver.findElement(By.id("error-name")).getText()).startsWith(name);
        assertThat(driver.findElement(By.id("identifier")).getAttribute("value")).isEqualTo("ANNA");
        assertThat(new Select(driver.findElement(By.id("roleId"))).getFirstSelectedOption().getText())
            .isEqualTo("Kelner");
        assertThat(driver.findElement(By.id("pin")).getAttribute("value")).isEmpty();
        assertThat(driver.findElement(By.id("pin-note")).getText()).startsWith(cleared);
        assertThat(driver.findElement(By.id("pin")).getAttribute("aria-describedby")).contains("pin-note");
        Browser.screenshot(driver, "backoffice-" + lang + "-user-form-every-error");

        driver.findElement(By.id("identifier")).clear();
        driver.findElement(By.id("identifier")).sendKeys("ewa");
        driver.findElement(By.id("name")).sendKeys("Ewa Nowak");
        driver.findElement(By.id("pin")).sendKeys("4321");
        Browser.submitAndWait(driver, By.cssSelector("form[action='/backoffice/users'] button.primary"),
            By.cssSelector("p.notice"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Ewa Nowak");
        assertThat(Rows.revision(app.db, account)).isEqualTo(before + 1);
      } finally {
        driver.quit();
      }
    }
  }
}
