package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import paragon.configuration.Visibility;

/**
 * A denser receipt (issue 15): at least 9 lines fit on the 1280x800 tablet and 6 on the 390x844
 * phone, and the line actions (shown on the selected line only) stay 44 px touch targets.
 */
@Tag("browser")
class TerminalDenseReceiptBrowserTest {
  private static final List<String> PRODUCTS = List.of("Espresso", "Cappuccino", "Sernik", "Piwo");

  /** How many lines of the receipt are wholly inside the visible part of the scrolling list. */
  private static long visibleLines(Terminal t) {
    return ((Number) t.js("""
        const list = document.querySelector('receipt-panel .lines');
        const box = list.getBoundingClientRect();
        const bottom = Math.min(box.bottom, window.innerHeight);
        return [...list.querySelectorAll('li[data-line]')].filter((li) => {
          const r = li.getBoundingClientRect();
          return r.height > 0 && r.top >= box.top - 0.5 && r.bottom <= bottom + 0.5;
        }).length;""")).longValue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tablet", "phone"})
  void many_lines_fit_and_the_selected_line_keeps_44_px_actions(String size) {
    boolean phone = size.equals("phone");
    try (Shop shop = new Shop(Visibility.ALL);
        Terminal t = phone ? Terminal.phone(shop.url("")) : Terminal.tablet(shop.url(""))) {
      TerminalLiveBrowserTest.loggedIn(shop, t, phone ? "Pocket 1" : "Kasa 1", "ABCDEFGH", "marek", "9999");
      t.waitUntil(d -> t.text("#current-name").contains("Sprzedaż 1"));
      t.drawer(false); // a phone shows the receipts when nothing is under way
      for (int i = 0; i < 12; i++) t.addProduct(PRODUCTS.get(i % PRODUCTS.size()));
      t.waitSent();
      t.waitUntil(d -> t.lineNames().size() == 12);
      if (phone) t.click("sale-screen .tabs button:last-child");
      t.waitFor("receipt-panel .lines li[data-line]");
      t.js("document.querySelector('receipt-panel .lines').scrollTop = 0");
      t.screenshot(size + "-dense-receipt-twelve-lines");
      long shown = visibleLines(t);
      assertThat(shown).as("lines wholly visible on the " + size).isGreaterThanOrEqualTo(phone ? 6 : 9);

      // Tapping a line selects it: its quantity and actions appear, every one a 44 px target.
      t.click("receipt-panel .lines li[data-line]:nth-child(2) .line-main");
      t.waitFor("receipt-panel .lines li[data-line][aria-selected=true] button[data-action=plus]");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> targets = (List<Map<String, Object>>) t.js("""
          return [...document.querySelectorAll('receipt-panel .lines li[aria-selected=true] button')]
            .map((b) => { const r = b.getBoundingClientRect();
              return {action: b.dataset.action, w: r.width, h: r.height}; });""");
      assertThat(targets).extracting(m -> m.get("action"))
          .contains("minus", "plus", "price", "line-discount", "line-note", "remove");
      for (Map<String, Object> b : targets) {
        assertThat(((Number) b.get("w")).doubleValue()).as(b.toString()).isGreaterThanOrEqualTo(44);
        assertThat(((Number) b.get("h")).doubleValue()).as(b.toString()).isGreaterThanOrEqualTo(44);
      }
      assertThat(t.all("receipt-panel .lines li[data-line] button[data-action=plus]")).hasSize(1);
      // Even with one line open, the list still shows most lines.
      assertThat(visibleLines(t)).isGreaterThanOrEqualTo(phone ? 4 : 7);
      t.screenshot(size + "-dense-receipt");

      t.click("receipt-panel .lines li[aria-selected=true] button[data-action=plus]");
      t.waitSent();
      t.waitUntil(d -> "2000".equals(String.valueOf(t.js(
          "return String(window.paragonTerminal.current.lines[1].quantity)"))));
    }
  }
}
