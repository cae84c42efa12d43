package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import paragon.Paragon;
import paragon.accounts.Visibility;
import paragon.devices.DeviceModel;
import paragon.settings.Settings;
import paragon.storage.Database;
import paragon.testing.MutableClock;
import paragon.testing.Rows;
import paragon.testing.TestDatabases;

/**
 * The network to the server really goes away (the app is stopped) and comes back (a new app on the same
 * database and port): the terminal keeps selling from its cached shell and IndexedDB, survives a
 * reload, and sends everything once, in order, when the server is back.
 */
@Tag("browser")
class TerminalOfflineBrowserTest {
  static final Settings SETTINGS = new Settings(0, "jdbc:sqlite:unused", false, "127.0.0.1");

  @Test
  void offline_sell_reload_and_reconnect_sends_everything_exactly_once() {
    Database db = TestDatabases.sqlite();
    MutableClock clock = new MutableClock();
    Javalin server = Paragon.create(SETTINGS, db, clock).start("127.0.0.1", 0);
    int port = server.port();
    Shop shop = new Shop(db, clock, "http://127.0.0.1:" + port, Visibility.ALL);
    try (Terminal t = Terminal.tablet(shop.url(""))) {
      shop.device("Kasa 1", DeviceModel.SMART_PLUS, "QRSTUVWX");
      t.open();
      t.pair("QRSTUVWX");
      t.login("anna", "1234");
      t.waitUntil(d -> "online".equals(t.js("return window.paragonTerminal.connection")));
      t.waitUntil(d -> d.findElement(By.id("current-name")).getText().contains("Sprzedaż 1"));
      t.addProduct("Espresso");
      t.waitSent();
      waitForOfflineShell(t);

      server.stop();
      t.waitUntil(d -> "offline".equals(t.js("return window.paragonTerminal.connection")));
      t.addProduct("Sernik");
      t.addProduct("Cappuccino");
      t.waitUntil(d -> "2".equals(d.findElement(By.cssSelector(".topbar .badge[data-unsent]")).getText()));
      t.screenshot("tablet-offline-unsent");

      t.driver.navigate().refresh();
      t.waitUntil(d -> t.lineNames().equals(List.of("Espresso", "Sernik", "Cappuccino")));
      assertThat(t.text(".topbar .badge[data-unsent]")).isEqualTo("2");
      assertThat(t.text("#receipt-total")).isEqualTo("39,00 zł");
      assertThat(Rows.count(db, "lines")).isEqualTo(1);

      server = Paragon.create(SETTINGS, db, clock).start("127.0.0.1", port);
      t.waitUntil(d -> "online".equals(t.js("return window.paragonTerminal.connection")));
      t.waitSent();
      t.waitUntil(d -> d.findElements(By.cssSelector(".topbar .badge[data-unsent]")).isEmpty());
      assertThat(Rows.count(db, "lines WHERE removed = :f", "f", false)).isEqualTo(3);
      assertThat(Rows.count(db, "lines WHERE name = 'Sernik'")).isEqualTo(1);
      assertThat(Rows.count(db, "commands WHERE type = 'addLine'")).isEqualTo(3);
      t.waitUntil(d -> d.findElement(By.id("receipt-total")).getText().equals("39,00 zł"));
    } finally {
      server.stop();
      db.close();
    }
  }

  /** The service worker is in control and holds the shell, the app's modules and Lit. */
  static void waitForOfflineShell(Terminal t) {
    t.waitUntil(d -> Boolean.TRUE.equals(t.driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        (async () => {
          if (!navigator.serviceWorker.controller) return false;
          const keys = await caches.keys();
          const key = keys.find((k) => k.startsWith('paragon-terminal-'));
          if (!key) return false;
          const urls = (await (await caches.open(key)).keys()).map((r) => new URL(r.url).pathname);
          return urls.includes('/terminal') && urls.includes('/terminal/terminal.js')
            && urls.some((u) => u.startsWith('/webjars/lit-html/')) && urls.some((u) => u.startsWith('/webjars/lit__reactive-element/'));
        })().then(done, () => done(false));""")));
  }
}
