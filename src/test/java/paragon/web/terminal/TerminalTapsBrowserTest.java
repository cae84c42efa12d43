package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import paragon.configuration.Visibility;
import paragon.demo.Seed;

/**
 * Fewer taps (issue 15), counted tap by tap on the tablet: "table 4, three items, pay by card" in at most
 * 6 taps and "table 4, three items, pay 100 zł in cash" in at most 7, each sale then recorded by the
 * server; on the 390x844 phone, where the receipts are a drawer and the receipt a tab, the same orders
 * take 6 and 7 too: with no order under way the phone shows the receipts drawer by itself. Every interaction goes through {@link #tap}: nothing is typed, no script clicks. The
 * sequences are written in docs/terminal.md ("A busy night").
 */
@Tag("browser")
class TerminalTapsBrowserTest {
  private final List<String> taps = new ArrayList<>();

  /** One tap of a person: the first displayed, enabled element matching {@code css} whose text has {@code text}. */
  private void tap(Terminal t, String what, String css, String text) {
    t.waitUntil(d -> {
      for (WebElement e : t.all(css)) {
        if (e.isDisplayed() && e.isEnabled() && (text == null || e.getText().contains(text))) {
          e.click();
          return true;
        }
      }
      return false;
    });
    taps.add(what);
  }

  private Terminal tablet(Shop shop) {
    Terminal t = Terminal.tablet(shop.url(""));
    TerminalLiveBrowserTest.loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
    t.waitUntil(d -> t.status("Stolik 4") != null);
    return t;
  }

  private void tableFourThreeItems(Terminal t) {
    tap(t, "Stolik 4", "receipts-list li button[data-status]", "Stolik 4");
    t.waitUntil(d -> t.text("#current-name").contains("Stolik 4"));
    tap(t, "Espresso", "product-grid .grid button[data-product]", "Espresso");
    tap(t, "Cappuccino", "product-grid .grid button[data-product]", "Cappuccino");
    tap(t, "Sernik", "product-grid .grid button[data-product]", "Sernik");
    t.waitUntil(d -> t.lineNames().size() == 3);
  }

  private Terminal phone(Shop shop) {
    Terminal t = Terminal.phone(shop.url(""));
    TerminalLiveBrowserTest.loggedIn(shop, t, "Pocket 1", "ABCDEFGH", "anna", "1234");
    t.waitUntil(d -> t.status("Stolik 4") != null);
    return t;
  }

  /**
   * On the 390x844 phone the receipts list is a drawer and the products and the receipt are tabs:
   * with no order under way (at the start, after a paid bill's "Zamknij") the drawer is open by itself,
   * so no ☰; a table picked closes it and shows the products while the receipt is empty, and under the
   * products the pay bar shows "Zapłać 39,00 zł" / "Karta".
   */
  private void tableFourThreeItemsOnThePhone(Terminal t) {
    t.waitUntil(d -> "true".equals(t.waitFor("sale-screen .drawer-toggle").getDomAttribute("aria-expanded")));
    t.settled(); // a person waits for the drawer to be still, not a tap
    tap(t, "Stolik 4", "receipts-list li button[data-status]", "Stolik 4");
    t.waitUntil(d -> t.text("#current-name").contains("Stolik 4"));
    tap(t, "Espresso", "product-grid .grid button[data-product]", "Espresso");
    tap(t, "Cappuccino", "product-grid .grid button[data-product]", "Cappuccino");
    tap(t, "Sernik", "product-grid .grid button[data-product]", "Sernik");
    t.waitUntil(d -> t.lineNames().size() == 3);
    // The products tab's pay bar carries the bill's total: paying needs no tap on the receipt's tab.
    t.waitUntil(d -> t.text("sale-screen .pay-bar button[data-action=bar-pay]").contains("39,00 zł"));
  }

  private static Shop shop() {
    Shop shop = new Shop(Visibility.ALL);
    shop.change(h -> Seed.slots(h, shop.account, null, List.of("Stolik 4")));
    return shop;
  }

  /** The one sale the server recorded: "name total tendered change method". */
  private static String sale(Shop shop) {
    return shop.db.read(h -> h.createQuery("""
            SELECT s.name || ' ' || s.total || ' ' || s.tendered || ' ' || s.change_given || ' ' || p.method
            FROM sales s JOIN payments p ON p.sale_id = s.id""").mapTo(String.class).one());
  }

  @Test
  void table_four_three_items_paid_by_card_takes_at_most_six_taps() {
    try (Shop shop = shop(); Terminal t = tablet(shop)) {
      tableFourThreeItems(t);
      tap(t, "Karta", "receipt-panel button[data-action=pay-card]", null);
      t.waitFor("payment-dialog [data-paid=true]");
      assertThat(t.text("payment-dialog [data-paid=true]")).contains("39,00 zł");
      t.screenshot("tablet-taps-card-paid");
      tap(t, "Zamknij", "payment-dialog button[data-action=close-pay]", null);
      t.waitUntil(d -> "empty".equals(t.status("Stolik 4")));

      assertThat(taps).containsExactly("Stolik 4", "Espresso", "Cappuccino", "Sernik", "Karta", "Zamknij");
      assertThat(taps).hasSizeLessThanOrEqualTo(6);
      assertThat(sale(shop)).isEqualTo("Stolik 4 3900 3900 0 CARD");
    }
  }

