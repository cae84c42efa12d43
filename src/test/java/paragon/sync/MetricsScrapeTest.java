package paragon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.Revisions;
import paragon.configuration.Visibility;
import paragon.metrics.Scrape;
import paragon.settings.Settings;
import paragon.testing.MutableClock;
import paragon.testing.StreamClient;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/**
 * {@code GET /metrics} after real traffic: a login, a wrong PIN, commands over HTTP, a stream. Each
 * Paragon series rises by exactly what was done; the token is asked for when set.
 */
class MetricsScrapeTest {
  static final String TOKEN = "metrics-token-0123456789";
  /** No heartbeat within the test: every frame written is one the test caused. */
  static final StreamSettings QUIET = new StreamSettings(64, Duration.ofMinutes(10), Duration.ofSeconds(3),
      Duration.ofSeconds(2), 1_000);
  private static final Duration WAIT = Duration.ofSeconds(10);

  static Floor floor(TestDatabases.Kind kind) {
    Settings settings = new Settings(0, "jdbc:sqlite:unused", false, "127.0.0.1", null, false, TOKEN);
    TestApp app = new TestApp(TestDatabases.open(kind), new MutableClock(), QUIET, settings, null);
    return new Floor(app, Visibility.ALL, QUIET);
  }

  static Scrape scrape(Floor f) {
    WebClient.Response r = f.app.client().get("/metrics", Map.of("Authorization", "Bearer " + TOKEN));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("text/plain; version=0.0.4");
    return new Scrape(r.body());
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_endpoint_answers_only_the_token_when_one_is_set(TestDatabases.Kind kind) {
    try (Floor f = floor(kind)) {
      assertThat(f.app.client().get("/metrics").status()).isEqualTo(401);
      WebClient.Response wrong = f.app.client().get("/metrics", Map.of("Authorization", "Bearer " + TOKEN + "x"));
      assertThat(wrong.status()).isEqualTo(401);
      assertThat(wrong.json().path("error").asText()).isEqualTo("unauthorized");
      assertThat(wrong.header("WWW-Authenticate")).startsWith("Bearer");
      assertThat(scrape(f).names()).contains("jvm_memory_used_bytes", "jvm_threads_live_threads",
          "hikaricp_connections_active", "paragon_ready");
    }
    try (TestApp open = TestApp.start(kind)) {
      assertThat(open.client().get("/metrics").status()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void every_paragon_series_counts_exactly_the_traffic_sent(TestDatabases.Kind kind) {
    try (Floor f = floor(kind)) {
      Scrape before = scrape(f);
      Terminal anna = f.terminal("anna");
      WebClient.Response wrongPin = f.app.client().postJson("/api/device/login",
          Map.of("identifier", "bob", "pin", "0000"), Map.of("Authorization", "Bearer " + anna.deviceToken));
      assertThat(wrongPin.status()).isEqualTo(401);
      try (StreamClient s = f.connect(anna)) {
        s.awaitFrame(fr -> fr.path("type").asText().equals("welcome"), WAIT);
        String receipt = anna.openAdHoc();
        anna.addLine(receipt, "Espresso", 900);
        List<com.fasterxml.jackson.databind.JsonNode> acks = anna.sendAll(List.of(
            Terminal.command("addLine", "receiptId", Terminal.uuid(), "lineId", Terminal.uuid(), "name", "X",
                "unitPrice", 100, "vat", "23"),
            Terminal.command("noSuchCommand")));
        assertThat(acks).allSatisfy(a -> assertThat(a.path("status").asText()).isEqualTo("refused"));
        s.awaitCursor(anna.shopSpace(), 2, WAIT);

        Scrape after = awaitFrames(f, s);
        assertThat(delta(before, after, "paragon_commands_total", "type", "openAdHoc", "outcome", "accepted")).isEqualTo(1);
        assertThat(delta(before, after, "paragon_commands_total", "type", "addLine", "outcome", "accepted")).isEqualTo(1);
        assertThat(delta(before, after, "paragon_commands_total", "type", "addLine", "outcome", "refused")).isEqualTo(1);
        assertThat(delta(before, after, "paragon_commands_total", "type", "invalid", "outcome", "refused")).isEqualTo(1);
        assertThat(delta(before, after, "paragon_commands_total")).isEqualTo(4);
        assertThat(delta(before, after, "paragon_command_seconds_count")).isEqualTo(4);
        assertThat(delta(before, after, "paragon_command_seconds_bucket", "le", "+Inf")).isEqualTo(4);
        assertThat(delta(before, after, "paragon_http_requests_seconds_count", "route", "/api/terminal/commands",
            "status", "200")).isEqualTo(3);
        assertThat(delta(before, after, "paragon_logins_total", "kind", "pin", "outcome", "success")).isEqualTo(1);
        assertThat(delta(before, after, "paragon_logins_total", "kind", "pin", "outcome", "failure")).isEqualTo(1);
        assertThat(delta(before, after, "paragon_logins_total", "kind", "backoffice")).isZero();
        assertThat(after.value("paragon_streams_connected")).isEqualTo(1);
        assertThat(after.value("paragon_stream_frames_sent_total")).isEqualTo(s.wire().size());
        assertThat(after.value("paragon_stream_frames_dropped_total")).isZero();
        assertThat(after.value("paragon_stream_slow_closed_total")).isZero();
        // The two accepted commands' change rows reached the stream from their commit, none read back.
        assertThat(delta(before, after, "paragon_stream_changes_total", "source", "commit")).isEqualTo(2);
        assertThat(delta(before, after, "paragon_stream_changes_total", "source", "read")).isZero();
        assertThat(after.value("paragon_devices_behind")).isZero();
        assertThat(after.value("paragon_ready")).isEqualTo(1);
      }
      f.app.db.inTransaction(h -> Revisions.record(h, f.account, "test", "a change", f.app.clock));
      Scrape behind = scrape(f);
      assertThat(behind.value("paragon_devices_behind")).isEqualTo(1);
      assertThat(behind.value("paragon_devices_behind_day")).isZero();
      f.app.clock.advance(Duration.ofDays(1).plusMinutes(1));
      assertThat(scrape(f).value("paragon_devices_behind_day")).isEqualTo(1);
    }
  }

  /** Waits until the counter of frames written caught up with what the terminal read (writes complete after). */
  private static Scrape awaitFrames(Floor f, StreamClient s) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      Scrape now = scrape(f);
      if (now.value("paragon_stream_frames_sent_total") >= s.wire().size() || System.nanoTime() > deadline) return now;
      Thread.onSpinWait();
    }
  }

  private static double delta(Scrape before, Scrape after, String name, String... labels) {
    return after.value(name, labels) - before.value(name, labels);
  }
}
