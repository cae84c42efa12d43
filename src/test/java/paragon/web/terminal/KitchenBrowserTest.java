package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static paragon.web.terminal.TerminalLiveBrowserTest.loggedIn;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import paragon.configuration.Visibility;
import paragon.demo.Seed;
import paragon.testing.Browser;

/**
 * Issue 12's kitchen on screen: a waiter gives a table two courses and sends the first (holding the
 * second); the kitchen board shows course 1 only; "Fire course 2" shows it; done takes a ticket off;
 * a sent line taken back shows as a cancellation.
 */
@Tag("browser")
class KitchenBrowserTest {

  static void choose(Terminal t, String line, String select, String value) {
    t.waitUntil(d -> {
      for (WebElement li : t.all("receipt-panel .lines li[data-line]")) {
        if (li.findElement(By.cssSelector(".line-name")).getText().equals(line)) {
          // The choosers are on the selected line only: the first tap selects it, the next round chooses.
          if (!"true".equals(li.getAttribute("aria-selected"))) {
            li.findElement(By.cssSelector(".line-main")).click();
            return false;
          }
          t.js("const s = arguments[0]; s.value = arguments[1]; s.dispatchEvent(new Event('change'));",
              li.findElement(By.cssSelector("select[data-action=" + select + "]")), value);
          return true;
        }
      }
      return false;
    });
  }

  /** The board's tickets, "class: items", read in one script (the board is replaced every 2 s). */
  @SuppressWarnings("unchecked")
  private static List<String> tickets(ChromeDriver k) {
    return (List<String>) k.executeScript("""
        return [...document.querySelectorAll('#board article.ticket')].map((a) =>
          a.className + ': ' + a.querySelector('.items').innerText.replace(/\\n/g, ' '));""");
  }

  @Test
  void a_waiter_sends_two_courses_and_the_kitchen_sees_course_one_then_two_done_and_a_cancellation() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal waiter = Terminal.tablet(shop.url(""))) {
      shop.db.inTransaction(h -> Seed.owner(h, shop.account, "szef@bistro.test", "Szef Kuchni", "kuchnia-haslo-1",
          shop.clock.millis()));
      loggedIn(shop, waiter, "Kasa 1", "AAAAAAAA", "marek", "9999");
      waiter.openReceipt("Stolik 1");
      waiter.addProduct("Espresso");
      waiter.addProduct("Sernik");
      waiter.waitUntil(d -> waiter.lineNames().equals(List.of("Espresso", "Sernik")));
      choose(waiter, "Espresso", "course", "1");
      choose(waiter, "Sernik", "course", "2");
      choose(waiter, "Sernik", "seat", "2");
      waiter.waitSent();
      waiter.waitUntil(d -> waiter.text("receipt-panel button[data-action=fire]").equals("Wyślij danie 1, wstrzymaj resztę"));
      waiter.click("receipt-panel button[data-action=fire]");
      waiter.waitSent();
      waiter.waitUntil(d -> waiter.text("receipt-panel [data-waiting-course]").equals("Czeka danie 2"));
      waiter.screenshot("tablet-kitchen-course-2-waits");

      ChromeDriver kitchen = Browser.start(1280, 800, "pl");
      try {
        var wait = new WebDriverWait(kitchen, Duration.ofSeconds(10));
        kitchen.get(shop.url("/backoffice/login?lang=pl"));
        kitchen.findElement(By.id("email")).sendKeys("szef@bistro.test");
        kitchen.findElement(By.id("password")).sendKeys("kuchnia-haslo-1");
        kitchen.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(d -> !d.findElements(By.cssSelector("nav.menu")).isEmpty());
        kitchen.get(shop.url("/kitchen"));
        wait.until(d -> tickets(kitchen).size() == 1);
        assertThat(tickets(kitchen).get(0)).contains("1 × Espresso", "Danie 1").doesNotContain("Sernik");
        assertThat(kitchen.findElement(By.cssSelector("#board .ticket h2")).getText()).isEqualTo("Stolik 1");
        String age = kitchen.findElement(By.cssSelector("#board .age")).getText();
        assertThat(age).matches("\\d+:\\d\\d");

        waiter.waitUntil(d -> waiter.text("receipt-panel button[data-action=fire]").equals("Wydaj danie 2"));
        waiter.click("receipt-panel button[data-action=fire]");
        waiter.waitSent();
        // Live: the board polls every 2 s.
        new WebDriverWait(kitchen, Duration.ofSeconds(5)).until(d -> tickets(kitchen).size() == 2);
        assertThat(tickets(kitchen).get(1)).contains("1 × Sernik", "Danie 2", "Miejsce 2");
        Browser.screenshot(kitchen, "kitchen-board-two-courses");

        kitchen.findElements(By.cssSelector("#board button.done")).get(0).click();
        wait.until(d -> tickets(kitchen).size() == 1 && tickets(kitchen).get(0).contains("Sernik"));

        // Taken back after it was sent (a manager may): a cancellation, struck and red.
        waiter.waitUntil(d -> {
          for (WebElement li : waiter.all("receipt-panel .lines li[data-line]")) {
            if (li.findElement(By.cssSelector(".line-name")).getText().equals("Sernik")) {
              // Only the selected line shows its buttons: the first tap selects it, the next one acts.
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
        new WebDriverWait(kitchen, Duration.ofSeconds(5)).until(d -> tickets(kitchen).size() == 2);
        assertThat(tickets(kitchen).get(1)).startsWith("ticket cancel").contains("Sernik");
        WebElement struck = kitchen.findElement(By.cssSelector("#board .ticket.cancel .struck .name"));
        assertThat(struck.getCssValue("text-decoration-line")).isEqualTo("line-through");
        assertThat(kitchen.findElement(By.cssSelector("#board .ticket.cancel .badge.off")).getText()).isEqualTo("Anulowane");
        Browser.screenshot(kitchen, "kitchen-board-cancellation");

        // One more of a sent line: a new line, which the next "Send" takes to the kitchen (not a silent +1).
        waiter.waitUntil(d -> {
          for (WebElement li : waiter.all("receipt-panel .lines li[data-line][data-sent=true]")) {
            if (li.findElement(By.cssSelector(".line-name")).getText().equals("Espresso")) {
              // Only the selected line shows its buttons: the first tap selects it, the next one acts.
              if (!"true".equals(li.getAttribute("aria-selected"))) {
                li.findElement(By.cssSelector(".line-main")).click();
                return false;
              }
              li.findElement(By.cssSelector("button[data-action=plus]")).click();
              return true;
            }
          }
          return false;
        });
        waiter.waitUntil(d -> waiter.all("receipt-panel .lines li[data-line][data-sent=false]").size() == 1);
        waiter.waitSent();
        assertThat(waiter.lineNames()).containsExactly("Espresso", "Espresso");
        waiter.click("receipt-panel button[data-action=send]");
        waiter.waitSent();
        new WebDriverWait(kitchen, Duration.ofSeconds(5)).until(d -> tickets(kitchen).size() == 3);
        assertThat(tickets(kitchen).get(2)).doesNotStartWith("ticket cancel").contains("1 × Espresso");
      } finally {
        kitchen.quit();
      }
    }
  }
}
