package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static paragon.web.terminal.TerminalLiveBrowserTest.loggedIn;
import static paragon.web.terminal.TerminalSaleBrowserTest.answerDialog;
import static paragon.web.terminal.TerminalSaleBrowserTest.productNames;

import io.javalin.Javalin;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import paragon.Paragon;
import paragon.configuration.Visibility;
import paragon.demo.Seed;
import paragon.storage.Database;
import paragon.testing.MutableClock;
import paragon.testing.Rows;
import paragon.testing.TestDatabases;

/**
 * The free item on the sale screen and the terminal's menu: configuration sync and its hints (DESIGN
 * rule 5), day close, language, connection state and unsent changes. Checked on screen and on the server.
 */
@Tag("browser")
class TerminalMenuBrowserTest {
  /** Sooner than the app's periodic heartbeat (30 s): what opening the menu or reconnecting must show. */
  static final Duration AT_ONCE = Duration.ofSeconds(5);

  @Test
  void a_free_item_takes_a_typed_name_price_and_vat_and_bad_input_is_refused_in_the_dialog() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1"));
      t.click("product-grid button[data-action=free-item]");
      typeFreeItem(t, "", "12,50", "23");
      t.waitUntil(d -> t.text("free-item dialog[open] [role=alert] .error").equals("Nazwa: od 1 do 40 znaków"));
      // The wrong field is marked for screen readers and has the cursor.
      t.waitUntil(d -> "free-name".equals(t.js("return document.activeElement.id")));
      assertThat(t.waitFor("#free-name").getDomAttribute("aria-invalid")).isEqualTo("true");
      typeFreeItem(t, "Korkowe", "abc", "23");
      t.waitUntil(d -> t.text("free-item dialog[open] [role=alert] .error").equals("Wpisz cenę, np. 12,50"));
      t.waitUntil(d -> "free-price".equals(t.js("return document.activeElement.id")));
      assertThat(t.waitFor("#free-name").getDomAttribute("aria-invalid")).isEqualTo("false");
      assertThat(t.waitFor("#free-price").getDomAttribute("aria-invalid")).isEqualTo("true");
      assertThat(t.lineNames()).isEmpty();
      t.screenshot("tablet-free-item-bad-price");

