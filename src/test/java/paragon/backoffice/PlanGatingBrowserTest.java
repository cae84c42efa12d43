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
import paragon.demo.Demo;
import paragon.testing.Browser;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

/**
 * Settings' plan card in Chromium (issue 15): an ordinary account's owner sees the plan, what it
 * enables and what it does not, and no way to change it; the demo's owner changes it and sees online
 * parking leave the plan.
 */
@Tag("browser")
class PlanGatingBrowserTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "pl|Poza Twoją taryfą: parkowanie online|Taryfę ustala operator Paragonu|Zmień taryfę",
      "en|Not in your plan: online parking|Your plan is set by your Paragon operator|Change plan"})
  void the_owner_sees_the_plan_read_only_and_the_demos_owner_changes_it(String lang, String sharingOut,
      String byOperator, String change) {
    try (TestApp app = TestApp.start(TestDatabases.Kind.SQLITE)) {
      Demo.prepare(app.db, app.clock); // first: the demo is made only on an empty database
      new Accounts(app.db, app.clock).create(new Accounts.NewAccount("Bistro", Plan.PREMIUM, lang,
          "owner@bistro.example", "Olga Owner", "bistro-demo-1"));
      ChromeDriver driver = Browser.start(390, 844, lang);
      try {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        signIn(driver, wait, app, lang, "owner@bistro.example", "bistro-demo-1");
        driver.get(app.url("/backoffice/settings"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-card")));
        String card = driver.findElement(By.id("plan-card")).getText();
        assertThat(card).contains("Premium", sharingOut, byOperator);
        assertThat(driver.findElements(By.cssSelector("#plan-card select, #plan-card button"))).isEmpty();
        driver.executeScript("document.getElementById('plan-card').scrollIntoView()");
        Browser.screenshot(driver, "backoffice-" + lang + "-plan-read-only");
        driver.findElement(By.cssSelector("form[action='/backoffice/logout'] button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("email")));

        signIn(driver, wait, app, lang, Demo.OWNER_EMAIL, Demo.OWNER_PASSWORD);
        driver.get(app.url("/backoffice/settings"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-card")));
        assertThat(driver.findElement(By.id("plan-card")).getText()).doesNotContain(sharingOut);
        new Select(driver.findElement(By.id("plan"))).selectByValue("STANDARD");
        Browser.submitAndWait(driver, By.xpath("//section[@id='plan-card']//button[normalize-space()='" + change + "']"),
            By.id("plan-card"));
        assertThat(driver.findElement(By.id("plan-card")).getText()).contains("Standard", sharingOut);
        driver.executeScript("document.getElementById('plan-card').scrollIntoView()");
        Browser.screenshot(driver, "backoffice-" + lang + "-plan-demo-changed");
      } finally {
        driver.quit();
      }
    }
  }

  private static void signIn(ChromeDriver driver, WebDriverWait wait, TestApp app, String lang, String email,
      String password) {
    driver.get(app.url("/backoffice/login?lang=" + lang));
    driver.findElement(By.id("email")).sendKeys(email);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.menu")));
  }
}
