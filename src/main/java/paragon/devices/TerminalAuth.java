package paragon.devices;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import paragon.accounts.Cutoffs;
import paragon.accounts.Permission;
import paragon.accounts.UserPins;
import paragon.configuration.ConfigSnapshot;
import paragon.configuration.EffectiveConfig;
import paragon.storage.Database;
import paragon.web.Lang;
import paragon.web.RequestLog;
import paragon.web.Problem;
import paragon.web.Tokens;

/**
 * Authenticates a cashier's call from a terminal: the device token (see {@link DeviceAuth}) plus the
 * session token that {@code POST /api/device/login} gave out. One instance per application.
 *
 * <ul>
 *   <li>{@link #authenticate(String, String)}: raw tokens (e.g. a WebSocket's first message) -> the
 *       {@link TerminalSession}.</li>
 *   <li>{@link #require(Context)}: the same from {@code Authorization: Bearer <device token>} and
 *       {@code X-Paragon-Session: <session token>}; the answer's default language becomes the
 *       account's.</li>
 *   <li>{@link #verify}: the streams' periodic safety net, many sessions in one read.</li>
 * </ul>
 * Refusals (all 401, by {@code error} code): {@code device_unknown} (unknown, replaced or revoked
 * device: unpair), {@code session_ended} (no such session, logged out, another login on the device,
 * the user disabled or their PIN changed: show the login screen); and 403 {@code kitchen_display} for
 * a kitchen display's token, which never has a cashier.
 *
 * <p>Sessions are cached in memory by the hashes of both tokens ({@link AuthCache}), so a
 * terminal's call reads nothing. Every change that alters an answer fires a {@link Cutoffs} event
 * after its commit, and this forgets the affected sessions on it, before the stream hub's listener
 * runs (this subscribes when it is made, and the hub is made with it): {@code deviceRevoked}
 * (revoked, archived, paired again), {@code userCutOff} (disabled, PIN changed, archived) and
 * {@code viewChanged} (a login, a logout, a revision applied). The hub forwards the same events
 * relayed from other nodes ({@link #forgetDevice}, {@link #forgetUser}). A session is read again
 * after {@link #MAX_AGE_MS} in any case: a lost cross-node notification lets a cut-off session
 * through for at most a minute.
 */
public final class TerminalAuth implements Cutoffs.Listener {
  public static final String SESSION_HEADER = "X-Paragon-Session";
  /** The safety net of the cache: how long a session may be used without reading it again. */
  static final long MAX_AGE_MS = 60_000;
  static final int CACHE_CAPACITY = 100_000;
  private static final int VERIFY_BATCH = 500;

  private final Database db;
  private final DeviceAuth devices;
  private final AuthCache<String, TerminalSession> cache;

  public TerminalAuth(Database db, Clock clock, DeviceAuth devices) {
    this.db = db;
    this.devices = devices;
    this.cache = new AuthCache<>(clock, MAX_AGE_MS, CACHE_CAPACITY);
    devices.cutoffs().subscribe(this);
  }

  public TerminalSession authenticate(String deviceToken, String sessionToken) {
    if (deviceToken != null && !deviceToken.isBlank() && sessionToken != null && !sessionToken.isBlank()) {
      TerminalSession cached = cache.get(key(deviceToken, sessionToken));
      if (cached != null) {
        devices.contact(cached.device().id());
        return cached;
      }
    }
    long stamp = cache.stamp();
    Device device = devices.authenticate(deviceToken);
    requireTerminal(device);
    if (sessionToken == null || sessionToken.isBlank()) throw ended("sessions.error.missing");
    String id = Tokens.hash(sessionToken.strip());
    // The session and its user's live row in one read (the user's row is the accounts package's).
    Live row = db.read(h -> h.createQuery("""
            SELECT user_id, pin_stamp FROM terminal_sessions WHERE id = :s AND account_id = :a AND device_id = :d""")
        .bind("s", id).bind("a", device.accountId()).bind("d", device.id())
        .map((rs, ctx) -> new Live(rs.getLong("user_id"), rs.getString("pin_stamp"), null))
        .findOne().map(s -> new Live(s.userId(), s.pinStamp(), UserPins.live(h, device.accountId(), s.userId())))
        .orElse(null));
    if (row == null || row.user() == null) throw ended("sessions.error.ended");
    long userId = row.userId();
    if (row.user().disabled()) {
      end(device, id);
      throw ended("sessions.error.user_disabled");
    }
    if (!pinStamp(row.user().pinHash()).equals(row.pinStamp())) {
      end(device, id);
      throw ended("sessions.error.pin_changed");
    }
    ConfigSnapshot snapshot = devices.snapshot(device);
    ConfigSnapshot.User user = snapshot.users().stream().filter(u -> u.id() == userId && !u.disabled()).findFirst()
        .orElseThrow(() -> ended("sessions.error.ended"));
    TerminalSession session = session(device, snapshot, user);
    cache.put(key(deviceToken, sessionToken), session, stamp);
    return session;
  }

