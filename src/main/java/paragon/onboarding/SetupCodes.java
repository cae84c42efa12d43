package paragon.onboarding;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.jdbi.v3.core.Handle;
import paragon.storage.Database;
import paragon.web.Tokens;

/**
 * One-time setup codes in {@code setup_codes}, stored as the SHA-256 of the code (like sessions). A
 * code is valid until it is used; issuing a new one voids (deletes) the unused ones, so only the code a
 * start printed last opens the setup page. 192 random bits, URL-safe Base64: guessing is hopeless
 * even before the per-IP limit on wrong codes.
 */
public final class SetupCodes {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database db;
  private final Clock clock;

  public SetupCodes(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** A new code (shown once, stored hashed) and how many unused older codes it made void. */
  public record Issued(String code, int voided) {}

  public Issued issue() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return db.inTransaction(h -> {
      int voided = h.createUpdate("DELETE FROM setup_codes WHERE used_at IS NULL").execute();
      h.createUpdate("INSERT INTO setup_codes (id, created_at) VALUES (:id, :now)")
          .bind("id", Tokens.hash(code)).bind("now", clock.millis()).execute();
      return new Issued(code, voided);
    });
  }

  /** Whether {@code code} is a code that was issued and not used yet. */
  public boolean valid(String code) {
    if (!wellFormed(code)) return false;
    return db.read(h -> h.createQuery("SELECT COUNT(*) FROM setup_codes WHERE id = :id AND used_at IS NULL")
        .bind("id", Tokens.hash(code)).mapTo(Long.class).one() > 0);
  }

  /**
   * Marks {@code code} used by {@code accountId} inside the caller's transaction; false when it is
   * unknown or used already (then the caller rolls back). Two requests racing with one code: the
   * second waits for the first's row lock, then finds {@code used_at} set and gets false.
   */
  public boolean use(Handle h, String code, long accountId) {
    if (!wellFormed(code)) return false;
    return h.createUpdate("""
            UPDATE setup_codes SET used_at = :now, account_id = :a WHERE id = :id AND used_at IS NULL""")
        .bind("now", clock.millis()).bind("a", accountId).bind("id", Tokens.hash(code)).execute() == 1;
  }

  private static boolean wellFormed(String code) {
    return code != null && code.matches("[A-Za-z0-9_-]{16,64}");
  }
}
