package paragon.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/** API keys made in the back office and presented as bearer secrets on /api/v1 (docs/api.md), on both databases. */
class ApiKeysTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_key_is_shown_once_kept_hashed_and_reads_its_account_with_its_last_use_shown(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Integrator it = new Integrator(app);
      String secret = it.key("Księgowość", null, "sales:read");
      String page = it.owner.client().get("/backoffice/api-keys").body();
      assertThat(page).contains("Księgowość", "sales:read", it.owner.email(), "never").doesNotContain(secret);
      assertThat(app.db.<Long, RuntimeException>read(h -> h.createQuery(
          "SELECT COUNT(*) FROM api_keys WHERE secret_hash = :s OR name = :s").bind("s", secret).mapTo(Long.class).one()))
          .isZero();

      WebClient.Response shops = it.get(secret, "/api/v1/shops");
      assertThat(shops.status()).as(shops.body()).isEqualTo(200);
      assertThat(shops.json().path("shops").findValuesAsText("name")).containsExactlyInAnyOrder("Rynek", "Mokotów");
      assertThat(it.owner.client().get("/backoffice/api-keys").body()).doesNotContain("never")
          .contains(java.time.Instant.ofEpochMilli(app.clock.millis()).toString().substring(0, 10));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void no_key_a_wrong_key_or_a_back_office_session_is_401(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Integrator it = new Integrator(app);
      it.key("sales:read");
      WebClient.Response none = app.client().get("/api/v1/shops");
      assertThat(none.status()).isEqualTo(401);
      assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
      assertThat(none.json().path("error").asText()).isEqualTo("unauthorized");
      assertThat(it.get("pgk_not-a-key", "/api/v1/shops").status()).isEqualTo(401);
      // The owner's session cookie opens the back office, never the API.
      assertThat(it.owner.client().get("/api/v1/shops").status()).isEqualTo(401);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_revoked_key_is_refused_at_once_and_the_page_says_who_revoked_it(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Integrator it = new Integrator(app);
      String secret = it.key("sales:read");
      String other = it.key("Lojalność", null, "catalog:read");
      assertThat(it.get(secret, "/api/v1/shops").status()).isEqualTo(200);
      long id = app.db.read(h -> h.createQuery("SELECT id FROM api_keys WHERE name = 'Księgowość'")
          .mapTo(Long.class).one());
      WebClient c = it.owner.client();
      c.get("/backoffice/api-keys");
      WebClient.Response revoked = c.postEncoded("/backoffice/api-keys/" + id + "/revoke", "");
      assertThat(revoked.status()).isEqualTo(303);
      assertThat(it.get(secret, "/api/v1/shops").status()).isEqualTo(401);
      assertThat(it.get(other, "/api/v1/shops").status()).isEqualTo(200);
      String page = c.get("/backoffice/api-keys?revoked").body();
      assertThat(page).contains("data-api-key=\"" + id + "\" data-revoked=\"true\"", "was revoked");
      // Revoking twice, or another account's key, is not found.
      assertThat(c.postEncoded("/backoffice/api-keys/" + id + "/revoke", "").status()).isEqualTo(404);
      Integrator stranger = new Integrator(app);
      stranger.owner.client().get("/backoffice/api-keys");
      long otherId = app.db.read(h -> h.createQuery("SELECT id FROM api_keys WHERE name = 'Lojalność'")
          .mapTo(Long.class).one());
      assertThat(stranger.owner.client().postEncoded("/backoffice/api-keys/" + otherId + "/revoke", "").status())
          .isEqualTo(404);
      assertThat(it.get(other, "/api/v1/shops").status()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_bad_form_is_refused_naming_the_field_and_stores_nothing(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Integrator it = new Integrator(app);
      WebClient c = it.owner.client();
      c.get("/backoffice/api-keys");
      String[][] cases = {
          {"name=&scopes=sales:read", "name"},
          {"name=" + "x".repeat(41) + "&scopes=sales:read", "name"},
          {"name=A", "scopes"},
          {"name=A&scopes=everything", "scopes"},
          {"name=A&scopes=sales:read&shop=abc", "shop"},
          {"name=A&scopes=sales:read&shop=999999", "shop"}};
      for (String[] k : cases) {
        WebClient.Response r = c.postEncoded("/backoffice/api-keys", k[0]);
        assertThat(r.status()).as(k[0]).isEqualTo(400);
        assertThat(r.body()).as(k[0]).contains("data-field-error=\"" + k[1] + "\"", k[1] + ": ");
      }
      assertThat(app.db.<Long, RuntimeException>read(h -> h.createQuery("SELECT COUNT(*) FROM api_keys")
          .mapTo(Long.class).one())).isZero();
      // Without the CSRF token nothing is created either.
      assertThat(c.postFormRaw("/backoffice/api-keys", java.util.Map.of("name", "A", "scopes", "sales:read"))
          .status()).isEqualTo(403);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_key_without_the_scope_is_403_naming_it(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Integrator it = new Integrator(app);
      String secret = it.key("catalog:read");
      WebClient.Response r = it.get(secret, "/api/v1/sales");
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.json().path("message").asText()).contains("sales:read");
      assertThat(it.get(secret, "/api/v1/receipts").status()).isEqualTo(403);
      assertThat(it.get(secret, "/api/v1/catalog").status()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_key_past_its_bucket_gets_429_with_retry_after_and_the_rate_limit_headers(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Integrator it = new Integrator(app);
      String secret = it.key("catalog:read");
      String other = it.key("Lojalność", null, "catalog:read");
      for (int i = 0; i < ApiAuth.CAPACITY; i++) {
        WebClient.Response r = it.get(secret, "/api/v1/shops");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("RateLimit-Limit")).isEqualTo(String.valueOf(ApiAuth.CAPACITY));
        assertThat(r.header("RateLimit-Remaining")).isEqualTo(String.valueOf(ApiAuth.CAPACITY - 1 - i));
      }
      WebClient.Response refused = it.get(secret, "/api/v1/shops");
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.header("Retry-After")).isEqualTo("1");
      assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
      assertThat(Long.parseLong(refused.header("RateLimit-Reset"))).isEqualTo(ApiAuth.CAPACITY);
      assertThat(refused.json().path("error").asText()).isEqualTo("too_many");
      // Another key has its own bucket; a second later this one has a token again.
      assertThat(it.get(other, "/api/v1/shops").status()).isEqualTo(200);
      app.clock.advance(Duration.ofSeconds(1));
      assertThat(it.get(secret, "/api/v1/shops").status()).isEqualTo(200);
      assertThat(it.get(secret, "/api/v1/shops").status()).isEqualTo(429);
    }
  }
}