      typeFreeItem(t, "Korkowe", "12,50", "23");
      t.waitUntil(d -> t.all("free-item dialog[open]").isEmpty());
      t.waitUntil(d -> t.lineNames().equals(List.of("Korkowe")));
      assertThat(t.text("receipt-panel li[data-line] .line-total")).isEqualTo("12,50 zł");
      t.click("product-grid button[data-action=free-item]");
      assertThat(t.waitFor("#free-name").getDomProperty("value")).isEmpty(); // a fresh form, no old error
      assertThat(t.all("free-item dialog[open] .error")).isEmpty();
      typeFreeItem(t, "Woda z cytryną", "7.5", "8");
      t.waitUntil(d -> t.lineNames().equals(List.of("Korkowe", "Woda z cytryną")));
      assertThat(t.text("receipt-panel li[data-line]:nth-child(2) .line-total")).isEqualTo("7,50 zł");
      t.waitUntil(d -> t.text("#receipt-total").equals("20,00 zł"));
      t.waitSent();
      // Only the two good ones reached the server, as typed: no product, the price in grosze.
      List<String> lines = shop.db.read(h -> h.createQuery("""
          SELECT name || '/' || unit_price || '/' || vat || '/' || quantity || '/' || COALESCE(product_id, 0)
          FROM lines ORDER BY position""").mapTo(String.class).list());
      assertThat(lines).containsExactly("Korkowe/1250/23/1000/0", "Woda z cytryną/750/8/1000/0");
    }
  }

  /**
   * The name's limit comes from the configuration and counts characters as the server does: 39 letters
   * and an emoji are 40 characters (41 UTF-16 units, which the terminal refused before). The emoji is
   * set by script: ChromeDriver types only characters of the Basic Multilingual Plane.
   */
  @Test
  void a_free_item_name_of_forty_characters_with_an_emoji_is_added_and_one_more_is_refused() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1"));
      String forty = "a".repeat(39) + "\uD83D\uDE00";
      t.click("product-grid button[data-action=free-item]");
      typeFreeItem(t, "", "5", "23");
      t.js("document.querySelector('#free-name').value = arguments[0]", "a" + forty);
      t.click("free-item button[data-action=add-free]");
      t.waitUntil(d -> t.text("free-item dialog[open] [role=alert] .error").equals("Nazwa: od 1 do 40 znaków"));
      t.js("document.querySelector('#free-name').value = arguments[0]", forty);
      t.click("free-item button[data-action=add-free]");
      t.waitUntil(d -> t.all("free-item dialog[open]").isEmpty());
      t.waitUntil(d -> t.lineNames().equals(List.of(forty)));
      t.waitSent();
      List<String> stored = shop.db.read(h -> h.createQuery("SELECT name FROM lines").mapTo(String.class).list());
      assertThat(stored).containsExactly(forty);
    }
  }

  @Test
  void opening_the_menu_after_a_back_office_save_shows_the_hint_and_sync_applies_it() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
      openMenu(t);
      assertThat(t.all("terminal-menu [data-sync-hint]")).isEmpty();
      assertThat(t.all("#menu-button [data-sync-badge]")).isEmpty();
      closeMenu(t);
      long revision = shop.change(h -> {
        renameProduct(h, shop, "Espresso", "Espresso doppio");
        Seed.slots(h, shop.account, null, List.of("Taras"));
      });

      openMenu(t);
      t.waitUntil(AT_ONCE, d -> t.text("terminal-menu [data-sync-hint=behind]").contains("wersja " + revision));
      assertThat(t.all("#menu-button [data-sync-badge]")).hasSize(1);
      assertThat(productNames(t)).contains("Espresso").doesNotContain("Espresso doppio"); // rule 5: not before the sync
      t.screenshot("tablet-menu-sync-hint");
      t.click("terminal-menu button[data-action=sync]");
      t.waitUntil(d -> t.text("terminal-menu [role=alert]").equals("Konfiguracja: wersja " + revision));
      assertThat(t.all("terminal-menu [data-sync-hint]")).isEmpty();
      assertThat(t.all("#menu-button [data-sync-badge]")).isEmpty();
      assertThat(revision(t)).isEqualTo(revision);
      assertThat(appliedRevision(shop, "Kasa 1")).isEqualTo(revision);
      closeMenu(t);
      t.waitUntil(d -> productNames(t).contains("Espresso doppio"));
      t.waitUntil(d -> "empty".equals(t.status("Taras")));

      // The back office's "Request sync" (Devices page), with nothing newer to fetch.
      shop.db.inTransaction(h -> h.createUpdate("UPDATE devices SET sync_requested_at = :t WHERE name = 'Kasa 1'")
          .bind("t", shop.clock.millis()).execute());
      openMenu(t);
      t.waitUntil(AT_ONCE,
          d -> t.text("terminal-menu [data-sync-hint=requested]").equals("Zaplecze prosi o synchronizację"));
      assertThat(t.all("terminal-menu [data-sync-hint=behind]")).isEmpty();
      assertThat(t.all("#menu-button [data-sync-badge]")).hasSize(1);
      t.screenshot("tablet-menu-sync-requested");
      t.click("terminal-menu button[data-action=sync]");
      t.waitUntil(d -> t.all("terminal-menu [data-sync-hint]").isEmpty()
          && t.all("#menu-button [data-sync-badge]").isEmpty());
      assertThat(Rows.count(shop.db, "devices WHERE name = 'Kasa 1' AND sync_requested_at IS NULL")).isEqualTo(1);
    }
  }

  @Test
  void day_close_from_the_menu_reports_the_days_sales_and_then_applies_the_newer_configuration() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
      long before = revision(t);
      sellByCard(t, "Espresso");
      sellByCard(t, "Sernik");
      // While this terminal takes a payment the day cannot close: the menu says why, and so does a
      // notice that names no receipt (a day close is about none).
      t.addProduct("Espresso");
      t.js("const p = window.paragonTerminal; return p.startPayment(p.current).then(() => null)");
      t.waitSent();
      openMenu(t);
      t.click("terminal-menu button[data-action=day-close]");
      answerDialog(t, null);
      t.waitUntil(d -> !t.all("terminal-menu [role=alert]").isEmpty());
      t.waitUntil(d -> t.text("notice-list [data-notice]").startsWith("Serwer odrzucił polecenie: "));
      assertThat(t.text("notice-list [data-notice]")).doesNotContain("„”");
      closeMenu(t);
      t.click("notice-list button[data-action=dismiss]");
      t.js("const p = window.paragonTerminal; return p.cancelPayment(p.current).then(() => null)");
      t.waitSent();
      assertThat(Rows.count(shop.db, "day_closes")).isZero();
      long revision = shop.change(h -> renameProduct(h, shop, "Sernik", "Sernik baskijski"));

      openMenu(t);
      t.click("terminal-menu button[data-action=day-close]");
      t.waitUntil(d -> {
        d.switchTo().alert().dismiss(); // changed her mind: nothing is closed
        return true;
      });
      assertThat(t.all("terminal-menu [role=alert]")).isEmpty();
      t.click("terminal-menu button[data-action=day-close]");
      answerDialog(t, null);
      t.waitUntil(d -> t.text("terminal-menu [role=alert]").equals("Dzień zamknięty. Liczba sprzedaży: 2, razem: 25,00 zł"));
      t.screenshot("tablet-menu-day-closed");
      String close = shop.db.read(h -> h.createQuery("""
              SELECT c.sales || '/' || c.total || '/' || (SELECT COUNT(*) FROM sales s WHERE s.day_close_id = c.id)
              FROM day_closes c JOIN devices d ON d.id = c.device_id WHERE d.name = 'Kasa 1'""").mapTo(String.class).one());
      assertThat(close).as("sales/total/sales marked").isEqualTo("2/2500/2");
      assertThat(Rows.count(shop.db, "day_closes")).isEqualTo(1);
      // Rule 5: the revision saved before the day close was not applied before it, and is after it.
      assertThat(before).isLessThan(revision);
      assertThat(revision(t)).isEqualTo(revision);
      assertThat(appliedRevision(shop, "Kasa 1")).isEqualTo(revision);
      closeMenu(t);
      t.waitUntil(d -> productNames(t).contains("Sernik baskijski"));
    }
  }

  @Test
  void english_from_the_menu_changes_the_screen_and_the_page_language_and_stays_after_a_reload() {
    try (Shop shop = new Shop(Visibility.ALL)) {
      try (Terminal t = Terminal.tablet(shop.url(""))) {
        loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
        t.addProduct("Espresso");
        t.waitSent();
        assertThat(t.js("return document.documentElement.lang")).isEqualTo("pl");
        openMenu(t);
        t.click("terminal-menu button[lang=en]");
        t.waitUntil(d -> t.text("terminal-menu button[data-action=sync]").equals("Synchronize configuration"));
        assertThat(menuStatus(t)).isEqualTo("Connected / Changes waiting to be sent: 0");
        assertThat(t.waitFor("terminal-menu button[lang=en]").getDomAttribute("aria-pressed")).isEqualTo("true");
        closeMenu(t);
        assertEnglish(t);
        t.screenshot("tablet-sale-en");
        t.driver.navigate().refresh();
        assertEnglish(t);

        openMenu(t);
        t.click("terminal-menu button[lang=pl]");
        t.waitUntil(d -> t.text("terminal-menu button[data-action=sync]").equals("Synchronizuj konfigurację"));
        closeMenu(t);
        assertThat(t.js("return document.documentElement.lang")).isEqualTo("pl");
        assertThat(t.text("#receipts-title")).isEqualTo("Rachunki");
        assertThat(t.text("receipt-panel button[data-action=pay]")).isEqualTo("Zapłać 9,00 zł");
      }
      try (Terminal p = Terminal.phone(shop.url(""))) {
        loggedIn(shop, p, "Pocket 1", "BBBBBBBB", "ola", "4321");
        openMenu(p);
        p.click("terminal-menu button[lang=en]");
        p.waitUntil(d -> p.text("terminal-menu #menu-title").equals("Menu")
            && p.text("terminal-menu button[data-action=day-close]").equals("End-of-day report (day close)"));
        assertThat(p.js("return document.documentElement.lang")).isEqualTo("en");
        p.screenshot("phone-menu-en");
        closeMenu(p);
        assertThat(p.text("sale-screen .tabs button:first-child")).isEqualTo("Products");
        assertThat(p.text("sale-screen .tabs button:last-child")).isEqualTo("Receipt (0)");
      }
    }
  }

  @Test
  void offline_the_top_bar_and_the_menu_say_so_and_count_unsent_changes_which_are_sent_once_when_back() {
    Database db = TestDatabases.sqlite();
    MutableClock clock = new MutableClock();
    Javalin server = Paragon.create(TerminalOfflineBrowserTest.SETTINGS, db, clock).start("127.0.0.1", 0);
    int port = server.port();
    Shop shop = new Shop(db, clock, "http://127.0.0.1:" + port, Visibility.ALL);
    try (Terminal t = Terminal.tablet(shop.url(""))) {
      loggedIn(shop, t, "Kasa 1", "QRSTUVWX", "anna", "1234");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1"));
      assertThat(t.js("return document.querySelector('.topbar .conn-label').textContent")).isEqualTo("");
      // Losing and regaining the connection moves nothing in the top bar (the word has its room).
      Probes.recordLayout(t, java.util.Map.of("name", "#current-name", "menu", "#menu-button"), null);

      server.stop();
      t.waitUntil(d -> "offline".equals(t.waitFor(".topbar [data-connection]").getDomAttribute("data-connection"))
          && t.all(".topbar .conn-label").stream().anyMatch(e -> e.getText().equals("Bez sieci")));
      t.addProduct("Sernik");
      t.addProduct("Cappuccino");
      t.waitUntil(d -> "2".equals(t.text(".topbar .badge[data-unsent]")));
      assertThat(Probes.moved(t)).as("top bar regions moved going offline").isEmpty();
      t.screenshot("tablet-offline-topbar");
      long revision = shop.change(h -> renameProduct(h, shop, "Espresso", "Espresso doppio")); // saved meanwhile
      openMenu(t);
      t.waitUntil(d -> menuStatus(t).equals("Brak połączenia — pracuję lokalnie / Niewysłane zmiany: 2"));
      t.click("terminal-menu button[data-action=day-close]");
      t.waitUntil(d -> t.text("terminal-menu [role=alert]").equals("Zamknięcie dnia wymaga połączenia z serwerem."));
      closeMenu(t);
      assertThat(Rows.count(db, "lines")).isZero();

      server = Paragon.create(TerminalOfflineBrowserTest.SETTINGS, db, clock).start("127.0.0.1", port);
      t.waitUntil(d -> "online".equals(t.js("return window.paragonTerminal.connection")));
      // Reconnecting asks for the sync state: the revision saved while offline shows without a menu tap.
      t.waitUntil(AT_ONCE, d -> !t.all("#menu-button [data-sync-badge]").isEmpty());
      t.waitUntil(d -> t.all(".topbar .badge[data-unsent]").isEmpty()
          && "".equals(t.js("return document.querySelector('.topbar .conn-label').textContent")));
      assertThat(Probes.moved(t)).as("top bar regions moved coming back").isEmpty();
      openMenu(t);
      t.waitUntil(d -> menuStatus(t).equals("Połączono / Niewysłane zmiany: 0"));
      assertThat(t.text("terminal-menu [data-sync-hint=behind]")).contains("wersja " + revision);
      assertThat(t.lineNames()).containsExactly("Sernik", "Cappuccino");
      assertThat(Rows.count(db, "lines WHERE name = 'Sernik'")).isEqualTo(1);
      assertThat(Rows.count(db, "lines WHERE name = 'Cappuccino'")).isEqualTo(1);
      assertThat(Rows.count(db, "commands WHERE type = 'addLine'")).isEqualTo(2);
    } finally {
      server.stop();
      db.close();
    }
  }

  static void openMenu(Terminal t) {
    t.click("#menu-button");
    t.waitFor("terminal-menu dialog[open]");
  }

  /** The menu's connection state and unsent count, as "state / count". */
  static String menuStatus(Terminal t) {
    return t.text("terminal-menu [role=status] .conn") + " / " + t.text("terminal-menu [data-unsent-text]");
  }

  static void closeMenu(Terminal t) {
    t.click("terminal-menu dialog[open] .buttons button");
    t.waitUntil(d -> t.all("terminal-menu dialog[open]").isEmpty());
  }

  /** Types into the open free-item dialog and presses Add. */
  static void typeFreeItem(Terminal t, String name, String price, String vat) {
    for (String[] field : new String[][] {{"#free-name", name}, {"#free-price", price}}) {
      WebElement input = t.waitFor(field[0]);
      input.clear();
      if (!field[1].isEmpty()) input.sendKeys(field[1]);
    }
    new Select(t.waitFor("#free-vat")).selectByValue(vat);
    t.click("free-item button[data-action=add-free]");
  }

  /** Adds {@code product} to a fresh current receipt and pays it by card. */
  static void sellByCard(Terminal t, String product) {
    t.waitUntil(d -> t.lineNames().isEmpty());
    t.addProduct(product);
    t.waitSent();
    t.click("receipt-panel button[data-action=pay]");
    t.click("payment-dialog button[data-fill=CARD]");
    t.click("payment-dialog button[data-action=confirm-pay]");
    t.waitFor("payment-dialog [data-paid=true]");
    t.click("payment-dialog button[data-action=close-pay]");
  }

  /** The tablet's sale screen in English (the tabs are the phone's). */
  static void assertEnglish(Terminal t) {
    t.waitUntil(d -> t.text("#receipts-title").equals("Receipts"));
    assertThat(t.js("return document.documentElement.lang")).isEqualTo("en");
    assertThat(t.text("receipt-panel button[data-action=pay]")).isEqualTo("Pay 9.00 zł");
    assertThat(t.status("Stolik 1")).isEqualTo("empty");
    assertThat(t.text("receipts-list li:first-child button[data-status] .status")).isEqualTo("free");
    assertThat(t.text("product-grid button[data-action=free-item]")).isEqualTo("Free item");
    assertThat(t.waitFor("#menu-button").getDomAttribute("aria-label")).isEqualTo("Open menu");
  }

  static void renameProduct(org.jdbi.v3.core.Handle h, Shop shop, String from, String to) {
    h.createUpdate("UPDATE products SET name = :to WHERE account_id = :a AND name = :from")
        .bind("to", to).bind("a", shop.account).bind("from", from).execute();
  }

  static long revision(Terminal t) {
    return ((Number) t.js("return window.paragonTerminal.config.revision")).longValue();
  }

  static long appliedRevision(Shop shop, String device) {
    return shop.db.read(h -> h.createQuery("SELECT applied_revision FROM devices WHERE name = :n")
        .bind("n", device).mapTo(Long.class).one());
  }
}
