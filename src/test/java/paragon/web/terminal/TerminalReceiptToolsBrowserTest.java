package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static paragon.web.terminal.TerminalLiveBrowserTest.loggedIn;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import paragon.configuration.Visibility;

/**
 * What a waiter does to receipts beyond selling: split (chosen lines, or part of a quantity, to a new
 * receipt or a free table), merge, the guest count, and a manager's reassignment seen by the new owner.
 * Each step is checked on screen and on the server.
 */
@Tag("browser")
class TerminalReceiptToolsBrowserTest {

  /** Ticks or picks the choice in the open move dialog whose label contains {@code text}. */
  static void choose(Terminal t, String text) {
    t.waitUntil(d -> {
      for (WebElement label : t.all("move-dialog dialog[open] .choices label")) {
        if (label.getText().contains(text) && label.isDisplayed()) {
          WebElement input = label.findElement(By.cssSelector("input"));
          if (!input.isSelected()) label.click();
          return input.isSelected();
        }
      }
      return false;
    });
  }

  static String total(Terminal t) {
    return t.driver.findElement(By.id("receipt-total")).getText();
  }

  /** "name:quantity" of the open lines of the open receipt named {@code receipt}, in order. */
  static List<String> serverLines(Shop shop, String receipt) {
    return shop.db.read(h -> h.createQuery("""
            SELECT l.name || ':' || l.quantity FROM lines l JOIN receipts r ON r.id = l.receipt_id
            WHERE r.name = :n AND r.state = 'OPEN' AND l.removed = :f ORDER BY l.position, l.created_at""")
        .bind("n", receipt).bind("f", false).mapTo(String.class).list());
  }

  @Test
  void a_waiter_splits_chosen_lines_and_part_of_a_quantity_to_a_new_receipt_then_to_a_free_table() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1"));
      t.openReceipt("Stolik 1");
      t.addProduct("Espresso");
      t.lineAction(0, "plus");
      t.lineAction(0, "plus");
      t.addProduct("Sernik");
      t.addProduct("Cappuccino");
      t.waitUntil(d -> total(t).equals("57,00 zł"));

      t.click("receipt-panel button[data-action=split]");
      choose(t, "Espresso");
      WebElement count = t.waitFor("move-dialog dialog[open] input[data-count-for]");
      assertThat(count.getAttribute("max")).isEqualTo("3");
      count.clear();
      count.sendKeys("1");
      choose(t, "Sernik");
      choose(t, "Nowy rachunek");
      t.screenshot("tablet-split-dialog");
      t.click("move-dialog button[data-action=confirm-move]");

      t.waitUntil(d -> t.lineNames().equals(List.of("Espresso", "Cappuccino")) && total(t).equals("32,00 zł"));
      assertThat(t.text("#current-name")).contains("Stolik 1");
      // The new receipt takes number 1: the one shown since the login is not created until used.
      t.waitUntil(d -> "mine".equals(t.status("Sprzedaż 1")) && "mine".equals(t.status("Sprzedaż 2")));
      t.waitSent();
      assertThat(serverLines(shop, "Stolik 1")).containsExactly("Espresso:2000", "Cappuccino:1000");
      assertThat(serverLines(shop, "Sprzedaż 1")).containsExactly("Espresso:1000", "Sernik:1000");

