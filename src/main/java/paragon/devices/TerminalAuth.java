package paragon.devices;

import io.javalin.http.Context;
import paragon.accounts.Permission;
import paragon.accounts.UserPins;
import paragon.configuration.ConfigSnapshot;
import paragon.configuration.EffectiveConfig;
import paragon.storage.Database;
import paragon.web.Lang;
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
 * </ul>
 * Refusals (all 401, by {@code error} code): {@code device_unknown} (unknown, replaced or revoked
 * device: unpair), {@code session_ended} (no such session, logged out, another login on the device,
 * the user disabled or their PIN changed: show the login screen). Disabled users and changed PINs are
 * checked live on every call, so they are cut off at once even before
 * {@link paragon.accounts.Cutoffs} listeners act.
 */
public final class TerminalAuth {
  public static final String SESSION_HEADER = "X-Paragon-Session";

  private final Database db;
  private final DeviceAuth devices;

  public TerminalAuth(Database db, DeviceAuth devices) {
    this.db = db;
    this.devices = devices;
  }

  public TerminalSession authenticate(String deviceToken, String sessionToken) {
    Device device = devices.authenticate(deviceToken);
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
    return session(device, snapshot, user);
  }

  public TerminalSession require(Context ctx) {
    TerminalSession session = authenticate(DeviceAuth.bearerToken(ctx), ctx.header(SESSION_HEADER));
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
