package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import paragon.configuration.DeviceModel;
import paragon.configuration.Visibility;
import paragon.testing.Rows;

/** A command the server refuses is shown in plain words, with where its lines are (DESIGN rule 6). */
@Tag("browser")
class TerminalRefusalBrowserTest {

  @Test
  void deleting_a_receipt_with_lines_is_not_offered_without_the_void_permission_and_if_sent_is_refused_the_lines_kept() {
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      shop.device("Kasa 1", DeviceModel.SMART_PLUS, "STUVWXYZ");
      t.open();
      t.pair("STUVWXYZ");
      t.login("anna", "1234");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1"));
      t.addProduct("Espresso");
      t.waitUntil(d -> t.lineNames().contains("Espresso"));
      t.waitSent();
      assertThat(t.all("receipt-panel button[data-action=delete]")).as("not offered without VOID_LINES").isEmpty();
      // The same command as a screen one step behind would send it (the button was there a moment ago):
      // the server still refuses it, and the cashier is told so in plain words.
      t.js("const t = window.paragonTerminal; t.remove(t.current);");
      String notice = t.text(".notice[data-notice=refused]");
      assertThat(notice).contains("Sprzedaż 1").contains("Espresso × 1").contains("zostały tam, gdzie były");
      t.screenshot("tablet-refused-notice");
      assertThat(t.js("""
          const n = document.querySelector('.notices').getBoundingClientRect();
          return [...document.querySelectorAll('receipt-panel button, receipts-list button')].filter((b) => {
            const r = b.getBoundingClientRect();
            return r.width > 0 && r.left < n.right && r.right > n.left && r.top < n.bottom && r.bottom > n.top;
          }).map((b) => b.textContent.trim());"""))
          .as("buttons of the receipt and of the list that the notice covers while it waits for OK").isEqualTo(List.of());
      t.waitSent();
      assertThat(t.text("#current-name")).contains("Sprzedaż 1");
      t.waitUntil(d -> t.lineNames().contains("Espresso"));
      assertThat(Rows.count(shop.db, "receipts WHERE state = 'OPEN'")).isEqualTo(1);
      t.click(".notice button");
      t.waitUntil(d -> t.all(".notice").isEmpty());
    }
  }
}
