package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import paragon.configuration.Visibility;
import paragon.testing.Rows;

/**
 * The sale screen as one cashier uses it: finding products, editing lines, adding, renaming and deleting
 * ad-hoc receipts, and paying with several tenders. Each step is checked on screen and on the server.
 */
@Tag("browser")
class TerminalSaleBrowserTest {

  /** Answers the browser's prompt with {@code text} (null: accepts a confirm). */
  static void answerDialog(Terminal t, String text) {
    t.waitUntil(d -> {
      try {
        var alert = d.switchTo().alert();
        if (text != null) alert.sendKeys(text);
        alert.accept();
        return true;
      } catch (NoAlertPresentException e) {
        return false;
      }
    });
  }

  @SuppressWarnings("unchecked")
  static List<Object> jsList(Terminal t, String script, Object... args) {
    return (List<Object>) t.js(script, args);
  }

  static List<String> productNames(Terminal t) {
    return t.all("product-grid .grid button[data-product] span:first-child").stream().map(WebElement::getText).toList();
  }

  @Test
  void the_cashier_finds_products_by_search_and_category_and_edits_quantities_notes_and_lines() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      TerminalLiveBrowserTest.loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1"));

      t.waitFor("#product-search").sendKeys("serN");
      t.waitUntil(d -> productNames(t).equals(List.of("Sernik")));
      t.waitFor("#product-search").clear();
      t.js("const s = document.querySelector('#product-search'); s.value = ''; s.dispatchEvent(new Event('input'));");
      t.waitUntil(d -> productNames(t).size() == 4);
      t.waitUntil(d -> {
        for (WebElement b : t.all("product-grid .categories button")) {
          if (b.getText().equals("Napoje")) {
            b.click();
            return true;
          }
        }
        return false;
      });
      t.waitUntil(d -> productNames(t).equals(List.of("Piwo <b>jasne</b>")));
      t.click("product-grid .categories button:first-child");
      t.waitUntil(d -> productNames(t).size() == 4);

      t.addProduct("Espresso");
      t.addProduct("Sernik");
      t.waitUntil(d -> t.lineNames().equals(List.of("Espresso", "Sernik")));
      t.lineAction(0, "plus");
      t.waitUntil(d -> d.findElement(By.id("receipt-total")).getText().equals("34,00 zł"));
      t.lineAction(0, "minus");
      t.waitUntil(d -> d.findElement(By.id("receipt-total")).getText().equals("25,00 zł"));
      t.lineAction(1, "remove");
      t.waitUntil(d -> t.lineNames().equals(List.of("Espresso")));
      t.lineAction(0, "line-note");
      answerDialog(t, "x".repeat(201));
      // Too long for the server: asked again with what was typed and why, not cut and not thrown away.
      String again = t.waitUntil(d -> {
        try {
          var alert = d.switchTo().alert();
          return alert.getText();
        } catch (NoAlertPresentException e) {
          return null;
        }
      });
      assertThat(again).contains("Najwyżej 200 znaków (jest 201)");
      answerDialog(t, "bez cukru");
      t.waitUntil(d -> t.text("receipt-panel li[data-line] .note").equals("bez cukru"));
      t.waitUntil(d -> d.findElement(By.id("receipt-total")).getText().equals("9,00 zł"));
      t.screenshot("tablet-sale-edited-lines");
      t.waitSent();

