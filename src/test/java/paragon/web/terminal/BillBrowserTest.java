package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import paragon.configuration.Visibility;

/**
 * The bill on the terminal (issue 12): a table split in two equal parts, each paid with a quick cash
 * button, the change shown large; on a tablet and on a phone.
 */
@Tag("browser")
class BillBrowserTest {

  /** A quick cash note pays at once (issue 15): no "Confirm" after it; the change is then shown large. */
  private static void payPartWithQuickCash(Terminal t, String note, String change) {
    t.waitUntil(d -> !t.all("payment-dialog button[data-quick='" + note + "']").isEmpty());
    t.click("payment-dialog button[data-quick='" + note + "']");
    t.waitUntil(d -> t.text("#pay-change-given").equals(change));
  }

  /** On a tablet: table Stolik 2; on a phone (the list is in a drawer): the current receipt, Sprzedaż 1. */
  private static void splitInTwoAndPay(Terminal t, String shot, boolean phone) {
    if (!phone) t.openReceipt("Stolik 2");
    else {
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1"));
      t.drawer(false); // nothing under way: the phone showed the receipts, the cashier goes on with Sprzedaż 1
    }
    t.addProduct("Sernik");
    t.addProduct("Cappuccino");
    t.waitSent();
    if (phone) t.click("sale-screen .tabs button:last-child");
    t.waitUntil(d -> d.findElement(By.id("receipt-total")).getText().equals("30,00 zł"));
    t.click("receipt-panel button[data-action=pay]");
    t.waitFor("payment-dialog button[data-split-mode=even]").click();
    t.waitUntil(d -> t.text("#pay-part").equals("15,00 zł"));
    assertThat(t.text("payment-dialog [data-part-of]")).isEqualTo("Część 1 z 2");
    // Quick cash: exact, then 20, 50, 100, 200 zł.
    assertThat(t.all("payment-dialog .quick-cash button").stream().map(b -> b.getAttribute("data-quick")).toList())
        .isEqualTo(List.of("1500", "2000", "5000", "10000", "20000"));
    t.screenshot(shot + "-split-even");
    payPartWithQuickCash(t, "2000", "5,00 zł");
    t.waitFor("payment-dialog [data-part-paid=true]");
    assertThat(t.text("#pay-change-given")).isEqualTo("5,00 zł");
    t.screenshot(shot + "-part-paid-change");
    if (!phone) assertThat(t.status("Stolik 2")).isNotEqualTo("empty");
    t.click("payment-dialog button[data-action=next-part]");
    t.waitUntil(d -> t.text("#pay-left").equals("15,00 zł"));
    assertThat(t.text("payment-dialog [data-part-of]")).isEqualTo("Część 2 z 2");
    payPartWithQuickCash(t, "5000", "35,00 zł");
    t.waitFor("payment-dialog [data-paid=true]");
    assertThat(t.text("#pay-change-given")).isEqualTo("35,00 zł");
    t.screenshot(shot + "-paid-change");
    t.click("payment-dialog button[data-action=close-pay]");
    if (!phone) t.waitUntil(d -> "empty".equals(t.status("Stolik 2")));
  }

