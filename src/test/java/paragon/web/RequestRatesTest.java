package paragon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.metrics.Scrape;
import paragon.settings.Limits;
import paragon.sync.StreamSettings;
import paragon.testing.MutableClock;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/** Request rates per device token and per IP address: 429 rate_limited with Retry-After, counted, refilled. */
class RequestRatesTest {

  private static TestApp app(TestDatabases.Kind kind, int ipPerSecond, int devicePerSecond) {
    return new TestApp(TestDatabases.open(kind), new MutableClock(), StreamSettings.DEFAULTS,
        new Limits(1_000, 100, 100, devicePerSecond, ipPerSecond));
  }

  private static double limited(TestApp app, String by) {
    return new Scrape(app.client().get("/metrics").body()).value("paragon_rate_limited_total", "by", by);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_device_past_its_rate_is_refused_429_until_its_bucket_refills(TestDatabases.Kind kind) {
    try (TestApp app = app(kind, 0, 2)) {
      WebClient http = app.client();
      Map<String, String> a = Map.of("Authorization", "Bearer device-a");
      for (int i = 0; i < 10; i++) {
        assertThat(http.get("/api/device/heartbeat", a).status()).as("request %d: within 5 s worth", i).isEqualTo(401);
      }
      var refused = http.get("/api/device/heartbeat", a);
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.json().get("error").asText()).isEqualTo("rate_limited");
      assertThat(refused.header("Retry-After")).isEqualTo("1");
      assertThat(refused.json().get("message").asText()).isEqualTo("Zbyt wiele żądań. Spróbuj ponownie za 1 s.");
      assertThat(http.get("/api/device/heartbeat?lang=en", a).json().get("message").asText())
          .isEqualTo("Too many requests. Try again in 1 s.");
      assertThat(http.get("/api/device/heartbeat", Map.of("Authorization", "Bearer device-b")).status())
          .as("another device has its own bucket").isEqualTo(401);
      assertThat(http.get("/health/live", a).status()).as("the probes are never limited").isEqualTo(200);
      assertThat(limited(app, "device")).isEqualTo(2.0);
      assertThat(limited(app, "ip")).isZero();
      app.clock.advance(Duration.ofMillis(500));
      assertThat(http.get("/api/device/heartbeat", a).status()).as("a token back every 500 ms").isEqualTo(401);
      assertThat(http.get("/api/device/heartbeat", a).status()).isEqualTo(429);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void an_address_past_its_rate_is_refused_429_on_every_route_but_the_probes(TestDatabases.Kind kind) {
    try (TestApp app = app(kind, 3, 0)) {
      WebClient http = app.client();
      for (int i = 0; i < 15; i++) {
        assertThat(http.get("/api/openapi.json").status()).as("request %d", i).isEqualTo(200);
      }
      var refused = http.get("/backoffice/login");
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.header("Retry-After")).isEqualTo("1");
      assertThat(http.get("/health/ready").status()).isEqualTo(200);
      assertThat(limited(app, "ip")).isEqualTo(1.0);
      app.clock.advance(Duration.ofSeconds(1));
      assertThat(http.get("/backoffice/login").status()).isEqualTo(200);
    }
  }
}
