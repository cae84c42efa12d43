package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import paragon.configuration.DeviceModel;
import paragon.configuration.Visibility;

/**
 * Two terminals (two Chromiums with separate profiles) on one shop with sharing on: live edits of one
 * table, each visibility mode as the waiter sees it, and the payment lock seen from the other terminal.
 */
@Tag("browser")
class TerminalLiveBrowserTest {

  /** Pairs {@code t} as a new device (a phone-sized one as a POCKET, else a SMART_PLUS) and logs in. */
  static Terminal loggedIn(Shop shop, Terminal t, String device, String code, String user, String pin) {
    shop.device(device,
        t.driver.manage().window().getSize().width < 600 ? DeviceModel.POCKET : DeviceModel.SMART_PLUS, code);
    t.open();
    t.pair(code);
    t.login(user, pin);
    t.waitUntil(d -> "online".equals(t.js("return window.paragonTerminal.connection")));
    return t;
  }

  @Test
  void two_terminals_edit_one_table_live_and_see_each_others_lines_without_any_action() {
    try (Shop shop = new Shop(Visibility.ALL);
         Terminal a = Terminal.tablet(shop.url(""));
         Terminal b = Terminal.tablet(shop.url(""))) {
      loggedIn(shop, a, "Kasa A", "AAAAAAAA", "anna", "1234");
      loggedIn(shop, b, "Kasa B", "BBBBBBBB", "ola", "4321");
      a.openReceipt("Stolik 1");
      a.addProduct("Espresso");
      b.waitUntil(d -> "colleague".equals(b.status("Stolik 1")));
      b.openReceipt("Stolik 1");
      b.waitUntil(d -> b.lineNames().equals(List.of("Espresso")));
      b.addProduct("Sernik");
      a.waitUntil(d -> a.lineNames().equals(List.of("Espresso", "Sernik")));
      a.waitUntil(d -> d.findElement(By.id("receipt-total")).getText().equals("25,00 zł"));
      // A remote change never moves the layout: the product grid stays where it was.
      var before = a.waitFor("product-grid .grid").getRect();
      b.addProduct("Cappuccino");
      a.waitUntil(d -> a.lineNames().size() == 3);
      assertThat(a.waitFor("product-grid .grid").getRect()).isEqualTo(before);
      a.waitUntil(d -> d.findElement(By.id("receipt-total")).getText().equals("39,00 zł"));
      a.screenshot("tablet-sale-shared-table");
      // The same table, not a duplicate: one open receipt for the slot on the server.
      a.waitSent();
      b.waitSent();
      assertThat(paragon.testing.Rows.count(shop.db,
          "receipts WHERE slot_id IS NOT NULL AND state IN ('OPEN','PAYING')")).isEqualTo(1);
      assertThat(paragon.testing.Rows.count(shop.db, "lines WHERE removed = :f", "f", false)).isEqualTo(3);
    }
  }

  @Test
  void with_own_visibility_a_colleagues_table_is_occupied_without_contents_and_their_sale_is_not_listed() {
    try (Shop shop = new Shop(Visibility.OWN);
         Terminal a = Terminal.tablet(shop.url(""));
         Terminal b = Terminal.tablet(shop.url(""))) {
      loggedIn(shop, a, "Kasa A", "AAAAAAAA", "anna", "1234");
      loggedIn(shop, b, "Kasa B", "BBBBBBBB", "ola", "4321");
      a.openReceipt("Stolik 2");
      a.addProduct("Piwo");
      b.waitUntil(d -> "hidden".equals(b.status("Stolik 2")));
      String annasSale = (String) a.js("return Object.values(window.paragonTerminal.receipts)"
          + ".find(r => r.kind === 'AD_HOC').name");
      assertThat(b.all("receipts-list li button[data-status]").stream().map(WebElement::getText).toList())
          .noneMatch(text -> text.contains("Piwo") || text.contains("12,00"));
      assertThat((Long) b.js("return Object.values(window.paragonTerminal.receipts)"
          + ".filter(r => r.ownerUserId !== window.paragonTerminal.me.userId && !r.occupied).length")).isZero();
      b.openReceipt("Stolik 2");
      b.waitFor("receipt-panel .locked");
      assertThat(b.lineNames()).isEmpty();
      assertThat(b.waitFor("product-grid .grid button[data-product]").isEnabled()).isFalse();
      b.screenshot("tablet-visibility-own-occupied");
      assertThat(annasSale).startsWith("Sprzedaż");
    }
  }

