package paragon.kitchen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.Plan;
import paragon.demo.Seed;
import paragon.testing.Owners;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/**
 * The kitchen display in the back office: open tickets oldest first, a cancellation marked, done
 * (with the CSRF token only) takes a ticket off the board, the printable 80 mm ticket; another
 * account's ticket is not found. Tickets are written as the command service writes them.
 */
class KitchenPagesTest {

  static long ticket(TestApp app, long account, long shop, String receipt, String kind, String lines, long at) {
    return app.db.inTransaction(h -> h.createQuery("""
            INSERT INTO kitchen_tickets (account_id, shop_id, receipt_id, receipt_name, kind, waiter_name, device_id, n,
                lines, created_at)
            VALUES (:a, :s, :r, :r, :k, 'Anna Nowak', 1, :at, :l, :at) RETURNING id""")
        .bind("a", account).bind("s", shop).bind("r", receipt).bind("k", kind).bind("l", lines).bind("at", at)
        .mapTo(Long.class).one());
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_board_lists_open_tickets_oldest_first_and_done_takes_one_off(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Owners.Owner owner = Owners.signedIn(app, Plan.MAX, "pl");
      Owners.Owner other = Owners.signedIn(app, Plan.MAX, "pl");
      long now = app.clock.millis();
      long shop = app.db.inTransaction(h -> Seed.shop(h, owner.accountId(), "Rynek", true, now));
      long second = ticket(app, owner.accountId(), shop, "Stolik 2", "send",
          "[{\"lineId\":\"b\",\"name\":\"Stek\",\"quantity\":1000,\"modifiers\":[\"krwisty\"],\"course\":2,\"seat\":1}]",
          now - 1000);
      long first = ticket(app, owner.accountId(), shop, "Stolik 1", "send",
          "[{\"lineId\":\"a\",\"name\":\"Zupa\",\"quantity\":2000,\"modifiers\":[],\"note\":\"bez soli\",\"course\":1}]",
          now - 60_000);
      long cancel = ticket(app, owner.accountId(), shop, "Stolik 1", "cancel",
          "[{\"lineId\":\"a\",\"name\":\"Zupa\",\"quantity\":1000,\"modifiers\":[]}]", now);
      long foreign = ticket(app, other.accountId(), shop, "Obcy", "send", "[]", now);
      WebClient c = owner.client();

      String page = c.get("/backoffice/kitchen").body();
      assertThat(page).contains("hx-trigger=\"every 2s\"", "/assets/kitchen.js", "Stolik 1", "Stolik 2",
          "2 ×", "Zupa", "bez soli", "Danie 1", "Danie 2", "Miejsce 1", "krwisty", "Anulowane", "data-sent-at=\"" + (now - 60_000))
          .doesNotContain("Obcy", "<script>");
      assertThat(page.indexOf("data-ticket=\"" + first)).isLessThan(page.indexOf("data-ticket=\"" + second));
      assertThat(page.indexOf("data-ticket=\"" + second)).isLessThan(page.indexOf("data-ticket=\"" + cancel));
      assertThat(page).contains("class=\"ticket cancel\" data-ticket=\"" + cancel + "\"");
      assertThat(c.get("/backoffice/kitchen?lang=en").body()).contains("Course 1", "Seat 1", "Cancelled", "Done");
      assertThat(c.get("/backoffice/kitchen/board?shop=" + shop).body()).contains("data-ticket=\"" + first);

      assertThat(c.postFormRaw("/backoffice/kitchen/tickets/" + first + "/done", Map.of()).status()).isEqualTo(403);
      assertThat(c.get("/backoffice/kitchen/board").body()).contains("data-ticket=\"" + first + "\"");
      assertThat(c.postForm("/backoffice/kitchen/tickets/" + first + "/done", Map.of()).status()).isEqualTo(303);
      assertThat(c.get("/backoffice/kitchen/board").body()).doesNotContain("data-ticket=\"" + first + "\"")
          .contains("data-ticket=\"" + second + "\"");
      assertThat(c.postForm("/backoffice/kitchen/tickets/" + foreign + "/done", Map.of()).status()).isEqualTo(404);
      assertThat(c.get("/backoffice/kitchen/tickets/" + foreign + "/print").status()).isEqualTo(404);

      String print = c.get("/backoffice/kitchen/tickets/" + second + "/print?lang=pl").body();
      assertThat(print).contains("/assets/kitchen-print.css", "Stek", "krwisty", "Danie 2", "Miejsce 1", "data-print")
          .doesNotContain("onclick");
      assertThat(app.client().get("/assets/kitchen-print.css").body()).contains("@page { size: 80mm auto");
      assertThat(app.client().get("/backoffice/kitchen").status()).isEqualTo(303);
      // /kitchen is the kitchen display device's page (KitchenDisplayDeviceTest); its script sends a
      // browser signed in to the back office on to /backoffice/kitchen (KitchenBrowserTest).
      assertThat(app.client().get("/kitchen").body()).contains("href=\"/backoffice/kitchen\"");
    }
  }
}
