package paragon.integrations;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per API key, a token bucket in this node's memory (docs/api.md, "Rate limit"): a key holds
 * at most {@code capacity} tokens, gains {@code perSecond} a second, and each request takes one. With
 * several nodes behind a load balancer each node counts on its own (a key may get up to nodes x
 * capacity); that is the documented trade for no shared state.
 */
final class RateLimit {
  /** The answer to one request: allowed or not, and what the {@code RateLimit-*} headers say. */
  record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {}

  /** One key's bucket; all its state is guarded by this. */
  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }

  private final Clock clock;
  private final int capacity;
  private final double perSecond;
  private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimit(Clock clock, int capacity, double perSecond) {
    if (capacity < 1 || perSecond <= 0) throw new IllegalArgumentException("rate limit: capacity " + capacity
        + ", per second " + perSecond);
    this.clock = clock;
    this.capacity = capacity;
    this.perSecond = perSecond;
  }

  Decision take(long keyId) {
    long now = clock.millis();
    Bucket b = buckets.computeIfAbsent(keyId, k -> new Bucket(capacity, now));
    synchronized (b) {
      // Refill for the time since the last request (a clock that went back refills nothing).
      if (now > b.at) b.tokens = Math.min(capacity, b.tokens + (now - b.at) / 1000.0 * perSecond);
      b.at = Math.max(b.at, now);
      boolean allowed = b.tokens >= 1;
      if (allowed) b.tokens -= 1;
      long reset = (long) Math.ceil((capacity - b.tokens) / perSecond);
      long retry = allowed ? 0 : Math.max(1, (long) Math.ceil((1 - b.tokens) / perSecond));
      return new Decision(allowed, capacity, (long) Math.floor(b.tokens), reset, retry);
    }
  }
}
