package paragon.devices;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import paragon.accounts.Cutoffs;
import paragon.accounts.SettingsStore;
import paragon.accounts.Shops;
import paragon.configuration.DeviceModel;
import paragon.configuration.Revisions;
import paragon.storage.Database;
import paragon.web.Problem;
import paragon.web.Tokens;

/**
 * Devices in the database: registration with a one-time pairing code, pairing (code -> token),
 * authentication by token, acknowledged revisions, sync requests and revocation. Codes and tokens are
 * stored only as SHA-256. Every query is scoped by account; another account's device is "not found".
 */
public final class DeviceStore {
  static final Duration CODE_TTL = Duration.ofMinutes(15);
  /**
   * How often the remembered contacts are written ({@link #flushContacts}): last_contact_at lags the
   * real last contact by at most about this long (the back office's list flushes first).
   */
  static final long CONTACT_FLUSH_MS = 2_000;
  /**
   * The timer writes a device's contact once it moved this far past the one written: a stream's
   * heartbeat (every 15 s) would otherwise rewrite every connected device's row at every flush, the
   * database's whole load on an idle node (issue 11: 20 transactions a second with 10,000 idle
   * terminals). The back office's list, and the server's stop, write every contact exactly.
   */
  static final long CONTACT_RESOLUTION_MS = 60_000;
  private static final int CONTACT_BATCH = 500;
  static final int NAME_MAX = 40;

  /** The one device-name rule (the API and the back-office form): 1..NAME_MAX characters once stripped. */
  static boolean nameFits(String stripped) {
    return !stripped.isEmpty() && stripped.length() <= NAME_MAX;
  }

  private final Database db;
  private final Clock clock;
  private final Cutoffs cutoffs;
  /** Device id -> the latest contact not written yet. */
  private final Map<Long, Long> contacts = new ConcurrentHashMap<>();
  /** Device id -> the contact last written by this node (what the timer's resolution counts from). */
  private final Map<Long, Long> written = new ConcurrentHashMap<>();

  public DeviceStore(Database db, Clock clock, Cutoffs cutoffs) {
    this.db = db;
    this.clock = clock;
    this.cutoffs = cutoffs;
  }

  /** A pairing code as shown once to the owner: {@code code} in display form, valid until {@code expiresAt}. */
  public record Code(long deviceId, String code, long expiresAt) {}

  record Paired(String token, Device device) {}

  /** Registers a device in {@code shopId} and gives it its first pairing code. */
  public Code register(long accountId, long shopId, String name, DeviceModel model) {
    String trimmed = name == null ? "" : name.strip();
    if (!nameFits(trimmed)) throw Problem.invalid("name", "devices.error.name_length", NAME_MAX);
    if (model == null) throw Problem.invalid("model", "devices.error.model");
    return db.inTransaction(h -> {
      if (!Shops.inUse(h, accountId, shopId)) throw Problem.invalid("shop", "devices.error.shop");
      String code = PairingCodes.fresh();
      long expires = clock.millis() + CODE_TTL.toMillis();
      long id = h.createQuery("""
              INSERT INTO devices (account_id, shop_id, name, model, pairing_code_hash, pairing_expires_at, created_at)
              VALUES (:a, :s, :n, :m, :c, :e, :t) RETURNING id""")
          .bind("a", accountId).bind("s", shopId).bind("n", trimmed).bind("m", model.name())
          .bind("c", Tokens.hash(code)).bind("e", expires).bind("t", clock.millis())
          .mapTo(Long.class).one();
      return new Code(id, PairingCodes.display(code), expires);
    });
  }

  /** A new pairing code for a device that is not revoked; the previous code stops working. */
  public Code newCode(long accountId, long deviceId) {
    return db.inTransaction(h -> {
      requireActive(h, accountId, deviceId);
      String code = PairingCodes.fresh();
      long expires = clock.millis() + CODE_TTL.toMillis();
      h.createUpdate("UPDATE devices SET pairing_code_hash = :c, pairing_expires_at = :e WHERE id = :d AND account_id = :a")
          .bind("c", Tokens.hash(code)).bind("e", expires).bind("d", deviceId).bind("a", accountId).execute();
      return new Code(deviceId, PairingCodes.display(code), expires);
    });
  }

  /** Revokes for good: the token, any pairing code and the device's cashier sessions stop working at once. */
  void revoke(long accountId, long deviceId) {
    db.inTransaction(h -> {
      requireActive(h, accountId, deviceId);
      revoke(h, accountId, deviceId);
      return null;
    });
    cutoffs.deviceRevoked(accountId, deviceId);
  }

