package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static paragon.web.terminal.TerminalLiveBrowserTest.loggedIn;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import paragon.configuration.DeviceModel;
import paragon.configuration.Visibility;
import paragon.devices.TerminalAuth;
import paragon.sync.StreamSettings;
import paragon.testing.MutableClock;
import paragon.testing.Rows;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/**
 * What the terminal offers by the user's permissions and what it shows of a payment lock: send to
 * kitchen and sent lines, VOID_LINES, CHANGE_PRICES, BREAK_PAYMENT_LOCK, an expired lock, an occupied
 * table. The colleague holding a lock or a table is a terminal over plain HTTP ({@link Till}). The
 * server's clock starts at the real time, so the browser's idea of it (HTTP Date, stream heartbeat)
 * agrees with the leases' ends.
 */
@Tag("browser")
class TerminalPermissionsBrowserTest {
  private static final StreamSettings FAST_HEARTBEAT =
      new StreamSettings(1024, Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofSeconds(10), 5_000);

  static Shop shop(Visibility visibility) {
    return new Shop(new TestApp(TestDatabases.sqlite(), new MutableClock(Instant.now()), FAST_HEARTBEAT), visibility);
  }

  /** A colleague's terminal over HTTP: paired with its code, its cashier logged in, its commands numbered. */
  static final class Till {
    private final WebClient http;
    private final Map<String, String> headers;
    private long n;

    Till(Shop shop, String code, String identifier, String pin) {
      shop.device("Kasa " + identifier, DeviceModel.SMART_PLUS, code);
      http = shop.app.client();
      WebClient.Response paired = http.postJson("/api/device/pair", Map.of("code", code), Map.of());
      assertThat(paired.status()).as("pair: %s", paired.body()).isEqualTo(201);
      String token = paired.json().get("token").asText();
      WebClient.Response login = http.postJson("/api/device/login", Map.of("identifier", identifier, "pin", pin),
          Map.of("Authorization", "Bearer " + token));
      assertThat(login.status()).as("login: %s", login.body()).isEqualTo(201);
      headers = Map.of("Authorization", "Bearer " + token, TerminalAuth.SESSION_HEADER,
          login.json().get("sessionToken").asText());
    }

    JsonNode send(String type, Object... fields) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("n", ++n);
      c.put("type", type);
      for (int i = 0; i < fields.length; i += 2) c.put((String) fields[i], fields[i + 1]);
      WebClient.Response r = http.postJson("/api/terminal/commands", List.of(c), headers);
      assertThat(r.status()).as("commands: %s", r.body()).isEqualTo(200);
      JsonNode ack = r.json().get(0);
      assertThat(ack.path("status").asText()).as("%s: %s", type, ack).isEqualTo("accepted");
      return ack;
    }

