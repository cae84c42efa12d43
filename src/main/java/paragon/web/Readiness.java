package paragon.web;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paragon.metrics.Metrics;
import paragon.storage.Database;

/**
 * Does the database answer? One cached answer for the node (docs/operations.md, "Outages"), so an
 * outage is a quick refusal everywhere instead of every request waiting out the database's bound.
 *
 * <p>A probe ({@link Database#probe}, bounded to about a second) runs every {@link #UP_PERIOD_MS}
 * while the database answers and every {@link #DOWN_PERIOD_MS} while it does not, so serving resumes
 * within a fraction of a second of its return. A request that failed because the database could not
 * be reached ({@link #failed}, from {@link Errors}) makes the node "suspect" and probes at once;
 * requests meanwhile wait for that probe (at most {@link #PROBE_BOUND_MS}) instead of the database's
 * own bound: a passing failure (one broken connection) costs them a round trip, an outage refuses
 * them. While it is down:
 * <ul>
 *   <li>{@code /health/ready} answers 503 ({@link #ready}: at once from a fresh "down", else a probe
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
  /** A "down" younger than this is what {@code /health/ready} says at once; else it probes (joining one under way). */
  static final long FRESH_MS = 250;
  /** Seconds in {@code Retry-After} of a 503 unavailable. */
  public static final long RETRY_AFTER_SECONDS = 1;
  private static final String STREAM = "/api/terminal/stream";

  private final Database db;
  private final Counter refusedHttp;
  private final Counter refusedStream;
  private final ScheduledExecutorService timer;
  private enum State { UP, SUSPECT, DOWN }

  private volatile State state = State.UP;
  /** When the last answer came (nanos); none yet at first, so the first readiness probe asks. */
  private volatile long checkedAt = System.nanoTime() - TimeUnit.HOURS.toNanos(1);
  /** The probe under way and since when (nanos); guarded by {@code this}. */
  private CompletableFuture<Boolean> inFlight;
  private long inFlightSince;

  /** Counting into metrics nobody scrapes (a readiness built alone, in a test). */
  public Readiness(Database db) {
    this(db, Metrics.unscraped());
  }

  /** {@code metrics}: {@code paragon_unavailable_total} by where the refusal was ({@code http}, {@code stream}). */
  public Readiness(Database db, Metrics metrics) {
    this.db = db;
    this.refusedHttp = metrics.counter("paragon_unavailable_total", "on", "http");
    this.refusedStream = metrics.counter("paragon_unavailable_total", "on", "stream");
    this.timer = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().daemon().name("readiness").factory());
    timer.scheduleWithFixedDelay(this::tick, DOWN_PERIOD_MS, DOWN_PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  /** The answer for {@code /health/ready}: within about {@link #PROBE_BOUND_MS}, never longer. */
  public boolean ready() {
    if (state == State.DOWN && ageMs(checkedAt) < FRESH_MS) return false;
    return awaitProbe();
  }

  /** True while the database is taken as down: requests are refused without asking it. */
  public boolean refusing() {
    return state == State.DOWN;
  }

  /** The last answer, without waiting (the {@code paragon_ready} gauge). */
  public boolean up() {
    return state != State.DOWN;
  }

  /** A request failed because the database could not be reached ({@link Database#isUnavailable}). */
  public void failed(Throwable e) {
    log.warn("a request could not reach the database ({}): probing it", e.toString());
    synchronized (this) {
      if (state == State.UP) state = State.SUSPECT;
    }
    probe();
  }

  /** Up, down, or (suspect) what the probe under way finds, waited for at most {@link #PROBE_BOUND_MS}. */
  private boolean answering() {
    State s = state;
    return s == State.UP || s == State.SUSPECT && awaitProbe();
  }

  private boolean awaitProbe() {
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

  /** The gate before the API and the back office: 503 at once while the database is down. */
  public void before(Context ctx) {
    if (state == State.UP) return;
    String path = ctx.path();
    // The stream's hello is refused by the stream hub itself (a close code the terminal acts on).
    boolean needsDatabase = path.startsWith("/api/") && !path.equals(ApiDocs.RESOURCE) && !path.equals(STREAM)
        || path.equals("/backoffice") || path.startsWith("/backoffice/");
    if (needsDatabase && !answering()) {
      refusedHttp.increment();
      throw unavailable();
    }
  }

  /** A request was answered 503 {@code unavailable} after it met the database down (Errors). */
  public void refusedRequest() {
    refusedHttp.increment();
  }

  /** A stream's hello was closed 4503 "try again" (the stream hub). */
  public void refusedStream() {
    refusedStream.increment();
  }

  /** The refusal of a request the database cannot serve now. */
  public static Problem unavailable() {
    return Problem.of(503, "unavailable", "error.unavailable").retryAfter(RETRY_AFTER_SECONDS);
  }

  private void tick() {
    try {
      if (stuck()) mark(false, "the probe took over " + PROBE_BOUND_MS + " ms");
      if (state != State.UP || ageMs(checkedAt) >= UP_PERIOD_MS) probe();
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
    State was;
    synchronized (this) {
      checkedAt = System.nanoTime();
      was = state;
      state = answers ? State.UP : State.DOWN;
    }
    if (was != State.DOWN && !answers) log.warn("database not answering ({}): refusing requests 503 until it does", why);
    if (was == State.DOWN && answers) log.info("database answering again: serving");
  }

  private static long ageMs(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