  private void revoke(Handle h, long accountId, long deviceId) {
    h.createUpdate("""
            UPDATE devices SET revoked_at = :t, token_hash = NULL, pairing_code_hash = NULL, pairing_expires_at = NULL
            WHERE id = :d AND account_id = :a""")
        .bind("t", clock.millis()).bind("d", deviceId).bind("a", accountId).execute();
    TerminalSessions.endForDevice(h, accountId, deviceId);
  }

  /**
   * Archives the device: revoked first when it is not (token dead, sessions ended, its stream closed
   * after the commit), then hidden from the list. No configuration revision: devices are not in it.
   * True when changed.
   */
  boolean archive(long accountId, long deviceId) {
    record Done(boolean changed, boolean revoked) {}
    Done done = db.inTransaction(h -> {
      Long[] row = h.createQuery("SELECT revoked_at, archived_at FROM devices WHERE id = :d AND account_id = :a")
          .bind("d", deviceId).bind("a", accountId)
          .map((rs, ctx) -> new Long[] {longOrNull(rs.getObject(1)), longOrNull(rs.getObject(2))})
          .findOne().orElseThrow(() -> Problem.notFound("device", deviceId));
      if (row[1] != null) return new Done(false, false);
      boolean revoking = row[0] == null;
      if (revoking) revoke(h, accountId, deviceId);
      h.createUpdate("UPDATE devices SET archived_at = :t WHERE id = :d AND account_id = :a")
          .bind("t", clock.millis()).bind("d", deviceId).bind("a", accountId).execute();
      return new Done(true, revoking);
    });
    if (done.revoked()) cutoffs.deviceRevoked(accountId, deviceId);
    return done.changed();
  }

  /**
   * Brings an archived device back into the list; it stays revoked (register a new device to use the
   * terminal again). Refused (409) while its shop is archived. True when changed.
   */
  boolean restore(long accountId, long deviceId) {
    return db.inTransaction(h -> {
      record Row(long shopId, Long archivedAt) {}
      Row row = h.createQuery("SELECT shop_id, archived_at FROM devices WHERE id = :d AND account_id = :a")
          .bind("d", deviceId).bind("a", accountId)
          .map((rs, ctx) -> new Row(rs.getLong(1), longOrNull(rs.getObject(2))))
          .findOne().orElseThrow(() -> Problem.notFound("device", deviceId));
      if (row.archivedAt() == null) return false;
      Shops.Shop shop = Shops.find(h, accountId, row.shopId());
      if (shop.archived()) throw Problem.conflict("shop_archived", "devices.restore.shop_archived", shop.name());
      h.createUpdate("UPDATE devices SET archived_at = NULL WHERE id = :d AND account_id = :a")
          .bind("d", deviceId).bind("a", accountId).execute();
      return true;
    });
  }

  /** The names of the shop's devices that are not archived, in the caller's transaction (Shops.DevicesInUse). */
  public static List<String> inUse(Handle h, long accountId, long shopId) {
    return h.createQuery("""
            SELECT name FROM devices WHERE account_id = :a AND shop_id = :s AND archived_at IS NULL ORDER BY name""")
        .bind("a", accountId).bind("s", shopId).mapTo(String.class).list();
  }

