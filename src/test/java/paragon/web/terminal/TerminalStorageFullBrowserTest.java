package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import paragon.configuration.DeviceModel;
import paragon.configuration.Visibility;
import paragon.testing.Rows;

/**
 * A tap whose command cannot be stored on the device (IndexedDB refusing the write) is not taken: the cashier is told
 * in plain words, nothing reaches the server, and once storage works again the next tap is stored, sent once and
 * survives a reload. A command is never sent before it is stored, so a reload can never give its number to another one.
 */
@Tag("browser")
class TerminalStorageFullBrowserTest {

  @Test
  void a_change_that_cannot_be_stored_on_the_terminal_is_refused_there_in_plain_words_and_never_sent() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      long device = shop.device("Kasa 1", DeviceModel.SMART_PLUS, "ABCDEFGH");
      t.open();
      t.pair("ABCDEFGH");
      t.login("anna", "1234");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1"));
      t.addProduct("Espresso");
      t.waitUntil(d -> t.lineNames().equals(List.of("Espresso")));
      t.waitSent();
      long applied = Rows.count(shop.db, "commands WHERE device_id = " + device);

      // The app's IndexedDB connection closed under it (the browser does this when the disk is full or
      // the site's storage is cleared): every write fails with the real IndexedDB error.
      t.js("window.paragonTerminal.store.db.close()");
      t.addProduct("Sernik");
      t.waitFor(".notice[data-notice=unsaved]");
      assertThat(t.text(".notice[data-notice=unsaved]")).contains("Sprzedaż 1").contains("pamięć terminala")
          .contains("Sernik × 1");
      assertThat(t.text("sale-screen p.error")).contains("Nie można zapisać na tym terminalu");
      t.screenshot("tablet-storage-full");
      assertThat(t.lineNames()).as("the tap was not taken").isEqualTo(List.of("Espresso"));
      assertThat(t.js("return window.paragonTerminal.unsent")).isEqualTo(0L);
      assertThat(Rows.count(shop.db,
          "commands WHERE device_id = " + device)).as("nothing reached the server").isEqualTo(applied);

      // Storage works again (a connection opened anew, as after a reload).
      t.driver.executeAsyncScript("""
          const done = arguments[arguments.length - 1];
          import('/terminal/store.js').then((m) => m.Store.open()).then((store) => {
            window.paragonTerminal.store = store;
            done(true);
          });""");
      t.click(".notice[data-notice=unsaved] button[data-action=dismiss]");
      t.addProduct("Cappuccino");
      t.waitUntil(d -> t.lineNames().equals(List.of("Espresso", "Cappuccino")));
      t.waitSent();
      t.waitUntil(d -> t.all("sale-screen p.error").isEmpty());
      assertThat(Rows.count(shop.db, "commands WHERE device_id = " + device + " AND status = 'accepted'"))
          .as("Cappuccino applied once, under the number after Espresso's").isEqualTo(applied + 1);
      assertThat(Rows.count(shop.db, "lines WHERE removed = :f", "f", false)).isEqualTo(2);

      t.driver.navigate().refresh();
      t.waitUntil(d -> t.lineNames().equals(List.of("Espresso", "Cappuccino")));
      assertThat(t.all(".notice[data-notice=unsaved]")).as("the dismissed notice stays dismissed").isEmpty();
    }
  }
}