    /** Opens table {@code name} with one Espresso on it; answers the receipt's id. */
    String tableWithEspresso(Shop shop, String name) {
      String slot = shop.db.read(h -> h.createQuery(
          "SELECT id FROM receipt_slots WHERE account_id = :a AND name = :n")
          .bind("a", shop.account).bind("n", name).mapTo(String.class).one());
      String receipt = send("openTable", "slotId", slot).path("result").path("receiptId").asText();
      long espresso = shop.db.read(h -> h.createQuery(
          "SELECT id FROM products WHERE account_id = :a AND name = 'Espresso'").bind("a", shop.account)
              .mapTo(Long.class).one());
      send("addLine", "receiptId", receipt, "lineId", UUID.randomUUID().toString(), "productId", espresso);
      return receipt;
    }
  }

  private static List<WebElement> lines(Terminal t) {
    return t.all("receipt-panel .lines li[data-line]");
  }

  private static boolean has(WebElement line, String action) {
    return !line.findElements(By.cssSelector("button[data-action=" + action + "]")).isEmpty();
  }

  private static void logout(Terminal t) {
    t.click("#menu-button");
    t.click("terminal-menu button[data-action=logout]");
    t.waitFor("#login-identifier");
  }

  /** Answers the next confirm/prompt dialog: accepts it (with {@code text} typed, if not null) or dismisses it. */
  private static void answer(Terminal t, boolean accept, String text) {
    t.waitUntil(d -> {
      try {
        var alert = d.switchTo().alert();
        if (text != null) alert.sendKeys(text);
        if (accept) alert.accept();
        else alert.dismiss();
        return true;
      } catch (NoAlertPresentException e) {
        return false;
      }
    });
  }

  @Test
  void send_to_kitchen_marks_lines_sent_and_only_a_user_with_void_lines_is_offered_to_lower_or_remove_them() {
    try (Shop shop = shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
      t.openReceipt("Stolik 1");
      t.addProduct("Espresso");
      t.addProduct("Sernik");
      t.waitUntil(d -> lines(t).size() == 2);
      for (int i = 0; i < 2; i++) assertThat(has(t.selectLine(i), "minus") && has(t.selectLine(i), "remove")).isTrue();
      t.click("receipt-panel button[data-action=send]");

      t.waitUntil(d -> lines(t).stream().allMatch(l -> "true".equals(l.getAttribute("data-sent"))));
      assertThat(t.all("receipt-panel .lines .sent-mark")).extracting(WebElement::getText)
          .containsExactly("wysłane", "wysłane");
      t.waitSent();
      assertThat(Rows.count(shop.db, "lines WHERE sent = :t", "t", true)).isEqualTo(2);
      // A waiter: + and the note stay, − and ✕ are not offered; their places stay empty (no shift).
      WebElement first = t.selectLine(0);
      assertThat(has(first, "plus") && has(first, "line-note")).isTrue();
      assertThat(has(first, "minus") || has(first, "remove")).isFalse();
      assertThat(first.findElements(By.cssSelector(".gap"))).hasSize(2)
          .allSatisfy(gap -> assertThat(gap.getSize().getWidth()).isEqualTo(44));
      assertThat(t.all("receipt-panel button[data-action=price]")).as("no CHANGE_PRICES").isEmpty();
      assertThat(t.waitFor("receipt-panel button[data-action=send]").isEnabled()).as("nothing left to send").isFalse();
      t.screenshot("tablet-sent-lines-waiter");

      t.addProduct("Cappuccino");
      t.waitUntil(d -> lines(t).size() == 3);
      WebElement fresh = t.selectLine(2);
      assertThat(fresh.getAttribute("data-sent")).isEqualTo("false");
      assertThat(has(fresh, "minus") && has(fresh, "remove")).isTrue();
      assertThat(t.waitFor("receipt-panel button[data-action=send]").isEnabled()).isTrue();

      // An ad-hoc receipt with lines: no delete without VOID_LINES (the server would refuse it).
      t.openReceipt("Sprzedaż 1");
      t.addProduct("Espresso");
      t.waitUntil(d -> lines(t).size() == 1);
      assertThat(t.all("receipt-panel button[data-action=delete]")).isEmpty();
      assertThat(t.all("receipt-panel button[data-action=rename]")).hasSize(1);
      t.waitSent();

      logout(t);
      t.login("marek", "9999");
      t.openReceipt("Stolik 1");
      t.waitUntil(d -> lines(t).size() == 3);
      for (int i = 0; i < 3; i++) assertThat(has(t.selectLine(i), "minus") && has(t.selectLine(i), "remove")).isTrue();
      t.lineAction(0, "minus");
      t.waitUntil(d -> lines(t).size() == 2);
      t.waitSent();
      assertThat(Rows.count(shop.db, "lines WHERE sent = :t AND removed = :f", "t", true, "f", false)).isEqualTo(1);
    }
  }

  @Test
  void a_user_with_change_prices_changes_a_lines_price_asked_again_when_it_is_not_a_price() {
    try (Shop shop = shop(Visibility.ALL); Terminal t = Terminal.phone(shop.url(""))) {
      loggedIn(shop, t, "Pocket 1", "ABCDEFGH", "marek", "9999");
      t.drawer(true);
      t.openReceipt("Stolik 2");
      t.click("sale-screen .tabs button:first-child");
      t.addProduct("Espresso");
      t.click("sale-screen .tabs button:last-child");
      t.lineAction(0, "plus");
      t.waitUntil(d -> TerminalReceiptToolsBrowserTest.total(t).equals("18,00 zł"));
      // A manager's line has every button (−, +, price, note, ✕): on a phone they still fit its width.
      assertThat((Boolean) t.js("""
          return [...document.querySelectorAll('receipt-panel li[data-line] button')]
            .every((b) => b.getBoundingClientRect().right <= window.innerWidth);""")).isTrue();
      t.screenshot("phone-line-with-price-button");
      WebElement price = t.waitFor("receipt-panel button[data-action=price]");
      assertThat(price.getAccessibleName()).isEqualTo("Zmień cenę: Espresso");
      price.click();
      answer(t, true, "abc");
      t.waitUntil(d -> d.switchTo().alert().getText().contains("Wpisz cenę"));
      answer(t, true, "7,50");
      t.waitUntil(d -> TerminalReceiptToolsBrowserTest.total(t).equals("15,00 zł"));
      t.waitSent();
      assertThat(Rows.count(shop.db, "lines WHERE unit_price = 750")).isEqualTo(1);
      assertThat(Rows.count(shop.db, "receipt_audit WHERE type = 'changePrice' AND user_name = 'Marek Kowal'"))
          .isEqualTo(1);
    }
  }

  @Test
  void a_manager_breaks_a_colleagues_payment_lock_after_a_confirmation_and_a_waiter_is_not_offered_it() {
    try (Shop shop = shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      Till anna = new Till(shop, "KASAAAAA", "anna", "1234");
      String table = anna.tableWithEspresso(shop, "Stolik 2");
      anna.send("startPayment", "receiptId", table);
      loggedIn(shop, t, "Kasa 2", "ABCDEFGH", "ola", "4321");
      t.openReceipt("Stolik 2");
      t.waitFor("receipt-panel [data-locked=true]");
      assertThat(t.all("receipt-panel button[data-action=break-lock]")).as("a waiter may not break it").isEmpty();

      logout(t);
      t.login("marek", "9999");
      t.openReceipt("Stolik 2");
      assertThat(t.text("receipt-panel [data-locked=true]")).contains("Anna Nowak");
      t.click("receipt-panel button[data-action=break-lock]");
      answer(t, false, null); // changed his mind: the lock stays
      assertThat(t.all("receipt-panel [data-locked=true]")).hasSize(1);
      assertThat(Rows.count(shop.db, "receipts WHERE state = 'PAYING'")).isEqualTo(1);
      t.screenshot("tablet-break-lock-offered");
      t.click("receipt-panel button[data-action=break-lock]");
      answer(t, true, null);
      t.waitUntil(d -> t.all("receipt-panel [data-locked=true]").isEmpty()
          && t.waitFor("receipt-panel button[data-action=pay]").isEnabled());
      assertThat(t.all("receipt-panel button[data-action=break-lock]")).isEmpty();
      t.waitSent();
      assertThat(Rows.count(shop.db, "receipts WHERE state = 'PAYING'")).isZero();
      assertThat(Rows.count(shop.db, "receipt_audit WHERE type = 'breakLease' AND user_name = 'Marek Kowal'"))
          .isEqualTo(1);
    }
  }

  @Test
  void the_cashier_whose_payment_lock_a_manager_broke_is_told_and_no_longer_offered_to_confirm() {
    try (Shop shop = shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      Till marek = new Till(shop, "KASAMMMM", "marek", "9999");
      loggedIn(shop, t, "Kasa 1", "ABCDEFGH", "anna", "1234");
      t.openReceipt("Stolik 1");
      t.addProduct("Espresso");
      t.waitSent();
      t.click("receipt-panel button[data-action=pay]");
      t.waitFor("payment-dialog #pay-CASH");
      String table = shop.db.read(h -> h.createQuery("SELECT id FROM receipts WHERE state = 'PAYING'")
          .mapTo(String.class).one());

      marek.send("breakLease", "receiptId", table);
      t.waitUntil(d -> t.text("payment-dialog dialog[open]").contains("Blokadę płatności zdjęto na innym terminalu"));
      assertThat(t.all("payment-dialog button[data-action=confirm-pay]")).isEmpty();
      t.click("payment-dialog button[data-action=close-pay]");
      t.waitSent();
      assertThat(Rows.count(shop.db, "receipts WHERE state = 'PAYING'")).as("the lock is not taken back").isZero();
      assertThat(Rows.count(shop.db, "receipt_audit WHERE type = 'cancelPayment'")).as("nothing to cancel").isZero();
    }
  }

  @Test
  void an_expired_payment_lock_of_another_terminal_is_shown_free_never_as_a_payment_on_this_terminal() {
    try (Shop shop = shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      Till anna = new Till(shop, "KASAAAAA", "anna", "1234");
      String table = anna.tableWithEspresso(shop, "Stolik 3");
      anna.send("startPayment", "receiptId", table);
      loggedIn(shop, t, "Kasa 2", "ABCDEFGH", "ola", "4321");
      t.waitUntil(d -> "paying".equals(t.status("Stolik 3")));
      t.openReceipt("Stolik 3");
      t.waitFor("receipt-panel [data-locked=true]");

      shop.clock.advance(Duration.ofSeconds(61)); // Anna's terminal went quiet: its lease runs out
      t.waitUntil(d -> t.all("receipt-panel [data-locked=true]").isEmpty()
          && t.waitFor("receipt-panel button[data-action=pay]").isEnabled());
      assertThat(t.all("receipt-panel [data-paying-here]")).isEmpty();
      assertThat(t.text("receipt-panel")).doesNotContain("W trakcie płatności na tym terminalu");
      t.waitUntil(d -> "colleague".equals(t.status("Stolik 3")));
      t.addProduct("Sernik");
      t.waitUntil(d -> lines(t).size() == 2);
      t.waitSent();
      assertThat(Rows.count(shop.db, "lines WHERE removed = :f", "f", false)).isEqualTo(2);
    }
  }

  @Test
  void an_occupied_table_the_user_may_not_see_says_whose_it_is_not_that_it_is_empty() {
    try (Shop shop = shop(Visibility.OWN); Terminal t = Terminal.phone(shop.url(""))) {
      Till anna = new Till(shop, "KASAAAAA", "anna", "1234");
      anna.tableWithEspresso(shop, "Stolik 1");
      loggedIn(shop, t, "Pocket 2", "ABCDEFGH", "ola", "4321");
      t.drawer(true);
      t.waitUntil(d -> "hidden".equals(t.status("Stolik 1")));
      t.openReceipt("Stolik 1");
      t.click("sale-screen .tabs button:last-child");
      String panel = t.text("receipt-panel");
      assertThat(panel).contains("prowadzi ktoś inny").doesNotContain("Rachunek jest pusty", "Dotknij produktu");
      assertThat(t.all("receipt-panel button")).as("nothing offered on a receipt the user may not see")
          .noneMatch(WebElement::isDisplayed);
      t.screenshot("phone-occupied-table");
    }
  }
}
