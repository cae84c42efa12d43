package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static paragon.web.terminal.TerminalLiveBrowserTest.loggedIn;
import static paragon.web.terminal.TerminalMenuBrowserTest.AT_ONCE;
import static paragon.web.terminal.TerminalMenuBrowserTest.openMenu;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import paragon.configuration.DeviceModel;
import paragon.configuration.LoginMode;
import paragon.configuration.Visibility;
import paragon.demo.Seed;
import paragon.sync.StreamSettings;
import paragon.testing.MutableClock;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

/**
 * What a cashier sees the moment their view changes (issue 8, DESIGN rule 2: never, not by the next
 * heartbeat): a sync to a narrower visibility hides colleagues' receipts at once, on the same stream;
 * a logout (which closes the stream on the server at once) is not taken for an ended session.
 */
@Tag("browser")
class TerminalViewChangeBrowserTest {

  @Test
  void a_sync_to_own_receipts_hides_a_colleagues_table_at_once_on_the_open_stream() {
    // A heartbeat minutes away: only the sync's ack can be what re-filters the stream.
    StreamSettings slowBeat = new StreamSettings(1024, Duration.ofMinutes(5), Duration.ofSeconds(20),
        Duration.ofSeconds(10), 5_000);
    try (Shop shop = new Shop(new TestApp(TestDatabases.sqlite(), new MutableClock(), slowBeat), Visibility.SAME_ROLE);
        Terminal a = Terminal.tablet(shop.url(""));
        Terminal b = Terminal.tablet(shop.url(""))) {
      loggedIn(shop, a, "Kasa A", "AAAAAAAA", "anna", "1234");
      loggedIn(shop, b, "Kasa B", "BBBBBBBB", "ola", "4321");
      a.openReceipt("Stolik 2");
      a.addProduct("Espresso");
      a.waitSent();
      b.waitUntil(d -> "colleague".equals(b.status("Stolik 2"))); // same role: seen in full
      long revision = shop.change(h -> Seed.settings(h, shop.account, true, Visibility.OWN, true, LoginMode.PIN));
      b.js("window.streamBefore = window.paragonTerminal.stream.socket");
      openMenu(b);
      b.click("terminal-menu button[data-action=sync]");
      b.waitUntil(d -> b.text("terminal-menu [role=alert]").equals("Konfiguracja: wersja " + revision));
      b.waitUntil(AT_ONCE, d -> "hidden".equals(b.status("Stolik 2")));
      assertThat(b.js("return window.paragonTerminal.stream.socket === window.streamBefore")).isEqualTo(true);
      assertThat((Long) b.js("return Object.values(window.paragonTerminal.receipts)"
          + ".filter(r => r.ownerUserId !== window.paragonTerminal.me.userId && !r.occupied).length")).isZero();
      assertThat(b.js("return JSON.stringify(window.paragonTerminal.receipts)")).asString().doesNotContain("Espresso");
    }
  }

  @Test
  void logging_out_shows_the_login_screen_without_a_session_ended_error() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      shop.device("Kasa 1", DeviceModel.SMART_PLUS, "ABCDEFGH");
      t.open();
      t.pair("ABCDEFGH");
      for (int round = 0; round < 3; round++) {
        t.login("anna", "1234");
        t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż"));
        t.waitUntil(d -> "online".equals(t.js("return window.paragonTerminal.connection")));
        t.click("#menu-button");
        t.click("terminal-menu button[data-action=logout]");
        t.waitFor("#login-identifier");
        // The stream's close (4410) reaches the page before or after the logout's answer; neither
        // may turn a logout into "Your session ended".
        t.waitUntil(d -> t.js("return window.paragonTerminal.stream.socket") == null);
        assertThat(t.js("return window.paragonTerminal.error")).as("round %s", round).isNull();
        assertThat(t.all("login-screen p.error")).as("round %s", round).isEmpty();
      }
    }
  }
}
