package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static paragon.web.terminal.TerminalLiveBrowserTest.loggedIn;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import paragon.configuration.Visibility;
import paragon.demo.Seed;

/**
 * The floor view and moving a table (issue 12), two terminals on one shared shop with tables "Stolik 1..5"
 * and no floor plan (the tables in list order on the grid), at the tablet's and the phone's size.
 */
@Tag("browser")
class TerminalFloorBrowserTest {

  static Shop fiveTables(Visibility visibility) {
    Shop shop = new Shop(visibility);
    shop.change(h -> Seed.slots(h, shop.account, null, List.of("Stolik 4", "Stolik 5")));
    return shop;
  }

  /** Switches {@code t} to the floor view (on a phone through the drawer's switch). */
  static void showFloor(Terminal t) {
    t.drawer(true); // on a tablet the list is shown: no tap
    t.click("receipts-list .view-toggle button[data-view=floor]");
    t.waitFor("floor-plan .floor-room .table");
  }

  static WebElement table(Terminal t, String name) {
    for (WebElement b : t.all("sale-screen > .sale > floor-plan .table")) {
      if (b.findElement(By.cssSelector(".table-name")).getText().contains(name)) return b;
    }
    return null;
  }

  static String status(Terminal t, String name) {
    WebElement b = table(t, name);
    return b == null ? null : b.getAttribute("data-status");
  }

