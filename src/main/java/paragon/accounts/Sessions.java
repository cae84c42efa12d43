package paragon.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import paragon.storage.Database;
import paragon.web.Tokens;

/**
 * Back-office sessions in {@code web_sessions}, keyed by the SHA-256 of the cookie value. A session
 * lives {@link #TTL} from its last extension: a request in the second half of that window extends it
 * (so an active owner stays signed in, and the row is written at most about twice per TTL).
 */
final class Sessions {
  static final Duration TTL = Duration.ofHours(8);

  private final Database db;
  private final Clock clock;

  Sessions(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Opens a session for the admin and returns the cookie value (shown once, stored only hashed). */
  String open(long accountId, long adminId) {
    String token = Tokens.fresh();
    long now = clock.millis();
    db.inTransaction(h -> {
      h.createUpdate("DELETE FROM web_sessions WHERE admin_id = :admin AND expires_at <= :now")
          .bind("admin", adminId).bind("now", now).execute();
      return h.createUpdate("""
              INSERT INTO web_sessions (id, account_id, admin_id, created_at, expires_at)
              VALUES (:id, :a, :admin, :now, :expires)""")
          .bind("id", Tokens.hash(token)).bind("a", accountId).bind("admin", adminId)
          .bind("now", now).bind("expires", now + TTL.toMillis())
          .execute();
    });
    return token;
  }

  /** The signed-in admin for a cookie value, or empty when it is unknown or expired. */
  Optional<Signed> find(String token) {
    if (token == null || token.isEmpty()) return Optional.empty();
    String id = Tokens.hash(token);
    long now = clock.millis();
    Optional<Signed> found = db.read(h -> h.createQuery("""
            SELECT s.expires_at, a.id AS admin_id, a.account_id, a.role, a.name, a.email, c.language
            FROM web_sessions s
            JOIN admins a ON a.id = s.admin_id AND a.account_id = s.account_id AND a.archived_at IS NULL
            JOIN accounts c ON c.id = s.account_id
            WHERE s.id = :id AND s.expires_at > :now""")
        .bind("id", id).bind("now", now)
        .map((rs, ctx) -> new Signed(
            new BackOfficeAuth.Admin(rs.getLong("account_id"), rs.getLong("admin_id"),
                AdminRole.valueOf(rs.getString("role")),
                rs.getString("name"), rs.getString("email")),
            rs.getString("language"), rs.getLong("expires_at")))
        .findOne());
    found.filter(s -> s.expiresAt() - now < TTL.toMillis() / 2).ifPresent(s -> db.inTransaction(h ->
        h.createUpdate("UPDATE web_sessions SET expires_at = :e WHERE id = :id")
            .bind("e", now + TTL.toMillis()).bind("id", id).execute()));
    return found;
  }

  void close(String token) {
    if (token == null || token.isEmpty()) return;
    db.inTransaction(h -> h.createUpdate("DELETE FROM web_sessions WHERE id = :id")
        .bind("id", Tokens.hash(token)).execute());
  }

  /**
   * Ends every session of the login in the caller's transaction, but the one whose id (the cookie's
   * hash) is {@code keepId} (null: all): its password changed or was reset, or it was removed.
   */
  static void endAll(Handle h, long accountId, long adminId, String keepId) {
    var delete = h.createUpdate("DELETE FROM web_sessions WHERE account_id = :a AND admin_id = :admin"
            + (keepId == null ? "" : " AND id <> :keep"))
        .bind("a", accountId).bind("admin", adminId);
    if (keepId != null) delete.bind("keep", keepId);
    delete.execute();
  }

  /** A live session: who, the account's language (the default for pages), and when it ends. */
  record Signed(BackOfficeAuth.Admin admin, String accountLanguage, long expiresAt) {}
}
