package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import paragon.accounts.Permission;
import paragon.configuration.Visibility;

/**
 * The catalog on the terminal (issue 10): categories in the owner's order, the search by short code,
 * the modifier chooser before a line is added, and discounts on a line and on the receipt, paid as
 * discounted. Both screen sizes. The catalog rows are written with SQL here (the catalog's store is
 * the back office's), in one revision the terminal applies at login.
 */
@Tag("browser")
class TerminalCatalogBrowserTest {

  /**
   * Categories Kawa (1), Ciasta (2), Napoje (3) for the shop's products, and "Latte" (14,00 zł, code
   * LT) in Kawa with "Rozmiar" (one required: Mała +0, Duża +3,00) and "Dodatki" (any: Syrop +1,50,
   * Mleko owsiane +2,00).
   */
  static void catalog(Shop shop) {
    shop.change(h -> {
      long now = shop.clock.millis();
      long kawa = category(h, shop.account, "Kawa", 1, now);
      long ciasta = category(h, shop.account, "Ciasta", 2, now);
      long napoje = category(h, shop.account, "Napoje", 3, now);
      for (var c : Map.of("Kawa", kawa, "Ciasta", ciasta, "Napoje", napoje).entrySet()) {
        h.createUpdate("UPDATE products SET category_id = :id WHERE account_id = :a AND category = :c")
            .bind("id", c.getValue()).bind("a", shop.account).bind("c", c.getKey()).execute();
      }
      long latte = paragon.demo.Seed.product(h, shop.account, "Latte", 1400, "8", "Kawa", 5);
      h.createUpdate("UPDATE products SET category_id = :c, short_code = 'LT' WHERE id = :p")
          .bind("c", kawa).bind("p", latte).execute();
      long size = group(h, shop.account, "Rozmiar", 1, 1, 1, now);
      option(h, shop.account, size, "Mała", 0, 1);
      option(h, shop.account, size, "Duża", 300, 2);
      long extras = group(h, shop.account, "Dodatki", 0, 0, 2, now);
      option(h, shop.account, extras, "Syrop", 150, 1);
      option(h, shop.account, extras, "Mleko owsiane", 200, 2);
      int position = 0;
      for (long g : List.of(size, extras)) {
        h.createUpdate("""
                INSERT INTO product_modifier_groups (account_id, product_id, group_id, position)
                VALUES (:a, :p, :g, :pos)""")
            .bind("a", shop.account).bind("p", latte).bind("g", g).bind("pos", position++).execute();
      }
    });
  }

  private static long category(Handle h, long account, String name, int position, long now) {
    return h.createQuery("""
            INSERT INTO categories (account_id, name, position, archived, created_at)
            VALUES (:a, :n, :p, :f, :t) RETURNING id""")
        .bind("a", account).bind("n", name).bind("p", position).bind("f", false).bind("t", now)
        .mapTo(Long.class).one();
  }

  private static long group(Handle h, long account, String name, int min, int max, int position, long now) {
    return h.createQuery("""
            INSERT INTO modifier_groups (account_id, name, min_choices, max_choices, position, archived, created_at)
            VALUES (:a, :n, :min, :max, :p, :f, :t) RETURNING id""")
        .bind("a", account).bind("n", name).bind("min", min).bind("max", max).bind("p", position)
        .bind("f", false).bind("t", now)
        .mapTo(Long.class).one();
  }

  private static void option(Handle h, long account, long group, String name, long delta, int position) {
    h.createUpdate("""
            INSERT INTO modifier_options (account_id, group_id, name, price_delta, position, archived)
            VALUES (:a, :g, :n, :d, :p, :f)""")
        .bind("a", account).bind("g", group).bind("n", name).bind("d", delta).bind("p", position)
        .bind("f", false).execute();
  }

  /** On a phone the products and the receipt are tabs: shows one of them (a tablet shows both). */
  static void show(Terminal t, String tab) {
    if (t.all("sale-screen .tabs button").stream().noneMatch(WebElement::isDisplayed)) return;
    t.click("sale-screen .tabs button:" + ("receipt".equals(tab) ? "last-child" : "first-child"));
  }

  static String total(Terminal t) {
    return t.driver.findElement(By.id("receipt-total")).getText();
  }

