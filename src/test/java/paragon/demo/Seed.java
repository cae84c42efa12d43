package paragon.demo;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import paragon.accounts.Passwords;
import paragon.accounts.Permission;
import paragon.configuration.LoginMode;
import paragon.configuration.Plan;
import paragon.configuration.Visibility;

/**
 * Test fixtures: plain inserts of an account's parts, for tests that need an account in a few lines.
 * No validation: callers pass sane values. The caller records the configuration revision
 * ({@code Revisions.record}) once it has inserted what it needs. Main code (the demo included) makes
 * accounts only through the stores (issue 10); this lives in the test sources so it cannot.
 */
public final class Seed {
  private Seed() {}

  /** A new account with parking off, visibility OWN, sharing off, PIN login and no revision yet. */
  public static long account(Handle h, String name, Plan plan, String language, long now) {
    return h.createQuery("""
            INSERT INTO accounts (name, plan, language, parking_enabled, visibility, sharing_enabled, login_mode, created_at)
            VALUES (:n, :p, :l, :f, 'OWN', :f, 'PIN', :t) RETURNING id""")
        .bind("n", name).bind("p", plan.name()).bind("l", language).bind("f", false).bind("t", now)
        .mapTo(Long.class).one();
  }

  /**
   * The account's settings, with a tapped product a line of its own each time (merging off): the tests
   * written before issue 15 add a product twice to get two lines; {@link #mergeLines} turns it on.
   */
  public static void settings(Handle h, long accountId, boolean parking,
      Visibility visibility, boolean sharing, LoginMode mode) {
    h.createUpdate("""
            UPDATE accounts SET parking_enabled = :p, visibility = :v, sharing_enabled = :s, login_mode = :m,
            merge_lines = :ml WHERE id = :a""")
        .bind("p", parking).bind("v", visibility.name()).bind("s", sharing).bind("m", mode.name()).bind("ml", false)
        .bind("a", accountId)
        .execute();
  }

  /** The owner's "add a tapped product to its line" setting (Settings; V54). */
  public static void mergeLines(Handle h, long accountId, boolean on) {
    h.createUpdate("UPDATE accounts SET merge_lines = :m WHERE id = :a").bind("m", on).bind("a", accountId).execute();
  }

  public static void plan(Handle h, long accountId, Plan plan) {
    h.createUpdate("UPDATE accounts SET plan = :p WHERE id = :a").bind("p", plan.name()).bind("a", accountId).execute();
  }

  public static long owner(Handle h, long accountId, String email, String name, String password, long now) {
    return h.createQuery("""
            INSERT INTO admins (account_id, email, name, role, password_hash, created_at)
            VALUES (:a, :e, :n, 'OWNER', :p, :t) RETURNING id""")
        .bind("a", accountId).bind("e", email.toLowerCase()).bind("n", name)
        .bind("p", Passwords.hash(password)).bind("t", now)
        .mapTo(Long.class).one();
  }

  public static long shop(Handle h, long accountId, String name, boolean useDefaults, long now) {
    return h.createQuery("INSERT INTO shops (account_id, name, use_defaults, created_at) "
        + "VALUES (:a, :n, :u, :t) RETURNING id")
        .bind("a", accountId).bind("n", name).bind("u", useDefaults).bind("t", now).mapTo(Long.class).one();
  }

  public static void useDefaults(Handle h, long accountId, long shopId, boolean useDefaults) {
    h.createUpdate("UPDATE shops SET use_defaults = :u WHERE id = :s AND account_id = :a")
        .bind("u", useDefaults).bind("s", shopId).bind("a", accountId).execute();
  }

  /** Appends predefined receipts to a list: the default list when {@code shopId} is null, else the shop's own. */
  public static void slots(Handle h, long accountId, Long shopId, List<String> names) {
    String where = shopId == null ? "shop_id IS NULL" : "shop_id = :s";
    var count = h.createQuery("SELECT COUNT(*) FROM receipt_slots WHERE account_id = :a AND " + where).bind("a", accountId);
    if (shopId != null) count.bind("s", shopId);
    int position = count.mapTo(Integer.class).one();
    for (String name : names) {
      h.createUpdate("INSERT INTO receipt_slots (id, account_id, shop_id, name, position) VALUES (:id, :a, :s, :n, :p)")
          .bind("id", UUID.randomUUID().toString()).bind("a", accountId).bind("s", shopId).bind("n", name)
          .bind("p", position++).execute();
    }
  }

  public static long role(Handle h, long accountId, String name, Set<Permission> permissions) {
    return h.createQuery("INSERT INTO roles (account_id, name, permissions) VALUES (:a, :n, :p) RETURNING id")
        .bind("a", accountId).bind("n", name).bind("p", Permission.format(permissions)).mapTo(Long.class).one();
  }

  /** A terminal user; {@code pin} null for none. */
  public static long user(Handle h, long accountId, String identifier, String name, long roleId, String pin, long now) {
    return h.createQuery("""
            INSERT INTO users (account_id, identifier, name, role_id, pin_hash, disabled, failed_pins, created_at)
            VALUES (:a, :i, :n, :r, :p, :f, 0, :t) RETURNING id""")
        .bind("a", accountId).bind("i", identifier).bind("n", name).bind("r", roleId)
        .bind("p", pin == null ? null : Passwords.hash(pin)).bind("f", false).bind("t", now)
        .mapTo(Long.class).one();
  }

  public static void disableUser(Handle h, long accountId, long userId, boolean disabled) {
    h.createUpdate("UPDATE users SET disabled = :d WHERE id = :u AND account_id = :a")
        .bind("d", disabled).bind("u", userId).bind("a", accountId).execute();
  }

  public static void pin(Handle h, long accountId, long userId, String pin) {
    h.createUpdate("UPDATE users SET pin_hash = :p WHERE id = :u AND account_id = :a")
        .bind("p", pin == null ? null : Passwords.hash(pin)).bind("u", userId).bind("a", accountId).execute();
  }

  /** A catalog product; {@code price} in grosze, {@code vat} one of 23, 8, 5, 0, ZW. */
  public static long product(Handle h, long accountId, String name, long price, String vat, String category, int position) {
    return h.createQuery("""
            INSERT INTO products (account_id, name, price, vat, category, position, active)
            VALUES (:a, :n, :p, :v, :c, :pos, :t) RETURNING id""")
        .bind("a", accountId).bind("n", name).bind("p", price).bind("v", vat).bind("c", category).bind("pos", position)
        .bind("t", true).mapTo(Long.class).one();
  }
}