  @Test
  void a_table_split_in_two_is_paid_with_quick_cash_and_the_change_shown_large() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      shop.db.inTransaction(h -> {
        h.createUpdate("UPDATE accounts SET nip = '5260250274' WHERE id = :a").bind("a", shop.account).execute();
        return h.createUpdate("UPDATE shops SET address = 'ul. Rynek 1, 00-001 Warszawa' WHERE id = :s")
            .bind("s", shop.shop).execute();
      });
      TerminalLiveBrowserTest.loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
      // The guest bill: business, NIP, shop address, table, waiter, date and time, not fiscal.
      t.openReceipt("Stolik 1");
      t.addProduct("Espresso");
      t.waitSent();
      t.click("receipt-panel button[data-action=bill]");
      t.waitUntil(d -> t.text("guest-bill #bill-nip").equals("NIP: 5260250274"));
      assertThat(t.text("guest-bill #bill-business")).isEqualTo("Bistro Test");
      assertThat(t.text("guest-bill #bill-address")).isEqualTo("ul. Rynek 1, 00-001 Warszawa");
      assertThat(t.text("guest-bill #bill-table")).contains("Stolik 1");
      assertThat(t.text("guest-bill #bill-waiter")).contains("Anna Nowak");
      assertThat(t.text("guest-bill #bill-at")).startsWith("Data i godzina: ");
      assertThat(t.text("guest-bill #bill-not-fiscal")).isEqualToIgnoringCase("To nie jest paragon fiskalny");
      t.screenshot("tablet-guest-bill-header");
      t.js("document.querySelector('guest-bill dialog').close()");
      splitInTwoAndPay(t, "tablet-bill", false);
      String sale = shop.db.read(h -> h.createQuery(
          "SELECT total || '/' || tendered || '/' || change_given FROM sales WHERE name = 'Stolik 2'")
              .mapTo(String.class).one());
      assertThat(sale).as("total/tendered/change").isEqualTo("3000/7000/4000");
    }
  }

  @Test
  void on_a_phone_too() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.phone(shop.url(""))) {
      TerminalLiveBrowserTest.loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
      splitInTwoAndPay(t, "phone-bill", true);
      t.waitSent();
      long sales = shop.db.read(h -> h.createQuery("SELECT COUNT(*) FROM sales WHERE total = 3000 AND tendered = 7000")
          .mapTo(Long.class).one());
      assertThat(sales).isEqualTo(1);
    }
  }

  /**
   * Seats and tips: two guests at Stolik 3 on seats 1 and 2; "By seat" moves seat 2's line to a receipt
   * of its own, and the 10 % tip on what is left is charged on top of it and stored apart from revenue.
   */
  @Test
  void a_table_split_by_seat_pays_each_seat_and_a_percent_tip_is_stored_apart() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      TerminalLiveBrowserTest.loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
      t.openReceipt("Stolik 3");
      t.addProduct("Sernik");
      t.addProduct("Cappuccino");
      t.waitSent();
      KitchenBrowserTest.choose(t, "Sernik", "seat", "1");
      KitchenBrowserTest.choose(t, "Cappuccino", "seat", "2");
      t.waitSent();
      t.waitUntil(d -> t.all("receipt-panel [data-seat-heading]").size() == 2);
      t.click("receipt-panel button[data-action=pay]");
      t.waitFor("payment-dialog button[data-split-mode=seat]").click();
      t.waitUntil(d -> t.text("#pay-left").equals("16,00 zł"));
      t.waitSent();
      String moved = shop.db.read(h -> h.createQuery("""
              SELECT r.name || ':' || l.name FROM lines l JOIN receipts r ON r.id = l.receipt_id
              WHERE l.name = 'Cappuccino'""").mapTo(String.class).one());
      assertThat(moved).as("seat 2's line went to a receipt of its own").doesNotStartWith("Stolik 3:");
      t.click("payment-dialog button[data-tip='1000']");
      t.waitUntil(d -> t.text("#pay-with-tip").equals("17,60 zł"));
      t.screenshot("tablet-bill-seat-tip");
      payPartWithQuickCash(t, "2000", "2,40 zł");
      t.waitFor("payment-dialog [data-paid=true]");
      t.click("payment-dialog button[data-action=close-pay]");
      t.waitSent();
      String sale = shop.db.read(h -> h.createQuery(
          "SELECT total || '/' || tip || '/' || tendered || '/' || change_given FROM sales WHERE name = 'Stolik 3'")
              .mapTo(String.class).one());
      assertThat(sale).as("total/tip/tendered/change").isEqualTo("1600/160/2000/240");
    }
  }
}