  @Test
  void a_required_modifier_is_chosen_before_the_line_is_added_on_a_tablet() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      choosesARequiredModifier(shop, t, "tablet");
    }
  }

  @Test
  void a_required_modifier_is_chosen_before_the_line_is_added_on_a_phone() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.phone(shop.url(""))) {
      choosesARequiredModifier(shop, t, "phone");
    }
  }

  private static void choosesARequiredModifier(Shop shop, Terminal t, String size) {
    catalog(shop);
    TerminalLiveBrowserTest.loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
    t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1"));
    t.drawer(false); // a phone shows the receipts when nothing is under way
    // The owner's order, not the alphabet's.
    t.waitUntil(d -> t.all("product-grid .categories button").stream().map(WebElement::getText).toList()
        .equals(List.of("Wszystkie", "Kawa", "Ciasta", "Napoje")));
    t.waitFor("#product-search").sendKeys("lt");
    t.waitUntil(d -> TerminalSaleBrowserTest.productNames(t).equals(List.of("Latte")));

    t.addProduct("Latte");
    WebElement add = t.waitFor("modifier-chooser button[data-action=add-choice]");
    assertThat(add.isEnabled()).isFalse();
    assertThat(t.text("modifier-chooser [data-why]")).isEqualTo("Rozmiar: wybierz co najmniej 1.");
    assertThat(t.text("modifier-chooser fieldset[data-required=true] legend")).contains("Wymagane: wybierz 1");
    t.screenshot(size + "-modifier-chooser-required");
    t.click("modifier-chooser button[data-action=cancel-choice]");
    t.waitUntil(d -> t.all("modifier-chooser dialog[open]").isEmpty());
    assertThat(t.lineNames()).as("cancel adds nothing").isEmpty();

    t.addProduct("Latte");
    t.click("modifier-chooser button[data-option]:nth-child(2)"); // Duża +3,00
    t.waitUntil(d -> t.text("#chooser-price").equals("17,00 zł"));
    t.click("modifier-chooser fieldset[data-required=false] button[data-option]:first-child"); // Syrop
    t.waitUntil(d -> t.text("#chooser-price").equals("18,50 zł"));
    t.waitUntil(d -> t.all("modifier-chooser [data-why]").isEmpty());
    t.screenshot(size + "-modifier-chooser-chosen");
    t.click("modifier-chooser button[data-action=add-choice]");

    show(t, "receipt");
    t.waitUntil(d -> t.lineNames().equals(List.of("Latte")));
    t.waitUntil(d -> t.text("receipt-panel li[data-line] [data-modifiers]").equals("Duża, Syrop"));
    t.waitUntil(d -> total(t).equals("18,50 zł"));
    t.waitSent();
    // The server's view (no preview any more) says the same.
    t.waitUntil(d -> Boolean.FALSE.equals(t.js("return !!window.paragonTerminal.current.preview")));
    assertThat(t.text("receipt-panel li[data-line] .line-total")).isEqualTo("18,50 zł");
    t.screenshot(size + "-modifier-line");
    Map<String, Object> line = shop.db.read(h -> h.createQuery(
        "SELECT unit_price, modifiers FROM lines WHERE name = 'Latte'").mapToMap().one());
    assertThat(((Number) line.get("unit_price")).longValue()).isEqualTo(1850);
    assertThat((String) line.get("modifiers")).contains("Duża").contains("Syrop");
  }

  @Test
  void a_manager_gives_discounts_with_a_reason_and_pays_the_discounted_total_on_a_tablet() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      discountsAndPays(shop, t, "tablet");
    }
  }

  @Test
  void a_manager_gives_discounts_with_a_reason_and_pays_the_discounted_total_on_a_phone() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.phone(shop.url(""))) {
      discountsAndPays(shop, t, "phone");
    }
  }

  /** Types {@code text} into {@code css} after clearing what is there. */
  static void type(Terminal t, String css, String text) {
    WebElement field = t.waitFor(css);
    field.clear();
    field.sendKeys(text);
  }

  private static void discountsAndPays(Shop shop, Terminal t, String size) {
    catalog(shop);
    TerminalLiveBrowserTest.loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "marek", "9999");
    t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1"));
    t.drawer(false); // a phone shows the receipts when nothing is under way
    t.addProduct("Latte");
    t.click("modifier-chooser button[data-option]:first-child"); // Mała, 14,00
    t.click("modifier-chooser button[data-action=add-choice]");
    t.addProduct("Sernik");
    show(t, "receipt");
    t.waitUntil(d -> t.lineNames().equals(List.of("Latte", "Sernik")));
    t.waitUntil(d -> total(t).equals("30,00 zł"));

    // A line discount without a reason is asked again, with what was typed kept and why.
    t.lineAction(1, "line-discount");
    assertThat(t.text("discount-dialog h2")).isEqualTo("Rabat na pozycję: Sernik");
    type(t, "#discount-value", "10");
    t.click("discount-dialog button[data-action=apply-discount]");
    assertThat(t.text("discount-dialog #discount-reason-error")).isEqualTo("Podaj powód: od 1 do 80 znaków");
    assertThat(t.waitFor("#discount-value").getAttribute("value")).isEqualTo("10");
    t.screenshot(size + "-discount-no-reason");
    type(t, "#discount-reason", "stały gość");
    t.click("discount-dialog button[data-action=apply-discount]");
    t.waitUntil(d -> t.all("discount-dialog dialog[open]").isEmpty());
    t.waitUntil(d -> t.text("receipt-panel li[data-line]:nth-child(2) [data-discount]")
        .matches("Rabat 10 % — stały gość\\s+−1,60 zł"));
    t.waitUntil(d -> total(t).equals("28,40 zł"));

    // On the receipt: an amount that is not one is refused next to the field, then 2,40 zł.
    t.click("receipt-panel button[data-action=receipt-discount]");
    t.click("discount-dialog button[data-kind=AMOUNT]");
    type(t, "#discount-value", "abc");
    type(t, "#discount-reason", "happy hour");
    t.click("discount-dialog button[data-action=apply-discount]");
    assertThat(t.text("discount-dialog #discount-value-error")).isEqualTo("Wpisz kwotę rabatu, np. 5,00");
    type(t, "#discount-value", "30");
    t.click("discount-dialog button[data-action=apply-discount]");
    assertThat(t.text("discount-dialog #discount-value-error")).isEqualTo("Rabat może wynieść najwyżej 28,40 zł");
    type(t, "#discount-value", "2,40");
    t.click("discount-dialog button[data-action=apply-discount]");
    t.waitUntil(d -> t.all("discount-dialog dialog[open]").isEmpty());
    t.waitUntil(d -> total(t).equals("26,00 zł"));
    t.waitSent();
    t.waitUntil(d -> Boolean.FALSE.equals(t.js("return !!window.paragonTerminal.current.preview")));
    assertThat(total(t)).as("the server's total to pay").isEqualTo("26,00 zł");
    assertThat(t.text("#receipt-subtotal")).isEqualTo("30,00 zł");
    assertThat(t.text("#receipt-discounts")).isEqualTo("−4,00 zł");
    assertThat(t.text("receipt-panel [data-receipt-discount]")).isEqualTo("Rabat — happy hour");
    t.screenshot(size + "-discounts");

    // The guest bill shows the modifiers, the discounts and what is to pay.
    t.click("receipt-panel button[data-action=bill]");
    t.waitUntil(d -> t.text("guest-bill #bill-total").equals("26,00 zł"));
    assertThat(t.text("guest-bill [data-modifiers]")).isEqualTo("Mała");
    assertThat(t.text("guest-bill #bill-discounts")).isEqualTo("−4,00 zł");
    assertThat(t.all("guest-bill [data-bill-discount]")).hasSize(2);
    t.screenshot(size + "-guest-bill-discounts");
    t.click("guest-bill dialog .buttons button:first-child");

    t.click("receipt-panel button[data-action=pay]");
    t.waitUntil(d -> t.text("payment-dialog #pay-due").equals("26,00 zł"));
    t.click("payment-dialog button[data-fill=CASH]");
    t.click("payment-dialog button[data-action=confirm-pay]");
    t.waitFor("payment-dialog [data-paid=true]");
    assertThat(t.text("payment-dialog [data-paid=true]")).contains("26,00");
    Map<String, Object> sale = shop.db.read(h -> h.createQuery("SELECT total, discount FROM sales").mapToMap().one());
    assertThat(((Number) sale.get("total")).longValue()).isEqualTo(2600);
    assertThat(((Number) sale.get("discount")).longValue()).isEqualTo(400);
  }

  @Test
  void a_waiter_without_give_discounts_is_offered_no_discount() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      catalog(shop);
      TerminalLiveBrowserTest.loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1"));
      t.addProduct("Sernik");
      t.waitUntil(d -> t.lineNames().equals(List.of("Sernik")));
      t.selectLine(0);
      t.waitFor("receipt-panel button[data-action=line-note]");
      assertThat(t.all("receipt-panel button[data-action=line-discount]")).isEmpty();
      assertThat(t.all("receipt-panel button[data-action=receipt-discount]")).isEmpty();
      // The role gets the permission in the back office: after a sync the actions are there.
      String discounts = Permission.format(Set.of(Permission.GIVE_DISCOUNTS));
      shop.change(h -> h.createUpdate("UPDATE roles SET permissions = :p WHERE account_id = :a AND name = 'Kelner'")
          .bind("p", discounts).bind("a", shop.account).execute());
      t.click("#menu-button");
      t.click("terminal-menu button[data-action=sync]");
      WebElement percent = t.waitFor("receipt-panel button[data-action=line-discount]");
      assertThat(percent.getAttribute("aria-label")).as("named for its line").isEqualTo("Rabat: Sernik");
      assertThat(t.text("receipt-panel button[data-action=receipt-discount]")).isEqualTo("Rabat na rachunek");
    }
  }
}
