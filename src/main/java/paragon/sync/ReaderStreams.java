package paragon.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paragon.accounts.Cutoffs;
import paragon.accounts.Shops;
import paragon.configuration.Visibility;
import paragon.devices.DeviceStore;
import paragon.receipts.ChangeFeed;
import paragon.receipts.Viewer;
import paragon.storage.Database;

/**
 * This node's integrators' streams (docs/api.md "Live"), a part of {@link StreamHub}: the same stream,
 * read-only, for one shop. Its hello names an API key with {@code receipts:read} ({@link StreamKeys})
 * and the shop; it follows {@code shop:<id>} and the {@code device:<id>} space of every device of the
 * shop, unfiltered (viewer {@code all}). Any message but a ping closes it ({@link CloseCodes#READ_ONLY}).
 * A revoked key ({@link Cutoffs#apiKeyRevoked}, relayed to the other nodes) closes its streams at once,
 * and the heartbeat's verification asks {@link StreamKeys#live} too. A device of the shop whose view
 * changed (a login: it is about to write) and whose space the stream does not follow yet closes it with
 * {@link CloseCodes#RECONNECT}: the reconnect follows it.
 *
 * <p>The hub owns the sockets and the channels: a reader that passed its hello is handed to it through
 * a {@link Joiner}, so it is in the hub's {@code bySession} like a terminal's stream (never in
 * {@code byDevice}: it has no device). Its log lines are the hub's, under the hub's logger.
 */
final class ReaderStreams {
  private static final Logger log = LoggerFactory.getLogger(StreamHub.class);

  /** What an integrator's stream was opened as: its key and its one shop. */
  private record Reader(long keyId, long shopId) {}

  /** An integrator's stream sees every receipt of its shop: visibility ALL (fingerprint {@code all}). */
  private static final Viewer READER = new Viewer(0, 0, Set.of(), Visibility.ALL);

  /** How the hub takes a reader whose hello passed: registered by its socket, then started (welcome, frames). */
  interface Joiner {
    void join(Session socket, Connection c, Viewer viewer, Hello hello, List<String> spaces);
  }

  private final StreamKeys keys;
  private final Database db;
  private final StreamSettings settings;
  private final StreamLimits limits;
  private final StreamMeters meters;
  private final ChangeFeed feed;
  /** The hub's count of view changes: a hello checked across one may have missed a new device. */
  private final LongSupplier viewChanges;
  private final Joiner joiner;
  /** The integrators' streams of this node (they are in the hub's {@code bySession} too). */
  private final Map<Connection, Reader> readers = new ConcurrentHashMap<>();

  ReaderStreams(StreamKeys keys, Database db, StreamSettings settings, StreamLimits limits, StreamMeters meters,
      ChangeFeed feed, LongSupplier viewChanges, Joiner joiner) {
    this.keys = keys;
    this.db = db;
    this.settings = settings;
    this.limits = limits;
    this.meters = meters;
    this.feed = feed;
    this.viewChanges = viewChanges;
    this.joiner = joiner;
  }

  /** A key was revoked (here or on another node): its streams on this node close at once. */
  void cutApiKey(long accountId, long keyId) {
    readers.forEach((c, r) -> {
      if (c.accountId == accountId && r.keyId() == keyId) c.queue.close(CloseCodes.CUT_OFF, "api key revoked");
    });
  }

  /**
   * A device's view changed (a login: it may write now): an integrator's stream of its shop that does
   * not follow its space yet is closed to reconnect, and the reconnect follows it. One read, and only
   * when this node holds such a stream of the account.
   */
  void followNewDevice(long accountId, long deviceId) {
    String space = "device:" + deviceId;
    List<Map.Entry<Connection, Reader>> missing = readers.entrySet().stream()
        .filter(e -> e.getKey().accountId == accountId && !e.getKey().spaces().contains(space)).toList();
    if (missing.isEmpty()) return;
    try {
      Long shop = db.read(h -> DeviceStore.shopOf(h, accountId, deviceId));
      for (Map.Entry<Connection, Reader> e : missing) {
        if (shop != null && shop == e.getValue().shopId()) {
          e.getKey().queue.close(CloseCodes.RECONNECT, "a new device of the shop");
        }
      }
    } catch (RuntimeException e) {
      log.warn("checking the integrators' streams for device {} failed: {}", deviceId, e.toString());
      missing.forEach(m -> m.getKey().queue.close(CloseCodes.SERVER_ERROR, "server error"));
    }
  }

