package paragon.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.Plan;
import paragon.storage.Database;
import paragon.testing.MutableClock;
import paragon.testing.Owners;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;
import paragon.web.Json;

/** Webhooks against a real receiver on 127.0.0.1 (docs/api.md, "Webhooks"), on both databases. */
class WebhooksTest {
  static final WebhookSettings FAST = new WebhookSettings(true, Duration.ofMillis(20), Duration.ofSeconds(3),
      Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(24), Duration.ofSeconds(1),
      Duration.ofSeconds(2));
  private static final Pattern SECRET = Pattern.compile("<code>(whsec_[0-9a-f]+)</code>");

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_catalog_save_is_delivered_signed_with_the_subscriptions_secret(TestDatabases.Kind kind) throws Exception {
    try (Receiver receiver = new Receiver(n -> 200);
        TestApp app = new TestApp(TestDatabases.open(kind), new MutableClock(), FAST)) {
      Owners.Owner owner = Owners.signedIn(app, Plan.MAX, "en");
      String secret = subscribe(owner.client(), receiver.url("/hook"), "catalog.changed");
      owner.client().postForm("/backoffice/products/categories", Map.of("name", "Napoje"));

      await(() -> status(app.db).equals("delivered"));
      assertThat(receiver.hits).hasSize(1);
      Receiver.Hit hit = receiver.hits.getFirst();
      JsonNode body = Json.tree(hit.body(), "webhook body");
      assertThat(body.path("type").asText()).isEqualTo("catalog.changed");
      assertThat(body.path("accountId").asLong()).isEqualTo(owner.accountId());
      assertThat(body.path("id").asText()).matches("[0-9a-f-]{36}");
      assertThat(body.path("data").path("revision").asLong()).isPositive();
      // Verified as a receiver would (docs/api.md): HMAC-SHA256(secret, t + "." + body), hex.
      Matcher m = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})").matcher(hit.signature());
      assertThat(m.matches()).as(hit.signature()).isTrue();
      assertThat(m.group(2)).isEqualTo(hmac(secret, m.group(1) + "." + hit.body()))
          .isNotEqualTo(hmac(secret, m.group(1) + "." + hit.body() + " "));
      assertThat(owner.client().get("/backoffice/webhooks").body()).contains("data-status=\"delivered\"",
          "Delivered").doesNotContain(secret);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_receiver_that_fails_gets_the_event_again_after_backoff_until_it_answers(TestDatabases.Kind kind) {
    try (Receiver receiver = new Receiver(n -> n < 2 ? 500 : 204);
        TestApp app = new TestApp(TestDatabases.open(kind), new MutableClock(), FAST)) {
      Owners.Owner owner = Owners.signedIn(app, Plan.MAX, "pl");
      subscribe(owner.client(), receiver.url("/hook"), "catalog.changed");
      owner.client().postForm("/backoffice/products/categories", Map.of("name", "Desery"));

      await(() -> receiver.hits.size() >= 1);
      await(() -> lastStatus(app.db) != null);
      assertThat(status(app.db)).isEqualTo("pending");
      // Not before its backoff: the clock has not moved, so no second attempt comes.
      assertThat(receiver.hits).hasSize(1);
      await(() -> {
        app.clock.advance(Duration.ofMinutes(1));
        return status(app.db).equals("delivered");
      });
      assertThat(receiver.hits).hasSize(3);
      assertThat(receiver.hits).extracting(h -> Json.tree(h.body(), "b").path("id").asText()).containsOnly(
          Json.tree(receiver.hits.getFirst().body(), "b").path("id").asText());
      assertThat(app.db.<Integer, RuntimeException>read(h -> h.createQuery("SELECT attempts FROM webhook_deliveries").mapTo(Integer.class).one()))
          .isEqualTo(3);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_redirect_is_not_followed_and_counts_as_a_failed_attempt(TestDatabases.Kind kind) {
    try (Receiver receiver = new Receiver(n -> 302);
        TestApp app = new TestApp(TestDatabases.open(kind), new MutableClock(), FAST)) {
      Owners.Owner owner = Owners.signedIn(app, Plan.MAX, "en");
      subscribe(owner.client(), receiver.url("/hook"), "catalog.changed");
      owner.client().postForm("/backoffice/products/categories", Map.of("name", "Zupy"));
      await(() -> lastStatus(app.db) != null);
      assertThat(lastStatus(app.db)).isEqualTo(302);
      assertThat(status(app.db)).isEqualTo("pending");
      assertThat(receiver.hits).extracting(Receiver.Hit::path).containsExactly("/hook");
      assertThat(app.db.<String, RuntimeException>read(h -> h.createQuery("SELECT last_error FROM webhook_deliveries").mapTo(String.class)
          .one())).startsWith("redirect not followed");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void an_http_url_is_refused_naming_url_and_nothing_is_stored(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Owners.Owner owner = Owners.signedIn(app, Plan.MAX, "en");
      WebClient c = owner.client();
      c.get("/backoffice/webhooks");
      // Without the setting even this machine over http is refused.
      for (String url : new String[] {"http://example.com/hook", "http://127.0.0.1:9/hook", "ftp://x/y", "nonsense"}) {
        WebClient.Response r = c.postEncoded("/backoffice/webhooks",
            "url=" + WebClient.enc(url) + "&events=sale.created");
        assertThat(r.status()).as(url).isEqualTo(400);
        assertThat(r.body()).as(url).contains("data-field-error=\"url\"", "url: ");
      }
      WebClient.Response noEvents = c.postEncoded("/backoffice/webhooks", "url=" + WebClient.enc("https://x.example/h"));
      assertThat(noEvents.status()).isEqualTo(400);
      assertThat(noEvents.body()).contains("data-field-error=\"events\"");
      assertThat(app.db.<Long, RuntimeException>read(h -> h.createQuery("SELECT COUNT(*) FROM webhook_subscriptions").mapTo(Long.class).one()))
          .isZero();
      WebClient.Response ok = c.postEncoded("/backoffice/webhooks",
          "url=" + WebClient.enc("https://x.example/h") + "&events=sale.created&events=day.closed");
      assertThat(ok.status()).isEqualTo(201);
      assertThat(ok.body()).contains("whsec_", "sale.created, day.closed");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_delivery_claimed_when_the_server_stops_is_delivered_after_the_restart(TestDatabases.Kind kind)
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Database db = TestDatabases.open(kind);
    MutableClock clock = new MutableClock();
    try (Receiver receiver = new Receiver(n -> {
      if (n == 0) awaitQuietly(release);
      return 200;
    })) {
      TestApp first = new TestApp(db, clock, FAST);
      Owners.Owner owner = Owners.signedIn(first, Plan.MAX, "en");
      subscribe(owner.client(), receiver.url("/hook"), "catalog.changed");
      owner.client().postForm("/backoffice/products/categories", Map.of("name", "Wina"));
      await(() -> receiver.hits.size() == 1);
      // Claimed and in flight: the first node stops before the receiver answers.
      assertThat(app(db, "SELECT lease_until FROM webhook_deliveries")).isNotNull();
      first.stopServer();
      release.countDown();
      assertThat(status(db)).isEqualTo("pending");

      try (TestApp second = new TestApp(db, clock, FAST)) {
        clock.advance(FAST.lease().plusSeconds(1));
        await(() -> status(db).equals("delivered"));
        // At least once: the receiver saw the event twice, with one id to deduplicate on.
        assertThat(receiver.hits).hasSize(2);
        String id = Json.tree(receiver.hits.getFirst().body(), "b").path("id").asText();
        assertThat(receiver.hits).extracting(h -> Json.tree(h.body(), "b").path("id").asText()).containsOnly(id);
      }
    }
  }

  private static Long app(Database db, String sql) {
    return db.read(h -> h.createQuery(sql).mapTo(Long.class).findOne().orElse(null));
  }

  static String subscribe(WebClient c, String url, String event) {
    c.get("/backoffice/webhooks");
    WebClient.Response r = c.postEncoded("/backoffice/webhooks", "url=" + WebClient.enc(url) + "&events=" + event);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    Matcher m = SECRET.matcher(r.body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  static String status(Database db) {
    return db.read(h -> h.createQuery("SELECT status FROM webhook_deliveries").mapTo(String.class).one());
  }

  static Integer lastStatus(Database db) {
    return db.read(h -> h.createQuery("SELECT last_status FROM webhook_deliveries").mapTo(Integer.class).one());
  }

  /** Waits (at most 20 s) for {@code done}: the worker runs on its own thread. */
  static void await(BooleanSupplier done) {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 20 s").isLessThan(until);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String hmac(String secret, String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }
}
