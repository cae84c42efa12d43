package paragon.devices;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paragon.accounts.Cutoffs;
import paragon.configuration.ConfigSnapshot;
import paragon.configuration.EffectiveConfig;
import paragon.storage.Database;
import paragon.web.Lang;
import paragon.web.RequestLog;
import paragon.web.Problem;
import paragon.web.Tokens;

/**
 * Authenticates a terminal by its device token, for every feature that serves devices (the device API,
 * receipt commands, the WebSocket stream). One instance per application, made in {@code Paragon.create}.
 *
 * <ul>
 *   <li>{@link #authenticate(String)}: the raw token (e.g. from a WebSocket's first message or query)
 *       -> the {@link Device}, or a 401 {@code device_unknown} {@link Problem} for an unknown, replaced or
 *       revoked token.</li>
 *   <li>{@link #require(Context)}: the same from {@code Authorization: Bearer <device token>}; also
 *       makes the account's language the default of the answer.</li>
 *   <li>{@link #appliedConfig(Device)}: the {@link EffectiveConfig} of the revision the device applied,
 *       which is what the server must enforce for it (DESIGN rule 5).</li>
 * </ul>
 * Answers are cached in memory by token hash ({@link AuthCache}): a known terminal's call reads
 * nothing. Revocation still applies at once: this listens to {@link Cutoffs} ({@code deviceRevoked}:
 * revoked, archived or paired again; {@code viewChanged}: another applied revision) and forgets the
 * device's entry before any later listener runs (it subscribes when it is made, before the stream hub,
 * which is made with it); the hub forwards the events relayed from other nodes
 * ({@link #forgetDevice}). An entry is read again after {@link #MAX_AGE_MS} in any case, so a lost
 * cross-node notification lets a revoked token through for at most a minute.
 *
 * <p>Each authenticated call records the device's last contact in memory; a timer writes them in
 * batches every {@link DeviceStore#CONTACT_FLUSH_MS} ms ({@link DeviceStore#flushContacts}).
 */
public final class DeviceAuth implements Cutoffs.Listener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DeviceAuth.class);
  /** The safety net of the cache: how long an answer may be used without reading the device row again. */
  static final long MAX_AGE_MS = 60_000;
  static final int CACHE_CAPACITY = 100_000;

  private final Database db;
  private final DeviceStore store;
  private final Snapshots snapshots = new Snapshots();
  private final Cutoffs cutoffs;
  private final AuthCache<String, Device> cache;
  private final ScheduledExecutorService flusher;

  public DeviceAuth(Database db, Clock clock, Cutoffs cutoffs) {
    this.db = db;
    this.cutoffs = cutoffs;
    this.store = new DeviceStore(db, clock, cutoffs);
    this.cache = new AuthCache<>(clock, MAX_AGE_MS, CACHE_CAPACITY);
    this.flusher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("contacts").factory());
    flusher.scheduleWithFixedDelay(this::flushDueContacts, DeviceStore.CONTACT_FLUSH_MS, DeviceStore.CONTACT_FLUSH_MS,
        TimeUnit.MILLISECONDS);
    cutoffs.subscribe(this);
  }

  public Device authenticate(String deviceToken) {
    if (deviceToken == null || deviceToken.isBlank()) throw unknown();
    String hash = Tokens.hash(deviceToken);
    Device device = cache.get(hash);
    if (device == null) {
      long stamp = cache.stamp();
      device = store.byTokenHash(hash);
      if (device == null) throw unknown();
      cache.put(hash, device, stamp);
    }
    store.contact(device.id());
    return device;
  }

  private static Problem unknown() {
    return Problem.of(401, "device_unknown", "devices.error.token");
  }

  /** Records a contact without a call (a stream that is still open). */
  public void contact(long deviceId) {
    store.contact(deviceId);
  }

  /** Forgets what is cached for the device (its token and applied revision are read again). */
  public void forgetDevice(long accountId, long deviceId) {
    cache.forget(d -> d.id() == deviceId && d.accountId() == accountId);
  }

  @Override
  public void deviceRevoked(long accountId, long deviceId) {
    forgetDevice(accountId, deviceId);
  }

  @Override
  public void viewChanged(long accountId, long deviceId) {
    forgetDevice(accountId, deviceId);
  }

  private void flushDueContacts() {
    try {
      store.flushDueContacts();
    } catch (RuntimeException e) {
      log.warn("writing the devices' last contacts failed (kept for the next flush): {}", e.toString());
    }
  }

  private void flushContacts() {
    try {
      store.flushContacts();
    } catch (RuntimeException e) {
      log.warn("writing the devices' last contacts failed (kept for the next flush): {}", e.toString());
    }
  }

  /** Writes the last contacts and stops the timer; called when the server stops. */
  @Override
  public void close() {
    flusher.shutdownNow();
    flushContacts();
  }

  public Device require(Context ctx) {
    Device device = authenticate(bearerToken(ctx));
    RequestLog.device(ctx, device.accountId(), device.id());
    Lang.preferAskedOrAccount(ctx, snapshot(device).language());
    return device;
  }

  /** The configuration the device works by: its applied revision, its shop, its model. */
  public EffectiveConfig appliedConfig(Device device) {
    return EffectiveConfig.of(snapshot(device), device.shopId(), device.model());
  }

  /** The token of {@code Authorization: Bearer <token>}, or null. */
  public static String bearerToken(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
    String token = header.substring(7).strip();
    return token.isEmpty() ? null : token;
  }

  ConfigSnapshot snapshot(Device device) {
    ConfigSnapshot cached = snapshots.cached(device.accountId(), device.appliedRevision());
    if (cached != null) return cached;
    return db.read(h -> snapshots.get(h, device.accountId(), device.appliedRevision()));
  }

  /** The devices' store (the back office's settings page lists the devices that cannot share from it). */
  public DeviceStore store() {
    return store;
  }

  Snapshots snapshots() {
    return snapshots;
  }

  Cutoffs cutoffs() {
    return cutoffs;
  }
}
