package paragon.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sliding-window limit on failures per key (back-office sign-in: email + IP; pairing: IP): after
 * {@code maxFailures} failures within {@code window}, the key is refused until the oldest of them is
 * older than the window. A success forgets the key.
 *
 * <p>In memory, per node: a guesser spread over several nodes gets a multiple of the limit, which still
 * turns "guess a code or password" from thousands of tries a second into tens a minute. Bounded: at
 * most {@code maxKeys} keys (least recently touched evicted first; a key evicted early only forgets
 * its failures, never blocks anyone), each holding at most {@code maxFailures} instants, and keys
 * whose failures have all aged out are dropped as they are met.
 *
 * <p>All state is guarded by this.
 */
public final class FailureLimit {
  private final Clock clock;
  private final int maxFailures;
  private final long windowMillis;
  private final int maxKeys;
  private final LinkedHashMap<String, ArrayDeque<Long>> failures;

  public FailureLimit(Clock clock, int maxFailures, Duration window, int maxKeys) {
    if (maxFailures < 1) throw new IllegalArgumentException("maxFailures < 1: " + maxFailures);
    if (maxKeys < 1) throw new IllegalArgumentException("maxKeys < 1: " + maxKeys);
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.windowMillis = window.toMillis();
    this.maxKeys = maxKeys;
    this.failures = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, ArrayDeque<Long>> eldest) {
        return size() > FailureLimit.this.maxKeys;
      }
    };
  }

  /** How long {@code key} must wait before its next attempt; zero when it may try now. */
  public synchronized Duration retryAfter(String key) {
    long now = clock.millis();
    ArrayDeque<Long> times = recent(key, now);
    if (times == null || times.size() < maxFailures) return Duration.ZERO;
    return Duration.ofMillis(times.peekFirst() + windowMillis - now);
  }

  /** Records a failed attempt of {@code key}. */
  public synchronized void failed(String key) {
    long now = clock.millis();
    ArrayDeque<Long> times = recent(key, now);
    if (times == null) {
      times = new ArrayDeque<>(maxFailures);
      failures.put(key, times);
    }
    if (times.size() == maxFailures) times.removeFirst();
    times.addLast(now);
    sweep(now);
  }

  /** A successful attempt: {@code key}'s failures are forgotten. */
  public synchronized void succeeded(String key) {
    failures.remove(key);
  }

  synchronized int keys() {
    return failures.size();
  }

  /** The key's failures within the window (older ones dropped, an emptied key removed), or null. */
  private ArrayDeque<Long> recent(String key, long now) {
    ArrayDeque<Long> times = failures.get(key);
    if (times == null) return null;
    while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) times.removeFirst();
    if (times.isEmpty()) {
      failures.remove(key);
      return null;
    }
    return times;
  }

  /** Drops a few least recently touched keys whose failures have all aged out (amortised cleanup). */
  private void sweep(long now) {
    Iterator<ArrayDeque<Long>> it = failures.values().iterator();
    for (int i = 0; i < 4 && it.hasNext(); i++) {
      ArrayDeque<Long> times = it.next();
      if (times.peekLast() <= now - windowMillis) it.remove();
    }
  }
}