  @Test
  void on_the_phone_table_four_three_items_paid_by_card_takes_at_most_six_taps() {
    try (Shop shop = shop(); Terminal t = phone(shop)) {
      tableFourThreeItemsOnThePhone(t);
      tap(t, "Karta", "sale-screen .pay-bar button[data-action=bar-pay-card]", null);
      t.waitFor("payment-dialog [data-paid=true]");
      assertThat(t.text("payment-dialog [data-paid=true]")).contains("39,00 zł");
      t.screenshot("phone-taps-card-paid");
      tap(t, "Zamknij", "payment-dialog button[data-action=close-pay]", null);
      t.waitUntil(d -> "empty".equals(t.status("Stolik 4")));
      // The bill paid and closed: the drawer is open again, the next table one tap away.
      t.waitUntil(d -> "true".equals(t.waitFor("sale-screen .drawer-toggle").getDomAttribute("aria-expanded")));

      assertThat(taps).containsExactly("Stolik 4", "Espresso", "Cappuccino", "Sernik", "Karta", "Zamknij");
      assertThat(taps).hasSizeLessThanOrEqualTo(6);
      assertThat(sale(shop)).isEqualTo("Stolik 4 3900 3900 0 CARD");
    }
  }

  @Test
  void on_the_phone_table_four_three_items_paid_with_100_zl_in_cash_takes_at_most_seven_taps() {
    try (Shop shop = shop(); Terminal t = phone(shop)) {
      tableFourThreeItemsOnThePhone(t);
      tap(t, "Zapłać", "sale-screen .pay-bar button[data-action=bar-pay]", null);
      tap(t, "100,00 zł", "payment-dialog .quick-cash button[data-quick='10000']", null);
      t.waitFor("payment-dialog [data-paid=true]");
      assertThat(t.driver.findElement(By.id("pay-change-given")).getText()).isEqualTo("61,00 zł");
      t.screenshot("phone-taps-cash-paid");
      tap(t, "Zamknij", "payment-dialog button[data-action=close-pay]", null);
      t.waitUntil(d -> "empty".equals(t.status("Stolik 4")));
      // The bill paid and closed: the drawer is open again, the next table one tap away.
      t.waitUntil(d -> "true".equals(t.waitFor("sale-screen .drawer-toggle").getDomAttribute("aria-expanded")));

      assertThat(taps).containsExactly("Stolik 4", "Espresso", "Cappuccino", "Sernik", "Zapłać", "100,00 zł",
          "Zamknij");
      assertThat(taps).hasSizeLessThanOrEqualTo(7);
      assertThat(sale(shop)).isEqualTo("Stolik 4 3900 10000 6100 CASH");
    }
  }

  /**
   * Over the counter (parking on, no tables) the phone does not open the drawer: the next sale is the
   * current receipt, on the products, at the start and after "Zamknij".
   */
  @Test
  void on_a_phone_with_no_tables_the_sale_starts_on_the_products_and_takes_five_taps() {
    try (Shop shop = new Shop(Visibility.ALL)) {
      shop.change(h -> h.createUpdate("DELETE FROM receipt_slots WHERE account_id = :a").bind("a", shop.account)
          .execute());
      try (Terminal t = Terminal.phone(shop.url(""))) {
        TerminalLiveBrowserTest.loggedIn(shop, t, "Pocket 1", "ABCDEFGH", "anna", "1234");
        t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1"));
        t.waitUntil(d -> Boolean.TRUE.equals(t.js("return window.paragonTerminal.ready")));
        assertThat(t.waitFor("sale-screen .drawer-toggle").getDomAttribute("aria-expanded")).isEqualTo("false");
        tap(t, "Espresso", "product-grid .grid button[data-product]", "Espresso");
        tap(t, "Cappuccino", "product-grid .grid button[data-product]", "Cappuccino");
        tap(t, "Sernik", "product-grid .grid button[data-product]", "Sernik");
        t.waitUntil(d -> t.text("sale-screen .pay-bar button[data-action=bar-pay]").contains("39,00 zł"));
        tap(t, "Karta", "sale-screen .pay-bar button[data-action=bar-pay-card]", null);
        t.waitFor("payment-dialog [data-paid=true]");
        tap(t, "Zamknij", "payment-dialog button[data-action=close-pay]", null);
        t.waitUntil(d -> t.all("payment-dialog dialog[open]").isEmpty());
        t.waitUntil(d -> "0".equals(String.valueOf(t.js("return window.paragonTerminal.current?.lines?.length ?? 0")))); // the next sale
        assertThat(t.waitFor("sale-screen .drawer-toggle").getDomAttribute("aria-expanded")).isEqualTo("false");
        assertThat(t.waitFor("product-grid .grid button[data-product]").isDisplayed()).isTrue();

        assertThat(taps).containsExactly("Espresso", "Cappuccino", "Sernik", "Karta", "Zamknij");
        assertThat(sale(shop)).isEqualTo("Sprzedaż 1 3900 3900 0 CARD");
      }
    }
  }

  @Test
  void table_four_three_items_paid_with_100_zl_in_cash_takes_at_most_seven_taps() {
    try (Shop shop = shop(); Terminal t = tablet(shop)) {
      tableFourThreeItems(t);
      tap(t, "Zapłać", "receipt-panel button[data-action=pay]", null);
      tap(t, "100,00 zł", "payment-dialog .quick-cash button[data-quick='10000']", null);
      t.waitFor("payment-dialog [data-paid=true]");
      assertThat(t.driver.findElement(By.id("pay-change-given")).getText()).isEqualTo("61,00 zł");
      t.screenshot("tablet-taps-cash-paid");
      tap(t, "Zamknij", "payment-dialog button[data-action=close-pay]", null);
      t.waitUntil(d -> "empty".equals(t.status("Stolik 4")));

      assertThat(taps).containsExactly("Stolik 4", "Espresso", "Cappuccino", "Sernik", "Zapłać", "100,00 zł",
          "Zamknij");
      assertThat(taps).hasSizeLessThanOrEqualTo(7);
      assertThat(sale(shop)).isEqualTo("Stolik 4 3900 10000 6100 CASH");
    }
  }
}
