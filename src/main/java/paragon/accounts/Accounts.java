package paragon.accounts;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import paragon.configuration.LoginMode;
import paragon.configuration.Plan;
import paragon.configuration.Revisions;
import paragon.configuration.Visibility;
import paragon.storage.Database;
import paragon.web.Problem;

/**
 * Accounts (tenants) and their back-office logins. {@link #create} is how an account comes to be:
 * the demo seed and tests use it, a sign-up page would too.
 */
public final class Accounts {
  private final Database db;
  private final Clock clock;

  public Accounts(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** What a new account starts with; the owner signs in with {@code ownerEmail} and {@code ownerPassword}. */
  public record NewAccount(String name, Plan plan, String language,
      String ownerEmail, String ownerName, String ownerPassword) {}

  public record Created(long accountId, long ownerId) {}

  /** A back-office login as stored, for checking a password. */
  public record Login(long adminId, long accountId, String passwordHash) {}

  /**
   * Creates the account with parking off, visibility OWN, sharing off, login by identifier + PIN, and
   * its owner; records revision 1 so a device always has a snapshot to work by.
   * Throws {@link Problem} (400) naming the field when a value is unusable or the email is taken.
   */
  public Created create(NewAccount a) {
    String name = AccountRules.name(a.name());
    String email = AccountRules.email(a.ownerEmail());
    String ownerName = AccountRules.personName("ownerName", a.ownerName());
    AccountRules.password(a.ownerPassword());
    if (a.plan() == null) throw Problem.invalid("plan", "account.plan.required");
    if (!"pl".equals(a.language()) && !"en".equals(a.language())) {
      throw Problem.invalid("language", "account.language.invalid");
    }
    String hash = Passwords.hash(a.ownerPassword());
    return db.inTransaction(h -> {
      if (emailTaken(h, email)) throw Problem.invalid("ownerEmail", "account.email.taken");
      long now = clock.millis();
      long accountId = h.createQuery("""
              INSERT INTO accounts (name, plan, language, parking_enabled, visibility, sharing_enabled, login_mode,
                                    created_at)
              VALUES (:name, :plan, :language, :off, 'OWN', :off, 'PIN', :now) RETURNING id""")
          .bind("name", name).bind("plan", a.plan().name()).bind("language", a.language())
          .bind("off", false).bind("now", now)
          .mapTo(Long.class).one();
      long ownerId = h.createQuery("""
              INSERT INTO admins (account_id, email, name, role, password_hash, created_at)
              VALUES (:a, :email, :name, 'OWNER', :hash, :now) RETURNING id""")
          .bind("a", accountId).bind("email", email).bind("name", ownerName).bind("hash", hash).bind("now", now)
          .mapTo(Long.class).one();
      Revisions.record(h, accountId, email, "account created", clock);
      return new Created(accountId, ownerId);
    });
  }

  /** An account's own settings as stored. */
  public record Account(long id, String name, Plan plan, String language, boolean parkingEnabled, Visibility visibility,
                        boolean sharingEnabled, LoginMode loginMode, long revision) {}

  public Account find(long accountId) {
    return db.read(h -> find(h, accountId));
  }

  public static Account find(Handle h, long accountId) {
    return h.createQuery("""
            SELECT id, name, plan, language, parking_enabled, visibility, sharing_enabled, login_mode
            FROM accounts WHERE id = :a""")
        .bind("a", accountId)
        .map((rs, ctx) -> new Account(rs.getLong("id"), rs.getString("name"), Plan.valueOf(rs.getString("plan")),
            rs.getString("language"), rs.getBoolean("parking_enabled"), Visibility.valueOf(rs.getString("visibility")),
            rs.getBoolean("sharing_enabled"), LoginMode.valueOf(rs.getString("login_mode")),
            Revisions.current(h, accountId)))
        .findOne().orElseThrow(() -> paragon.web.Problem.notFound("account " + accountId));
  }

  /** How many accounts there are (the demo is made only on an empty database). */
  public long count() {
    return db.read(h -> h.createQuery("SELECT COUNT(*) FROM accounts").mapTo(Long.class).one());
  }

  /** The back-office admin signing in with {@code email} (any case, trimmed), if there is one not removed. */
  public Optional<Login> login(String email) {
    String normalized = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    return db.read(h -> h.createQuery(
            "SELECT id, account_id, password_hash FROM admins WHERE email = :e AND archived_at IS NULL")
        .bind("e", normalized)
        .map((rs, ctx) -> new Login(rs.getLong("id"), rs.getLong("account_id"), rs.getString("password_hash")))
        .findOne());
  }

  private static boolean emailTaken(Handle h, String email) {
    return h.createQuery("SELECT COUNT(*) FROM admins WHERE email = :e").bind("e", email).mapTo(Long.class).one() > 0;
  }
}