  /** No horizontal scroll, and every table a tap target of at least 44 x 44 px. */
  static void usable(Terminal t) {
    assertThat((Boolean) t.js("return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
    for (WebElement b : t.all("sale-screen > .sale > floor-plan .table")) {
      assertThat(b.getRect().width).isGreaterThanOrEqualTo(44);
      assertThat(b.getRect().height).isGreaterThanOrEqualTo(44);
    }
  }

  void colleaguesTableShowsLive(Terminal a, Terminal b, String picture) {
    showFloor(b);
    assertThat(status(b, "Stolik 3")).isEqualTo("free");
    usable(b);
    a.openReceipt("Stolik 3");
    a.addProduct("Espresso");
    a.waitSent();
    // Within a second of the server taking A's line, B's floor shows it: by colour, by word, with A's name.
    b.waitUntil(Duration.ofSeconds(1), d -> {
      WebElement t3 = table(b, "Stolik 3");
      return t3 != null && "colleague".equals(t3.getAttribute("data-status"))
          && t3.getText().contains("Anna Nowak") && t3.getText().contains("9,00 zł");
    });
    WebElement t3 = table(b, "Stolik 3");
    // The open time (the test's server clock stands still, the browser's runs: only its form is known).
    assertThat(t3.getText()).contains("kolegi").contains(" min");
    assertThat(t3.getCssValue("background-color")).isNotEqualTo(table(b, "Stolik 1").getCssValue("background-color"));
    usable(b);
    b.screenshot(picture);
  }

  @Test
  void a_colleagues_table_shows_on_the_tablets_floor_with_the_waiters_name_and_total_within_a_second() {
    try (Shop shop = fiveTables(Visibility.ALL);
         Terminal a = Terminal.tablet(shop.url(""));
         Terminal b = Terminal.tablet(shop.url(""))) {
      loggedIn(shop, a, "Kasa A", "AAAAAAAA", "anna", "1234");
      loggedIn(shop, b, "Kasa B", "BBBBBBBB", "ola", "4321");
      colleaguesTableShowsLive(a, b, "tablet-floor-colleague");
      // Tapping an open table shows it; the floor gives way to the sale.
      table(b, "Stolik 3").click();
      b.waitUntil(d -> d.findElement(By.id("current-name")).getText().contains("Stolik 3"));
      b.waitUntil(d -> b.lineNames().equals(List.of("Espresso")));
      // Tapping a free table opens it.
      showFloor(b);
      table(b, "Stolik 4").click();
      b.waitUntil(d -> d.findElement(By.id("current-name")).getText().contains("Stolik 4"));
      b.addProduct("Sernik");
      showFloor(b);
      b.waitUntil(d -> "mine".equals(status(b, "Stolik 4")));
    }
  }

  @Test
  void a_colleagues_table_shows_on_the_phones_floor() {
    try (Shop shop = fiveTables(Visibility.ALL);
         Terminal a = Terminal.tablet(shop.url(""));
         Terminal b = Terminal.phone(shop.url(""))) {
      loggedIn(shop, a, "Kasa A", "AAAAAAAA", "anna", "1234");
      loggedIn(shop, b, "Pocket B", "BBBBBBBB", "ola", "4321");
      colleaguesTableShowsLive(a, b, "phone-floor-colleague");
    }
  }

  @Test
  void with_own_visibility_a_colleagues_table_is_occupied_on_the_floor_without_total_or_name() {
    try (Shop shop = fiveTables(Visibility.OWN);
         Terminal a = Terminal.tablet(shop.url(""));
         Terminal b = Terminal.tablet(shop.url(""))) {
      loggedIn(shop, a, "Kasa A", "AAAAAAAA", "anna", "1234");
      loggedIn(shop, b, "Kasa B", "BBBBBBBB", "ola", "4321");
      showFloor(b);
      a.openReceipt("Stolik 2");
      a.addProduct("Piwo");
      b.waitUntil(d -> "hidden".equals(status(b, "Stolik 2")));
      assertThat(table(b, "Stolik 2").getText()).contains("zajęty").doesNotContain("12,00").doesNotContain("Anna");
    }
  }

  /** Taps "Move table" on {@code t}'s current receipt and then table {@code name} in the dialog. */
  static void moveTo(Terminal t, String name) {
    t.click("receipt-panel button[data-action=move-table]");
    t.waitUntil(d -> {
      for (WebElement b : t.all("move-table-dialog floor-plan .table")) {
        if (b.findElement(By.cssSelector(".table-name")).getText().contains(name) && b.isEnabled()) {
          b.click();
          return true;
        }
      }
      return false;
    });
  }

  @Test
  void moving_a_table_to_a_free_one_shows_on_both_terminals() {
    try (Shop shop = fiveTables(Visibility.ALL);
         Terminal a = Terminal.tablet(shop.url(""));
         Terminal b = Terminal.phone(shop.url(""))) {
      loggedIn(shop, a, "Kasa A", "AAAAAAAA", "anna", "1234");
      loggedIn(shop, b, "Pocket B", "BBBBBBBB", "ola", "4321");
      showFloor(b);
      a.openReceipt("Stolik 3");
      a.addProduct("Espresso");
      b.waitUntil(d -> "colleague".equals(status(b, "Stolik 3")));
      moveTo(a, "Stolik 5");
      a.waitUntil(d -> d.findElement(By.id("current-name")).getText().contains("Stolik 5"));
      a.waitUntil(d -> a.lineNames().equals(List.of("Espresso")));
      a.waitSent();
      assertThat((Long) a.js("return window.paragonTerminal.notices.length")).isZero();
      a.waitUntil(d -> "empty".equals(a.status("Stolik 3")) && "mine".equals(a.status("Stolik 5")));
      b.waitUntil(d -> "free".equals(status(b, "Stolik 3")) && "colleague".equals(status(b, "Stolik 5")));
      assertThat(table(b, "Stolik 5").getText()).contains("9,00 zł");
      b.screenshot("phone-floor-after-move");
    }
  }

  @Test
  void moving_onto_a_taken_table_asks_to_merge_and_merges_on_yes() {
    try (Shop shop = fiveTables(Visibility.ALL);
         Terminal a = Terminal.tablet(shop.url(""));
         Terminal b = Terminal.tablet(shop.url(""))) {
      loggedIn(shop, a, "Kasa A", "AAAAAAAA", "anna", "1234");
      loggedIn(shop, b, "Kasa B", "BBBBBBBB", "ola", "4321");
      b.openReceipt("Stolik 5");
      b.addProduct("Sernik");
      b.waitSent();
      a.openReceipt("Stolik 3");
      a.addProduct("Espresso");
      a.waitUntil(d -> "colleague".equals(a.status("Stolik 5")));
      a.screenshot("tablet-move-table-dialog-before");
      moveTo(a, "Stolik 5");
      a.waitUntil(d -> {
        var alert = d.switchTo().alert();
        assertThat(alert.getText()).isEqualTo("Połączyć z „Stolik 5”?");
        alert.accept();
        return true;
      });
      a.waitSent();
      b.waitUntil(d -> b.lineNames().equals(List.of("Sernik", "Espresso")));
      showFloor(b);
      b.waitUntil(d -> "free".equals(status(b, "Stolik 3")) && "mine".equals(status(b, "Stolik 5")));
      assertThat(table(b, "Stolik 5").getText()).contains("25,00 zł");
    }
  }

  /** A plan: "Sala" (Stolik 1 round at 0,0; Stolik 2 square at 6,2), "Taras" (Stolik 3); Stolik 4 and 5 unplaced. */
  static void plan(Shop shop, int openTooLongMinutes) {
    shop.change(h -> {
      java.util.function.Function<String, String> slot = name -> h.createQuery(
          "SELECT id FROM receipt_slots WHERE account_id = :a AND name = :n").bind("a", shop.account).bind("n", name)
          .mapTo(String.class).one();
      h.createUpdate("INSERT INTO floor_plans (shop_id, account_id, open_too_long_minutes) VALUES (:s, :a, :m)")
          .bind("s", shop.shop).bind("a", shop.account).bind("m", openTooLongMinutes).execute();
      long sala = room(h, shop, "Sala", 0);
      long taras = room(h, shop, "Taras", 1);
      place(h, shop, slot.apply("Stolik 1"), sala, 0, 0, "round");
      place(h, shop, slot.apply("Stolik 2"), sala, 6, 2, "square");
      place(h, shop, slot.apply("Stolik 3"), taras, 3, 3, "round");
    });
  }

  static long room(org.jdbi.v3.core.Handle h, Shop shop, String name, int position) {
    return h.createQuery("INSERT INTO floor_rooms (account_id, shop_id, name, position) VALUES (:a, :s, :n, :p) RETURNING id")
        .bind("a", shop.account).bind("s", shop.shop).bind("n", name).bind("p", position).mapTo(Long.class).one();
  }

  static void place(org.jdbi.v3.core.Handle h, Shop shop, String slot, long room, int x, int y, String shape) {
    h.createUpdate("""
            INSERT INTO floor_tables (account_id, shop_id, slot_id, room_id, x, y, shape, seats)
            VALUES (:a, :s, :slot, :r, :x, :y, :shape, 4)""")
        .bind("a", shop.account).bind("s", shop.shop).bind("slot", slot).bind("r", room).bind("x", x).bind("y", y)
        .bind("shape", shape).execute();
  }

  @Test
  void a_floor_plan_shows_its_rooms_as_tabs_with_each_table_at_its_place_and_marks_a_table_open_too_long() {
    try (Shop shop = fiveTables(Visibility.ALL);
         Terminal a = Terminal.tablet(shop.url(""));
         Terminal b = Terminal.tablet(shop.url(""))) {
      plan(shop, 1);
      loggedIn(shop, a, "Kasa A", "AAAAAAAA", "anna", "1234");
      loggedIn(shop, b, "Kasa B", "BBBBBBBB", "ola", "4321");
      a.openReceipt("Stolik 1");
      a.addProduct("Espresso");
      a.waitSent();
      showFloor(b);
      assertThat(b.all("floor-plan .floor-rooms button[role=tab]").stream().map(WebElement::getText).toList())
          .containsExactly("Sala", "Taras", "Poza planem");
      b.waitUntil(d -> "colleague".equals(status(b, "Stolik 1")));
      WebElement t1 = table(b, "Stolik 1");
      WebElement t2 = table(b, "Stolik 2");
      assertThat(t1.getAttribute("class")).contains("round");
      assertThat(t2.getAttribute("class")).contains("square");
      // Stolik 2 is 6 cells right and 2 down of Stolik 1.
      assertThat(t2.getRect().x).isGreaterThan(t1.getRect().x + t1.getRect().width);
      assertThat(t2.getRect().y).isGreaterThan(t1.getRect().y);
      assertThat(table(b, "Stolik 3")).isNull();
      // Five minutes later by the server's clock (the terminal's, set here, as a heartbeat would): past the
      // plan's 1 minute, marked in words at the next tick of the 30 s timer.
      b.js("""
          const t = window.paragonTerminal;
          const r = Object.values(t.receipts).find((x) => x.name === 'Stolik 1');
          t.api.clockFromStream = true;
          t.api.serverOffset = r.createdAt + 5 * 60000 - Date.now();
          document.querySelector('floor-plan').tick();""");
      assertThat(t1.getAttribute("data-too-long")).isNotNull();
      assertThat(t1.getText()).contains("5 min · długo");
      // The 30 s timer rewrites the open time alone: the same element, an hour later.
      String before = t1.findElement(By.cssSelector(".open-for")).getText();
      b.js("window.paragonTerminal.api.serverOffset += 3600000; document.querySelector('floor-plan').tick()");
      assertThat(t1.findElement(By.cssSelector(".open-for")).getText()).isNotEqualTo(before).startsWith("1 h 05 min");
      b.screenshot("tablet-floor-plan");
      b.click("floor-plan .floor-rooms button[data-room]:not([aria-selected=true])");
      b.waitUntil(d -> table(b, "Stolik 3") != null && table(b, "Stolik 1") == null);
      b.click("floor-plan .floor-rooms button[data-room=unplaced]");
      b.waitUntil(d -> table(b, "Stolik 4") != null && table(b, "Stolik 5") != null);
    }
  }

  @Test
  void below_the_plans_threshold_a_table_is_not_marked() {
    try (Shop shop = fiveTables(Visibility.ALL);
         Terminal a = Terminal.phone(shop.url(""))) {
      plan(shop, 1_000_000);
      loggedIn(shop, a, "Pocket A", "AAAAAAAA", "anna", "1234");
      a.drawer(true);
      a.openReceipt("Stolik 2");
      a.click("sale-screen .tabs button:first-child");
      a.addProduct("Espresso");
      showFloor(a);
      a.waitUntil(d -> "mine".equals(status(a, "Stolik 2")));
      assertThat(table(a, "Stolik 2").getAttribute("data-too-long")).isNull();
      assertThat(table(a, "Stolik 2").getText()).contains("mój").contains("9,00 zł").doesNotContain("długo");
      usable(a);
      a.screenshot("phone-floor-plan");
    }
  }
}
