package paragon.accounts;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;
import paragon.configuration.Revisions;
import paragon.storage.Database;
import paragon.web.Problem;
import paragon.web.Storable;

/**
 * An account's shops (locations). Adding or renaming a shop changes what its terminals show, so each
 * does so with one configuration revision. Another account's shop is "not found".
 */
public final class Shops {
  static final int NAME_MAX = 60;

  private final Database db;
  private final Clock clock;

  public Shops(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public record Shop(long id, String name, boolean useDefaults) {}

  public List<Shop> list(long accountId) {
    return db.read(h -> list(h, accountId));
  }

  public static List<Shop> list(Handle h, long accountId) {
    return h.createQuery("SELECT id, name, use_defaults FROM shops WHERE account_id = :a ORDER BY name, id")
        .bind("a", accountId)
        .map((rs, ctx) -> new Shop(rs.getLong("id"), rs.getString("name"), rs.getBoolean("use_defaults")))
        .list();
  }

  /** The shop, or a 404 {@link Problem} when it is not this account's. */
  public static Shop find(Handle h, long accountId, long shopId) {
    return h.createQuery("SELECT id, name, use_defaults FROM shops WHERE account_id = :a AND id = :s")
        .bind("a", accountId).bind("s", shopId)
        .map((rs, ctx) -> new Shop(rs.getLong("id"), rs.getString("name"), rs.getBoolean("use_defaults")))
        .findOne().orElseThrow(() -> Problem.notFound("shop " + shopId));
  }

  /** Whether the account has this shop. */
  public static boolean exists(Handle h, long accountId, long shopId) {
    return h.createQuery("SELECT COUNT(*) FROM shops WHERE id = :s AND account_id = :a")
        .bind("s", shopId).bind("a", accountId).mapTo(Integer.class).one() > 0;
  }

  /**
   * Which list the shop's terminals use (the Parking page's switch); the caller records the revision.
   */
  public static void setUseDefaults(Handle h, long accountId, long shopId, boolean useDefaults) {
    h.createUpdate("UPDATE shops SET use_defaults = :u WHERE id = :s AND account_id = :a")
        .bind("u", useDefaults).bind("s", shopId).bind("a", accountId).execute();
  }

  /** Trimmed, 1..{@value #NAME_MAX} characters, unique in the account ignoring case. */
  static String validName(Handle h, long accountId, Long exceptShopId, String raw) {
    String name = raw == null ? "" : Storable.require("name", raw).strip();
    if (name.isEmpty() || name.length() > NAME_MAX) throw Problem.invalid("name", "shops.name.length", NAME_MAX);
    boolean taken = list(h, accountId).stream()
        .anyMatch(s -> !Long.valueOf(s.id()).equals(exceptShopId) && s.name().equalsIgnoreCase(name));
    if (taken) throw Problem.invalid("name", "shops.name.taken", name);
    return name;
  }

  /** Inserts a shop that uses the default list, with a checked name and address; the caller records the revision. */
  static long insert(Handle h, long accountId, String name, String address, long now) {
    return h.createQuery("""
            INSERT INTO shops (account_id, name, use_defaults, address, created_at)
            VALUES (:a, :n, :t, :address, :now) RETURNING id""")
        .bind("a", accountId).bind("n", name).bind("t", true).bind("address", address).bind("now", now)
        .mapTo(Long.class).one();
  }

  /** Adds a shop that uses the default list; returns its id. */
  public long create(long accountId, String author, String rawName) {
    return db.inTransaction(h -> {
      String name = validName(h, accountId, null, rawName);
      long id = insert(h, accountId, name, null, clock.millis());
      Revisions.record(h, accountId, author, "shop added: " + name, clock);
      return id;
    });
  }

  /** Renames the shop; returns true when the name changed (and a revision was recorded). */
  public boolean rename(long accountId, String author, long shopId, String rawName) {
    return db.inTransaction(h -> {
      Shop shop = find(h, accountId, shopId);
      String name = validName(h, accountId, shopId, rawName);
      if (name.equals(shop.name())) return false;
      h.createUpdate("UPDATE shops SET name = :n WHERE id = :s AND account_id = :a")
          .bind("n", name).bind("s", shopId).bind("a", accountId).execute();
      Revisions.record(h, accountId, author, "shop renamed: " + shop.name() + " -> " + name, clock);
      return true;
    });
  }
}
