package paragon.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paragon.storage.Database;

/**
 * Sends the outbox (docs/api.md, "Webhooks"). Per round: 1. claim due deliveries with a lease (a row
 * update: of several nodes only one gets a row); 2. POST each, signed, never following a redirect
 * (a 3xx is a failed attempt), with a connect and a total timeout; 3. a 2xx marks it delivered,
 * anything else schedules the next attempt with exponential backoff and jitter, or marks it failed
 * once the next attempt would fall outside its 24 h window. A node that stops (or crashes) while
 * sending leaves the lease: when it runs out any node sends the delivery again. Delivery is therefore
 * at least once; receivers deduplicate on the event's {@code id}.
 */
public final class Worker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Worker.class);
  static final int MAX_ERROR = 200;

  private final Deliveries deliveries;
  private final Clock clock;
  private final WebhookSettings settings;
  private final HttpClient http;
  // Guarded by this.
  private Thread thread;
  private boolean closed;

  public Worker(Database db, Clock clock, WebhookSettings settings) {
    this.deliveries = new Deliveries(db);
    this.clock = clock;
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  public synchronized void start() {
    if (thread != null || closed) return;
    thread = Thread.ofVirtual().name("webhooks").start(this::loop);
  }

  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      closed = true;
      t = thread;
    }
    if (t == null) {
      http.shutdownNow();
      return;
    }
    t.interrupt();
    try {
      t.join(settings.totalTimeout().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      http.shutdownNow();
    }
  }

  private void loop() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        if (round() == 0) Thread.sleep(settings.poll());
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // A database that is away for a moment: log and try again at the next poll.
        log.error("webhook delivery round failed", e);
        try {
          Thread.sleep(settings.poll());
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  /** One round: claims and sends what is due; answers how many it claimed. */
  int round() throws InterruptedException {
    long now = clock.millis();
    List<Deliveries.Claimed> claimed = deliveries.claim(now, now + settings.lease().toMillis());
    for (Deliveries.Claimed c : claimed) send(c);
    return claimed.size();
  }

  private void send(Deliveries.Claimed c) throws InterruptedException {
    Integer status = null;
    String error;
    try {
      long t = clock.millis() / 1000;
      HttpRequest request = HttpRequest.newBuilder(URI.create(c.url())).timeout(settings.totalTimeout())
          .header("Content-Type", "application/json").header("User-Agent", "Paragon-Webhooks/1")
          .header("Paragon-Signature", WebhookRules.signature(c.secret(), t, c.body()))
          .header("Paragon-Event-Id", c.eventId())
          .POST(HttpRequest.BodyPublishers.ofString(c.body())).build();
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      status = response.statusCode();
      if (status >= 200 && status < 300) {
        deliveries.delivered(c, status, clock.millis());
        return;
      }
      error = status >= 300 && status < 400
          ? "redirect not followed: " + response.headers().firstValue("Location").orElse("(no Location)")
          : "HTTP " + status;
    } catch (IOException | IllegalArgumentException e) {
      error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
    if (error.length() > MAX_ERROR) error = error.substring(0, MAX_ERROR);
    long now = clock.millis();
    long next = now + WebhookRules.delayMillis(c.attempts(), settings.backoff().toMillis(),
        settings.maxBackoff().toMillis(), ThreadLocalRandom.current());
    boolean giveUp = next > c.windowStart() + settings.window().toMillis();
    log.info("webhook delivery {} attempt {} failed ({}){}", c.id(), c.attempts(), error, giveUp ? ", given up" : "");
    deliveries.attemptFailed(c, status, error, next, giveUp);
  }
}
