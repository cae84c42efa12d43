package paragon.web;

import io.javalin.http.Context;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paragon.storage.Database;

/**
 * Does the database answer? One cached answer for the node (docs/operations.md, "Outages"), so an
 * outage is a quick refusal everywhere instead of every request waiting out the database's bound.
 *
 * <p>A probe ({@link Database#probe}, bounded to about a second) runs every {@link #UP_PERIOD_MS}
 * while the database answers and every {@link #DOWN_PERIOD_MS} while it does not, so serving resumes
 * within a fraction of a second of its return. A request that failed because the database could not
 * be reached ({@link #failed}, from {@link Errors}) marks it down at once and probes at once: a
 * passing failure costs the node one probe's round trip, an outage refuses the next requests without
 * waiting. While it is down:
 * <ul>
 *   <li>{@code /health/ready} answers 503 ({@link #ready}: the cached answer when fresh, else a probe
 *       waited for at most {@link #PROBE_BOUND_MS}; a probe that takes longer is a "down");</li>
 *   <li>the API and the back office answer {@code 503 unavailable} with {@code Retry-After}
 *       ({@link #before}) without touching the database; the terminal keeps its commands and sends
 *       them again;</li>
 *   <li>a stream's hello is closed 4503 "try again" (the stream hub asks {@link #refusing}).</li>
 * </ul>
 */
public final class Readiness implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Readiness.class);
  static final long UP_PERIOD_MS = 1_000;
  static final long DOWN_PERIOD_MS = 250;
  /** A probe not answered within this is taken as "down". */
  static final long PROBE_BOUND_MS = 1_500;
  /** A probe's answer younger than this is what {@code /health/ready} says. */
  static final long FRESH_MS = 250;
  /** Seconds in {@code Retry-After} of a 503 unavailable. */
  public static final long RETRY_AFTER_SECONDS = 1;
  private static final String STREAM = "/api/terminal/stream";

  private final Database db;
  private final ScheduledExecutorService timer;
  private volatile boolean up = true;
  /** When the last answer came (nanos); none yet at first, so the first readiness probe asks. */
  private volatile long checkedAt = System.nanoTime() - TimeUnit.HOURS.toNanos(1);
  /** The probe under way and since when (nanos); guarded by {@code this}. */
  private CompletableFuture<Boolean> inFlight;
  private long inFlightSince;

  public Readiness(Database db) {
    this.db = db;
    this.timer = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().daemon().name("readiness").factory());
    timer.scheduleWithFixedDelay(this::tick, DOWN_PERIOD_MS, DOWN_PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  /** The answer for {@code /health/ready}: within about {@link #PROBE_BOUND_MS}, never longer. */
  public boolean ready() {
    if (ageMs(checkedAt) < FRESH_MS && !stuck()) return up;
    try {
      return probe().get(PROBE_BOUND_MS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      mark(false, "the probe took over " + PROBE_BOUND_MS + " ms");
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("the readiness probe failed", e.getCause());
    }
  }

  /** True while the database is taken as down: requests are refused without asking it. */
  public boolean refusing() {
    return !up;
  }

  /** The last answer, without waiting (the {@code paragon_ready} gauge). */
  public boolean up() {
    return up;
  }

  /** A request failed because the database could not be reached ({@link Database#isUnavailable}). */
  public void failed(Throwable e) {
    mark(false, e.toString());
    probe();
  }

  /** The gate before the API and the back office: 503 at once while the database is down. */
  public void before(Context ctx) {
    if (up) return;
    String path = ctx.path();
    // The stream's hello is refused by the stream hub itself (a close code the terminal acts on).
    boolean needsDatabase = path.startsWith("/api/") && !path.equals(ApiDocs.RESOURCE) && !path.equals(STREAM)
        || path.equals("/backoffice") || path.startsWith("/backoffice/");
    if (needsDatabase) throw unavailable();
  }

  /** The refusal of a request the database cannot serve now. */
  public static Problem unavailable() {
    return Problem.of(503, "unavailable", "error.unavailable").retryAfter(RETRY_AFTER_SECONDS);
  }

  private void tick() {
    try {
      if (stuck()) mark(false, "the probe took over " + PROBE_BOUND_MS + " ms");
      if (!up || ageMs(checkedAt) >= UP_PERIOD_MS) probe();
    } catch (RuntimeException e) {
      log.error("readiness tick failed", e);
    }
  }

  private synchronized boolean stuck() {
    return inFlight != null && ageMs(inFlightSince) > PROBE_BOUND_MS;
  }

  /** The probe under way, or a new one on a thread of its own. */
  private synchronized CompletableFuture<Boolean> probe() {
    if (inFlight != null) return inFlight;
    CompletableFuture<Boolean> probe = new CompletableFuture<>();
    inFlight = probe;
    inFlightSince = System.nanoTime();
    Thread.ofVirtual().name("readiness-probe").start(() -> {
      boolean answered = false;
      try {
        answered = db.probe();
      } finally {
        synchronized (this) {
          inFlight = null;
        }
        mark(answered, "the probe failed");
        probe.complete(answered);
      }
    });
    return probe;
  }

  private void mark(boolean answers, String why) {
    checkedAt = System.nanoTime();
    boolean was = up;
    up = answers;
    if (was && !answers) log.warn("database not answering ({}): refusing requests 503 until it does", why);
    if (!was && answers) log.info("database answering again: serving");
  }

  private static long ageMs(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
