package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import paragon.configuration.Visibility;
import paragon.demo.Seed;

/**
 * The terminal on a busy night (issue 15), on the tablet and the phone: a product tapped again grows
 * its line, and a lost network is shown within 3 s.
 */
@Tag("browser")
class TerminalBusyNightBrowserTest {

  private static Terminal terminal(Shop shop, String size) {
    Terminal t = size.equals("phone") ? Terminal.phone(shop.url("")) : Terminal.tablet(shop.url(""));
    TerminalLiveBrowserTest.loggedIn(shop, t, size.equals("phone") ? "Pocket 1" : "Kasa 1", "ABCDEFGH", "anna",
        "1234");
    t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1"));
    t.drawer(false); // a phone shows the receipts when nothing is under way
    return t;
  }

  @ParameterizedTest
  @ValueSource(strings = {"tablet", "phone"})
  void a_product_tapped_again_adds_to_its_line(String size) {
    try (Shop shop = new Shop(Visibility.ALL)) {
      shop.change(h -> Seed.mergeLines(h, shop.account, true));
      try (Terminal t = terminal(shop, size)) {
        t.addProduct("Espresso");
        t.addProduct("Espresso");
        t.addProduct("Sernik");
        t.waitSent();
        t.waitUntil(d -> t.lineNames().size() == 2);
        assertThat(t.lineNames()).hasSize(2);
        assertThat(t.js("return window.paragonTerminal.current?.lines?.map((l) => l.quantity)"))
            .asString().isEqualTo("[2000, 1000]");
        assertThat(paragon.testing.Rows.count(shop.db, "lines")).isEqualTo(2);
        t.screenshot(size + "-busy-night-merged-line");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tablet", "phone"})
  void a_lost_network_is_shown_within_three_seconds(String size) {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = terminal(shop, size)) {
      t.waitUntil(d -> "online".equals(t.js("return window.paragonTerminal.connection")));
      TerminalOpenBenchmark.latency(t, 0); // enables DevTools' network domain
      t.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of(
          "offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
      t.waitUntil(Duration.ofSeconds(3), d -> "offline".equals(t.js("return window.paragonTerminal.connection")));
      assertThat(t.js("return document.querySelector('[data-connection]').getAttribute('data-connection')"))
          .isEqualTo("offline");
      t.screenshot(size + "-busy-night-offline");

      TerminalOpenBenchmark.latency(t, 0); // the network is back
      t.waitUntil(Duration.ofSeconds(10), d -> "online".equals(t.js("return window.paragonTerminal.connection")));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tablet", "phone"})
  void a_disabled_cashier_and_a_revoked_device_are_told_why(String size) {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = terminal(shop, size)) {
      shop.app.cutoffs.userCutOff(shop.account, shop.anna);
      t.waitUntil(d -> String.valueOf(t.js("return window.paragonTerminal.error")).contains("wyłączył Twoje konto"));
      t.screenshot(size + "-busy-night-user-cut-off");
    }
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = terminal(shop, size)) {
      long device = shop.db.read(h -> h.createQuery("SELECT id FROM devices").mapTo(Long.class).one());
      shop.app.cutoffs.deviceRevoked(shop.account, device);
      t.waitUntil(d -> String.valueOf(t.js("return window.paragonTerminal.error")).contains("usunął ten terminal"));
      t.screenshot(size + "-busy-night-device-revoked");
    }
  }
}
