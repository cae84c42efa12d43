package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.WebElement;
import paragon.configuration.Visibility;

/**
 * The receipt's history on the terminal (issue 15): the cashier opens the selected receipt's trail and
 * reads what was done in sentences, the back office's own, in the terminal's language (Polish, then
 * English from the menu), on the tablet and the phone.
 */
@Tag("browser")
class TerminalHistoryBrowserTest {

  private static List<String> history(Terminal t, int count) {
    t.waitUntil(d -> t.all("receipt-history dialog[open] [data-history-entry]").size() == count);
    return t.all("receipt-history dialog[open] [data-history-entry]").stream().map(WebElement::getText).toList();
  }

  private static void openHistory(Terminal t, boolean phone) {
    if (phone) t.click("sale-screen .tabs button:last-child");
    t.click("receipt-panel button[data-action=history]");
    t.waitFor("receipt-history dialog[open]");
  }

  private static void closeHistory(Terminal t) {
    t.click("receipt-history dialog[open] button[data-action=close-history]");
    t.waitUntil(d -> t.all("receipt-history dialog[open]").isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"tablet", "phone"})
  void the_cashier_reads_the_receipts_history_in_sentences_in_polish_and_english(String size) {
    boolean phone = size.equals("phone");
    try (Shop shop = new Shop(Visibility.ALL);
        Terminal t = phone ? Terminal.phone(shop.url("")) : Terminal.tablet(shop.url(""))) {
      String device = phone ? "Pocket 1" : "Kasa 1";
      TerminalLiveBrowserTest.loggedIn(shop, t, device, "ABCDEFGH", "anna", "1234");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1"));
      t.drawer(false); // a phone shows the receipts when nothing is under way
      t.addProduct("Espresso");
      t.addProduct("Cappuccino");
      t.waitSent();
      if (phone) t.click("sale-screen .tabs button:last-child");
      t.lineAction(0, "plus");
      t.waitSent();
      if (phone) t.click("sale-screen .tabs button:first-child");
      String at = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Europe/Warsaw"))
          .format(Instant.ofEpochMilli(shop.clock.millis()));

      openHistory(t, phone);
      assertThat(t.text("receipt-history #history-title")).isEqualTo("Historia: Sprzedaż 1");
      // Selenium reads the no-break space before "zł" as a space.
      String who = at + " Anna Nowak (" + device + "): ";
      assertThat(history(t, 4)).containsExactly(
          who + "otwarto paragon",
          who + "dodano 1 x Espresso (9,00 zł)",
          who + "dodano 1 x Cappuccino (14,00 zł)",
          who + "zmieniono ilość o +1: Espresso");
      t.screenshot(size + "-receipt-history-pl");
      closeHistory(t);

      TerminalMenuBrowserTest.openMenu(t);
      t.click("terminal-menu button[lang=en]");
      t.waitUntil(d -> t.text("terminal-menu #menu-title").equals("Menu"));
      TerminalMenuBrowserTest.closeMenu(t);
      openHistory(t, phone);
      assertThat(t.text("receipt-history #history-title")).isEqualTo("History: Sale 1");
      String by = at + " Anna Nowak on " + device + " ";
      assertThat(history(t, 4)).containsExactly(
          by + "opened the receipt",
          by + "added 1 x Espresso (9.00 zł)",
          by + "added 1 x Cappuccino (14.00 zł)",
          by + "changed the quantity of Espresso by +1");
      boolean fits = (Boolean) t.js("""
          const d = document.querySelector('receipt-history dialog[open]').getBoundingClientRect();
          return d.left >= 0 && d.right <= window.innerWidth && document.documentElement.scrollWidth <= window.innerWidth;""");
      assertThat(fits).as("the history fits the " + size + "'s width").isTrue();
      t.screenshot(size + "-receipt-history-en");
      closeHistory(t);
    }
  }

  /**
   * Merged into this receipt, a table's receipt is deleted; its earlier entries (who opened it, what was
   * added there) follow this receipt's own, under the table's name, as on the back office's page.
   */
  @Test
  void the_history_of_a_receipt_merged_into_it_follows_its_own() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      TerminalLiveBrowserTest.loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1"));
      t.addProduct("Espresso");
      t.waitSent();
      t.openReceipt("Stolik 1");
      t.addProduct("Sernik");
      t.waitSent();
      t.click("receipt-panel button[data-action=merge]");
      TerminalReceiptToolsBrowserTest.choose(t, "Sprzedaż 1");
      t.click("move-dialog button[data-action=confirm-move]");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1")
          && t.lineNames().equals(List.of("Espresso", "Sernik")));
      t.waitSent();
      String at = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Europe/Warsaw"))
          .format(Instant.ofEpochMilli(shop.clock.millis()));
      String who = at + " Anna Nowak (Kasa 1): ";

      openHistory(t, false);
      assertThat(history(t, 6)).containsExactly(
          who + "otwarto paragon",
          who + "dodano 1 x Espresso (9,00 zł)",
          who + "dołączono Stolik 1 do tego paragonu",
          who + "otwarto stolik",
          who + "dodano 1 x Sernik (16,00 zł)",
          who + "dołączono ten paragon do Sprzedaż 1");
      assertThat(t.text("receipt-history [data-history-merged] h3"))
          .isEqualTo("Historia scalonego rachunku: Stolik 1");
      assertThat(t.all("receipt-history [data-history-merged] [data-history-entry]")).hasSize(3);
      t.screenshot("tablet-receipt-history-merged");
      closeHistory(t);
    }
  }
}