      Map<String, Object> espresso = shop.db.read(h -> h.createQuery(
          "SELECT quantity, note, removed FROM lines WHERE name = 'Espresso'").mapToMap().one());
      assertThat(((Number) espresso.get("quantity")).longValue()).isEqualTo(1000);
      assertThat(espresso.get("note")).isEqualTo("bez cukru");
      assertThat(Rows.count(shop.db, "lines WHERE name = 'Sernik' AND removed = :t", "t", true)).isEqualTo(1);
    }
  }

  @Test
  void a_line_the_cashier_adds_to_a_long_receipt_is_scrolled_into_view() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      TerminalLiveBrowserTest.loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1"));
      for (String product : List.of("Espresso", "Cappuccino", "Sernik", "Espresso", "Cappuccino", "Sernik", "Espresso")) {
        int before = t.lineNames().size();
        t.addProduct(product);
        t.waitUntil(d -> t.lineNames().size() == before + 1);
      }
      t.addProduct("Piwo");
      t.waitUntil(d -> t.lineNames().size() == 8);
      String lastLineInView = """
          const box = document.querySelector('receipt-panel .lines');
          const list = box.getBoundingClientRect();
          const line = [...box.querySelectorAll('li[data-line]')].at(-1).getBoundingClientRect();
          return box.clientHeight < box.scrollHeight && line.top >= list.top - 0.5 && line.bottom <= list.bottom + 0.5;""";
      t.waitUntil(d -> Boolean.TRUE.equals(t.js(lastLineInView)));
      assertThat(t.lineNames().getLast()).isEqualTo("Piwo <b>jasne</b>");
    }
  }

  @Test
  void plus_adds_a_receipt_and_switches_to_it_and_an_ad_hoc_receipt_is_renamed_then_deleted() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.phone(shop.url(""))) {
      TerminalLiveBrowserTest.loggedIn(shop, t, "Pocket 1", "ABCDEFGH", "anna", "1234");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1"));
      t.drawer(false); // nothing under way: the phone showed the receipts; the cashier goes on with Sprzedaż 1
      t.addProduct("Espresso"); // a receipt is created by its first line; "+" on an unused one stays there
      t.waitSent();
      t.drawer(true);
      t.click("receipts-list button[data-action=add-receipt]");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 2"));
      // A new receipt is empty: the phone shows the products, the next thing to tap (issue 15).
      t.waitUntil(d -> "true".equals(t.waitFor("sale-screen .tabs button:first-child").getDomAttribute("aria-selected")));
      t.click("sale-screen .tabs button:last-child");

      t.click("receipt-panel button[data-action=rename]");
      answerDialog(t, "Taras <i>2</i>");
      t.waitUntil(d -> t.text("#current-name").contains("Taras <i>2</i>"));
      t.waitSent();
      assertThat(Rows.count(shop.db, "receipts WHERE name = :n AND state = 'OPEN'", "n", "Taras <i>2</i>")).isEqualTo(1);
      t.drawer(true);
      t.waitUntil(d -> "mine".equals(t.status("Taras <i>2</i>")));
      assertThat(t.all("receipts-list i")).isEmpty();
      t.screenshot("phone-receipts-drawer-renamed");
      t.drawer(false);

      t.click("receipt-panel button[data-action=delete]");
      answerDialog(t, null);
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1"));
      t.waitSent();
      assertThat(Rows.count(shop.db, "receipts WHERE name = :n AND state = 'DELETED'", "n", "Taras <i>2</i>")).isEqualTo(1);
      t.drawer(true);
      t.waitUntil(d -> t.status("Sprzedaż 1") != null && t.status("Taras <i>2</i>") == null);
    }
  }

  @Test
  void the_empty_receipts_added_on_the_terminal_are_deleted_at_once_and_those_with_lines_stay() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      TerminalLiveBrowserTest.loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1"));
      assertThat(t.all("receipts-list button[data-action=delete-empty]")).isEmpty();
      // A new receipt is created on the server by its first line (issue 8): "+" on it stays there.
      t.click("receipts-list button[data-action=add-receipt]");
      t.addProduct("Espresso");
      t.click("receipts-list button[data-action=add-receipt]");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 2"));
      t.addProduct("Sernik");
      t.waitUntil(d -> t.lineNames().equals(List.of("Sernik")));
      t.lineAction(0, "remove");
      t.waitUntil(d -> t.lineNames().isEmpty());
      t.click("receipts-list button[data-action=add-receipt]");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 3"));
      // Sprzedaż 2 is empty (its line removed); 1 holds a line; 3 is the one being worked on.
      t.waitUntil(d -> t.text("receipts-list button[data-action=delete-empty]").equals("Usuń puste rachunki (1)"));
      t.click("receipts-list button[data-action=delete-empty]");
      answerDialog(t, null);
      // Number 2 is free again, so the receipt being worked on (created by its first line) shows it.
      t.waitUntil(d -> t.all("receipts-list button[data-action=delete-empty]").isEmpty()
          && t.text("#current-name").contains("Sprzedaż 2"));
      assertThat(t.status("Sprzedaż 1")).isEqualTo("mine");
      assertThat(t.status("Sprzedaż 3")).isNull();
      t.waitSent();
      List<String> deleted = shop.db.read(h -> h.createQuery(
              "SELECT name FROM receipts WHERE state = 'DELETED' ORDER BY name")
          .mapTo(String.class).list());
      List<String> open = shop.db.read(h -> h.createQuery("SELECT name FROM receipts WHERE state = 'OPEN' ORDER BY name")
          .mapTo(String.class).list());
      assertThat(deleted).containsExactly("Sprzedaż 2");
      assertThat(open).as("the receipt being worked on is not created until used").containsExactly("Sprzedaż 1");
    }
  }

  @Test
  void a_split_tender_of_card_voucher_and_cash_is_paid_with_change_from_the_cash_only() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      TerminalLiveBrowserTest.loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
      t.openReceipt("Stolik 2");
      t.addProduct("Sernik");
      t.addProduct("Cappuccino");
      t.waitUntil(d -> d.findElement(By.id("receipt-total")).getText().equals("30,00 zł"));
      t.waitSent();
      t.click("receipt-panel button[data-action=pay]");
      WebElement card = t.waitFor("payment-dialog #pay-CARD");
      card.sendKeys("100");
      t.waitFor("payment-dialog [data-reason=non-cash-over]");
      assertThat(t.text("payment-dialog [data-reason=non-cash-over]")).contains("resztę wydaje się tylko z gotówki");
      assertThat(t.waitFor("payment-dialog button[data-action=confirm-pay]").isEnabled()).isFalse();
      card.sendKeys(Keys.BACK_SPACE);
      t.waitUntil(d -> t.all("payment-dialog [data-reason=non-cash-over]").isEmpty());
      t.waitFor("payment-dialog #pay-VOUCHER").sendKeys("5,00");
      t.click("payment-dialog h2");
      assertThat(t.waitFor("payment-dialog button[data-action=confirm-pay]").isEnabled()).isFalse(); // 15,00 short
      t.waitFor("payment-dialog #pay-CASH").sendKeys("20");
      // The sums follow the keys: no need to leave the field first.
      t.waitUntil(d -> d.findElement(By.id("pay-change")).getText().equals("5,00 zł"));
      assertThat(t.waitFor("payment-dialog #pay-CASH").getAttribute("value")).isEqualTo("20");
      t.screenshot("tablet-payment-split-tender");
      t.click("payment-dialog button[data-action=confirm-pay]");
      t.waitFor("payment-dialog [data-paid=true]");
      assertThat(t.text("payment-dialog [data-paid=true]")).contains("30,00").contains("5,00");
      t.click("payment-dialog button[data-action=close-pay]");
      t.waitUntil(d -> "empty".equals(t.status("Stolik 2")));

      String sale = shop.db.read(h -> h.createQuery(
          "SELECT total || '/' || tendered || '/' || change_given FROM sales WHERE name = 'Stolik 2'")
              .mapTo(String.class).one());
      assertThat(sale).as("total/tendered/change").isEqualTo("3000/3500/500");
      List<String> tenders = shop.db.read(h -> h.createQuery(
          "SELECT method || ':' || amount || ':' || tendered FROM payments ORDER BY position").mapTo(String.class).list());
      assertThat(tenders).containsExactlyInAnyOrder("CARD:1000:1000", "VOUCHER:500:500", "CASH:1500:2000");
    }
  }

  @Test
  void with_parking_off_there_is_one_current_receipt_and_no_list_and_paying_starts_the_next_one() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.phone(shop.url(""))) {
      shop.change(h -> paragon.demo.Seed.settings(h, shop.account, false, Visibility.ALL, true,
          paragon.configuration.LoginMode.PIN));
      TerminalLiveBrowserTest.loggedIn(shop, t, "Pocket 1", "ABCDEFGH", "anna", "1234");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1"));
      assertThat(t.all("receipts-list")).isEmpty();
      assertThat(t.all("sale-screen .drawer-toggle")).isEmpty();
      t.addProduct("Espresso");
      t.waitSent();
      t.click("sale-screen .tabs button:last-child");
      t.screenshot("phone-sale-parking-off");
      t.click("receipt-panel button[data-action=pay]");
      t.click("payment-dialog button[data-fill=CARD]");
      t.click("payment-dialog button[data-action=confirm-pay]");
      t.waitFor("payment-dialog [data-paid=true]");
      t.click("payment-dialog button[data-action=close-pay]");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1") && t.lineNames().isEmpty());
      t.waitSent();
      assertThat(Rows.count(shop.db, "sales WHERE total = 900")).isEqualTo(1);
      assertThat(Rows.count(shop.db, "receipts WHERE state = 'OPEN'")).as("the next one is created by its first line")
          .isZero();
      t.click("sale-screen .tabs button:first-child");
      t.addProduct("Sernik");
      t.waitSent();
      assertThat(Rows.count(shop.db, "receipts WHERE state = 'OPEN' AND name = 'Sprzedaż 1'")).isEqualTo(1);
    }
  }

  @Test
  void a_table_removed_from_the_list_while_it_holds_lines_stays_as_an_ordinary_receipt_after_the_sync() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      TerminalLiveBrowserTest.loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
      t.openReceipt("Stolik 3");
      t.addProduct("Sernik");
      t.waitSent();
      shop.change(h -> h.createUpdate("DELETE FROM receipt_slots WHERE account_id = :a AND name = 'Stolik 3'")
          .bind("a", shop.account).execute());
      t.click("#menu-button");
      t.click("terminal-menu button[data-action=sync]");
      t.waitUntil(d -> (jsList(t, "return window.paragonTerminal.config.slots")).size() == 2);
      t.click("terminal-menu dialog[open] .buttons button");
      // Not a table any more (no "free" slot for it), but the receipt with its line is still there.
      t.waitUntil(d -> "mine".equals(t.status("Stolik 3")));
      assertThat(t.all("receipts-list button[data-key^='slot:']")).hasSize(2);
      assertThat(t.text("#current-name")).contains("Stolik 3");
      assertThat(t.lineNames()).containsExactly("Sernik");
      t.screenshot("tablet-removed-table-kept");
      assertThat(Rows.count(shop.db, "receipts WHERE name = 'Stolik 3' AND state = 'OPEN'")).isEqualTo(1);
    }
  }

  @Test
  void printing_the_guest_bill_prints_the_bill_alone() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      TerminalLiveBrowserTest.loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1"));
      t.addProduct("Sernik");
      t.click("receipt-panel button[data-action=bill]");
      t.waitFor("guest-bill dialog[open] table");
      t.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
      // checkVisibility: rendered, and neither it nor an ancestor hidden (display or visibility).
      String shown = "return [...document.querySelectorAll(arguments[0])]"
          + ".map(e => e.checkVisibility({visibilityProperty: true}))";
      assertThat(jsList(t, shown, "guest-bill dialog[open] td, guest-bill dialog[open] h2")).isNotEmpty().containsOnly(true);
      assertThat(jsList(t, shown, "product-grid button, receipts-list button, .topbar, receipt-panel .lines li"))
          .isNotEmpty().containsOnly(false);
      String visibility = "return [...document.querySelectorAll(arguments[0])]"
          + ".map(e => getComputedStyle(e).visibility + '/' + getComputedStyle(e).display)";
      assertThat(jsList(t, visibility, "guest-bill .no-print")).containsOnly("visible/none");
      t.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
      assertThat(jsList(t, visibility, "guest-bill .no-print")).doesNotContain("visible/none");
    }
  }

  /** Two taps in the same instant (a free table, then a product): the product lands on that table. */
  @Test
  void a_product_tapped_in_the_same_instant_as_a_free_table_lands_on_that_table() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      TerminalLiveBrowserTest.loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1"));
      t.waitSent();
      t.js("""
          const t = window.paragonTerminal;
          const slot = t.config.slots.find((s) => s.name === 'Stolik 3');
          const product = t.config.products.find((p) => p.name === 'Sernik');
          t.openTable(slot);
          t.addProduct(product);""");
      t.waitUntil(d -> t.text("#current-name").contains("Stolik 3") && t.lineNames().equals(List.of("Sernik")));
      t.waitSent();
      assertThat(Rows.count(shop.db,
          "lines l JOIN receipts r ON r.id = l.receipt_id WHERE r.name = 'Stolik 3' AND l.name = 'Sernik'"))
          .isEqualTo(1);
      assertThat(t.all(".notice")).as("no refusal, no 'moved' notice").isEmpty();
    }
  }
}
