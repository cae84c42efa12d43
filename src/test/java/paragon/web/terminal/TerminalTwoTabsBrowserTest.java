package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WindowType;
import paragon.configuration.Visibility;
import paragon.testing.Rows;

/**
 * Two tabs of one browser share the terminal's IndexedDB (one device, one outbox). The tab opened last
 * works; the other says so and neither writes nor sends, so no command number goes to two commands and
 * no outbox is written over. "Work here" takes over again, with everything the other tab did.
 */
@Tag("browser")
class TerminalTwoTabsBrowserTest {

  @Test
  void the_tab_opened_last_works_the_terminal_and_the_other_steps_back_until_asked_to_take_over() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      TerminalLiveBrowserTest.loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
      t.addProduct("Espresso");
      t.waitUntil(d -> t.lineNames().equals(List.of("Espresso")));
      t.waitSent();
      String first = t.driver.getWindowHandle();

      t.driver.switchTo().newWindow(WindowType.TAB);
      t.open();
      t.waitUntil(d -> t.lineNames().equals(List.of("Espresso")));
      String second = t.driver.getWindowHandle();
      t.addProduct("Sernik");
      t.waitUntil(d -> t.lineNames().equals(List.of("Espresso", "Sernik")));
      t.waitSent();

      t.driver.switchTo().window(first);
      t.waitFor("[data-suspended=true]");
      assertThat(t.text("[data-suspended=true]")).contains("otwarty w innej karcie").contains("Pracuj tutaj");
      t.screenshot("tablet-open-in-another-tab");
      assertThat(t.js("return window.paragonTerminal.connection")).as("no stream of its own").isEqualTo("offline");

      t.driver.switchTo().window(second);
      t.addProduct("Cappuccino");
      t.waitUntil(d -> t.lineNames().equals(List.of("Espresso", "Sernik", "Cappuccino")));
      t.waitSent();

      t.driver.switchTo().window(first);
      t.click("[data-suspended=true] button[data-action=use-here]");
      t.waitUntil(d -> t.lineNames().equals(List.of("Espresso", "Sernik", "Cappuccino")));
      t.addProduct("Espresso");
      t.waitUntil(d -> t.lineNames().size() == 4);
      t.waitSent();
      t.driver.switchTo().window(second);
      t.waitFor("[data-suspended=true]");

      assertThat(Rows.count(shop.db, "lines WHERE removed = :f", "f", false)).isEqualTo(4);
      assertThat(Rows.count(shop.db,
          "commands WHERE status = 'refused'")).as("no command refused or lost on the way").isZero();
      assertThat(Rows.count(shop.db, "commands")).as("openAdHoc and four lines, each number once")
          .isEqualTo(Rows.count(shop.db, "commands WHERE n <= 5"));
    }
  }
}
