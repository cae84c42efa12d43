package paragon.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per key (a device token, an IP address): each key may spend {@code burst} requests
 * at once and gets {@code perSecond} back each second, up to {@code burst}. A request that finds the
 * bucket empty is refused and told how long until the next token.
 *
 * <p>In memory, per node, bounded: at most {@code maxKeys} keys, least recently touched evicted first
 * (an evicted key comes back with a full bucket: it only forgets, never blocks anyone). Tokens are
 * counted in thousandths so that any rate refills smoothly; {@code burst * 1000} and
 * {@code elapsedMillis * perSecond} stay far below {@code Long.MAX_VALUE} since the elapsed time is
 * capped at the time to refill a whole bucket.
 *
 * <p>All state is guarded by this.
 */
public final class TokenBuckets {
  private final Clock clock;
  private final long perSecond;
  private final long capacity;
  private final LinkedHashMap<String, long[]> buckets;

  private TokenBuckets(Clock clock, long perSecond, long burst, int maxKeys) {
    if (perSecond < 1) throw new IllegalArgumentException("perSecond < 1: " + perSecond);
    if (burst < 1) throw new IllegalArgumentException("burst < 1: " + burst);
    if (maxKeys < 1) throw new IllegalArgumentException("maxKeys < 1: " + maxKeys);
    this.clock = clock;
    this.perSecond = perSecond;
    this.capacity = burst * 1000;
    this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
        return size() > maxKeys;
      }
    };
  }

  /** {@code perSecond} refilled, {@code burst} at most, for up to {@code maxKeys} keys. */
  public static TokenBuckets of(Clock clock, long perSecond, long burst, int maxKeys) {
    return new TokenBuckets(clock, perSecond, burst, maxKeys);
  }

  /** Takes one token of {@code key}: 0 when it may go on, else the milliseconds until it may (>= 1). */
  public synchronized long take(String key) {
    long now = clock.millis();
    long[] b = buckets.get(key); // {thousandths of tokens, millis of the last refill}
    if (b == null) {
      buckets.put(key, new long[] {capacity - 1000, now});
      return 0;
    }
    long elapsed = Math.clamp(now - b[1], 0, capacity / perSecond + 1);
    b[0] = Math.min(capacity, b[0] + elapsed * perSecond);
    b[1] = now;
    if (b[0] >= 1000) {
      b[0] -= 1000;
      return 0;
    }
    return Math.max(1, ((1000 - b[0]) + perSecond - 1) / perSecond);
  }

  synchronized int keys() {
    return buckets.size();
  }
}
