package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import paragon.Paragon;
import paragon.accounts.Passwords;
import paragon.configuration.Visibility;
import paragon.storage.Database;
import paragon.testing.MutableClock;
import paragon.testing.Rows;
import paragon.testing.TestDatabases;

/**
 * Paying cash without the network (docs/protocol.md "Paying offline"): the server really goes away
 * (the app is stopped) and comes back on the same database and port. Offline the payment dialog
 * takes cash only, closes the receipt and frees the table on this terminal; back online the sale is
 * in the back office, and a table a colleague added to meanwhile shows on the Attention page.
 */
@Tag("browser")
class TerminalOfflinePayBrowserTest {

  @Test
  void cash_paid_offline_frees_the_table_here_and_is_a_sale_in_the_back_office_once_back() {
    Database db = TestDatabases.sqlite();
    MutableClock clock = new MutableClock();
    Javalin server = Paragon.create(TerminalOfflineBrowserTest.SETTINGS, db, clock).start("127.0.0.1", 0);
    int port = server.port();
    Shop shop = new Shop(db, clock, "http://127.0.0.1:" + port, Visibility.ALL);
    try (Terminal t = Terminal.tablet(shop.url(""))) {
      TerminalLiveBrowserTest.loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
      t.openReceipt("Stolik 2");
      t.addProduct("Sernik");
      t.waitUntil(d -> t.text("#receipt-total").equals("16,00 zł"));
      t.waitSent();
      TerminalOfflineBrowserTest.waitForOfflineShell(t);

      server.stop();
      t.waitUntil(d -> "offline".equals(t.js("return window.paragonTerminal.connection")));
      t.click("receipt-panel button[data-action=pay]");
      assertThat(t.text("payment-dialog [data-offline-cash=true]")).contains("tylko gotówkę")
          .contains("Karta wymaga połączenia");
      assertThat(t.all("payment-dialog #pay-CARD")).as("no card offline").isEmpty();
      t.waitFor("payment-dialog #pay-CASH").sendKeys("20");
      t.waitUntil(d -> t.text("#pay-change").equals("4,00 zł"));
      t.screenshot("tablet-pay-offline-cash");
      t.click("payment-dialog button[data-action=confirm-pay]");
      t.waitFor("payment-dialog [data-paid-offline=true]");
      assertThat(t.text("payment-dialog [data-paid=true]")).contains("16,00 zł").contains("4,00 zł");
      t.click("payment-dialog button[data-action=close-pay]");
      t.waitUntil(d -> "empty".equals(status(t, "Stolik 2")));
      assertThat(Rows.count(db, "sales")).isZero();

      server = Paragon.create(TerminalOfflineBrowserTest.SETTINGS, db, clock).start("127.0.0.1", port);
      t.waitUntil(d -> "online".equals(t.js("return window.paragonTerminal.connection")));
      t.waitSent();
      assertThat(Rows.count(db, "sales WHERE name = 'Stolik 2' AND total = 1600")).isEqualTo(1);
      assertThat(Rows.count(db, "attention_items")).isZero();
      assertThat(t.all(".notice[data-notice=attention]")).isEmpty();
      t.waitUntil(d -> "empty".equals(status(t, "Stolik 2")));

      backOffice(t, shop, db, "/backoffice/sales");
      t.waitUntil(d -> d.findElement(By.tagName("main")).getText().contains("Stolik 2"));
      assertThat(t.driver.findElement(By.tagName("main")).getText()).contains("16,00");
    } finally {
      server.stop();
      db.close();
    }
  }

