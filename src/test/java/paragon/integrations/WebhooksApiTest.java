package paragon.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/** Webhook subscriptions per API key through /api/v1/webhooks (docs/api.md), on both databases. */
class WebhooksApiTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_key_subscribes_lists_and_deletes_only_its_own_and_revoking_it_deletes_them(TestDatabases.Kind kind)
      throws Exception {
    try (TestApp app = TestApp.start(kind)) {
      Integrator it = new Integrator(app);
      String key = it.key("Lojalność", null, "webhooks");
      String other = it.key("Kuchnia", it.shopB, "webhooks");
      WebClient.Response made = post(it, key, Map.of("url", "https://loyalty.example/hooks",
          "events", List.of("sale.created", "day.closed")));
      assertThat(made.status()).as(made.body()).isEqualTo(201);
      assertThat(made.json().path("secret").asText()).startsWith("whsec_");
      long id = made.json().path("id").asLong();
      assertThat(app.db.<Long, RuntimeException>read(h -> h.createQuery(
          "SELECT api_key_id FROM webhook_subscriptions WHERE id = :id").bind("id", id).mapTo(Long.class).one()))
          .isNotNull();

      // The other key is limited to shop B: its subscription is for shop B, and it sees only its own.
      WebClient.Response limited = post(it, other, Map.of("url", "https://kitchen.example/h", "events",
          List.of("receipt.opened")));
      assertThat(limited.json().path("shopId").asLong()).isEqualTo(it.shopB);
      assertThat(post(it, other, Map.of("url", "https://kitchen.example/h", "events", List.of("receipt.opened"),
          "shop", it.shopA)).status()).isEqualTo(404);
      assertThat(post(it, other, Map.of("url", "https://kitchen.example/h", "events", List.of("receipt.opened"),
          "shopId", it.shopA)).status()).isEqualTo(404);
      // shopId, the answer's name for it, limits a subscription as shop does (never silently every shop).
      WebClient.Response byShopId = post(it, key, Map.of("url", "https://loyalty.example/shop-a", "events",
          List.of("sale.created"), "shopId", it.shopA));
      assertThat(byShopId.status()).as(byShopId.body()).isEqualTo(201);
      assertThat(byShopId.json().path("shopId").asLong()).isEqualTo(it.shopA);
      assertThat(delete(it, key, "/api/v1/webhooks/" + byShopId.json().path("id").asLong())).isEqualTo(204);
      JsonNode mine = it.get(key, "/api/v1/webhooks").json().path("webhooks");
      assertThat(mine).hasSize(1);
      assertThat(mine.get(0).path("url").asText()).isEqualTo("https://loyalty.example/hooks");
      assertThat(delete(it, other, "/api/v1/webhooks/" + id)).isEqualTo(404);
      // The back office lists them too, as the account's.
      assertThat(it.owner.client().get("/backoffice/webhooks").body()).contains("https://loyalty.example/hooks");

      assertThat(delete(it, key, "/api/v1/webhooks/" + id)).isEqualTo(204);
      assertThat(it.get(key, "/api/v1/webhooks").json().path("webhooks")).isEmpty();

      long otherId = app.db.read(h -> h.createQuery("SELECT id FROM api_keys WHERE name = 'Kuchnia'")
          .mapTo(Long.class).one());
      WebClient c = it.owner.client();
      c.get("/backoffice/api-keys");
      assertThat(c.postEncoded("/backoffice/api-keys/" + otherId + "/revoke", "").status()).isEqualTo(303);
      assertThat(app.db.<Long, RuntimeException>read(h -> h.createQuery("SELECT COUNT(*) FROM webhook_subscriptions")
          .mapTo(Long.class).one())).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_bad_subscription_is_400_naming_the_field_and_without_the_scope_403(TestDatabases.Kind kind) throws Exception {
    try (TestApp app = TestApp.start(kind)) {
      Integrator it = new Integrator(app);
      String key = it.key("webhooks");
      assertThat(post(it, key, Map.of("url", "http://example.com/h", "events", List.of("sale.created")))
          .json().path("field").asText()).isEqualTo("url");
      WebClient.Response unknown = post(it, key, Map.of("url", "https://example.com/h", "events", List.of("nope")));
      assertThat(unknown.json().path("field").asText()).isEqualTo("events");
      // The message names the types an integrator may send (not the back office's "choose one").
      assertThat(unknown.json().path("message").asText()).contains("sale.created", "catalog.changed");
      assertThat(post(it, key, Map.of("url", "https://example.com/h", "events", List.of()))
          .json().path("field").asText()).isEqualTo("events");
      assertThat(post(it, key, Map.of("url", "https://example.com/h", "events", List.of("sale.created"), "shop", "x"))
          .json().path("field").asText()).isEqualTo("shop");
      assertThat(post(it, key, Map.of("url", "https://example.com/h", "events", List.of("sale.created"), "shopId", "x"))
          .json().path("field").asText()).isEqualTo("shopId");
      WebClient.Response notJson = app.client().postBody("/api/v1/webhooks", "application/json", "{nope",
          Map.of("Authorization", "Bearer " + key));
      assertThat(notJson.status()).isEqualTo(400);
      assertThat(notJson.json().path("field").asText()).isEqualTo("body");
      assertThat(app.db.<Long, RuntimeException>read(h -> h.createQuery("SELECT COUNT(*) FROM webhook_subscriptions")
          .mapTo(Long.class).one())).isZero();
      String reader = it.key("Czytnik", null, "sales:read");
      assertThat(post(it, reader, Map.of("url", "https://example.com/h", "events", List.of("sale.created"))).status())
          .isEqualTo(403);
      assertThat(it.get(reader, "/api/v1/webhooks").status()).isEqualTo(403);
    }
  }

  private static WebClient.Response post(Integrator it, String key, Map<String, Object> body) {
    return it.app.client().postJson("/api/v1/webhooks", body, Map.of("Authorization", "Bearer " + key));
  }

  private static int delete(Integrator it, String key, String path) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create(it.app.url(path))).DELETE()
        .header("Authorization", "Bearer " + key).build();
    return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
