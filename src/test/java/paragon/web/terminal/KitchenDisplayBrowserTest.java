package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static paragon.web.terminal.TerminalLiveBrowserTest.loggedIn;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import paragon.configuration.DeviceModel;
import paragon.configuration.Visibility;
import paragon.testing.Browser;

/**
 * Issue 12's kitchen display as a paired device (model KITCHEN_DISPLAY) at 1280x800 and 390x844: the
 * screen pairs at {@code /kitchen} (a terminal's code is refused there), shows the table's sent lines
 * with the time since sent, a colleague's send appears by itself, "done" takes a ticket off, a
 * cancellation shows struck; a reload keeps the pairing; pairing the device again elsewhere sends the
 * old screen back to the pairing form.
 */
@Tag("browser")
class KitchenDisplayBrowserTest {

  @SuppressWarnings("unchecked")
  private static List<String> tickets(ChromeDriver k) {
    return (List<String>) k.executeScript("""
        return [...document.querySelectorAll('#board article.ticket')].map((a) =>
          a.className + ': ' + a.querySelector('h2').innerText + ': ' + a.querySelector('.items').innerText.replace(/\\n/g, ' '));""");
  }

  private static void pair(ChromeDriver k, WebDriverWait wait, String code) {
    wait.until(d -> d.findElement(By.id("pairing")).isDisplayed());
    k.findElement(By.id("pair-code")).clear();
    k.findElement(By.id("pair-code")).sendKeys(code);
    k.findElement(By.cssSelector("#pairing button[type=submit]")).click();
  }

  private static long overflow(ChromeDriver k) {
    return (Long) k.executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
  }

  @Test
  void a_paired_kitchen_display_shows_the_tables_sent_lines_live_at_both_sizes() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal waiter = Terminal.tablet(shop.url(""))) {
      loggedIn(shop, waiter, "Kasa 1", "AAAAAAAA", "marek", "9999");
      long kitchenId = shop.device("Kuchnia", DeviceModel.KITCHEN_DISPLAY, "KKKKKKKK");
      shop.device("Kuchnia telefon", DeviceModel.KITCHEN_DISPLAY, "MMMMMMMM");
      shop.device("Kasa 2", DeviceModel.SMART, "TTTTTTTT");
      waiter.openReceipt("Stolik 1");
      waiter.addProduct("Espresso");
      waiter.waitSent();
      waiter.click("receipt-panel button[data-action=send]");
      waiter.waitSent();

      ChromeDriver kitchen = Browser.start(1280, 800, "pl");
      ChromeDriver phone = Browser.start(390, 844, "pl");
      try {
        var wait = new WebDriverWait(kitchen, Duration.ofSeconds(10));
        kitchen.get(shop.url("/kitchen?lang=pl"));
        // A terminal's code is refused here, naming the field; the kitchen display's code pairs.
        pair(kitchen, wait, "TTTTTTTT");
        wait.until(d -> d.findElement(By.id("pair-error")).getText().contains("kod parowania terminala"));
        assertThat(kitchen.findElement(By.id("pair-code")).getAttribute("aria-invalid")).isEqualTo("true");
        Browser.screenshot(kitchen, "kitchen-display-pairing-refused");
        pair(kitchen, wait, "KKKKKKKK");
        wait.until(d -> tickets(kitchen).size() == 1);
        assertThat(kitchen.findElement(By.id("pairing")).isDisplayed()).isFalse();
        assertThat(kitchen.findElement(By.id("display-name")).getText()).isEqualTo("Kuchnia");
        assertThat(tickets(kitchen).get(0)).contains("Stolik 1", "1 × Espresso");
        wait.until(d -> d.findElement(By.cssSelector("#board .age")).getText().matches("\\d+:\\d\\d"));
        assertThat(kitchen.findElements(By.cssSelector("#board a[href*=print]"))).isEmpty();

        // Live: the waiter sends another line; the board shows it without a touch (it polls every 2 s).
        waiter.addProduct("Sernik");
        waiter.waitSent();
        waiter.click("receipt-panel button[data-action=send]");
        waiter.waitSent();
        new WebDriverWait(kitchen, Duration.ofSeconds(6)).until(d -> tickets(kitchen).size() == 2);
        assertThat(tickets(kitchen).get(1)).contains("Stolik 1", "1 × Sernik");
        assertThat(overflow(kitchen)).isLessThanOrEqualTo(0);
        Browser.screenshot(kitchen, "kitchen-display-1280");

        // The same board on a phone-sized screen, paired as its own display.
        var phoneWait = new WebDriverWait(phone, Duration.ofSeconds(10));
        phone.get(shop.url("/kitchen"));
        pair(phone, phoneWait, "MMMMMMMM");
        phoneWait.until(d -> tickets(phone).size() == 2);
        assertThat(overflow(phone)).isLessThanOrEqualTo(0);
        assertThat(phone.findElement(By.cssSelector("#board button.done")).getSize().height).isGreaterThanOrEqualTo(44);
        Browser.screenshot(phone, "kitchen-display-390");

        // Done on the big screen takes the first ticket off both boards.
        kitchen.findElements(By.cssSelector("#board button.done")).get(0).click();
        wait.until(d -> tickets(kitchen).size() == 1 && tickets(kitchen).get(0).contains("Sernik"));
        phoneWait.until(d -> tickets(phone).size() == 1);

        // A sent line taken back (a manager may): a cancellation, struck.
        waiter.waitUntil(d -> {
          for (var li : waiter.all("receipt-panel .lines li[data-line]")) {
            if (li.findElement(By.cssSelector(".line-name")).getText().equals("Sernik")) {
              if (!"true".equals(li.getAttribute("aria-selected"))) {
                li.findElement(By.cssSelector(".line-main")).click();
                return false;
              }
              li.findElement(By.cssSelector("button[data-action=remove]")).click();
              return true;
            }
          }
          return false;
        });
        waiter.waitSent();
        new WebDriverWait(kitchen, Duration.ofSeconds(6)).until(d -> tickets(kitchen).size() == 2);
        assertThat(tickets(kitchen).get(1)).startsWith("ticket cancel").contains("Sernik");
        assertThat(kitchen.findElement(By.cssSelector("#board .ticket.cancel .struck .name"))
            .getCssValue("text-decoration-line")).isEqualTo("line-through");

        // A reload keeps the pairing: the board, no form.
        kitchen.navigate().refresh();
        wait.until(d -> tickets(kitchen).size() == 2);
        assertThat(kitchen.findElement(By.id("pairing")).isDisplayed()).isFalse();

        // Paired again elsewhere (a new code from the back office): this screen is cut off and asks for a code.
        shop.newCode(kitchenId, "NNNNNNNN");
        var again = shop.app.client().postJson("/api/device/pair", Map.of("code", "NNNNNNNN", "screen", "kitchen"),
            Map.of());
        assertThat(again.status()).isEqualTo(201);
        new WebDriverWait(kitchen, Duration.ofSeconds(8)).until(d -> d.findElement(By.id("pairing")).isDisplayed());
        assertThat(kitchen.findElement(By.id("display-status")).getText()).contains("nie jest już sparowany");
        assertThat(kitchen.findElements(By.cssSelector("#board"))).isEmpty();
      } finally {
        kitchen.quit();
        phone.quit();
      }
    }
  }
}
