package paragon.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import paragon.testing.Browser;
import paragon.testing.Owners;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

/**
 * The Attention page on a phone (390x844): the owner sees the items without scrolling the page
 * sideways, filters them by shop and resolves one with a note. The items are written as the paying
 * command writes them (AttentionPageTest); TerminalOfflinePayBrowserTest makes one by paying offline.
 */
@Tag("browser")
class AttentionBrowserTest {

  @Test
  void the_owner_filters_by_shop_and_resolves_an_item_on_a_phone() {
    try (TestApp app = TestApp.start(TestDatabases.Kind.SQLITE)) {
      Bistro b = new Bistro(app, "pl");
      AttentionPageTest.item(app, b, "a1", b.shopA, "PAID_TWICE", "0b8f6f0e-8c51-4a55-9a8e-1f4a3c0d2a11", 2500, 2500);
      AttentionPageTest.item(app, b, "a2", b.shopB, "GONE", "1b8f6f0e-8c51-4a55-9a8e-1f4a3c0d2a12", 1200, 1200);
      ChromeDriver driver = Browser.start(390, 844, "pl");
      try {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        driver.get(app.url("/backoffice/login?lang=pl"));
        driver.findElement(By.id("email")).sendKeys(b.owner.email());
        driver.findElement(By.id("password")).sendKeys(Owners.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.menu")));

        driver.get(app.url("/backoffice/attention"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-attention=a2]")));
        assertThat(driver.findElement(By.cssSelector("tr[data-attention=a1]")).getText())
            .contains("Zapłacono dwa razy").contains("25,00").contains("Anna Nowak");
        assertThat(noSideScroll(driver)).as("no horizontal page scroll at 390 px").isTrue();
        Browser.screenshot(driver, "phone-backoffice-attention");

        new Select(driver.findElement(By.id("shop"))).selectByVisibleText("Mokotów");
        driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("shop=" + b.shopB));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-attention=a2]")));
        assertThat(driver.findElements(By.cssSelector("tr[data-attention=a1]"))).as("Rynek's item").isEmpty();
        assertThat(noSideScroll(driver)).isTrue();

        var note = driver.findElement(By.cssSelector("tr[data-attention=a2] input[name=note]"));
        new org.openqa.selenium.interactions.Actions(driver).scrollToElement(note).perform();
        note.sendKeys("Gotówka zwrócona gościowi");
        Browser.screenshot(driver, "phone-backoffice-attention-note");
        driver.findElement(By.cssSelector("tr[data-attention=a2] button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-attention-empty]")));
        assertThat(driver.findElement(By.cssSelector("p.notice")).getText()).contains("wyjaśnion");
        assertThat(driver.getCurrentUrl()).contains("shop=" + b.shopB);
        assertThat(new Select(driver.findElement(By.id("shop"))).getFirstSelectedOption().getText())
            .isEqualTo("Mokotów");
        String kept = app.db.read(h -> h.createQuery("SELECT resolved_note FROM attention_items WHERE id = 'a2'")
            .mapTo(String.class).one());
        assertThat(kept).isEqualTo("Gotówka zwrócona gościowi");

        new Select(driver.findElement(By.id("shop"))).selectByIndex(0);
        driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-attention=a1]")));
        assertThat(driver.findElements(By.cssSelector("tr[data-attention=a2]"))).as("resolved").isEmpty();
      } finally {
        driver.quit();
      }
    }
  }

  private static boolean noSideScroll(ChromeDriver driver) {
    return (Boolean) driver.executeScript(
        "return document.documentElement.scrollWidth <= window.innerWidth");
  }
}