  /**
   * Exchanges a pairing code for a device token. The code works once and for 15 minutes. The device
   * starts on the account's current revision (its applied revision until it acknowledges another).
   * Pairing a device again (with a regenerated code) replaces its token: the old holder is cut off.
   * {@code kitchen}: the screen asking is a kitchen display ({@code /kitchen}); a terminal's code is
   * refused there, and a kitchen display's code on a terminal, both before the code is used (it still
   * works on the right screen).
   */
  Paired pair(String typedCode, boolean kitchen) {
    String code = PairingCodes.normalize(typedCode);
    if (code == null) throw Problem.invalid("code", "devices.error.code_format", PairingCodes.LENGTH);
    String codeHash = Tokens.hash(code);
    long now = clock.millis();
    record Result(Paired paired, boolean wasPaired) {}
    Result result = db.inTransaction(h -> {
      Pairing row = h.createQuery("""
              SELECT id, account_id, shop_id, name, model, pairing_expires_at, paired_at
              FROM devices WHERE pairing_code_hash = :c AND revoked_at IS NULL""")
          .bind("c", codeHash)
          .map((rs, ctx) -> new Pairing(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("shop_id"),
              rs.getString("name"), DeviceModel.valueOf(rs.getString("model")), rs.getLong("pairing_expires_at"),
              rs.getObject("paired_at") != null))
          .findOne().orElseThrow(() -> Problem.invalid("code", "devices.error.code_unknown"));
      if (row.expiresAt() <= now) throw Problem.invalid("code", "devices.error.code_expired");
      if (kitchen && row.model().sells()) throw Problem.invalid("code", "devices.error.code_terminal");
      if (!kitchen && !row.model().sells()) throw Problem.invalid("code", "devices.error.code_kitchen");
      long id = row.id();
      long accountId = row.accountId();
      long revision = currentRevisionWithSnapshot(h, accountId);
      String token = Tokens.fresh();
      int updated = h.createUpdate("""
              UPDATE devices SET token_hash = :k, paired_at = :t, pairing_code_hash = NULL, pairing_expires_at = NULL,
                applied_revision = :r, last_contact_at = :t, sync_requested_at = NULL
              WHERE id = :d AND account_id = :a AND pairing_code_hash = :c""")
          .bind("k", Tokens.hash(token)).bind("t", now).bind("r", revision).bind("d", id).bind("a", accountId)
          .bind("c", codeHash).execute();
      if (updated != 1) throw Problem.invalid("code", "devices.error.code_unknown");
      TerminalSessions.endForDevice(h, accountId, id);
      Device device = new Device(id, accountId, row.shopId(), row.name(), row.model(), revision);
      return new Result(new Paired(token, device), row.wasPaired());
    });
    if (result.wasPaired()) cutoffs.deviceRevoked(result.paired().device().accountId(), result.paired().device().id());
    return result.paired();
  }

  /** A device row found by its pairing code. */
  private record Pairing(long id, long accountId, long shopId, String name, DeviceModel model, long expiresAt,
      boolean wasPaired) {}

  /** The paired, not revoked device holding {@code token}, or null (no contact recorded). */
  Device byToken(String token) {
    return token == null || token.isBlank() ? null : byTokenHash(Tokens.hash(token));
  }

  /**
   * The paired, not revoked device whose token hashes to {@code tokenHash}, or null. One read, no
   * write: the contact is {@link #contact recorded} by the caller.
   */
  Device byTokenHash(String tokenHash) {
    return db.read(h -> h.createQuery("""
            SELECT id, account_id, shop_id, name, model, applied_revision
            FROM devices WHERE token_hash = :k AND revoked_at IS NULL""")
        .bind("k", tokenHash)
        .map((rs, ctx) -> new Device(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("shop_id"),
            rs.getString("name"), DeviceModel.valueOf(rs.getString("model")), rs.getLong("applied_revision")))
        .findOne().orElse(null));
  }

  /**
   * Remembers that {@code deviceId} was in contact now. Kept in memory and written by
   * {@link #flushContacts}, one statement for many devices, so neither a busy terminal nor ten
   * thousand idle streams cost a write per call or per heartbeat.
   */
  void contact(long deviceId) {
    contacts.merge(deviceId, clock.millis(), Math::max);
  }

  /**
   * Writes the contacts remembered since the last flush, {@value #CONTACT_BATCH} devices per UPDATE.
   * A contact that arrives during the flush stays for the next one. Throws when the database does
   * (the contacts are kept and written by the next flush).
   */
  public void flushContacts() {
    flush(List.copyOf(contacts.entrySet()));
  }

  /**
   * The timer's flush: writes the contacts that moved at least {@value #CONTACT_RESOLUTION_MS} ms past
   * the one this node last wrote for the device (or that it never wrote); the others wait in memory.
   */
  public void flushDueContacts() {
    List<Map.Entry<Long, Long>> due = new java.util.ArrayList<>();
    for (Map.Entry<Long, Long> e : contacts.entrySet()) {
      Long last = written.get(e.getKey());
      if (last == null || e.getValue() - last >= CONTACT_RESOLUTION_MS) due.add(Map.entry(e.getKey(), e.getValue()));
    }
    flush(due);
  }