  /**
   * Terminal A holds Stolik 1 (Espresso) when its server goes away; B, on another node of the same
   * database, adds a Sernik to it. A takes the 9,00 zł it showed in cash. Back online: the sale is the
   * Espresso, the Sernik waits on a new receipt marked for attention, A says so, and the item is on
   * the back office's Attention page until resolved.
   */
  @Test
  void a_line_a_colleague_added_meanwhile_shows_as_an_attention_item_in_the_back_office() {
    Database db = TestDatabases.sqlite();
    MutableClock clock = new MutableClock();
    Javalin server = Paragon.create(TerminalOfflineBrowserTest.SETTINGS, db, clock).start("127.0.0.1", 0);
    Javalin other = Paragon.create(TerminalOfflineBrowserTest.SETTINGS, db, clock).start("127.0.0.1", 0);
    int port = server.port();
    Shop shop = new Shop(db, clock, "http://127.0.0.1:" + port, Visibility.ALL);
    try (Terminal a = Terminal.tablet(shop.url("")); Terminal b = Terminal.tablet("http://127.0.0.1:" + other.port())) {
      TerminalLiveBrowserTest.loggedIn(shop, a, "Kasa A", "AAAAAAAA", "anna", "1234");
      a.openReceipt("Stolik 1");
      a.addProduct("Espresso");
      a.waitSent();
      TerminalOfflineBrowserTest.waitForOfflineShell(a);
      TerminalLiveBrowserTest.loggedIn(shop, b, "Kasa B", "BBBBBBBB", "ola", "4321");

      server.stop();
      a.waitUntil(d -> "offline".equals(a.js("return window.paragonTerminal.connection")));
      b.openReceipt("Stolik 1");
      b.waitUntil(d -> b.lineNames().equals(List.of("Espresso")));
      b.addProduct("Sernik");
      b.waitSent();

      a.click("receipt-panel button[data-action=pay]");
      a.click("payment-dialog button[data-fill=CASH]");
      a.click("payment-dialog button[data-action=confirm-pay]");
      a.waitFor("payment-dialog [data-paid-offline=true]");
      a.click("payment-dialog button[data-action=close-pay]");

      server = Paragon.create(TerminalOfflineBrowserTest.SETTINGS, db, clock).start("127.0.0.1", port);
      a.waitUntil(d -> "online".equals(a.js("return window.paragonTerminal.connection")));
      a.waitSent();
      assertThat(a.text(".notice[data-notice=attention]")).contains("Stolik 1").contains("zmieniono");
      a.screenshot("tablet-pay-offline-attention");
      assertThat(Rows.count(db, "sales WHERE name = 'Stolik 1' AND total = 900")).isEqualTo(1);
      assertThat(Rows.count(db, "attention_items WHERE kind = 'CHANGED'")).isEqualTo(1);
      assertThat(Rows.count(db,
          "lines l JOIN receipts r ON r.id = l.receipt_id WHERE l.name = 'Sernik' AND r.attention = :t"
              + " AND r.state = 'OPEN'", "t", true)).isEqualTo(1);

      backOffice(a, shop, db, "/backoffice/attention");
      a.waitFor("tr[data-kind=CHANGED]");
      assertThat(a.text("tr[data-kind=CHANGED]")).contains("Stolik 1").contains("9,00").contains("Anna Nowak");
      a.screenshot("backoffice-attention");
      a.waitFor("tr[data-kind=CHANGED] input[name=note]").sendKeys("Sernik doliczony osobno");
      a.click("tr[data-kind=CHANGED] button[type=submit]");
      a.waitFor("[data-attention-empty]");
      assertThat(Rows.count(db, "attention_items WHERE resolved_note = 'Sernik doliczony osobno'")).isEqualTo(1);
    } finally {
      server.stop();
      other.stop();
      db.close();
    }
  }

  /** The list status of the table named {@code name} on the terminal ('empty' when free). */
  private static Object status(Terminal t, String name) {
    return t.js("""
        const b = [...document.querySelectorAll('receipts-list li button[data-status]')]
          .find((e) => e.querySelector('.name').textContent.trim() === arguments[0]);
        return b ? b.dataset.status : null;""", name);
  }

  /** Signs in to the back office in the terminal's browser as a new owner of the shop's account. */
  private static void backOffice(Terminal t, Shop shop, Database db, String path) {
    String email = "owner-" + shop.account + "@example.com";
    db.inTransaction(h -> h.createUpdate("""
            INSERT INTO admins (account_id, email, name, role, password_hash, created_at)
            VALUES (:a, :e, 'Olga Owner', 'OWNER', :p, 0)""")
        .bind("a", shop.account).bind("e", email).bind("p", Passwords.hash("correct horse battery")).execute());
    t.driver.get(shop.url("/backoffice/login"));
    t.waitFor("#email").sendKeys(email);
    t.waitFor("#password").sendKeys("correct horse battery");
    t.click("form button[type=submit]");
    t.waitFor("nav.menu");
    t.driver.get(shop.url(path));
  }
}
