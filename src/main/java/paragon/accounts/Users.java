package paragon.accounts;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;
import paragon.configuration.Revisions;
import paragon.storage.Database;
import paragon.web.FieldErrors;
import paragon.web.Problem;

/**
 * Terminal users (cashiers, waiters, managers). Users are part of what terminals use, so every change
 * records one configuration revision. Disabling a user and changing a PIN are security changes that
 * apply at once: after the commit, {@link Cutoffs#userCutOff} closes that user's streams, and the
 * terminal's next call is refused (TerminalAuth checks the flag and the PIN on every call).
 * PINs are stored only as bcrypt hashes. Another account's user or role is "not found".
 */
public final class Users {
  private final Database db;
  private final Clock clock;
  private final Cutoffs cutoffs;

  public Users(Database db, Clock clock, Cutoffs cutoffs) {
    this.db = db;
    this.clock = clock;
    this.cutoffs = cutoffs;
  }

  /** {@code archived}: kept for history (sales name the cashier), cannot log in, hidden from lists. */
  public record User(long id, String identifier, String name, long roleId, String roleName, boolean hasPin,
                     boolean disabled, boolean lockedOut, boolean archived) {}

  public List<User> list(long accountId) {
    return db.read(h -> select(h, accountId, null, clock.millis()));
  }

  public User find(long accountId, long userId) {
    return db.read(h -> find(h, accountId, userId, clock.millis()));
  }

  /** A user's id and display name. */
  public record Name(long id, String name) {}

  /** Every user of the account by name (then id), disabled ones too: a sale names its cashier forever. */
  public static List<Name> names(Handle h, long accountId) {
    return h.createQuery("SELECT id, name FROM users WHERE account_id = :a ORDER BY name, id")
        .bind("a", accountId).map((rs, ctx) -> new Name(rs.getLong("id"), rs.getString("name"))).list();
  }

  /**
   * Whether the user is disabled or archived now, whatever revision a device applied (a security
   * change, applies at once); false for a user this account does not have.
   */
  public static boolean disabledNow(Handle h, long accountId, long userId) {
    return h.createQuery("SELECT disabled, archived_at FROM users WHERE account_id = :a AND id = :u")
        .bind("a", accountId).bind("u", userId)
        .map((rs, ctx) -> {
          boolean disabled = rs.getBoolean("disabled");
          rs.getLong("archived_at");
          return disabled || !rs.wasNull();
        })
        .findOne().orElse(false);
  }

  /** The identifiers of the users not archived that have the role, in the caller's transaction. */
  static List<String> holders(Handle h, long accountId, long roleId) {
    return h.createQuery("""
            SELECT identifier FROM users WHERE account_id = :a AND role_id = :r AND archived_at IS NULL
            ORDER BY identifier""")
        .bind("a", accountId).bind("r", roleId).mapTo(String.class).list();
  }

  static User find(Handle h, long accountId, long userId, long now) {
    return select(h, accountId, userId, now).stream().findFirst().orElseThrow(() -> Problem.notFound("user", userId));
  }

  private static List<User> select(Handle h, long accountId, Long userId, long now) {
    var q = h.createQuery("""
            SELECT u.id, u.identifier, u.name, u.role_id, r.name AS role_name, u.pin_hash, u.disabled, u.archived_at,
                   EXISTS (SELECT 1 FROM pin_attempts p WHERE p.user_id = u.id AND p.account_id = u.account_id
                           AND p.next_allowed > :now) AS waiting
            FROM users u JOIN roles r ON r.id = u.role_id AND r.account_id = u.account_id
            WHERE u.account_id = :a""" + (userId == null ? "" : " AND u.id = :u") + " ORDER BY u.identifier")
        .bind("a", accountId).bind("now", now);
    if (userId != null) q.bind("u", userId);
    return q.map((rs, ctx) -> {
      boolean lockedOut = rs.getBoolean("waiting"); // some terminal must wait before its next PIN for this user
      rs.getLong("archived_at");
      boolean archived = !rs.wasNull();
      return new User(rs.getLong("id"), rs.getString("identifier"), rs.getString("name"), rs.getLong("role_id"),
          rs.getString("role_name"), rs.getString("pin_hash") != null, rs.getBoolean("disabled"), lockedOut, archived);
    }).list();
  }

  /** Adds a user with {@code pin} (null: none yet); returns the new id. */
  public long create(long accountId, String author, UserRules.Details details, String pin) {
    return db.inTransaction(h -> {
      activeRole(h, accountId, details.roleId());
      checkUnique(h, accountId, 0, details.identifier());
      long id = h.createQuery("""
              INSERT INTO users (account_id, identifier, name, role_id, pin_hash, disabled, failed_pins, created_at)
              VALUES (:a, :i, :n, :r, :p, :f, 0, :t) RETURNING id""")
          .bind("a", accountId).bind("i", details.identifier()).bind("n", details.name()).bind("r", details.roleId())
          .bind("p", pin == null ? null : Passwords.hash(pin)).bind("f", false).bind("t", clock.millis())
          .mapTo(Long.class).one();
      Revisions.record(h, accountId, author, "user added: " + details.identifier(), clock);
      return id;
    });
  }