  private void flush(List<Map.Entry<Long, Long>> due) {
    if (due.isEmpty()) return;
    for (int from = 0; from < due.size(); from += CONTACT_BATCH) {
      List<Map.Entry<Long, Long>> chunk = due.subList(from, Math.min(due.size(), from + CONTACT_BATCH));
      StringBuilder cases = new StringBuilder();
      StringBuilder ids = new StringBuilder();
      for (int i = 0; i < chunk.size(); i++) {
        cases.append(" WHEN :d").append(i).append(" THEN :t").append(i);
        ids.append(i == 0 ? "" : ", ").append(":d").append(i);
      }
      // By primary key alone: a system write for devices of many accounts, never a user's request.
      String sql = "UPDATE devices SET last_contact_at = CASE id" + cases + " END WHERE id IN (" + ids + ")";
      db.inTransaction(h -> {
        var update = h.createUpdate(sql);
        for (int i = 0; i < chunk.size(); i++) {
          update.bind("d" + i, chunk.get(i).getKey()).bind("t" + i, chunk.get(i).getValue());
        }
        return update.execute();
      });
      for (Map.Entry<Long, Long> e : chunk) {
        contacts.remove(e.getKey(), e.getValue());
        written.merge(e.getKey(), e.getValue(), Math::max);
      }
    }
  }

  /**
   * Records that {@code device} applied {@code revision}, which must exist and not be newer than the
   * account's current revision. Acknowledging the current revision answers a pending sync request.
   */
  void ack(Device device, long revision) {
    ack(device, revision, RevisionApplied.NONE);
  }

  /** The same, with {@code applied} run in the ack's transaction and its after-commit step run after it. */
  void ack(Device device, long revision, RevisionApplied applied) {
    Runnable afterCommit = db.inTransaction(h -> {
      long current = Revisions.current(h, device.accountId());
      boolean exists = Revisions.exists(h, device.accountId(), revision);
      if (revision > current || !exists) {
        throw Problem.invalid("revision", "devices.error.revision_unknown", revision, current);
      }
      Runnable after = applied.applying(h, device, revision);
      h.createUpdate("""
              UPDATE devices SET applied_revision = :r,
                sync_requested_at = CASE WHEN :r >= :current THEN NULL ELSE sync_requested_at END
              WHERE id = :d AND account_id = :a""")
          .bind("r", revision).bind("current", current).bind("d", device.id()).bind("a", device.accountId()).execute();
      return after;
    });
    afterCommit.run();
    cutoffs.viewChanged(device.accountId(), device.id());
  }

  /**
   * {@link #appliedRevision} as a scalar subquery ({@code :d} the device, {@code :a} the account), for
   * a statement of another store that reads it along with its own row in one round trip.
   */
  public static final String APPLIED_REVISION = "(SELECT applied_revision FROM devices WHERE id = :d AND account_id = :a)";

  /**
   * The revision {@code deviceId} applied, read in the caller's transaction: a command that locked the
   * device's command cursor reads it after any ack that held that lock (see {@link RevisionApplied}).
   */
  public static long appliedRevision(Handle h, long accountId, long deviceId) {
    return h.createQuery("SELECT applied_revision FROM devices WHERE id = :d AND account_id = :a")
        .bind("d", deviceId).bind("a", accountId).mapTo(Long.class).one();
  }

  /** Asks a device to sync: it sees {@code syncRequested: true} until it acknowledges the current revision. */
  void requestSync(long accountId, long deviceId) {
    db.inTransaction(h -> {
      requireActive(h, accountId, deviceId);
      h.createUpdate("UPDATE devices SET sync_requested_at = :t WHERE id = :d AND account_id = :a")
          .bind("t", clock.millis()).bind("d", deviceId).bind("a", accountId).execute();
      return null;
    });
  }

  /** What the device sees besides its configuration: the account's current revision and a pending sync request. */
  record SyncState(long currentRevision, long appliedRevision, boolean syncRequested) {
    boolean behind() {
      return appliedRevision < currentRevision;
    }
  }

  SyncState syncState(Handle h, Device device) {
    long current = Revisions.current(h, device.accountId());
    return h.createQuery("SELECT applied_revision, sync_requested_at FROM devices WHERE id = :d AND account_id = :a")
        .bind("d", device.id()).bind("a", device.accountId())
        .map((rs, ctx) -> new SyncState(current, rs.getLong(1), rs.getObject(2) != null))
        .one();
  }

