package paragon.devices;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import paragon.accounts.Passwords;
import paragon.accounts.UserPins;
import paragon.configuration.ConfigSnapshot;
import paragon.configuration.LoginMode;
import paragon.storage.Database;
import paragon.web.Problem;
import paragon.web.Tokens;

/**
 * A cashier logging in and out on a paired terminal, by the login mode of the revision the device
 * applied:
 * <ul>
 *   <li>{@code PIN}: identifier and PIN. Five wrong PINs in a row lock that user out for five minutes on
 *       every terminal of the account; a right PIN resets the count.</li>
 *   <li>{@code IDENTIFIER}: the identifier alone.</li>
 *   <li>{@code NONE}: nothing is asked; the terminal works as the account's default user, which is the
 *       first-created (lowest id) user that is active in the applied revision. If that user has been
 *       disabled since, login is refused until the terminal syncs the revision that disabled them.</li>
 * </ul>
 * The user must be known to the device's applied revision (the terminal lists its users from it; a
 * user added later can log in after the terminal syncs) and must not be disabled now. A terminal holds
 * one session: logging in ends the previous one on that device.
 */
final class CashierLogin {
  static final int MAX_WRONG_PINS = 5;
  static final Duration LOCKOUT = Duration.ofMinutes(5);

  private final Database db;
  private final Clock clock;
  private final DeviceAuth devices;

  CashierLogin(Database db, Clock clock, DeviceAuth devices) {
    this.db = db;
    this.clock = clock;
    this.devices = devices;
  }

  record LoggedIn(String sessionToken, TerminalSession session) {}

  LoggedIn login(Device device, String identifier, String pin) {
    ConfigSnapshot snapshot = devices.snapshot(device);
    LoginMode mode = snapshot.loginMode();
    ConfigSnapshot.User user = mode == LoginMode.NONE ? defaultUser(snapshot) : byIdentifier(snapshot, identifier);
    UserPins.Live live = db.read(h -> UserPins.live(h, device.accountId(), user.id()));
    if (live == null || live.disabled()) {
      throw Problem.of(403, "user_disabled", "sessions.error.user_disabled_login", user.name());
    }
    String pinHash = live.pinHash();
    if (mode == LoginMode.PIN) {
      long now = clock.millis();
      Long lockedUntil = live.lockedUntil();
      if (lockedUntil != null && lockedUntil > now) throw locked(user, lockedUntil - now);
      if (pin == null || pin.isBlank()) throw Problem.invalid("pin", "sessions.error.pin_required");
      if (pinHash == null) throw Problem.of(403, "no_pin", "sessions.error.no_pin", user.name());
      int attempt = claimAttempt(device.accountId(), user);
      if (!Passwords.matches(pin.strip(), pinHash)) {
        if (attempt < MAX_WRONG_PINS) throw wrongPinAnswer(attempt);
        throw locked(user, LOCKOUT.toMillis());
      }
    }
    String token = Tokens.fresh();
    db.inTransaction(h -> {
      if (mode == LoginMode.PIN) {
        UserPins.clearFailures(h, device.accountId(), user.id());
      }
      TerminalSessions.endForDevice(h, device.accountId(), device.id());
      h.createUpdate("""
              INSERT INTO terminal_sessions (id, account_id, device_id, user_id, pin_stamp, created_at)
              VALUES (:s, :a, :d, :u, :p, :t)""")
          .bind("s", Tokens.hash(token)).bind("a", device.accountId()).bind("d", device.id()).bind("u", user.id())
          .bind("p", TerminalAuth.pinStamp(pinHash)).bind("t", clock.millis()).execute();
      return null;
    });
    devices.cutoffs().viewChanged(device.accountId(), device.id()); // the previous cashier's stream ends now
    return new LoggedIn(token, TerminalAuth.session(device, snapshot, user));
  }

  /** Ends the session if it is this device's (and its stream with it); logging out twice is not an error. */
  void logout(Device device, String sessionToken) {
    if (sessionToken == null || sessionToken.isBlank()) return;
    db.inTransaction(h -> h.createUpdate(
            "DELETE FROM terminal_sessions WHERE id = :s AND account_id = :a AND device_id = :d")
        .bind("s", Tokens.hash(sessionToken.strip())).bind("a", device.accountId()).bind("d", device.id()).execute());
    devices.cutoffs().viewChanged(device.accountId(), device.id());
  }

  /**
   * Takes one attempt of the user's budget before the PIN is looked at, in one row update that is also
   * the lock check: the row changes only while the user is not locked, and the attempt that uses the
   * last of the {@value #MAX_WRONG_PINS} sets the lock in the same statement. So however many logins
   * race, at most five PINs are evaluated per lock window (an attempt counts as wrong until its PIN
   * proves right, which then clears the count). Returns the attempt's number; refuses as locked when
   * none is left. (Before, the lock was read first and the count written after the slow PIN check, so
   * a burst passed the check together and was evaluated 8-21 times.)
   */
  private int claimAttempt(long accountId, ConfigSnapshot.User user) {
    long now = clock.millis();
    // An expired lock starts a fresh count: the attempt after it is the first of the new window.
    Integer attempt = db.inTransaction(h ->
        UserPins.claimAttempt(h, accountId, user.id(), MAX_WRONG_PINS, now + LOCKOUT.toMillis(), now));
    if (attempt != null) return attempt;
    Long until = db.read(h -> UserPins.lockedUntil(h, accountId, user.id()));
    throw locked(user, until == null ? LOCKOUT.toMillis() : Math.max(0, until - now));
  }

  private static Problem wrongPinAnswer(int attempt) {
    return Problem.of(401, "wrong_pin", "sessions.error.wrong_pin", MAX_WRONG_PINS - attempt);
  }

  private static Problem locked(ConfigSnapshot.User user, long remainingMillis) {
    long minutes = Math.max(1, (remainingMillis + 59_999) / 60_000);
    return Problem.of(429, "locked", "sessions.error.locked", user.name(), MAX_WRONG_PINS, minutes);
  }

  private static ConfigSnapshot.User defaultUser(ConfigSnapshot snapshot) {
    return snapshot.users().stream().filter(u -> !u.disabled()).min(Comparator.comparingLong(ConfigSnapshot.User::id))
        .orElseThrow(() -> Problem.of(409, "no_user", "sessions.error.no_default_user"));
  }

  private static ConfigSnapshot.User byIdentifier(ConfigSnapshot snapshot, String identifier) {
    if (identifier == null || identifier.isBlank()) {
      throw Problem.invalid("identifier", "sessions.error.identifier_required");
    }
    String wanted = identifier.strip();
    return snapshot.users().stream().filter(u -> !u.disabled() && u.identifier().equalsIgnoreCase(wanted)).findFirst()
        .orElseThrow(() -> Problem.of(401, "unknown_user", "sessions.error.unknown_user", wanted));
  }
}