  /** Changes identifier, name and role; true when something changed (one revision). */
  public boolean update(long accountId, String author, long userId, UserRules.Details details) {
    return db.inTransaction(h -> {
      User before = find(h, accountId, userId, clock.millis());
      if (before.roleId() != details.roleId()) activeRole(h, accountId, details.roleId());
      checkUnique(h, accountId, userId, details.identifier());
      if (before.identifier().equals(details.identifier()) && before.name().equals(details.name())
          && before.roleId() == details.roleId()) return false;
      h.createUpdate("UPDATE users SET identifier = :i, name = :n, role_id = :r WHERE id = :u AND account_id = :a")
          .bind("i", details.identifier()).bind("n", details.name()).bind("r", details.roleId())
          .bind("u", userId).bind("a", accountId).execute();
      Revisions.record(h, accountId, author, "user changed: " + details.identifier(), clock);
      return true;
    });
  }

  /** Sets (or resets) the PIN, clears a lockout, and cuts the user's terminal sessions off at once. */
  public void setPin(long accountId, String author, long userId, String pin) {
    String hash = Passwords.hash(pin);
    User user = db.inTransaction(h -> {
      User u = find(h, accountId, userId, clock.millis());
      h.createUpdate("UPDATE users SET pin_hash = :p WHERE id = :u AND account_id = :a")
          .bind("p", hash).bind("u", userId).bind("a", accountId).execute();
      UserPins.clearAllFailures(h, accountId, userId);
      Revisions.record(h, accountId, author, "PIN changed: " + u.identifier(), clock);
      return u;
    });
    cutoffs.userCutOff(accountId, user.id());
  }

  /** Disables or enables the user; disabling cuts their terminal sessions off at once. True when changed. */
  public boolean setDisabled(long accountId, String author, long userId, boolean disabled) {
    boolean changed = db.inTransaction(h -> {
      User u = find(h, accountId, userId, clock.millis());
      if (u.disabled() == disabled) return false;
      h.createUpdate("UPDATE users SET disabled = :d WHERE id = :u AND account_id = :a")
          .bind("d", disabled).bind("u", userId).bind("a", accountId).execute();
      Revisions.record(h, accountId, author, (disabled ? "user disabled: " : "user enabled: ") + u.identifier(), clock);
      return true;
    });
    if (changed && disabled) cutoffs.userCutOff(accountId, userId);
    return changed;
  }

  /**
   * Archives the user (one revision): they can no longer log in on a terminal, and their terminal
   * sessions are cut off at once after the commit. True when changed.
   */
  public boolean archive(long accountId, String author, long userId) {
    boolean changed = db.inTransaction(h -> {
      User u = find(h, accountId, userId, clock.millis());
      if (u.archived()) return false;
      h.createUpdate("UPDATE users SET archived_at = :t WHERE id = :u AND account_id = :a")
          .bind("t", clock.millis()).bind("u", userId).bind("a", accountId).execute();
      Revisions.record(h, accountId, author, "user archived: " + u.identifier(), clock);
      return true;
    });
    if (changed) cutoffs.userCutOff(accountId, userId);
    return changed;
  }

  /** Restores an archived user (one revision); refused (409) while their role is archived. True when changed. */
  public boolean restore(long accountId, String author, long userId) {
    return db.inTransaction(h -> {
      User u = find(h, accountId, userId, clock.millis());
      if (!u.archived()) return false;
      if (Roles.find(h, accountId, u.roleId()).archived()) {
        throw Problem.conflict("role_archived", "users.restore.role_archived", u.roleName());
      }
      h.createUpdate("UPDATE users SET archived_at = NULL WHERE id = :u AND account_id = :a")
          .bind("u", userId).bind("a", accountId).execute();
      Revisions.record(h, accountId, author, "user restored: " + u.identifier(), clock);
      return true;
    });
  }

  /**
   * Adds to {@code errors} what {@link #create} or {@link #update} would refuse of {@code draft} beside
   * its form: an identifier another user has (ignoring case), an archived role (for an update, only
   * when the role changes), so that a refused form names every error at once. A field that already
   * has an error is not checked again; another account's role is 404. {@code userId}: 0 for a new user.
   */
  public void check(long accountId, long userId, UserRules.Draft draft, FieldErrors errors) {
    db.read(h -> {
      String identifier = UserRules.identifier(draft);
      if (!errors.has("identifier") && !identifier.isEmpty() && taken(h, accountId, userId, identifier)) {
        errors.add("identifier", "users.identifier.taken", identifier);
      }
      Long roleId = UserRules.roleId(draft);
      boolean sameRole = userId != 0 && roleId != null
          && find(h, accountId, userId, clock.millis()).roleId() == roleId;
      if (!errors.has("roleId") && roleId != null && !sameRole && Roles.find(h, accountId, roleId).archived()) {
        errors.add("roleId", "users.role.archived");
      }
      return null;
    });
  }

  /** A role the user may be given: this account's and not archived (else "roleId" is refused). */
  private static void activeRole(Handle h, long accountId, long roleId) {
    if (Roles.find(h, accountId, roleId).archived()) throw Problem.invalid("roleId", "users.role.archived");
  }

  private static void checkUnique(Handle h, long accountId, long exceptId, String identifier) {
    if (taken(h, accountId, exceptId, identifier)) {
      throw Problem.invalid("identifier", "users.identifier.taken", identifier);
    }
  }

  private static boolean taken(Handle h, long accountId, long exceptId, String identifier) {
    return h.createQuery("SELECT id, identifier FROM users WHERE account_id = :a")
        .bind("a", accountId)
        .map((rs, ctx) -> rs.getLong("id") != exceptId && rs.getString("identifier").equalsIgnoreCase(identifier))
        .list().contains(true);
  }
}