  /** Every device of the account, newest last, with what the back office shows about it. */
  public List<DeviceStatus> list(long accountId) {
    flushContacts();
    return db.read(h -> {
      // Shop names and the current revision from their owners, in the same read.
      Map<Long, String> shops = new HashMap<>();
      Shops.list(h, accountId).forEach(s -> shops.put(s.id(), s.name()));
      long current = Revisions.current(h, accountId);
      return h.createQuery("""
              SELECT id, name, model, shop_id, paired_at, revoked_at, pairing_expires_at, applied_revision,
                last_contact_at, sync_requested_at, archived_at
              FROM devices WHERE account_id = :a ORDER BY id""")
          .bind("a", accountId)
          .map((rs, ctx) -> new DeviceStatus(rs.getLong("id"), rs.getString("name"),
              DeviceModel.valueOf(rs.getString("model")), rs.getLong("shop_id"), shops.get(rs.getLong("shop_id")),
              longOrNull(rs.getObject("paired_at")), longOrNull(rs.getObject("revoked_at")),
              longOrNull(rs.getObject("pairing_expires_at")), longOrNull(rs.getObject("applied_revision")),
              longOrNull(rs.getObject("last_contact_at")), longOrNull(rs.getObject("sync_requested_at")), current,
              longOrNull(rs.getObject("archived_at"))))
          .list();
    });
  }

  /**
   * The ids of every device of the shop, revoked and archived ones too (their parked receipts stay
   * open until paid): an integrator's stream of the shop follows their spaces. A device never changes shop.
   */
  public static List<Long> idsInShop(Handle h, long accountId, long shopId) {
    return h.createQuery("SELECT id FROM devices WHERE account_id = :a AND shop_id = :s ORDER BY id")
        .bind("a", accountId).bind("s", shopId).mapTo(Long.class).list();
  }

  /** The shop of the account's device, or null when there is no such device. */
  public static Long shopOf(Handle h, long accountId, long deviceId) {
    return h.createQuery("SELECT shop_id FROM devices WHERE account_id = :a AND id = :d")
        .bind("a", accountId).bind("d", deviceId).mapTo(Long.class).findOne().orElse(null);
  }

  /** Every device's name by id, revoked ones too (a sale names its terminal forever). */
  public static Map<Long, String> names(Handle h, long accountId) {
    Map<Long, String> out = new HashMap<>();
    h.createQuery("SELECT id, name FROM devices WHERE account_id = :a")
        .bind("a", accountId).map((rs, ctx) -> out.put(rs.getLong("id"), rs.getString("name"))).list();
    return out;
  }

  /**
   * Active (not revoked) devices whose model cannot share, so they park locally even with sharing on;
   * by shop name (the shops' own order), then device name.
   */
  public List<SettingsStore.LocalOnlyDevice> localOnly(long accountId) {
    return db.read(h -> {
      List<Shops.Shop> shops = Shops.list(h, accountId);
      Map<Long, Integer> rank = new HashMap<>();
      for (int i = 0; i < shops.size(); i++) rank.put(shops.get(i).id(), i);
      return h.createQuery("""
              SELECT id, name, model, shop_id FROM devices
              WHERE account_id = :a AND revoked_at IS NULL AND model IN (<localOnly>)
              ORDER BY name""")
          .bind("a", accountId)
          .bindList("localOnly", DeviceModel.localOnly())
          .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("name"), DeviceModel.valueOf(rs.getString("model")),
              rs.getLong("shop_id")))
          .list().stream()
          .sorted(Comparator.comparing((Row d) -> rank.get(d.shopId())))
          .map(d -> new SettingsStore.LocalOnlyDevice(d.id(), d.name(), d.model(), shops.get(rank.get(d.shopId())).name()))
          .toList();
    });
  }

  private record Row(long id, String name, DeviceModel model, long shopId) {}

  private static Long longOrNull(Object value) {
    return value == null ? null : ((Number) value).longValue();
  }

  private static void requireActive(Handle h, long accountId, long deviceId) {
    boolean revoked = h.createQuery("SELECT revoked_at IS NOT NULL FROM devices WHERE id = :d AND account_id = :a")
        .bind("d", deviceId).bind("a", accountId).mapTo(Boolean.class).findOne()
        .orElseThrow(() -> Problem.notFound("device", deviceId));
    if (revoked) throw Problem.conflict("revoked", "devices.error.revoked");
  }

  /**
   * The account's current revision, recording a first one when the account has never had a revision
   * stored (a device must always be able to fetch the snapshot of the revision it starts on).
   */
  private long currentRevisionWithSnapshot(Handle h, long accountId) {
    long current = Revisions.current(h, accountId);
    if (current > 0 && Revisions.snapshot(h, accountId, current) != null) return current;
    return Revisions.record(h, accountId, "system", "initial configuration", clock);
  }
}
