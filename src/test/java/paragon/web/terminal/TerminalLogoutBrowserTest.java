package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import paragon.accounts.Visibility;
import paragon.devices.DeviceModel;

/**
 * A logout closes the device's stream at once on the server (issue 8, DESIGN rule 2); the cashier who
 * logged out on purpose must not be told that their session ended.
 */
@Tag("browser")
class TerminalLogoutBrowserTest {

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
