package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import paragon.accounts.Visibility;
import paragon.testing.Rows;

/**
 * Names and language as cashiers see them (issue 8): each terminal names receipts and shows refusals in
 * the language chosen on it, whatever the account's; a login leaves no empty receipt for colleagues.
 */
@Tag("browser")
class TerminalNamesBrowserTest {

  @Test
  void an_english_terminal_on_a_polish_account_shows_sale_1_and_english_refusals() {
    try (Shop shop = new Shop(Visibility.ALL);
        Terminal t = new Terminal(shop.url(""), Terminal.TABLET_W, Terminal.TABLET_H, "en")) {
      TerminalLiveBrowserTest.loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
      t.waitUntil(d -> t.text("#current-name").contains("Sale 1"));
      t.addProduct("Espresso");
      t.waitSent();
      assertThat(Rows.count(shop.db, "receipts WHERE name = 'Sprzedaż 1'")).as("stored in the account's language")
          .isEqualTo(1);
      t.waitUntil(d -> "mine".equals(t.status("Sale 1")));
      assertThat(t.text("#current-name")).contains("Sale 1").doesNotContain("Sprzedaż");

      // Deleting a receipt with lines needs VOID_LINES, which a waiter lacks: the terminal offers no
      // delete then (TerminalPermissionsBrowserTest), so the command is sent as an older terminal
      // would, and the server refuses it in the terminal's language.
      assertThat(t.all("receipt-panel button[data-action=delete]")).isEmpty();
      t.js("const p = window.paragonTerminal; p.remove(p.current);");
      String notice = t.text(".notice[data-notice=refused]");
      assertThat(notice).contains("Sale 1").contains("Missing permission").doesNotContain("Brak");
      t.click(".notice button");

      t.click("#menu-button");
      t.click("terminal-menu button[lang=pl]");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1"));
    }
  }

  @Test
  void a_login_leaves_no_empty_receipt_for_colleagues_and_the_first_line_creates_it() {
    try (Shop shop = new Shop(Visibility.ALL);
        Terminal anna = Terminal.tablet(shop.url(""));
        Terminal ola = Terminal.tablet(shop.url(""))) {
      TerminalLiveBrowserTest.loggedIn(shop, anna, "Kasa A", "AAAAAAAA", "anna", "1234");
      TerminalLiveBrowserTest.loggedIn(shop, ola, "Kasa B", "BBBBBBBB", "ola", "4321");
      anna.waitUntil(d -> anna.text("#current-name").contains("Sprzedaż 1"));
      ola.waitUntil(d -> ola.text("#current-name").contains("Sprzedaż 1"));
      anna.waitSent();
      ola.waitSent();
      assertThat(Rows.count(shop.db, "receipts")).as("nothing on the server, so nothing for the back office").isZero();
      assertThat(ola.status("Sprzedaż 1")).as("Ola's own new receipt, not Anna's").isEqualTo("mine");

      anna.addProduct("Espresso");
      anna.waitSent();
      assertThat(Rows.count(shop.db, "receipts WHERE name = 'Sprzedaż 1' AND state = 'OPEN'")).isEqualTo(1);
      ola.waitUntil(d -> "colleague".equals(ola.status("Sprzedaż 1")));
      ola.waitUntil(d -> ola.text("#current-name").contains("Sprzedaż 2"));
      ola.addProduct("Sernik");
      ola.waitSent();
      assertThat(Rows.count(shop.db, "receipts WHERE name = 'Sprzedaż 2' AND state = 'OPEN'")).isEqualTo(1);
      anna.waitUntil(d -> "colleague".equals(anna.status("Sprzedaż 2")));
    }
  }
}