  /**
   * A message on an open stream: false if it is not a reader's (the hub judges it). A reader's stream
   * is read-only: anything but a ping closes it.
   */
  boolean message(Connection open, String text) {
    if (!readers.containsKey(open)) return false;
    if (!text.contains("\"ping\"")) open.queue.close(CloseCodes.READ_ONLY, "read-only stream: no commands");
    return true;
  }

  /**
   * An integrator's hello: a live key (else 4401), with {@code receipts:read} (else 4406), for a shop of
   * its account it may see (else 4403, the same for another account's shop and one outside the key's).
   */
  void hello(Session socket, Hello hello) {
    StreamKeys.Key key;
    Long shop = hello.shop();
    long changesBefore = viewChanges.getAsLong();
    List<String> spaces = new ArrayList<>();
    try {
      key = keys.authenticate(hello.apiKey()).orElse(null);
      if (key == null) {
        socket.close(CloseCodes.UNAUTHORIZED, "api_key_unknown", org.eclipse.jetty.websocket.api.Callback.NOOP);
        return;
      }
      if (!key.readsReceipts()) {
        socket.close(CloseCodes.SCOPE_MISSING, "scope receipts:read missing",
            org.eclipse.jetty.websocket.api.Callback.NOOP);
        return;
      }
      if (shop == null) shop = key.shopId();
      if (shop == null) {
        socket.close(CloseCodes.BAD_MESSAGE, "shop is required with this key",
            org.eclipse.jetty.websocket.api.Callback.NOOP);
        return;
      }
      long accountId = key.accountId();
      long shopId = shop;
      boolean allowed = (key.shopId() == null || key.shopId() == shopId)
          && db.read(h -> Shops.exists(h, accountId, shopId));
      if (!allowed) {
        socket.close(CloseCodes.CUT_OFF, "shop not allowed", org.eclipse.jetty.websocket.api.Callback.NOOP);
        return;
      }
      spaces.add("shop:" + shopId);
      db.read(h -> DeviceStore.idsInShop(h, accountId, shopId)).forEach(d -> spaces.add("device:" + d));
    } catch (RuntimeException e) {
      log.warn("an integrator's hello could not be checked: {}", e.toString());
      socket.close(CloseCodes.SERVER_ERROR, "server error", org.eclipse.jetty.websocket.api.Callback.NOOP);
      return;
    }
    if (!limits.admitStream(socket, "key:" + key.id(), "API key")) return;
    SendQueue queue = new SendQueue(socket, settings.queueCapacity(), settings.writeTimeout().toMillis(),
        "apikey-" + key.id(), meters);
    Connection c = new Connection(key.accountId(), 0, 0, READER, spaces, queue, feed,
        settings.writeTimeout().toMillis(), null, null);
    readers.put(c, new Reader(key.id(), shop));
    joiner.join(socket, c, READER, hello, spaces);
    log.info("stream of API key {} follows shop {}: {}", key.id(), shop, spaces);
    // A device of the shop that logged in while this hello was checked may have been missed.
    if (viewChanges.getAsLong() != changesBefore) {
      c.queue.close(CloseCodes.RECONNECT, "a new device of the shop");
    }
  }

  /** The socket closed: the hub has already taken it out of {@code bySession}. */
  void closed(Connection c) {
    readers.remove(c);
  }

  /**
   * The hub's tick for one slice of the readers (by key id): a heartbeat each, and the keys of the
   * group the tick verifies checked.
   */
  void serve(HeartbeatSlices slices, long tick, long now) {
    List<Map.Entry<Connection, Reader>> readersDue = new ArrayList<>();
    for (Map.Entry<Connection, Reader> e : readers.entrySet()) {
      Connection c = e.getKey();
      long keyId = e.getValue().keyId();
      boolean beat = slices.beats(tick, keyId);
      boolean verify = slices.verifies(tick, keyId);
      if ((!beat && !verify) || c.queue.isClosed()) continue;
      if (beat) c.heartbeat(now);
      if (verify) readersDue.add(e);
    }
    if (!readersDue.isEmpty()) verifyKeys(readersDue);
  }

  /** Step 2 for integrators' streams: one read of which keys are still live; a revoked key's stream closes. */
  private void verifyKeys(List<Map.Entry<Connection, Reader>> due) {
    Set<Long> live;
    try {
      live = keys.live(due.stream().map(e -> e.getValue().keyId()).distinct().toList());
    } catch (RuntimeException e) {
      log.warn("verifying {} API key streams failed: {}", due.size(), e.toString());
      return;
    }
    for (Map.Entry<Connection, Reader> e : due) {
      if (!live.contains(e.getValue().keyId())) e.getKey().queue.close(CloseCodes.CUT_OFF, "api key revoked");
    }
  }
}
