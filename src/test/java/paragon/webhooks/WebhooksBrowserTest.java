package paragon.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import paragon.configuration.Plan;
import paragon.testing.Browser;
import paragon.testing.MutableClock;
import paragon.testing.Owners;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

/**
 * Settings -> Webhooks in a browser: the owner adds a webhook (the secret shown once), sees a delivery
 * that its receiver refused (500, pending), and after the receiver is fixed sends it again: delivered.
 * In Polish, then the same page in English.
 */
@Tag("browser")
class WebhooksBrowserTest {

  @Test
  void the_owner_adds_a_webhook_and_sends_a_refused_delivery_again_in_polish_and_english() {
    AtomicBoolean fixed = new AtomicBoolean();
    try (Receiver receiver = new Receiver(n -> fixed.get() ? 200 : 500);
        TestApp app = new TestApp(TestDatabases.open(TestDatabases.Kind.SQLITE), new MutableClock(),
            WebhooksTest.FAST)) {
      Owners.Owner owner = Owners.signedIn(app, Plan.MAX, "pl");
      ChromeDriver driver = Browser.start(1280, 900, "pl");
      try {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.get(app.url("/backoffice/login?lang=pl"));
        driver.findElement(By.id("email")).sendKeys(owner.email());
        driver.findElement(By.id("password")).sendKeys(Owners.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.menu")));

        driver.findElement(By.linkText("Webhooki")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("webhook-url")));
        driver.findElement(By.id("webhook-url")).sendKeys(receiver.url("/hook"));
        driver.findElement(By.cssSelector("input[name=events][value='catalog.changed']")).click();
        driver.findElement(By.cssSelector("form[action='/backoffice/webhooks'] button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-webhook-secret]")));
        assertThat(driver.findElement(By.cssSelector("[data-webhook-secret]")).getText()).contains("whsec_")
            .contains("pokazany tylko teraz");

        owner.client().get("/backoffice/products/categories");
        owner.client().postForm("/backoffice/products/categories", Map.of("name", "Napoje"));
        WebhooksTest.await(() -> WebhooksTest.lastStatus(app.db) != null);

        driver.get(app.url("/backoffice/webhooks"));
        var row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-delivery]")));
        assertThat(row.getText()).contains("catalog.changed", "Oczekuje", "500");
        Browser.screenshot(driver, "backoffice-webhooks-pending-pl");

        fixed.set(true);
        row.findElement(By.cssSelector("button[data-resend]")).click();
        wait.until(ExpectedConditions.urlContains("resent"));
        assertThat(driver.findElement(By.cssSelector("p.notice")).getText()).contains("wysłane ponownie");
        WebhooksTest.await(() -> WebhooksTest.status(app.db).equals("delivered"));

        driver.get(app.url("/backoffice/webhooks?lang=en"));
        row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-delivery]")));
        assertThat(row.getText()).contains("Delivered", "200");
        assertThat(row.findElement(By.cssSelector("button[data-resend]")).getText()).isEqualTo("Send again");
        assertThat(driver.findElement(By.tagName("h2")).getText()).isEqualTo("Add webhook");
        Browser.screenshot(driver, "backoffice-webhooks-delivered-en");
      } finally {
        driver.quit();
      }
    }
  }
}
