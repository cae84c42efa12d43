package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static paragon.web.terminal.TerminalLiveBrowserTest.loggedIn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import paragon.configuration.DeviceModel;
import paragon.configuration.Visibility;
import paragon.demo.Seed;
import paragon.testing.Rows;

/**
 * The terminal's quality requirements as a cashier and a screen reader meet them: touch targets of at
 * least 44 px, a name for every control and none cut off at the side on every main screen (both sizes, with
 * a screenshot of each),
 * selling by keyboard alone, and no layout jump when a remote change (or this terminal's own "Sending…")
 * arrives.
 */
@Tag("browser")
class TerminalQualityBrowserTest {
  static final double TOUCH = 44;

  /** Opens the list item {@code name}: on a phone through the drawer. */
  static void openReceipt(Terminal t, boolean phone, String name) {
    if (phone) t.drawer(true);
    t.openReceipt(name);
  }

  static void tab(Terminal t, boolean phone, String which) {
    if (phone) t.click("sale-screen .tabs button[role=tab]:" + (which.equals("products") ? "first-child" : "last-child"));
  }

  static boolean dialogOpen(Terminal t, String component) {
    return !t.all(component + " dialog[open]").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tablet", "phone"})
  void every_control_on_every_main_screen_is_a_44px_touch_target_with_a_name_for_screen_readers(String size) {
    boolean phone = size.equals("phone");
    try (Shop shop = new Shop(Visibility.ALL);
        Terminal t = phone ? Terminal.phone(shop.url("")) : Terminal.tablet(shop.url(""))) {
      SoftAssertions soft = new SoftAssertions();
      Consumer<String> screen = name -> {
        t.screenshot(size + "-" + name);
        soft.assertThat(Probes.controls(t)).as("controls found on %s-%s", size, name).isNotEmpty();
        soft.assertThat(Probes.smallTargets(t, TOUCH)).as("controls under 44x44 px on %s-%s", size, name).isEmpty();
        soft.assertThat(Probes.unnamedControls(t)).as("controls without a spoken name on %s-%s", size, name).isEmpty();
        soft.assertThat(Probes.cutOff(t)).as("controls cut off at the side on %s-%s", size, name).isEmpty();
        soft.assertThat(Probes.clippedText(t)).as("buttons whose text does not fit on %s-%s", size, name).isEmpty();
      };
      // A menu of a real restaurant's size: more categories than fit across a phone (they must scroll,
      // not be squeezed), with longer names.
      shop.change(h -> {
        int order = 10;
        for (String category : List.of("Dania główne", "Kawa i herbata", "Desery", "Alkohole", "Sklep", "Uwagi kuchni")) {
          Seed.product(h, shop.account, "Pozycja " + order, 1000, "8", category, order++);
        }
      });
      shop.device("Kasa 1", phone ? DeviceModel.POCKET : DeviceModel.SMART_PLUS, "ABCDEFGH");
      t.open();
      t.waitFor("#pair-code");
      screen.accept("pairing-screen");
      t.pair("ABCDEFGH");
      t.waitFor("pin-pad button[data-key='5']");
      screen.accept("login-pin-pad");
      t.login("anna", "1234");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1"));
      if (phone) {
        t.drawer(true);
        t.waitUntil(d -> t.status("Sprzedaż 1") != null && !t.all("receipts-list.open").isEmpty());
        screen.accept("receipts-drawer");
      }
      t.openReceipt("Stolik 1");
      tab(t, phone, "products");
      t.addProduct("Espresso");
      t.addProduct("Sernik");
      t.waitUntil(d -> t.all("receipt-panel li[data-line]").size() == 2);
      t.waitSent();
      screen.accept(phone ? "products-tab" : "sale-screen");
      tab(t, phone, "receipt");
      t.waitUntil(d -> t.lineNames().equals(List.of("Espresso", "Sernik")));
      if (phone) screen.accept("receipt-tab");
      t.selectLine(0); // the line shows its buttons once selected
      iconNames(t, phone, soft, List.of("Otwórz menu", "Nowy rachunek", "Pokaż rachunki", "Dodaj jedną sztukę: Espresso",
          "Odejmij jedną sztukę: Espresso", "Usuń pozycję: Espresso", "Notatka do pozycji: Espresso"));
      t.waitSent();

      t.click("receipt-panel button[data-action=pay]");
      t.waitFor("payment-dialog #pay-CASH");
      screen.accept("payment-dialog");
      t.click("payment-dialog button[data-action=close-pay]");
      t.waitUntil(d -> !dialogOpen(t, "payment-dialog"));
      t.click("receipt-panel button[data-action=split]");
      t.waitFor("move-dialog dialog[open] input[type=checkbox]");
      screen.accept("move-dialog");
      t.click("move-dialog dialog[open] .buttons button[type=button]");
      t.click("receipt-panel button[data-action=bill]");
      t.waitFor("guest-bill dialog[open] table");
      screen.accept("guest-bill-dialog");
      t.click("guest-bill dialog[open] .buttons button");
      tab(t, phone, "products");
      t.click("product-grid button[data-action=free-item]");
      t.waitFor("free-item dialog[open] #free-name");
      screen.accept("free-item-dialog");
      t.click("free-item dialog[open] .buttons button[type=button]");
      t.click("#menu-button");
      t.waitFor("terminal-menu dialog[open] button[data-action=sync]");
      screen.accept("menu-dialog");

      t.click("terminal-menu button[lang=en]");
      t.waitUntil(d -> t.text("terminal-menu h2").equals("Menu")
          && "en".equals(t.js("return document.documentElement.lang")));
      t.click("terminal-menu dialog[open] .buttons button");
      tab(t, phone, "receipt");
      t.selectLine(0); // the line shows its buttons once selected
      iconNames(t, phone, soft, List.of("Open menu", "New receipt", "Show receipts", "Add one: Espresso",
          "Remove one: Espresso", "Remove line: Espresso", "Line note: Espresso"));
      soft.assertAll();
    }
  }

  /** The icon-only buttons (⋮ + ☰, and the first line's + − ✕ ✎), whose spoken names must say what they do. */
  static final List<String> ICONS = List.of("#menu-button", "receipts-list button[data-action=add-receipt]",
      "sale-screen .drawer-toggle", "receipt-panel li[data-line] button[data-action=plus]",
      "receipt-panel li[data-line] button[data-action=minus]", "receipt-panel li[data-line] button[data-action=remove]",
      "receipt-panel li[data-line] button[data-action=line-note]");

  static void iconNames(Terminal t, boolean phone, SoftAssertions soft, List<String> names) {
    for (int i = 0; i < ICONS.size(); i++) {
      if (!phone && ICONS.get(i).contains("drawer")) continue; // the tablet shows its list, it has no drawer
      soft.assertThat(t.driver.findElement(By.cssSelector(ICONS.get(i))).getAccessibleName())
          .as("name of %s", ICONS.get(i)).isEqualTo(names.get(i));
    }
  }

  /** Presses Tab until the focused element matches {@code css}; at most {@code max} times. */
  static void tabTo(Terminal t, String css, int max) {
    for (int i = 0; i < max; i++) {
      new Actions(t.driver).sendKeys(Keys.TAB).perform();
      if (focused(t, css)) return;
    }
    throw new AssertionError(css + " not reached in " + max + " Tabs; focus is on "
        + t.js("return document.activeElement.outerHTML.slice(0, 120)"));
  }

  static boolean focused(Terminal t, String css) {
    return Boolean.TRUE.equals(t.js("return document.activeElement.matches(arguments[0])", css));
  }

  static void press(Terminal t, CharSequence keys) {
    new Actions(t.driver).sendKeys(keys).perform();
  }

  @Test
  void a_cashier_sells_with_the_keyboard_alone_and_sees_where_the_focus_is() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1"));
      tabTo(t, "#product-search", 12);
      press(t, "sern");
      t.waitUntil(d -> t.all("product-grid .grid button[data-product]").size() == 1);
      tabTo(t, "product-grid .grid button[data-product]", 8);
      press(t, Keys.ENTER);
      t.waitUntil(d -> t.lineNames().equals(List.of("Sernik")));
      tabTo(t, "receipt-panel li[data-line] button[data-action=minus]", 6);
      assertThat(t.js("""
          const e = document.activeElement, s = getComputedStyle(e);
          return e.matches(':focus-visible') + ' ' + s.outlineStyle + ' ' + parseFloat(s.outlineWidth)"""))
          .isEqualTo("true solid 3");
      t.screenshot("tablet-keyboard-focus");
      tabTo(t, "receipt-panel li[data-line] button[data-action=plus]", 1);
      press(t, Keys.ENTER);
      t.waitUntil(d -> t.text("receipt-panel li[data-line] .qty output").equals("2"));
      tabTo(t, "receipt-panel button[data-action=pay]", 6);
      t.waitSent();
      press(t, Keys.ENTER);
      t.waitFor("payment-dialog #pay-CASH");
      assertThat(focused(t, "payment-dialog dialog[open] *")).as("focus inside the payment dialog").isTrue();
      press(t, Keys.ESCAPE);
      t.waitUntil(d -> !dialogOpen(t, "payment-dialog"));
      assertThat(focused(t, "receipt-panel button[data-action=pay]")).as("focus back on Pay").isTrue();
      t.waitSent();
      assertThat(Rows.count(shop.db,
          "lines WHERE name = 'Sernik' AND quantity = 2000 AND removed = :f", "f", false)).isEqualTo(1);
      assertThat(Rows.count(shop.db,
          "receipts WHERE name = 'Sprzedaż 1' AND state = 'OPEN'")).as("payment cancelled").isEqualTo(1);
    }
  }

  /** B's changes: lines on A's table, another table started, an ad-hoc receipt, a payment on the other table. */
  static void remoteChanges(Terminal b) {
    b.openReceipt("Stolik 1");
    b.addProduct("Cappuccino");
    b.addProduct("Piwo");
    b.click("receipt-panel button[data-action=note]");
    TerminalSaleBrowserTest.answerDialog(b, "alergia: orzechy");
    b.openReceipt("Stolik 2");
    b.addProduct("Sernik");
    b.click("receipts-list button[data-action=add-receipt]");
    b.waitUntil(d -> b.text("#current-name").contains("Sprzedaż 2"));
    b.addProduct("Espresso"); // a receipt is created by its first line: now it is on A's list too
    b.openReceipt("Stolik 2");
    b.waitSent();
    b.click("receipt-panel button[data-action=pay]");
    b.waitFor("payment-dialog #pay-CASH");
  }

  /** B cancels the payment of the other table and starts paying A's table (after one more line). */
  static void remotePaymentOfTable1(Terminal b) {
    b.click("payment-dialog button[data-action=close-pay]");
    b.waitUntil(d -> !dialogOpen(b, "payment-dialog"));
    b.openReceipt("Stolik 1");
    b.addProduct("Espresso");
    b.waitSent();
    b.click("receipt-panel button[data-action=pay]");
    b.waitFor("payment-dialog #pay-CASH");
  }

  static void waitForRemoteChanges(Terminal a) {
    a.waitUntil(d -> a.all("receipt-panel li[data-line]").size() == 4
        && "paying".equals(a.status("Stolik 2")) && a.status("Sprzedaż 3") != null
        && Boolean.TRUE.equals(a.js("return !!document.querySelector('receipt-panel [data-note]')"
            + "?.textContent.includes('orzechy')")));
  }

  /** Named regions to record: pairs of name and CSS selector. */
  static final String[] TOP = {"top bar", "sale-screen .topbar", "current name", "#current-name",
      "menu button", "#menu-button"};
  static final String[] HEADER = {"receipt header", "receipt-panel header", "receipt name", "#receipt-name",
      "first lines", "receipt-panel li[data-line]", "line buttons", "receipt-panel li[data-line] button",
      "pay", "receipt-panel button[data-action=pay]"};
  static final String[] PRODUCTS = {"products", "product-grid .grid button[data-product]", "search", "#product-search"};

  static Map<String, String> regions(String[]... parts) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String[] part : parts) for (int i = 0; i < part.length; i += 2) out.put(part[i], part[i + 1]);
    return out;
  }

  /**
   * A on its table with two lines, and B logged in with a line on its own "Sprzedaż 1" (on A's list;
   * A's unused receipt moves on to "Sprzedaż 2").
   */
  static void twoTerminals(Shop shop, Terminal a, boolean phone, Terminal b) {
    loggedIn(shop, a, "Kasa A", "AAAAAAAA", "anna", "1234");
    openReceipt(a, phone, "Stolik 1");
    tab(a, phone, "products");
    a.addProduct("Espresso");
    a.addProduct("Sernik");
    a.waitSent();
    loggedIn(shop, b, "Kasa B", "BBBBBBBB", "ola", "4321");
    b.waitUntil(d -> b.text("#current-name").contains("Sprzedaż 1"));
    b.addProduct("Espresso");
    b.waitSent();
    a.waitUntil(d -> "colleague".equals(a.status("Sprzedaż 1")) && a.status("Sprzedaż 2") != null);
  }

  @Test
  void on_the_tablet_remote_changes_and_the_own_sending_state_move_nothing_on_screen() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal a = Terminal.tablet(shop.url(""));
        Terminal b = Terminal.tablet(shop.url(""))) {
      twoTerminals(shop, a, false, b);
      Probes.recordLayout(a, regions(TOP, HEADER, PRODUCTS, new String[] {"list items",
          "receipts-list li button[data-key]"}), null);
      assertThat(Probes.recorded(a)).containsEntry("first lines", 2L).containsEntry("list items", 5L)
          .containsEntry("products", 4L);
      remoteChanges(b);
      waitForRemoteChanges(a);
      a.screenshot("tablet-remote-changes-arrived");
      assertThat(Probes.moved(a)).as("regions moved by remote changes").isEmpty();

      // This terminal's own change, unconfirmed while the database is busy (the test holds SQLite's write
      // lock): "Sending…" in the header, then gone once the server has it. (One more of a line: a new
      // line of its own would rightly scroll the lines to show it.)
      a.selectLine(0);
      Probes.recordLayout(a, regions(TOP, HEADER), "receipt-panel header .state p:last-child");
      shop.db.inTransaction(h -> {
        h.execute("UPDATE shops SET name = name WHERE id = ?", shop.shop);
        a.click("receipt-panel li[data-line][aria-selected=true] button[data-action=plus]");
        a.waitUntil(d -> Probes.textsSeen(a).contains("Wysyłanie…"));
        a.screenshot("tablet-receipt-sending");
        return null;
      });
      a.waitSent();
      a.waitUntil(d -> !Probes.textsSeen(a).getLast().equals("Wysyłanie…")
          && a.text("receipt-panel li[data-line]:first-child .qty output").equals("2"));
      assertThat(Probes.moved(a)).as("regions moved by the own Sending… state").isEmpty();

      Probes.recordLayout(a, regions(TOP, HEADER, PRODUCTS), null);
      remotePaymentOfTable1(b);
      a.waitFor("receipt-panel [data-locked=true]");
      a.screenshot("tablet-remote-payment-locks");
      assertThat(Probes.moved(a)).as("regions moved when a colleague started paying this table").isEmpty();
    }
  }

  @Test
  void on_the_phone_remote_changes_move_neither_the_products_nor_the_receipt_header() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal a = Terminal.phone(shop.url(""));
        Terminal b = Terminal.tablet(shop.url(""))) {
      twoTerminals(shop, a, true, b);
      Probes.recordLayout(a, regions(TOP, PRODUCTS, new String[] {"tabs", "sale-screen .tabs button"}), null);
      assertThat(Probes.recorded(a)).containsEntry("products", 4L).containsEntry("tabs", 2L);
      remoteChanges(b);
      waitForRemoteChanges(a);
      assertThat(Probes.moved(a)).as("regions moved by remote changes (products tab)").isEmpty();

      tab(a, true, "receipt");
      a.waitUntil(d -> a.lineNames().size() == 4);
      Probes.recordLayout(a, regions(TOP, HEADER), null);
      remotePaymentOfTable1(b);
      a.waitFor("receipt-panel [data-locked=true]");
      a.waitUntil(d -> a.lineNames().size() == 5);
      a.screenshot("phone-remote-payment-locks");
      assertThat(Probes.moved(a)).as("regions moved when a colleague added a line and started paying (receipt tab)")
          .isEmpty();
      assertThat(a.js("return document.querySelector('receipt-panel [data-note]') !== null"))
          .as("the receipt has a note beside the lock").isEqualTo(true);
      assertThat(a.js("""
          const who = document.querySelector('receipt-panel [data-locked=true] .who');
          const lock = who.parentElement.getBoundingClientRect(), row = who.closest('.state').getBoundingClientRect();
          return [who.textContent, who.scrollWidth - who.clientWidth, lock.right <= row.right + 0.5];"""))
          .as("who is paying is shown whole on a phone, inside the receipt's header, beside its note")
          .isEqualTo(List.of("Płaci: Ola Wiśniewska", 0L, true));
    }
  }
}
