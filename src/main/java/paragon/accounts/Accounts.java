package paragon.accounts;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import paragon.configuration.LoginMode;
import paragon.configuration.Plan;
import paragon.configuration.Revisions;
import paragon.configuration.Visibility;
import paragon.storage.Database;
import paragon.web.FieldErrors;
import paragon.web.Problem;

/**
 * Accounts (tenants) and their back-office logins. {@link #create} is how an account comes to be: the
 * setup and sign-up pages, the operator's {@code account create}, the demo and the tests all use it.
 */
public final class Accounts {
  private final Database db;
  private final Clock clock;

  public Accounts(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * What a new account starts with; the owner signs in with {@code ownerEmail} and {@code ownerPassword}.
   * {@code nip}: the tax number as typed (blank: none); {@code shopName}: the first shop (null: none is
   * made, as in tests that add their shops themselves), with an optional {@code shopAddress}.
   */
  public record NewAccount(String name, Plan plan, String language,
      String ownerEmail, String ownerName, String ownerPassword, String nip, String shopName, String shopAddress) {

    /** An account without tax number and without a shop. */
    public NewAccount(String name, Plan plan, String language, String ownerEmail, String ownerName,
        String ownerPassword) {
      this(name, plan, language, ownerEmail, ownerName, ownerPassword, null, null, null);
    }
  }

  /** {@code shopId}: the first shop, 0 when none was asked for. */
  public record Created(long accountId, long ownerId, long shopId) {}

  /** A back-office login as stored, for checking a password. */
  public record Login(long adminId, long accountId, String passwordHash) {}

  /** Every error of {@code a} by its field, without touching the database (the email's uniqueness is not checked). */
  public static FieldErrors check(NewAccount a) {
    return AccountRules.check(a, new FieldErrors());
  }

  /**
   * Creates the account with parking off, visibility OWN, sharing off, login by identifier + PIN, its
   * owner and its first shop, in one transaction; records revision 1 so a device always has a snapshot
   * to work by. Throws {@link Problem} (400) naming the first wrong field, or "ownerEmail" when the
   * email is taken; then nothing is written.
   */
  public Created create(NewAccount a) {
    AccountRules.require(a);
    String hash = Passwords.hash(a.ownerPassword());
    return db.inTransaction(h -> insert(h, a, hash));
  }

  /** The same inside the caller's transaction (the setup page uses its one-time code in the same one). */
  public Created create(Handle h, NewAccount a) {
    AccountRules.require(a);
    return insert(h, a, Passwords.hash(a.ownerPassword()));
  }

  private Created insert(Handle h, NewAccount a, String hash) {
    String email = AccountRules.email(a.ownerEmail());
    if (emailTaken(h, email)) throw Problem.invalid("ownerEmail", "account.email.taken");
    long now = clock.millis();
    long accountId = h.createQuery("""
            INSERT INTO accounts (name, plan, language, parking_enabled, visibility, sharing_enabled, login_mode,
                                  nip, created_at)
            VALUES (:name, :plan, :language, :off, 'OWN', :off, 'PIN', :nip, :now) RETURNING id""")
        .bind("name", AccountRules.name(a.name())).bind("plan", a.plan().name()).bind("language", a.language())
        .bind("off", false).bind("nip", AccountRules.nip(a.nip())).bind("now", now)
        .mapTo(Long.class).one();
    long ownerId = h.createQuery("""
            INSERT INTO admins (account_id, email, name, role, password_hash, created_at)
            VALUES (:a, :email, :name, 'OWNER', :hash, :now) RETURNING id""")
        .bind("a", accountId).bind("email", email).bind("name", AccountRules.personName("ownerName", a.ownerName()))
        .bind("hash", hash).bind("now", now)
        .mapTo(Long.class).one();
    String shopName = AccountRules.shopName(a.shopName());
    long shopId = shopName == null ? 0
        : Shops.insert(h, accountId, shopName, AccountRules.address(a.shopAddress()), now);
    Revisions.record(h, accountId, email, "account created", clock);
    return new Created(accountId, ownerId, shopId);
  }

  /** An account as the operator's list shows it. */
  public record Listed(long id, String name, Plan plan, String ownerEmail, long createdAt) {}

  /** Every account by id, with its owner's email (the first owner when there are several). */
  public List<Listed> list() {
    return db.read(h -> h.createQuery("""
            SELECT c.id, c.name, c.plan, c.created_at,
                   (SELECT MIN(a.email) FROM admins a WHERE a.account_id = c.id AND a.role = 'OWNER') AS owner
            FROM accounts c ORDER BY c.id""")
        .map((rs, ctx) -> new Listed(rs.getLong("id"), rs.getString("name"), Plan.valueOf(rs.getString("plan")),
            rs.getString("owner"), rs.getLong("created_at")))
        .list());
  }

  /** Whether an account {@code accountId} exists. */
  public boolean exists(long accountId) {
    return db.read(h -> h.createQuery("SELECT COUNT(*) FROM accounts WHERE id = :a").bind("a", accountId)
        .mapTo(Long.class).one() > 0);
  }

  /**
   * An account's own settings as stored. {@code nip}: the business's 10-digit tax number, or null.
   * {@code mergeLines}: see {@link AccountSettings}. {@code demo}: the demo's account, whose owner may
   * change the plan in Settings; any other account's plan is set by the operator (issue 15).
   */
  public record Account(long id, String name, Plan plan, String language, boolean parkingEnabled, Visibility visibility,
                        boolean sharingEnabled, LoginMode loginMode, long revision, String nip, boolean mergeLines,
                        boolean demo) {}

  public Account find(long accountId) {
    return db.read(h -> find(h, accountId));
  }

  public static Account find(Handle h, long accountId) {
    return h.createQuery("""
            SELECT id, name, plan, language, parking_enabled, visibility, sharing_enabled, login_mode, nip,
            merge_lines, demo FROM accounts WHERE id = :a""")
        .bind("a", accountId)
        .map((rs, ctx) -> new Account(rs.getLong("id"), rs.getString("name"), Plan.valueOf(rs.getString("plan")),
            rs.getString("language"), rs.getBoolean("parking_enabled"), Visibility.valueOf(rs.getString("visibility")),
            rs.getBoolean("sharing_enabled"), LoginMode.valueOf(rs.getString("login_mode")),
            Revisions.current(h, accountId), rs.getString("nip"), rs.getBoolean("merge_lines"), rs.getBoolean("demo")))
        .findOne().orElseThrow(() -> paragon.web.Problem.notFound("account", accountId));
  }

  /** Marks the account as the demo's (idempotent): its owner may then change the plan in Settings. */
  public void markDemo(long accountId) {
    db.inTransaction(h -> h.createUpdate("UPDATE accounts SET demo = :t WHERE id = :a")
        .bind("t", true).bind("a", accountId).execute());
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
