package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static paragon.web.terminal.TerminalLiveBrowserTest.loggedIn;
import static paragon.web.terminal.TerminalMenuBrowserTest.closeMenu;
import static paragon.web.terminal.TerminalMenuBrowserTest.openMenu;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import paragon.configuration.Visibility;
import paragon.testing.Rows;

/**
 * The new-user path on screen: Kasa 1 parks Stolik 3 locally under Premium, the plan goes back
 * to Max and Kasa 3 starts Stolik 3 in the shop; Kasa 1's sync makes them one table on both screens.
 */
@Tag("browser")
class TerminalSharingJoinBrowserTest {

  @Test
  void a_table_parked_locally_and_started_in_the_shop_is_one_table_on_both_terminals_after_the_sync() {
    try (Shop shop = new Shop(Visibility.ALL);
         Terminal kasa1 = Terminal.tablet(shop.url(""));
         Terminal kasa3 = Terminal.tablet(shop.url(""))) {
      shop.change(h -> h.createUpdate("UPDATE accounts SET plan = 'PREMIUM' WHERE id = :a").bind("a", shop.account)
          .execute());
      loggedIn(shop, kasa1, "Kasa 1", "AAAAAAAA", "anna", "1234");
      kasa1.openReceipt("Stolik 3");
      kasa1.addProduct("Espresso");
      kasa1.waitSent();
      long max = shop.change(h -> h.createUpdate("UPDATE accounts SET plan = 'MAX' WHERE id = :a")
          .bind("a", shop.account).execute());
      loggedIn(shop, kasa3, "Kasa 3", "BBBBBBBB", "ola", "4321");
      kasa3.openReceipt("Stolik 3");
      kasa3.addProduct("Sernik");
      kasa3.waitSent();
      assertThat(kasa3.lineNames()).containsExactly("Sernik");

      openMenu(kasa1);
      kasa1.click("terminal-menu button[data-action=sync]");
      kasa1.waitUntil(d -> kasa1.text("terminal-menu [role=alert]").equals("Konfiguracja: wersja " + max));
      closeMenu(kasa1);
      kasa1.openReceipt("Stolik 3");
      kasa1.waitUntil(d -> kasa1.lineNames().equals(List.of("Sernik", "Espresso")));
      kasa3.waitUntil(d -> kasa3.lineNames().equals(List.of("Sernik", "Espresso")));
      kasa1.screenshot("tablet-table-joined-after-sync");
      assertThat(Rows.count(shop.db, "receipts WHERE slot_id IS NOT NULL AND state IN ('OPEN','PAYING')")).isEqualTo(1);
    }
  }
}