  @Test
  void with_same_role_visibility_a_waiter_sees_a_fellow_waiters_table_and_a_cashier_does_not() {
    try (Shop shop = new Shop(Visibility.SAME_ROLE);
         Terminal a = Terminal.tablet(shop.url(""));
         Terminal b = Terminal.tablet(shop.url(""));
         Terminal c = Terminal.phone(shop.url(""))) {
      shop.cashier("kasia", "Kasia Kasjer", "5555");
      loggedIn(shop, a, "Kasa A", "AAAAAAAA", "anna", "1234");
      loggedIn(shop, b, "Kasa B", "BBBBBBBB", "ola", "4321");
      loggedIn(shop, c, "Pocket C", "CCCCCCCC", "kasia", "5555");
      a.openReceipt("Stolik 3");
      a.addProduct("Sernik");
      b.waitUntil(d -> "colleague".equals(b.status("Stolik 3")));
      c.drawer(true);
      c.waitUntil(d -> "hidden".equals(c.status("Stolik 3")));
      c.screenshot("phone-receipts-drawer-same-role");
    }
  }

  @Test
  void a_manager_who_sees_all_receipts_sees_every_table() {
    try (Shop shop = new Shop(Visibility.OWN);
         Terminal a = Terminal.tablet(shop.url(""));
         Terminal m = Terminal.tablet(shop.url(""))) {
      loggedIn(shop, a, "Kasa A", "AAAAAAAA", "anna", "1234");
      loggedIn(shop, m, "Kasa M", "MMMMMMMM", "marek", "9999");
      a.openReceipt("Stolik 1");
      a.addProduct("Espresso");
      m.waitUntil(d -> "colleague".equals(m.status("Stolik 1")));
      m.openReceipt("Stolik 1");
      m.waitUntil(d -> m.lineNames().equals(List.of("Espresso")));
    }
  }

  @Test
  void while_one_terminal_takes_payment_the_other_sees_the_table_locked_then_free_once_paid() {
    try (Shop shop = new Shop(Visibility.ALL);
         Terminal a = Terminal.tablet(shop.url(""));
         Terminal b = Terminal.phone(shop.url(""))) {
      loggedIn(shop, a, "Kasa A", "AAAAAAAA", "anna", "1234");
      loggedIn(shop, b, "Pocket B", "BBBBBBBB", "ola", "4321");
      a.openReceipt("Stolik 1");
      a.addProduct("Espresso");
      a.addProduct("Espresso");
      a.waitSent();
      a.click("receipt-panel button[data-action=pay]");
      a.waitFor("payment-dialog #pay-CASH");
      b.drawer(true);
      b.waitUntil(d -> "paying".equals(b.status("Stolik 1")));
      b.openReceipt("Stolik 1");
      b.click("sale-screen .tabs button:last-child");
      b.waitFor("receipt-panel [data-locked=true]");
      assertThat(b.text("receipt-panel [data-locked=true]")).contains("Anna Nowak");
      assertThat(b.waitFor("receipt-panel button[data-action=pay]").isEnabled()).isFalse();
      b.screenshot("phone-receipt-locked-by-payment");
      a.screenshot("tablet-payment");
      WebElement cash = a.waitFor("payment-dialog #pay-CASH");
      cash.sendKeys("50");
      a.click("payment-dialog h2");
      a.waitUntil(d -> d.findElement(By.id("pay-change")).getText().equals("32,00 zł"));
      a.click("payment-dialog button[data-action=confirm-pay]");
      a.waitFor("payment-dialog [data-paid=true]");
      assertThat(a.text("payment-dialog [data-paid=true]")).contains("32,00");
      b.drawer(true);
      b.waitUntil(d -> "empty".equals(b.status("Stolik 1")));
    }
  }
}
