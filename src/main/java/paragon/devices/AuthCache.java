package paragon.devices;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * What an authentication answered, kept in memory so that a terminal's next call costs no database
 * read. Correct because every change that alters an answer fires a {@link paragon.accounts.Cutoffs}
 * event after its commit, and the owner of the cache {@link #forget}s the affected entries on it
 * (relayed events from other nodes too, through the stream hub). Two safety nets bound what a lost
 * event can cost: an entry older than {@code maxAgeMillis} is read again (so a lost cross-node
 * notification lets a cut-off device or user through for at most that long), and the cache never
 * holds more than {@code capacity} entries (beyond that it starts empty again, which costs one read
 * per terminal).
 *
 * <p>A read that raced an event must not put back what the event removed: {@link #stamp} is taken
 * before the database read, and {@link #put} drops the answer when any {@link #forget} happened since
 * (the put comes before the check, and the forget bumps the epoch before it removes, so one of the
 * two always sees the other). Only positive answers are kept; a refusal is always read again.
 */
final class AuthCache<K, V> {
  private record Entry<V>(V value, long at) {}

  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final AtomicLong epoch = new AtomicLong();
  private final Clock clock;
  private final long maxAgeMillis;
  private final int capacity;

  AuthCache(Clock clock, long maxAgeMillis, int capacity) {
    if (maxAgeMillis < 0) throw new IllegalArgumentException("maxAgeMillis < 0: " + maxAgeMillis);
    if (capacity < 1) throw new IllegalArgumentException("capacity < 1: " + capacity);
    this.clock = clock;
    this.maxAgeMillis = maxAgeMillis;
    this.capacity = capacity;
  }

  /** The cached answer, or null when there is none or it is too old (or the clock went back). */
  V get(K key) {
    Entry<V> e = entries.get(key);
    if (e == null) return null;
    long age = clock.millis() - e.at();
    if (age < 0 || age >= maxAgeMillis) {
      entries.remove(key, e);
      return null;
    }
    return e.value();
  }

  /** Taken before the read whose answer will be {@link #put}. */
  long stamp() {
    return epoch.get();
  }

  /** Keeps {@code value} unless an event {@link #forget}s entries since {@code stamp} was taken. */
  void put(K key, V value, long stamp) {
    if (entries.size() >= capacity) entries.clear();
    Entry<V> e = new Entry<>(value, clock.millis());
    entries.put(key, e);
    if (epoch.get() != stamp) entries.remove(key, e);
  }

  /** Drops every entry whose value matches; reads that started before this are not kept either. */
  void forget(Predicate<V> which) {
    epoch.incrementAndGet();
    entries.values().removeIf(e -> which.test(e.value()));
  }

  int size() {
    return entries.size();
  }
}
