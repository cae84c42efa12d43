package paragon.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import paragon.storage.Database;
import paragon.web.FieldErrors;
import paragon.web.Problem;
import paragon.web.Storable;
import paragon.web.Tokens;

/**
 * One-time links that set a back-office password ({@code admin_invitations}): an owner's invitation
 * of a new login, or an owner's reset of an existing login's password. There is no mail server, so the
 * link is shown to the owner to pass on (and logged). A link's token carries 256 random bits and is
 * stored only as its SHA-256; it works once, for {@link #TTL}, unless revoked. Accepting an
 * invitation creates the login; accepting a reset sets the login's password. Both sign the person in.
 */
public final class Invitations {
  static final Duration TTL = Duration.ofDays(7);

  private final Database db;
  private final Clock clock;

  public Invitations(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The invitation form as typed. */
  public record Draft(String email, String name, String role) {
    public static final Draft EMPTY = new Draft("", "", AdminRole.ADMIN.name());
  }

  /** A checked invitation: email lower-cased, name trimmed. */
  record Valid(String email, String name, AdminRole role) {}

  /** A link just made, shown once: {@code token} goes into {@code /invite?token=...}. */
  public record Link(long id, String email, String token, long expiresAt) {}

  /** An open link as the Admins page lists it ({@code adminId} set: a password reset). */
  public record Open(long id, Long adminId, String email, String name, AdminRole role, String createdBy,
      long expiresAt) {}

  /** What a valid token stands for. */
  public record Pending(long id, long accountId, Long adminId, String email, String name, AdminRole role) {}

  /** The login that accepted a link, to sign in. */
  public record Accepted(long accountId, long adminId) {}

  /** Pure check of the form; null with {@code errors} filled. */
  static Valid validate(Draft d, FieldErrors errors) {
    String email = d.email() == null ? "" : d.email().strip().toLowerCase(Locale.ROOT);
    if (Storable.check(errors, "email", email)) {
      try {
        email = AccountRules.email(email);
      } catch (Problem p) {
        errors.add("email", p.messageKey(), p.args());
      }
    }
    String name = d.name() == null ? "" : d.name().strip();
    if (Storable.check(errors, "name", name) && (name.isEmpty() || name.length() > AccountRules.MAX_NAME)) {
      errors.add("name", "person.name.length", AccountRules.MAX_NAME);
    }
    AdminRole role = null;
    for (AdminRole r : AdminRole.values()) if (r.name().equals(d.role())) role = r;
    if (role == null) errors.add("role", "admins.role.invalid");
    return errors.isEmpty() ? new Valid(email, name, role) : null;
  }

  /** Invites a new login. An email any login has, or an open invitation has, is refused on "email". */
  Link invite(long accountId, String author, Valid v) {
    return db.inTransaction(h -> {
      Admins.lockAccount(h, accountId);
      boolean taken = h.createQuery("SELECT COUNT(*) FROM admins WHERE email = :e").bind("e", v.email())
          .mapTo(Long.class).one() > 0;
      if (taken) throw Problem.invalid("email", "account.email.taken");
      boolean invited = h.createQuery("""
              SELECT COUNT(*) FROM admin_invitations
              WHERE email = :e AND admin_id IS NULL AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :now""")
          .bind("e", v.email()).bind("now", clock.millis()).mapTo(Long.class).one() > 0;
      if (invited) throw Problem.invalid("email", "admins.email.invited");
      return insert(h, accountId, null, v.email(), v.name(), v.role(), author);
    });
  }

  /**
   * A reset link for a login's password: its old password stops working at once, its sessions end,
   * and an earlier open reset of it is revoked.
   */
  Link reset(long accountId, String author, long adminId) {
    String unusable = Passwords.hash(Tokens.fresh());
    return db.inTransaction(h -> {
      Admins.Login login = Admins.find(h, accountId, adminId);
      if (login.removed()) throw Problem.conflict("removed", "admins.removed");
      long now = clock.millis();
      h.createUpdate("""
              UPDATE admin_invitations SET revoked_at = :now
              WHERE account_id = :a AND admin_id = :admin AND used_at IS NULL AND revoked_at IS NULL""")
          .bind("now", now).bind("a", accountId).bind("admin", adminId).execute();
      h.createUpdate("UPDATE admins SET password_hash = :p WHERE id = :id AND account_id = :a")
          .bind("p", unusable).bind("id", adminId).bind("a", accountId).execute();
      Sessions.endAll(h, accountId, adminId, null);
      return insert(h, accountId, adminId, login.email(), login.name(), login.role(), author);
    });
  }

  /** Revokes an open link; false when it was already used, revoked or expired. Another account's: not found. */
  boolean revoke(long accountId, long id) {
    return db.inTransaction(h -> {
      long exists = h.createQuery("SELECT COUNT(*) FROM admin_invitations WHERE id = :id AND account_id = :a")
          .bind("id", id).bind("a", accountId).mapTo(Long.class).one();
      if (exists == 0) throw Problem.notFound("invitation", id);
      return h.createUpdate("""
              UPDATE admin_invitations SET revoked_at = :now
              WHERE id = :id AND account_id = :a AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :now""")
          .bind("now", clock.millis()).bind("id", id).bind("a", accountId).execute() == 1;
    });
  }

  /** The account's open links, newest first. */
  public List<Open> open(long accountId) {
    return db.read(h -> h.createQuery("""
            SELECT id, admin_id, email, name, role, created_by, expires_at FROM admin_invitations
            WHERE account_id = :a AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :now
            ORDER BY id DESC""")
        .bind("a", accountId).bind("now", clock.millis())
        .map((rs, ctx) -> {
          long admin = rs.getLong("admin_id");
          Long adminId = rs.wasNull() ? null : admin;
          return new Open(rs.getLong("id"), adminId, rs.getString("email"), rs.getString("name"),
              AdminRole.valueOf(rs.getString("role")), rs.getString("created_by"), rs.getLong("expires_at"));
        })
        .list());
  }

  /** What {@code token} opens, or empty when it is unknown, used, revoked or expired. */
  public Optional<Pending> pending(String token) {
    if (token == null || token.isBlank() || !Storable.is(token)) return Optional.empty();
    return db.read(h -> pending(h, token.strip()));
  }

  /**
   * Accepts the link: checks {@code name} and the password typed twice, then creates the login (an
   * invitation) or sets its password (a reset), and marks the link used, in one transaction. Returns
   * the errors by field (empty: accepted, with {@code accepted} answered); a link that is no longer
   * valid is a 404 {@link Problem}.
   */
  Result accept(String token, String rawName, String password, String again) {
    FieldErrors errors = new FieldErrors();
    String name = rawName == null ? "" : rawName.strip();
    if (Storable.check(errors, "name", name) && (name.isEmpty() || name.length() > AccountRules.MAX_NAME)) {
      errors.add("name", "person.name.length", AccountRules.MAX_NAME);
    }
    String hash = Admins.newPassword(password, again, errors);
    if (!errors.isEmpty()) return new Result(null, errors);
    Accepted accepted = db.inTransaction(h -> {
      Pending p = pending(h, token.strip()).orElseThrow(() -> Problem.notFound("invitation"));
      long now = clock.millis();
      int used = h.createUpdate("UPDATE admin_invitations SET used_at = :now WHERE id = :id AND used_at IS NULL")
          .bind("now", now).bind("id", p.id()).execute();
      if (used != 1) throw Problem.notFound("invitation");
      if (p.adminId() != null) {
        int n = h.createUpdate("""
                UPDATE admins SET password_hash = :p, name = :n
                WHERE id = :id AND account_id = :a AND archived_at IS NULL""")
            .bind("p", hash).bind("n", name).bind("id", p.adminId()).bind("a", p.accountId()).execute();
        if (n != 1) throw Problem.notFound("admin", p.adminId());
        Sessions.endAll(h, p.accountId(), p.adminId(), null);
        return new Accepted(p.accountId(), p.adminId());
      }
      boolean taken = h.createQuery("SELECT COUNT(*) FROM admins WHERE email = :e").bind("e", p.email())
          .mapTo(Long.class).one() > 0;
      if (taken) throw Problem.conflict("email_taken", "account.email.taken");
      long id = h.createQuery("""
              INSERT INTO admins (account_id, email, name, role, password_hash, created_at)
              VALUES (:a, :e, :n, :r, :p, :now) RETURNING id""")
          .bind("a", p.accountId()).bind("e", p.email()).bind("n", name).bind("r", p.role().name())
          .bind("p", hash).bind("now", now).mapTo(Long.class).one();
      return new Accepted(p.accountId(), id);
    });
    return new Result(accepted, errors);
  }

  /** An accepted link, or the form's errors. */
  record Result(Accepted accepted, FieldErrors errors) {}

  private Optional<Pending> pending(Handle h, String token) {
    return h.createQuery("""
            SELECT id, account_id, admin_id, email, name, role FROM admin_invitations
            WHERE token_hash = :t AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :now""")
        .bind("t", Tokens.hash(token)).bind("now", clock.millis())
        .map((rs, ctx) -> {
          long admin = rs.getLong("admin_id");
          Long adminId = rs.wasNull() ? null : admin;
          return new Pending(rs.getLong("id"), rs.getLong("account_id"), adminId, rs.getString("email"),
              rs.getString("name"), AdminRole.valueOf(rs.getString("role")));
        })
        .findOne();
  }

  private Link insert(Handle h, long accountId, Long adminId, String email, String name, AdminRole role,
      String author) {
    String token = Tokens.fresh();
    long now = clock.millis();
    long expires = now + TTL.toMillis();
    long id = h.createQuery("""
            INSERT INTO admin_invitations (account_id, admin_id, email, name, role, token_hash, created_by,
                                           created_at, expires_at)
            VALUES (:a, :admin, :e, :n, :r, :t, :by, :now, :exp) RETURNING id""")
        .bind("a", accountId).bind("admin", adminId).bind("e", email).bind("n", name).bind("r", role.name())
        .bind("t", Tokens.hash(token)).bind("by", author).bind("now", now).bind("exp", expires)
        .mapTo(Long.class).one();
    return new Link(id, email, token, expires);
  }
}