  /**
   * Refuses a kitchen display (403 {@code kitchen_display}): no cashier works on it, so it sends no
   * receipt command, correction or stream; checked before any session is read or any rule runs.
   */
  static void requireTerminal(Device device) {
    if (!device.model().sells()) throw Problem.of(403, "kitchen_display", "devices.error.kitchen_display");
  }

  private static String key(String deviceToken, String sessionToken) {
    return Tokens.hash(deviceToken) + ":" + Tokens.hash(sessionToken.strip());
  }

  /** Forgets the device's cached sessions and device row (another node revoked it or changed its view). */
  public void forgetDevice(long accountId, long deviceId) {
    cache.forget(s -> s.device().id() == deviceId && s.device().accountId() == accountId);
    devices.forgetDevice(accountId, deviceId);
  }

  /** Forgets the user's cached sessions (another node cut the user off). */
  public void forgetUser(long accountId, long userId) {
    cache.forget(s -> s.userId() == userId && s.device().accountId() == accountId);
  }

  @Override
  public void deviceRevoked(long accountId, long deviceId) {
    forgetDevice(accountId, deviceId);
  }

  @Override
  public void userCutOff(long accountId, long userId) {
    forgetUser(accountId, userId);
  }

  @Override
  public void viewChanged(long accountId, long deviceId) {
    forgetDevice(accountId, deviceId);
  }

  /** Records that the device is still in contact (its stream is open). */
  public void contact(long deviceId) {
    devices.contact(deviceId);
  }

  /** A session as an open stream holds it: what {@link #verify} checks. */
  public record Held(long accountId, long deviceId, String deviceToken, String sessionToken, long appliedRevision) {}

  /** What {@link #verify} found for one held session. */
  public enum Verdict {
    /** Still authenticates, on the same applied revision. */
    VALID,
    /** Still authenticates, but the device applied another revision: re-check it in full. */
    REVISION_CHANGED,
    /** The session ended (logout, another login, the user disabled or archived, the PIN changed). */
    SESSION_ENDED,
    /** The device token no longer works (revoked, archived, paired again). */
    DEVICE_UNKNOWN
  }