      // The guests moved to a table nobody has started: the table opens and takes the line.
      t.click("receipt-panel button[data-action=split]");
      t.waitFor("move-dialog dialog[open]");
      assertThat(t.all("move-dialog dialog[open] input[name=line]:checked")).as("nothing ticked from the last split")
          .isEmpty();
      choose(t, "Cappuccino");
      choose(t, "Stolik 3 (wolny)");
      t.click("move-dialog button[data-action=confirm-move]");
      t.waitUntil(d -> t.lineNames().equals(List.of("Espresso")));
      t.waitUntil(d -> "mine".equals(t.status("Stolik 3")));
      t.openReceipt("Stolik 3");
      t.waitUntil(d -> t.lineNames().equals(List.of("Cappuccino")) && total(t).equals("14,00 zł"));
      t.waitSent();
      assertThat(serverLines(shop, "Stolik 3")).containsExactly("Cappuccino:1000");
      assertThat(paragon.testing.Rows.count(shop.db,
          "receipts WHERE name = 'Stolik 3' AND slot_id IS NOT NULL")).isEqualTo(1);
      assertThat(paragon.testing.Rows.count(shop.db, "lines WHERE removed = :f", "f", false)).isEqualTo(4);
    }
  }

  @Test
  void merging_moves_every_line_into_the_chosen_receipt_and_frees_the_table_on_a_phone() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.phone(shop.url(""))) {
      loggedIn(shop, t, "Pocket 1", "ABCDEFGH", "anna", "1234");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1"));
      t.drawer(false);
      t.addProduct("Espresso");
      t.drawer(true);
      t.openReceipt("Stolik 2");
      t.click("sale-screen .tabs button:first-child");
      t.addProduct("Sernik");
      t.click("sale-screen .tabs button:last-child");

      t.click("receipt-panel button[data-action=merge]");
      choose(t, "Sprzedaż 1");
      t.screenshot("phone-merge-dialog");
      t.click("move-dialog button[data-action=confirm-move]");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1")
          && t.lineNames().equals(List.of("Espresso", "Sernik")));
      t.waitUntil(d -> total(t).equals("25,00 zł"));
      t.waitSent();
      assertThat(serverLines(shop, "Sprzedaż 1")).containsExactly("Espresso:1000", "Sernik:1000");
      assertThat(paragon.testing.Rows.count(shop.db, "receipts WHERE name = 'Stolik 2' AND state = 'DELETED'")).isEqualTo(1);
      t.drawer(true);
      t.waitUntil(d -> "empty".equals(t.status("Stolik 2")));
      t.drawer(false);

      // Into a free table: the sale becomes the table's receipt.
      t.click("receipt-panel button[data-action=merge]");
      choose(t, "Stolik 1 (wolny)");
      t.click("move-dialog button[data-action=confirm-move]");
      t.waitUntil(d -> t.text("#current-name").contains("Stolik 1") && t.lineNames().equals(List.of("Espresso", "Sernik")));
      t.waitSent();
      assertThat(serverLines(shop, "Stolik 1")).containsExactly("Espresso:1000", "Sernik:1000");
      assertThat(paragon.testing.Rows.count(shop.db, "receipts WHERE state IN ('OPEN', 'PAYING')")).isEqualTo(1);
    }
  }

  @Test
  void the_guest_count_is_kept_across_a_reload_and_printed_on_the_guest_bill() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
      t.openReceipt("Stolik 2");
      t.addProduct("Sernik");
      WebElement guests = t.waitFor("receipt-panel #guests");
      assertThat(guests.getAccessibleName()).isEqualTo("Liczba gości");
      guests.sendKeys(Keys.chord(Keys.CONTROL, "a"), "4", Keys.TAB);
      t.waitSent();
      t.waitUntil(d -> Long.valueOf(4).equals(shop.db.read(h -> h.createQuery(
          "SELECT guests FROM receipts WHERE name = 'Stolik 2' AND state = 'OPEN'").mapTo(Long.class).one())));

      t.driver.navigate().refresh();
      t.waitUntil(d -> t.text("#current-name").contains("Stolik 2"));
      t.waitUntil(d -> "4".equals(t.waitFor("receipt-panel #guests").getDomProperty("value")));
      t.click("receipt-panel button[data-action=bill]");
      t.waitUntil(d -> t.text("guest-bill dialog[open]").contains("Goście: 4"));
      assertThat(t.text("guest-bill dialog[open]")).contains("Sernik").contains("16,00 zł")
          .contains("To nie jest paragon fiskalny");
      t.screenshot("tablet-guest-bill");
    }
  }

  @Test
  void a_manager_reassigns_a_table_and_the_new_owner_sees_it_as_theirs_with_its_lines() {
    try (Shop shop = new Shop(Visibility.OWN);
         Terminal manager = Terminal.tablet(shop.url(""));
         Terminal waiter = Terminal.tablet(shop.url(""))) {
      loggedIn(shop, manager, "Kasa A", "AAAAAAAA", "marek", "9999");
      loggedIn(shop, waiter, "Kasa B", "BBBBBBBB", "anna", "1234");
      manager.openReceipt("Stolik 1");
      manager.addProduct("Espresso");
      waiter.waitUntil(d -> "hidden".equals(waiter.status("Stolik 1")));
      assertThat(waiter.all("receipt-panel button[data-action=reassign]")).as("a waiter may not reassign").isEmpty();

      manager.click("receipt-panel button[data-action=reassign]");
      choose(manager, "Anna Nowak");
      manager.click("move-dialog button[data-action=confirm-move]");
      manager.waitUntil(d -> "colleague".equals(manager.status("Stolik 1")));
      waiter.waitUntil(d -> "mine".equals(waiter.status("Stolik 1")));
      waiter.openReceipt("Stolik 1");
      waiter.waitUntil(d -> waiter.lineNames().equals(List.of("Espresso")));
      waiter.addProduct("Sernik");
      manager.waitUntil(d -> manager.lineNames().equals(List.of("Espresso", "Sernik")));
      waiter.waitSent();
      long owner = shop.db.read(h -> h.createQuery(
              "SELECT owner_user_id FROM receipts WHERE name = 'Stolik 1' AND state = 'OPEN'")
          .mapTo(Long.class).one());
      assertThat(owner).isEqualTo(shop.anna);
    }
  }
}
