package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static paragon.web.terminal.TerminalLiveBrowserTest.loggedIn;
import static paragon.web.terminal.TerminalMenuBrowserTest.openMenu;
import static paragon.web.terminal.TerminalMenuBrowserTest.sellByCard;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.NoAlertPresentException;
import paragon.configuration.Visibility;
import paragon.testing.Rows;

/**
 * The day close as a cashier sees it: a warning naming the receipts still open (count, total, which)
 * before anything is closed, then the server's report in the menu (methods, VAT rates, cashiers), in
 * Polish and English, printed alone at receipt width.
 */
class TerminalDayCloseBrowserTest {

  @Test
  void the_day_close_warns_of_open_receipts_and_then_shows_a_printable_report() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
      sellByCard(t, "Espresso");
      sellByCard(t, "Piwo");
      t.addProduct("Sernik"); // left open on purpose
      t.waitSent();
      String open = String.valueOf(t.js("return window.paragonTerminal.current.name"));

      openMenu(t);
      t.click("terminal-menu button[data-action=day-close]");
      String warning = t.waitUntil(d -> {
        try {
          var alert = d.switchTo().alert();
          String text = alert.getText();
          alert.dismiss(); // she goes back to the open receipt first: nothing is closed
          return text;
        } catch (NoAlertPresentException e) {
          return null;
        }
      });
      assertThat(warning).isEqualTo("Otwarte paragony: 1, razem 16,00\u00a0zł: " + open + ".\n"
          + "Pozostaną otwarte i nie wejdą do tego raportu. Zamknąć dzień mimo to?");
      assertThat(t.all("terminal-menu [data-day-report]")).isEmpty();
      assertThat(Rows.count(shop.db, "day_closes")).isZero();

      t.click("terminal-menu button[data-action=day-close]");
      TerminalSaleBrowserTest.answerDialog(t, null);
      t.waitFor("terminal-menu [data-day-report]");
      assertThat(t.text("terminal-menu [role=alert]")).startsWith("Dzień zamknięty. Liczba sprzedaży: 2, razem: 21,00");
      assertThat(t.text("terminal-menu #day-report-title")).isEqualTo("Raport dobowy");
      assertThat(t.text("terminal-menu [data-report=sales]")).isEqualTo("2");
      assertThat(t.text("terminal-menu [data-report=total]")).isEqualTo("21,00 zł");
      assertThat(t.text("terminal-menu [data-report=methods]")).contains("Karta", "21,00 zł");
      assertThat(t.text("terminal-menu [data-report=vat]")).contains("23%", "12,00 zł", "8%", "9,00 zł");
      assertThat(t.text("terminal-menu [data-report=cashiers]")).contains("Anna", "2", "21,00 zł");
      t.screenshot("tablet-day-close-report");
      // (Selenium reads a non-breaking space as a space.)

      // Printed, the report is all there is on the page, 72 mm wide (the printable width of an 80 mm roll).
      t.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
      assertThat(t.js("return getComputedStyle(document.querySelector('terminal-menu dialog ul')).display"))
          .isEqualTo("none");
      assertThat(t.js("return getComputedStyle(document.querySelector('terminal-menu .day-report')).visibility"))
          .isEqualTo("visible");
      assertThat(t.js("return getComputedStyle(document.querySelector('sale-screen header, receipt-panel'))"
          + ".visibility")).isEqualTo("hidden");
      double width = ((Number) t.js("return document.querySelector('terminal-menu .day-report')"
          + ".getBoundingClientRect().width")).doubleValue();
      assertThat(width).isBetween(270.0, 274.0); // 72 mm at 96 px per inch
      t.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

      t.click("terminal-menu button[lang=en]");
      t.waitUntil(d -> t.text("terminal-menu #day-report-title").equals("Day close report"));
      assertThat(t.text("terminal-menu [data-report=total]")).isEqualTo("21.00 zł");
      assertThat(t.text("terminal-menu [data-report=methods]")).contains("Card");
      String kept = shop.db.read(h -> h.createQuery("SELECT report FROM day_closes").mapTo(String.class).one());
      assertThat(kept).contains("\"sales\":2", "\"total\":2100", "\"CARD\":2100");
    }
  }
}
