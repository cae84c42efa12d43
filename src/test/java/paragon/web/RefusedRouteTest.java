package paragon.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import paragon.metrics.Scrape;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/**
 * A request that Readiness refuses {@code 503 unavailable} before routing (docs/operations.md, "Logs")
 * is logged and counted under the route template it asked for, not {@code unmatched}, and never under
 * its raw path; a path no route has stays {@code unmatched}. The database is made "down" the real way
 * (another connection holds the SQLite file's write lock, as in OutageTest), in this JVM so that the
 * request log's lines are read from the logger itself.
 */
class RefusedRouteTest {

  /** The request log's lines: each one's MDC, copied while the line is written (the MDC is cleared after). */
  private static final class Lines extends AppenderBase<ILoggingEvent> {
    final List<Map<String, String>> mdc = new ArrayList<>();

    @Override
    protected synchronized void append(ILoggingEvent event) {
      mdc.add(Map.copyOf(event.getMDCPropertyMap()));
    }

    synchronized Map<String, String> byRequestId(String id) {
      return mdc.stream().filter(m -> id.equals(m.get("requestId"))).findFirst()
          .orElseThrow(() -> new AssertionError("no request line with id " + id + " in " + mdc));
    }
  }

  @Test
  void a_request_refused_503_before_routing_carries_the_route_it_would_have_matched() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger("paragon.request");
    Lines lines = new Lines();
    lines.start();
    logger.addAppender(lines);
    try (TestApp app = TestApp.start(TestDatabases.Kind.SQLITE);
        Connection other = DriverManager.getConnection(app.db.url());
        Statement s = other.createStatement()) {
      s.execute("BEGIN EXCLUSIVE");
      try {
        long locked = System.nanoTime();
        while (app.client().get("/health/ready").status() != 503) {
          assertThat(Duration.ofNanos(System.nanoTime() - locked)).as("readiness down").isLessThan(Duration.ofSeconds(5));
          Thread.sleep(50);
        }
        String history = "/api/terminal/receipts/" + UUID.randomUUID() + "/history";
        WebClient.Response refused = app.client().get(history, Map.of("X-Request-Id", "refused-1"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.json().path("error").asText()).isEqualTo("unavailable");
        WebClient.Response nowhere = app.client().get("/api/no-such-route/" + UUID.randomUUID(),
            Map.of("X-Request-Id", "refused-2"));
        assertThat(nowhere.status()).isEqualTo(503);

        Map<String, String> line = lines.byRequestId("refused-1");
        assertThat(line.get("route")).isEqualTo("/api/terminal/receipts/{id}/history");
        assertThat(line.get("status")).isEqualTo("503");
        assertThat(line.get("method")).isEqualTo("GET");
        assertThat(lines.byRequestId("refused-2").get("route")).isEqualTo("unmatched");

        // The HTTP series carries the same bounded label: the template, never the path asked for.
        String metrics = app.client().get("/metrics").body();
        Scrape scrape = new Scrape(metrics);
        assertThat(scrape.value("paragon_http_requests_seconds_count", "route", "/api/terminal/receipts/{id}/history",
            "status", "503")).isEqualTo(1);
        assertThat(scrape.value("paragon_http_requests_seconds_count", "route", "unmatched", "status", "503"))
            .isEqualTo(1);
        assertThat(metrics).doesNotContain(history).doesNotContain("no-such-route");
      } finally {
        s.execute("ROLLBACK");
      }
    } finally {
      logger.detachAppender(lines);
      lines.stop();
    }
  }
}
