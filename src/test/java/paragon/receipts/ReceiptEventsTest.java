package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.testing.TestDatabases;
import paragon.web.Json;

/**
 * The webhook events of commands (docs/api.md, "Webhooks"): written in the command's transaction,
 * only for a subscribed type and shop, one row per event and matching subscription.
 */
class ReceiptEventsTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_sale_writes_opened_changed_closed_sale_created_and_day_closed_for_the_subscribed_types(
      TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      // Everything but receipt.changed, for this shop; another shop's subscription gets nothing.
      subscribe(f, ",receipt.opened,receipt.closed,sale.created,day.closed,", f.shop);
      subscribe(f, ",receipt.opened,", f.otherShop);
      Terminal a = f.terminal("anna");
      String r = a.openAdHoc();
      a.add(r, f.beer, 2000);
      JsonNode paid = a.send("pay", "receiptId", r, "seq", f.receipt(r).seq(),
          "payments", List.of(Map.of("method", "CASH", "amount", 3000)));
      assertThat(paid.path("status").asText()).isEqualTo("accepted");
      assertThat(a.send("dayClose").path("status").asText()).isEqualTo("accepted");

      List<String> types = f.app.db.read(h -> h.createQuery("SELECT type FROM webhook_deliveries ORDER BY id")
          .mapTo(String.class).list());
      assertThat(types).containsExactly("receipt.opened", "receipt.closed", "sale.created", "day.closed");
      JsonNode sale = Json.tree(f.app.db.read(h -> h.createQuery(
          "SELECT body FROM webhook_deliveries WHERE type = 'sale.created'").mapTo(String.class).one()), "sale");
      assertThat(sale.path("shopId").asLong()).isEqualTo(f.shop);
      assertThat(sale.path("accountId").asLong()).isEqualTo(f.account);
      assertThat(sale.path("data").path("receiptId").asText()).isEqualTo(r);
      assertThat(sale.path("data").path("total").asLong()).isEqualTo(2500);
      assertThat(sale.path("createdAt").asText()).endsWith("Z");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void without_a_subscription_a_command_writes_no_event(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      a.add(a.openAdHoc(), f.beer, 1000);
      assertThat(f.count("webhook_deliveries")).isZero();
    }
  }

  private static void subscribe(Floor f, String events, long shop) {
    f.app.db.inTransaction(h -> h.createUpdate("""
            INSERT INTO webhook_subscriptions (account_id, url, events, shop_id, secret, created_at, created_by)
            VALUES (:a, 'https://receiver.invalid/hook', :e, :s, 'whsec_test', 0, 'test')""")
        .bind("a", f.account).bind("e", events).bind("s", shop).execute());
  }
}
