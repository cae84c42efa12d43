package paragon.web;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import java.time.Clock;
import paragon.metrics.Metrics;

/**
 * The request rate limits (docs/operations.md, "Limits"): a token bucket per IP address and one per
 * device token, each refilled at its rate per second and holding 5 s worth. A request that finds a
 * bucket empty is answered {@code 429 rate_limited} with {@code Retry-After} before anything else
 * reads it, and counted in {@code paragon_rate_limited_total{by}}. The health probes and the metrics
 * scrape are never limited (a load balancer must always learn how the node is).
 *
 * <p>The device key is the bearer token as sent, not checked: a request with a made-up token spends
 * its own bucket and still its address's. The address is the connection's ({@code X-Forwarded-For} is
 * not trusted): behind a reverse proxy every client shares the proxy's address, so raise
 * {@code PARAGON_RATE_PER_IP} there or set it to 0.
 */
public final class RequestRates {
  private static final int SECONDS_OF_BURST = 5;
  private static final int MAX_KEYS = 100_000;

  private final TokenBuckets byIp;
  private final TokenBuckets byDevice;
  private final Counter ipLimited;
  private final Counter deviceLimited;

  /** {@code ipPerSecond}, {@code devicePerSecond}: 0 turns that limit off. */
  public RequestRates(Clock clock, Metrics metrics, int ipPerSecond, int devicePerSecond) {
    this.byIp = ipPerSecond == 0 ? null
        : TokenBuckets.of(clock, ipPerSecond, (long) ipPerSecond * SECONDS_OF_BURST, MAX_KEYS);
    this.byDevice = devicePerSecond == 0 ? null
        : TokenBuckets.of(clock, devicePerSecond, (long) devicePerSecond * SECONDS_OF_BURST, MAX_KEYS);
    this.ipLimited = metrics.counter("paragon_rate_limited_total", "by", "ip");
    this.deviceLimited = metrics.counter("paragon_rate_limited_total", "by", "device");
  }

  public void before(Context ctx) {
    String path = ctx.path();
    if (path.startsWith("/health/") || path.equals("/metrics")) return;
    if (byIp != null) refuseIfEmpty(byIp.take(ctx.ip()), ipLimited);
    String authorization = ctx.header("Authorization");
    if (byDevice != null && authorization != null && authorization.startsWith("Bearer ")) {
      refuseIfEmpty(byDevice.take(authorization.substring(7).strip()), deviceLimited);
    }
  }

  private static void refuseIfEmpty(long waitMillis, Counter limited) {
    if (waitMillis == 0) return;
    limited.increment();
    long seconds = Math.max(1, (waitMillis + 999) / 1000);
    throw Problem.of(429, "rate_limited", "error.rate_limited", seconds).retryAfter(seconds);
  }
}
