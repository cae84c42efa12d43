package paragon.devices;

import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import paragon.accounts.Passwords;
import paragon.accounts.PinBackoff;
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
 *   <li>{@code PIN}: identifier and PIN. Wrong PINs slow down the terminal they were typed on, for that
 *       user only ({@link PinBackoff}: three free attempts, then a wait doubling from 1 s to 5 minutes);
 *       the same user logs in at once on another terminal; a right PIN resets that terminal's count.</li>
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
    TerminalAuth.requireTerminal(device);
    ConfigSnapshot snapshot = devices.snapshot(device);
    LoginMode mode = snapshot.loginMode();
    ConfigSnapshot.User user = mode == LoginMode.NONE ? defaultUser(snapshot) : byIdentifier(snapshot, identifier);
    UserPins.Live live = db.read(h -> UserPins.live(h, device.accountId(), user.id()));
    if (live == null || live.disabled()) {
      throw Problem.of(403, "user_disabled", "sessions.error.user_disabled_login", user.name());
    }
    String pinHash = live.pinHash();
    if (mode == LoginMode.PIN) {
      if (pin == null || pin.isBlank()) throw Problem.invalid("pin", "sessions.error.pin_required");
      if (pinHash == null) throw Problem.of(403, "no_pin", "sessions.error.no_pin", user.name());
      long attempt = claimAttempt(device, user);
      if (!Passwords.matches(pin.strip(), pinHash)) throw wrongPinAnswer(attempt);
    }
    String token = Tokens.fresh();
    db.inTransaction(h -> {
      if (mode == LoginMode.PIN) {
        UserPins.clearFailures(h, device.accountId(), user.id(), device.id());
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
   * Takes one attempt of the user on this device before the PIN is looked at, in one row upsert that
   * is also the wait check ({@link UserPins#claimAttempt}): however many logins race, only those the
   * waits allow are evaluated (three at once, then one per wait). An attempt counts as wrong until its
   * PIN proves right, which then deletes the count. Returns the attempt's number; refuses with the
   * time left when the device must wait. The attempts are this device's alone: a terminal that guesses
   * slows itself, not the user's login elsewhere. (Before: five wrong PINs on any terminal locked the
   * user out on every terminal for five minutes.)
   */
  private long claimAttempt(Device device, ConfigSnapshot.User user) {
    long now = clock.millis();
    Long attempt = db.inTransaction(h -> UserPins.claimAttempt(h, device.accountId(), user.id(), device.id(), now));
    if (attempt != null) return attempt;
    Long until = db.read(h -> UserPins.nextAllowed(h, device.accountId(), user.id(), device.id()));
    throw locked(user, until == null ? 1 : until - now);
  }

  /** 401 wrong_pin, saying how long this terminal now waits before the next attempt (if at all). */
  private static Problem wrongPinAnswer(long attempt) {
    long seconds = seconds(PinBackoff.waitMillis(attempt));
    Problem wrong = Problem.of(401, "wrong_pin", "sessions.error.wrong_pin", seconds);
    return seconds == 0 ? wrong : wrong.retryAfter(seconds);
  }

  /** 429 locked with Retry-After: this terminal must wait before the user's next PIN. */
  private static Problem locked(ConfigSnapshot.User user, long remainingMillis) {
    long seconds = Math.max(1, seconds(remainingMillis));
    return Problem.of(429, "locked", "sessions.error.locked", user.name(), seconds).retryAfter(seconds);
  }

  /** Whole seconds, rounded up (a wait of 1 ms is 1 s: the client must not come back too early). */
  private static long seconds(long millis) {
    return millis <= 0 ? 0 : (millis + 999) / 1000;
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
