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

  /**
   * {@code archived}: kept for history (sales name it), but no longer in use. {@code address}: optional
   * (null), entered at setup or on the Shops page; not part of what terminals apply.
   */
  public record Shop(long id, String name, boolean useDefaults, boolean archived, String address) {}

  /**
   * The non-archived devices of a shop, by name, read in the caller's transaction: the devices package
   * answers it (a shop with devices in use cannot be archived). Wired in {@code Paragon.create}.
   */
  public interface DevicesInUse {
    List<String> names(Handle h, long accountId, long shopId);
  }

  public List<Shop> list(long accountId) {
    return db.read(h -> list(h, accountId));
  }

  /** Every shop of the account, archived ones too (sales and devices name them forever). */
  public static List<Shop> list(Handle h, long accountId) {
    return h.createQuery(
            "SELECT id, name, use_defaults, archived_at, address FROM shops WHERE account_id = :a ORDER BY name, id")
        .bind("a", accountId)
        .map((rs, ctx) -> shop(rs))
        .list();
  }

  /** The shop, or a 404 {@link Problem} when it is not this account's. */
  /** What a guest bill's header prints (issue 12): the business's name and NIP, the shop's name and address. */
  public record BillHeader(String business, String nip, String shop, String address) {}

  public static BillHeader billHeader(Handle h, long accountId, long shopId) {
    return h.createQuery("""
            SELECT a.name AS business, a.nip, s.name AS shop, s.address FROM accounts a
            JOIN shops s ON s.account_id = a.id AND s.id = :s WHERE a.id = :a""")
        .bind("a", accountId).bind("s", shopId)
        .map((rs, ctx) -> new BillHeader(rs.getString("business"), rs.getString("nip"), rs.getString("shop"),
            rs.getString("address")))
        .findOne().orElseThrow(() -> Problem.notFound("shop", shopId));
  }

  public static Shop find(Handle h, long accountId, long shopId) {
    return h.createQuery("""
            SELECT id, name, use_defaults, archived_at, address FROM shops WHERE account_id = :a AND id = :s""")
        .bind("a", accountId).bind("s", shopId)
        .map((rs, ctx) -> shop(rs))
        .findOne().orElseThrow(() -> Problem.notFound("shop", shopId));
  }

  private static Shop shop(java.sql.ResultSet rs) throws java.sql.SQLException {
    rs.getLong("archived_at");
    boolean archived = !rs.wasNull();
    return new Shop(rs.getLong("id"), rs.getString("name"), rs.getBoolean("use_defaults"), archived,
        rs.getString("address"));
  }

  /** Whether the account has this shop and it is not archived (a device can be registered in it). */
  public static boolean inUse(Handle h, long accountId, long shopId) {
    return h.createQuery("SELECT COUNT(*) FROM shops WHERE id = :s AND account_id = :a AND archived_at IS NULL")
        .bind("s", shopId).bind("a", accountId).mapTo(Integer.class).one() > 0;
  }

  /**
   * Archives the shop (one revision); refused (409, naming them) while it has devices that are not
   * archived. True when changed.
   */
  public boolean archive(long accountId, String author, long shopId, DevicesInUse devices) {
    return db.inTransaction(h -> {
      Shop shop = find(h, accountId, shopId);
      if (shop.archived()) return false;
      List<String> inUse = devices.names(h, accountId, shopId);
      if (!inUse.isEmpty()) throw Problem.conflict("in_use", "shops.archive.devices", String.join(", ", inUse));
      h.createUpdate("UPDATE shops SET archived_at = :t WHERE id = :s AND account_id = :a")
          .bind("t", clock.millis()).bind("s", shopId).bind("a", accountId).execute();
      Revisions.record(h, accountId, author, "shop archived: " + shop.name(), clock);
      return true;
    });
  }

  /** Restores an archived shop (one revision); true when changed. */
  public boolean restore(long accountId, String author, long shopId) {
    return db.inTransaction(h -> {
      Shop shop = find(h, accountId, shopId);
      if (!shop.archived()) return false;
      h.createUpdate("UPDATE shops SET archived_at = NULL WHERE id = :s AND account_id = :a")
          .bind("s", shopId).bind("a", accountId).execute();
      Revisions.record(h, accountId, author, "shop restored: " + shop.name(), clock);
      return true;
    });
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
    return create(accountId, author, rawName, null);
  }

  /** Adds a shop with an optional address (its error at the field {@code address}). */
  public long create(long accountId, String author, String rawName, String rawAddress) {
    return db.inTransaction(h -> {
      String name = validName(h, accountId, null, rawName);
      String address = AccountRules.address("address", rawAddress);
      long id = insert(h, accountId, name, address, clock.millis());
      Revisions.record(h, accountId, author, "shop added: " + name, clock);
      return id;
    });
  }

  /** Renames the shop; returns true when the name changed (and a revision was recorded). */
  public boolean rename(long accountId, String author, long shopId, String rawName) {
    return db.inTransaction(h -> save(h, accountId, author, shopId, rawName, null));
  }

  /**
   * Saves the shop's name and address (checked in that order, the error at its field, nothing saved on one);
   * true when something changed. {@code rawAddress} null keeps the address. A new name is a revision (terminals show it); the address alone is
   * not, as no terminal applies it.
   */
  public boolean save(long accountId, String author, long shopId, String rawName, String rawAddress) {
    return db.inTransaction(h -> save(h, accountId, author, shopId, rawName, rawAddress));
  }

  private boolean save(Handle h, long accountId, String author, long shopId, String rawName, String rawAddress) {
    Shop shop = find(h, accountId, shopId);
    String name = validName(h, accountId, shopId, rawName);
    String address = rawAddress == null ? shop.address() : AccountRules.address("address", rawAddress);
    boolean renamed = !name.equals(shop.name());
    if (!renamed && java.util.Objects.equals(address, shop.address())) return false;
    h.createUpdate("UPDATE shops SET name = :n, address = :address WHERE id = :s AND account_id = :a")
        .bind("n", name).bind("address", address).bind("s", shopId).bind("a", accountId).execute();
    if (renamed) Revisions.record(h, accountId, author, "shop renamed: " + shop.name() + " -> " + name, clock);
    return true;
  }
}
