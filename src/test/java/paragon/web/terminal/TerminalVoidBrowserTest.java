package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static paragon.web.terminal.TerminalLiveBrowserTest.loggedIn;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import paragon.configuration.Visibility;

/**
 * Voids after payment on the terminal (issue 12), at 1280x800 and 390x844: a manager (VOID_SALES)
 * opens the last sales from the menu, voids one line with a reason, then the rest of the sale on a
 * phone; a waiter without the permission is not offered the screen. The sale stays, corrections
 * beside it.
 */
@Tag("browser")
class TerminalVoidBrowserTest {

  private static void sell(Terminal t) {
    t.openReceipt("Stolik 1");
    t.addProduct("Espresso");
    t.addProduct("Sernik");
    t.waitSent();
    t.click("receipt-panel button[data-action=pay]");
    t.click("payment-dialog button[data-fill=CARD]");
    t.click("payment-dialog button[data-action=confirm-pay]");
    t.waitFor("payment-dialog [data-paid=true]");
    t.click("payment-dialog button[data-action=close-pay]");
    t.waitSent();
  }

  private static long number(Shop shop, String sql, String sale) {
    return shop.db.read(h -> h.createQuery(sql).bind("s", sale).mapTo(Long.class).one());
  }

  private static void openVoids(Terminal t) {
    t.click("#menu-button");
    t.click("terminal-menu button[data-action=voids]");
    t.waitFor("void-dialog dialog[open] button[data-sale]");
  }

  @Test
  void a_manager_voids_a_line_then_the_rest_of_a_sale_from_the_terminal() {
    try (Shop shop = new Shop(Visibility.ALL);
         Terminal tablet = Terminal.tablet(shop.url(""));
         Terminal phone = Terminal.phone(shop.url(""))) {
      loggedIn(shop, tablet, "Kasa 1", "AAAAAAAA", "marek", "9999");
      sell(tablet);
      String sale = shop.db.read(h -> h.createQuery("SELECT id FROM sales").mapTo(String.class).one());

      openVoids(tablet);
      assertThat(tablet.text("void-dialog button[data-sale]")).contains("Stolik 1", "25,00 zł");
      tablet.click("void-dialog button[data-sale]");
      tablet.waitFor("void-dialog form[data-void-sale]");
      assertThat(tablet.text("void-dialog [data-void-amount]")).isEqualTo("Do zwrotu (cała sprzedaż): 25,00 zł");
      for (WebElement box : tablet.all("void-dialog input[type=checkbox]")) {
        if (box.findElement(By.xpath("..")).getText().contains("Sernik")) box.click();
      }
      tablet.waitUntil(d -> tablet.text("void-dialog [data-void-amount]")
          .equals("Do zwrotu (zaznaczone pozycje): 16,00 zł"));
      // No reason: refused on the screen, nothing recorded.
      tablet.click("void-dialog button[data-action=void]");
      tablet.waitUntil(d -> tablet.text("void-dialog [role=alert]").equals("Podaj powód korekty."));
      tablet.waitFor("void-dialog #void-reason").sendKeys("Sernik nieświeży");
      tablet.screenshot("tablet-void-line");
      tablet.click("void-dialog button[data-action=void]");
      tablet.waitUntil(d -> tablet.text("void-dialog [data-void-done]").contains("zwrot 16,00 zł"));
      tablet.waitUntil(d -> tablet.text("void-dialog button[data-sale]").contains("zwrócono 16,00 zł"));
      assertThat(number(shop, "SELECT SUM(amount) FROM sale_corrections WHERE sale_id = :s", sale)).isEqualTo(1600);

      // On a phone: the rest of the same sale, whole.
      loggedIn(shop, phone, "Pocket 1", "BBBBBBBB", "marek", "9999");
      openVoids(phone);
      phone.click("void-dialog button[data-sale]");
      phone.waitFor("void-dialog form[data-void-sale]");
      assertThat(phone.all("void-dialog input[type=checkbox][disabled]")).hasSize(1);
      assertThat(phone.text("void-dialog [data-void-amount]")).isEqualTo("Do zwrotu (cała sprzedaż): 9,00 zł");
      phone.waitFor("void-dialog #void-reason").sendKeys("Gość zrezygnował");
      assertThat((Long) phone.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
          .isLessThanOrEqualTo(0);
      phone.screenshot("phone-void-rest");
      phone.click("void-dialog button[data-action=void]");
      phone.waitUntil(d -> phone.text("void-dialog [data-void-done]").contains("zwrot 9,00 zł"));
      phone.waitUntil(d -> phone.text("void-dialog button[data-sale]").contains("skorygowano"));
      assertThat(number(shop, "SELECT SUM(amount) FROM sale_corrections WHERE sale_id = :s", sale)).isEqualTo(2500);
      assertThat(number(shop, "SELECT total FROM sales WHERE id = :s", sale)).isEqualTo(2500);

      // The tablet's day report: the corrections, and by VAT rate (Espresso 8 %, Sernik 8 %), negative.
      tablet.click("void-dialog dialog[open] .buttons:last-child button");
      tablet.click("#menu-button");
      tablet.click("terminal-menu button[data-action=day-close]");
      TerminalSaleBrowserTest.answerDialog(tablet, null);
      tablet.waitFor("terminal-menu [data-day-report]");
      assertThat(tablet.text("terminal-menu [data-report=corrections]")).isEqualTo("-25,00 zł");
      assertThat(tablet.text("terminal-menu [data-report=corrections-vat]"))
          .contains("Korekty według stawek VAT", "8%", "-25,00 zł");
      tablet.screenshot("tablet-day-report-corrections");

      // A waiter without VOID_SALES is not offered the screen.
      phone.click("void-dialog dialog[open] .buttons:last-child button");
      phone.click("#menu-button");
      phone.click("terminal-menu button[data-action=logout]");
      phone.login("anna", "1234");
      phone.click("#menu-button");
      phone.waitFor("terminal-menu dialog[open] button[data-action=day-close]");
      assertThat(phone.all("terminal-menu button[data-action=voids]")).isEmpty();
    }
  }
}
