package paragon.accounts;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;
import paragon.storage.Database;
import paragon.web.FieldErrors;
import paragon.web.Problem;
import paragon.web.Tokens;

/**
 * An account's back-office logins: who they are, their role, removal (archiving: the row stays, the
 * login stops working) and passwords. The one rule that holds whatever is asked: an account always
 * keeps at least one active OWNER, so the last owner can be neither removed nor made an ADMIN. Each
 * change that could break it first locks the account row, so two owners removing each other at once
 * take turns and the second sees the first's change. Another account's login is "not found".
 */
public final class Admins {
  private final Database db;
  private final Clock clock;

  public Admins(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** A login as the Admins page lists it; {@code removed}: archived, cannot sign in. */
  public record Login(long id, String email, String name, AdminRole role, boolean removed) {}

  /** Every login of the account, active ones first, then by name. */
  public List<Login> list(long accountId) {
    return db.read(h -> h.createQuery("""
            SELECT id, email, name, role, archived_at FROM admins WHERE account_id = :a
            ORDER BY CASE WHEN archived_at IS NULL THEN 0 ELSE 1 END, name, id""")
        .bind("a", accountId)
        .map((rs, ctx) -> {
          rs.getLong("archived_at");
          boolean removed = !rs.wasNull();
          return new Login(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
              AdminRole.valueOf(rs.getString("role")), removed);
        })
        .list());
  }

  static Login find(Handle h, long accountId, long adminId) {
    return h.createQuery("SELECT id, email, name, role, archived_at FROM admins WHERE account_id = :a AND id = :id")
        .bind("a", accountId).bind("id", adminId)
        .map((rs, ctx) -> {
          rs.getLong("archived_at");
          boolean removed = !rs.wasNull();
          return new Login(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
              AdminRole.valueOf(rs.getString("role")), removed);
        })
        .findOne().orElseThrow(() -> Problem.notFound("admin", adminId));
  }

  /** Removes (archives) a login and ends its sessions; refused for the last active owner. True when changed. */
  public boolean remove(long accountId, long adminId) {
    return db.inTransaction(h -> {
      lockAccount(h, accountId);
      Login login = find(h, accountId, adminId);
      if (login.removed()) return false;
      if (login.role() == AdminRole.OWNER && otherOwners(h, accountId, adminId) == 0) {
        throw Problem.conflict("last_owner", "admins.last_owner");
      }
      h.createUpdate("UPDATE admins SET archived_at = :t WHERE id = :id AND account_id = :a")
          .bind("t", clock.millis()).bind("id", adminId).bind("a", accountId).execute();
      Sessions.endAll(h, accountId, adminId, null);
      return true;
    });
  }

  /** Gives a login another role; making the last active owner an ADMIN is refused. True when changed. */
  public boolean setRole(long accountId, long adminId, AdminRole role) {
    if (role == null) throw Problem.invalid("role", "admins.role.invalid");
    return db.inTransaction(h -> {
      lockAccount(h, accountId);
      Login login = find(h, accountId, adminId);
      if (login.removed()) throw Problem.conflict("removed", "admins.removed");
      if (login.role() == role) return false;
      if (login.role() == AdminRole.OWNER && otherOwners(h, accountId, adminId) == 0) {
        throw Problem.conflict("last_owner", "admins.last_owner");
      }
      h.createUpdate("UPDATE admins SET role = :r WHERE id = :id AND account_id = :a")
          .bind("r", role.name()).bind("id", adminId).bind("a", accountId).execute();
      return true;
    });
  }

  /**
   * Changes the signed-in admin's own password: {@code current} must match, the new one is typed
   * twice. Every other session of that login ends; the one with {@code keepSession} (its cookie
   * value) stays. Returns the errors by field: empty when the password was changed.
   */
  public FieldErrors changePassword(long accountId, long adminId, String current, String password, String again,
      String keepSession) {
    FieldErrors errors = new FieldErrors();
    String hash = newPassword(password, again, errors);
    if (current == null || current.isEmpty()) errors.add("current", "password.current.wrong");
    String stored = db.read(h -> h.createQuery(
            "SELECT password_hash FROM admins WHERE id = :id AND account_id = :a AND archived_at IS NULL")
        .bind("id", adminId).bind("a", accountId).mapTo(String.class).findOne()
        .orElseThrow(() -> Problem.notFound("admin", adminId)));
    if (!errors.has("current") && !Passwords.matches(current, stored)) errors.add("current", "password.current.wrong");
    if (!errors.isEmpty()) return errors;
    db.inTransaction(h -> {
      h.createUpdate("UPDATE admins SET password_hash = :p WHERE id = :id AND account_id = :a")
          .bind("p", hash).bind("id", adminId).bind("a", accountId).execute();
      Sessions.endAll(h, accountId, adminId, keepSession == null ? null : Tokens.hash(keepSession));
      return null;
    });
    return errors;
  }

  /**
   * The pure check of a new password typed twice ({@code password}, {@code again}): its bcrypt hash,
   * or null with {@code errors} filled.
   */
  static String newPassword(String password, String again, FieldErrors errors) {
    if (password == null || password.length() < AccountRules.MIN_PASSWORD
        || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
      errors.add("password", "account.password.length", AccountRules.MIN_PASSWORD, 72);
      return null;
    }
    if (!password.equals(again)) {
      errors.add("again", "password.again.different");
      return null;
    }
    return Passwords.hash(password);
  }

  /** Serializes the account's changes to logins (see the class comment). */
  static void lockAccount(Handle h, long accountId) {
    int n = h.createUpdate("UPDATE accounts SET name = name WHERE id = :a").bind("a", accountId).execute();
    if (n != 1) throw Problem.notFound("account", accountId);
  }

  private static long otherOwners(Handle h, long accountId, long exceptId) {
    return h.createQuery("""
            SELECT COUNT(*) FROM admins
            WHERE account_id = :a AND role = 'OWNER' AND archived_at IS NULL AND id <> :id""")
        .bind("a", accountId).bind("id", exceptId).mapTo(Long.class).one();
  }
}
