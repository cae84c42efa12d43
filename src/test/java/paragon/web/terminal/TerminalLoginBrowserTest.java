package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import paragon.configuration.DeviceModel;
import paragon.configuration.Visibility;

/** Pairing once, login by PIN pad, and the errors of both, as a cashier sees them. */
@Tag("browser")
class TerminalLoginBrowserTest {

  @Test
  void a_wrong_code_is_refused_then_the_right_one_pairs_once_and_the_token_survives_a_reload() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      shop.device("Kasa 1", DeviceModel.SMART_PLUS, "ABCDEFGH");
      t.open();
      t.pair("ZZZZ-ZZZZ");
      assertThat(t.text("#pair-error .error")).isNotBlank();
      t.screenshot("tablet-pairing-error");
      assertThat(t.all("#login-identifier")).isEmpty();
      t.waitFor("#pair-code").clear();
      t.pair("abcd-efgh");
      t.waitFor("#login-identifier");
      assertThat(t.text("login-screen .muted")).contains("Kasa 1");
      t.screenshot("tablet-login");
      t.open();
      t.waitFor("#login-identifier");
      assertThat(t.all("#pair-code")).isEmpty();
    }
  }

  @Test
  void a_wrong_pin_says_so_and_after_three_how_long_to_wait_then_the_right_pin_opens_the_sale_screen() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.phone(shop.url(""))) {
      shop.device("Pocket 1", DeviceModel.POCKET, "HJKMNPQR");
      t.open();
      t.screenshot("phone-pairing");
      t.pair("HJKMNPQR");
      t.login("anna", "1111");
      t.waitUntil(d -> t.text("login-screen .error").equals("Błędny PIN."));
      t.screenshot("phone-login-error");
      // Each submit clears the message until its answer: the same text again is the second answer.
      t.login("anna", "1111");
      t.waitUntil(d -> t.text("login-screen .error").equals("Błędny PIN."));
      t.login("anna", "1111");
      t.waitUntil(d -> t.text("login-screen .error").equals("Błędny PIN. Spróbuj ponownie za 1 s."));
      t.login("anna", "1234");
      t.waitUntil(d -> t.text("login-screen .error").endsWith("na tym terminalu. Spróbuj ponownie za 1 s."));
      t.screenshot("phone-login-wait");
      t.login("nobody", "1234");
      t.waitUntil(d -> t.text("login-screen .error").contains("nobody"));
      t.click("login-screen .users button");
      assertThat(t.waitFor("#login-identifier").getAttribute("value")).isEqualTo("anna");
      shop.clock.advance(java.time.Duration.ofSeconds(1));
      t.login("anna", "1234");
      t.waitFor("sale-screen .topbar");
      t.waitUntil(d -> d.findElement(By.id("current-name")).getText().contains("Sprzedaż 1"));
      // Nothing under way: the phone shows the receipts, a table is one tap away (issue 15).
      t.waitUntil(d -> "true".equals(t.waitFor("sale-screen .drawer-toggle").getDomAttribute("aria-expanded")));
      t.screenshot("phone-sale-start-receipts");
      t.drawer(false);
      t.screenshot("phone-sale-products");
      // Remote text (a product name with markup in it) is shown as text, never parsed as HTML.
      assertThat(t.text("product-grid .grid")).contains("Piwo <b>jasne</b>");
      assertThat(t.all("product-grid b")).isEmpty();
      t.waitSent();
      assertThat(paragon.testing.Rows.count(shop.db, "receipts")).as("created by its first line, not by the login")
          .isZero();
      t.click("sale-screen .tabs button[role=tab]:last-child");
      t.waitFor("receipt-panel .receipt-empty, receipt-panel .lines");
      t.screenshot("phone-sale-receipt");
      t.click("#menu-button");
      t.waitFor("terminal-menu dialog[open] button[data-action=logout]");
      t.screenshot("phone-menu");
      t.click("terminal-menu button[data-action=logout]");
      t.waitFor("#login-identifier");
    }
  }
  @Test
  void a_replacement_tablet_paired_again_continues_the_device_numbering_and_cuts_the_old_one_off() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal old = Terminal.tablet(shop.url(""));
        Terminal fresh = Terminal.tablet(shop.url(""))) {
      long device = shop.device("Kasa 1", DeviceModel.SMART_PLUS, "QRSTUVWX");
      old.open();
      old.pair("QRSTUVWX");
      old.login("anna", "1234");
      old.waitUntil(d -> old.text("#current-name").contains("Sprzedaż 1"));
      old.addProduct("Espresso");
      old.addProduct("Sernik");
      old.waitSent();
      long last = paragon.testing.Rows.count(shop.db, "commands WHERE device_id = " + device);
      assertThat(last).isGreaterThanOrEqualTo(3);

      shop.newCode(device, "WXYZ2345"); // the back office's "Pair again"
      fresh.open();
      fresh.pair("WXYZ2345");
      fresh.waitFor("#login-identifier");
      assertThat(((Number) fresh.js("return window.paragonTerminal.outbox.next")).longValue()).isEqualTo(last + 1);
      old.waitFor("#pair-code"); // its token was replaced: it is cut off and asks for a code
      fresh.login("ola", "4321");
      fresh.waitUntil(d -> fresh.text("#current-name").contains("Sprzedaż 2"));
      fresh.addProduct("Cappuccino");
      fresh.waitSent();
      // Every command of the device in one numbering, none refused for a gap (a gap is never recorded).
      assertThat(paragon.testing.Rows.count(shop.db, "commands WHERE device_id = " + device)).isGreaterThan(last);
      long max = shop.db.read(h -> h.createQuery("SELECT MAX(n) FROM commands WHERE device_id = :d").bind("d", device)
          .mapTo(Long.class).one());
      assertThat(max).isEqualTo(paragon.testing.Rows.count(shop.db, "commands WHERE device_id = " + device));
      assertThat(paragon.testing.Rows.count(shop.db,
          "commands WHERE device_id = " + device + " AND status <> 'accepted'")).isZero();
      assertThat(paragon.testing.Rows.count(shop.db, "lines WHERE name = 'Cappuccino'")).isEqualTo(1);
    }
  }

  @Test
  void identifier_only_login_has_no_pin_and_no_login_has_one_button() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      shop.change(h -> paragon.demo.Seed.settings(h, shop.account, true, Visibility.ALL, true,
          paragon.configuration.LoginMode.IDENTIFIER));
      shop.device("Kasa 1", DeviceModel.SMART_PLUS, "MNPQRSTU");
      t.open();
      t.pair("MNPQRSTU");
      t.waitFor("#login-identifier").sendKeys("ola");
      assertThat(t.all("#login-pin")).isEmpty();
      assertThat(t.all("pin-pad button")).isEmpty();
      t.click("login-screen button.primary");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż"));
      assertThat(t.js("return window.paragonTerminal.session.user.name")).isEqualTo("Ola Wiśniewska");
      t.click("#menu-button");
      t.click("terminal-menu button[data-action=logout]");
      t.waitFor("#login-identifier");
      shop.change(h -> paragon.demo.Seed.settings(h, shop.account, true, Visibility.ALL, true,
          paragon.configuration.LoginMode.NONE));
      t.open();
      // The screen still asks by the applied revision; login syncs the configuration first (rule 5),
      // so the new mode (no login: the account's first user) applies from this login on.
      t.waitFor("#login-identifier");
      t.click("login-screen button.primary");
      t.waitFor("sale-screen .topbar");
      assertThat(t.js("return window.paragonTerminal.session.user.name")).isEqualTo("Anna Nowak");
    }
  }
}
