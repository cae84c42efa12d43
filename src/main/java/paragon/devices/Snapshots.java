package paragon.devices;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import paragon.configuration.ConfigSnapshot;
import paragon.configuration.Revisions;

/**
 * Stored configuration snapshots, parsed once. A revision's snapshot never changes after it is
 * recorded, so caching by (account, revision) is always correct; the cache is bounded (least recently
 * used goes) so many accounts cannot grow it without end. All state is guarded by this.
 */
final class Snapshots {
  private static final int CAPACITY = 512;

  private record Key(long accountId, long revision) {}

  private final Map<Key, ConfigSnapshot> cache = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, ConfigSnapshot> eldest) {
      return size() > CAPACITY;
    }
  };

  /** The snapshot of {@code revision} if it is cached, else null (no handle needed to ask). */
  synchronized ConfigSnapshot cached(long accountId, long revision) {
    return cache.get(new Key(accountId, revision));
  }

  /** The snapshot of {@code revision}; a missing one is a broken invariant (a device's revision always exists). */
  ConfigSnapshot get(Handle h, long accountId, long revision) {
    Key key = new Key(accountId, revision);
    synchronized (this) {
      ConfigSnapshot cached = cache.get(key);
      if (cached != null) return cached;
    }
    ConfigSnapshot snapshot = Revisions.snapshot(h, accountId, revision);
    if (snapshot == null) {
      throw new IllegalStateException("account " + accountId + " has no stored configuration revision " + revision);
    }
    synchronized (this) {
      cache.put(key, snapshot);
    }
    return snapshot;
  }
}