  /**
   * The streams' safety net against a lost event: the verdict for every held session, in one read of
   * sessions and devices and one of users per {@value #VERIFY_BATCH} sessions (and one of device
   * tokens when sessions are gone). Refused sessions are
   * forgotten by the cache. Throws when the database cannot tell.
   */
  public Map<Held, Verdict> verify(List<Held> held) {
    Map<Held, Verdict> out = new HashMap<>();
    for (int from = 0; from < held.size(); from += VERIFY_BATCH) {
      List<Held> chunk = held.subList(from, Math.min(held.size(), from + VERIFY_BATCH));
      Map<String, Held> bySession = new HashMap<>();
      for (Held h : chunk) {
        if (h.sessionToken() == null || h.sessionToken().isBlank()) out.put(h, Verdict.SESSION_ENDED);
        else bySession.put(Tokens.hash(h.sessionToken().strip()), h);
      }
      if (bySession.isEmpty()) continue;
      record Row(String sessionId, long accountId, long userId, String pinStamp, String tokenHash, boolean revoked,
          long appliedRevision) {}
      Map<Row, UserPins.Live> rows = db.read(h -> {
        List<Row> found = h.createQuery("""
                SELECT s.id, s.account_id, s.user_id, s.pin_stamp, d.token_hash, d.revoked_at, d.applied_revision
                FROM terminal_sessions s JOIN devices d ON d.id = s.device_id AND d.account_id = s.account_id
                WHERE s.id IN (<ids>)""")
            .bindList("ids", List.copyOf(bySession.keySet()))
            .map((rs, ctx) -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getObject(6) != null, rs.getLong(7)))
            .list();
        Set<Long> userIds = new HashSet<>();
        found.forEach(r -> userIds.add(r.userId()));
        Map<Long, UserPins.Owned> live = UserPins.liveAll(h, userIds);
        Map<Row, UserPins.Live> joined = new HashMap<>();
        for (Row r : found) {
          UserPins.Owned user = live.get(r.userId());
          if (user != null && user.accountId() == r.accountId()) joined.put(r, user.live());
        }
        return joined;
      });
      Map<String, Verdict> verdicts = new HashMap<>();
      // A session that is gone: the device's token may be gone with it (a revocation ends its sessions).
      Set<String> missingTokens = new HashSet<>();
      Set<String> foundIds = new HashSet<>();
      rows.keySet().forEach(r -> foundIds.add(r.sessionId()));
      bySession.forEach((id, h) -> {
        if (!foundIds.contains(id)) missingTokens.add(Tokens.hash(h.deviceToken()));
      });
      Set<String> liveTokens = missingTokens.isEmpty() ? Set.of() : Set.copyOf(db.read(h -> h.createQuery(
              "SELECT token_hash FROM devices WHERE token_hash IN (<tokens>) AND revoked_at IS NULL")
          .bindList("tokens", List.copyOf(missingTokens)).mapTo(String.class).list()));
      rows.forEach((r, user) -> {
        Held h = bySession.get(r.sessionId());
        Verdict v;
        if (r.revoked() || !Tokens.hash(h.deviceToken()).equals(r.tokenHash())) v = Verdict.DEVICE_UNKNOWN;
        else if (user.disabled() || !pinStamp(user.pinHash()).equals(r.pinStamp())) v = Verdict.SESSION_ENDED;
        else if (r.appliedRevision() != h.appliedRevision()) v = Verdict.REVISION_CHANGED;
        else v = Verdict.VALID;
        verdicts.put(r.sessionId(), v);
      });
      bySession.forEach((sessionId, h) -> {
        Verdict v = verdicts.get(sessionId);
        if (v == null) v = liveTokens.contains(Tokens.hash(h.deviceToken())) ? Verdict.SESSION_ENDED : Verdict.DEVICE_UNKNOWN;
        if (v != Verdict.VALID) forgetDevice(h.accountId(), h.deviceId());
        out.put(h, v);
      });
    }
    return out;
  }

  public TerminalSession require(Context ctx) {
    TerminalSession session = authenticate(DeviceAuth.bearerToken(ctx), ctx.header(SESSION_HEADER));
    RequestLog.device(ctx, session.device().accountId(), session.device().id());
    RequestLog.user(ctx, session.device().accountId(), "cashier", session.userId());
    Lang.preferAskedOrAccount(ctx, session.language());
    return session;
  }

  static TerminalSession session(Device device, ConfigSnapshot snapshot, ConfigSnapshot.User user) {
    ConfigSnapshot.Role role = snapshot.roles().stream().filter(r -> r.id() == user.roleId()).findFirst()
        .orElseThrow(() -> new IllegalStateException("role " + user.roleId() + " of user " + user.id()
            + " is missing from revision " + snapshot.revision()));
    EffectiveConfig config = EffectiveConfig.of(snapshot, device.shopId(), device.model());
    return new TerminalSession(device, user.id(), user.identifier(), user.name(), role.id(), role.name(),
        Permission.parse(String.join(",", role.permissions())), config, snapshot.language());
  }

  /** What a session remembers of the PIN it was opened with: a hash of the PIN's hash, '' for none. */
  static String pinStamp(String pinHash) {
    return pinHash == null ? "" : Tokens.hash(pinHash);
  }

  static Problem ended(String messageKey, Object... args) {
    return Problem.of(401, "session_ended", messageKey, args);
  }

  private void end(Device device, String sessionId) {
    db.inTransaction(h -> h.createUpdate("DELETE FROM terminal_sessions WHERE id = :s AND account_id = :a")
        .bind("s", sessionId).bind("a", device.accountId()).execute());
  }

  /** A session row with its user's live PIN row (null when the user is gone). */
  private record Live(long userId, String pinStamp, UserPins.Live user) {}
}
