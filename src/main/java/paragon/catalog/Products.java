package paragon.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import paragon.accounts.Shops;
import paragon.storage.Database;
import paragon.web.Problem;

/**
 * An account's products with their shop prices ({@code product_shops}) and modifier groups
 * ({@code product_modifier_groups}). A save checks what only the database knows (the category, shops
 * and groups are this account's, the short code is free, no modifier takes the price below 0) and
 * records one configuration revision; a save that changes nothing records none. Products are archived,
 * never deleted: an open receipt and a sale keep their own copy of name, price and VAT in their lines.
 */
public final class Products {
  private final Database db;
  private final Clock clock;

  public Products(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * A product; {@code categoryId} null only for rows written before categories were rows;
   * {@code shops} only the shops with a price or availability of their own; {@code groups} in order.
   */
  public record Product(long id, String name, long price, String vat, Long categoryId, String category,
      boolean active, int position, String code, boolean archived, List<ProductRules.ShopPrice> shops,
      List<Long> groups) {}

  /** A save's outcome: the product's id and whether a revision was recorded. */
  public record Saved(long id, boolean changed) {}

  public List<Product> list(long accountId) {
    return db.read(h -> list(h, accountId));
  }

  public Product find(long accountId, long id) {
    return db.read(h -> find(h, accountId, id));
  }

  /** Every product of the account, archived ones too, by category order, then position. */
  static List<Product> list(Handle h, long accountId) {
    return select(h, accountId, null);
  }

  /** The account's product {@code id} in the caller's transaction; another account's is not found (404). */
  public static Product find(Handle h, long accountId, long id) {
    return select(h, accountId, id).stream().findFirst().orElseThrow(() -> Problem.notFound("product", id));
  }

  private static List<Product> select(Handle h, long accountId, Long id) {
    Map<Long, List<ProductRules.ShopPrice>> shops = new HashMap<>();
    h.createQuery("SELECT product_id, shop_id, price, available FROM product_shops WHERE account_id = :a"
            + " ORDER BY product_id, shop_id")
        .bind("a", accountId)
        .map((rs, ctx) -> {
          // wasNull() answers for the last column read: read the price, then ask, then the rest.
          long price = rs.getLong("price");
          Long own = rs.wasNull() ? null : price;
          return Map.entry(rs.getLong("product_id"), new ProductRules.ShopPrice(rs.getLong("shop_id"), own,
              rs.getBoolean("available")));
        })
        .forEach(e -> shops.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    Map<Long, List<Long>> groups = new HashMap<>();
    h.createQuery("SELECT product_id, group_id FROM product_modifier_groups WHERE account_id = :a"
            + " ORDER BY product_id, position, group_id")
        .bind("a", accountId)
        .map((rs, ctx) -> Map.entry(rs.getLong("product_id"), rs.getLong("group_id")))
        .forEach(e -> groups.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    var q = h.createQuery("""
            SELECT p.id, p.name, p.price, p.vat, p.category_id, COALESCE(c.name, p.category) AS category_name,
                   p.active, p.position, p.short_code, p.archived
            FROM products p LEFT JOIN categories c ON c.id = p.category_id
            WHERE p.account_id = :a""" + (id == null ? "" : " AND p.id = :id") + """

            ORDER BY COALESCE(c.position, 0), p.position, p.id""")
        .bind("a", accountId);
    if (id != null) q.bind("id", id);
    return q.map((rs, ctx) -> {
      long pid = rs.getLong("id");
      long categoryId = rs.getLong("category_id");
      Long category = rs.wasNull() ? null : categoryId;
      return new Product(pid, rs.getString("name"), rs.getLong("price"), rs.getString("vat"), category,
          rs.getString("category_name"), rs.getBoolean("active"), rs.getInt("position"), rs.getString("short_code"),
          rs.getBoolean("archived"), shops.getOrDefault(pid, List.of()), groups.getOrDefault(pid, List.of()));
    }).list();
  }

  /** Adds ({@code id} null) or changes a product, with one revision when something changed. */
  public Saved save(long accountId, String author, Long id, ProductRules.Valid v) {
    return db.inTransaction(h -> save(h, accountId, author, id, v));
  }

  /** The same in the caller's transaction (the integrator API, which records its idempotency key in it). */
  public Saved save(Handle h, long accountId, String author, Long id, ProductRules.Valid v) {
    Product before = id == null ? null : find(h, accountId, id);
    long saved = write(h, accountId, before, v, clock.millis());
    if (before != null && same(before, find(h, accountId, saved))) return new Saved(saved, false);
    String key = before == null ? "catalog.rev.product_added" : "catalog.rev.product_changed";
    CatalogRevision.record(h, accountId, author, Summaries.of(h, accountId, key, v.name()), clock);
    return new Saved(saved, true);
  }

  /**
   * Adds a product in the caller's transaction, which records the revision (the demo, the import).
   * Checks as {@link #save} does; returns the new id.
   */
  public static long insert(Handle h, long accountId, ProductRules.Valid v, long now) {
    return write(h, accountId, null, v, now);
  }

  /** Writes {@code v} over {@code before} (null: a new product); returns the id. No revision. */
  static long write(Handle h, long accountId, Product before, ProductRules.Valid v, long now) {
    return write(h, accountId, before, v, now, false);
  }

  /**
   * The same; {@code codeChecked}: the caller has checked in this transaction that the code is free
   * (the import checks a whole file against the catalog at once, instead of one query per row).
   */
  static long write(Handle h, long accountId, Product before, ProductRules.Valid v, long now, boolean codeChecked) {
    Categories.Category category = Categories.find(h, accountId, v.categoryId());
    if (category.archived()) throw Problem.invalid("categoryId", "catalog.category.archived", category.name());
    long self = before == null ? -1 : before.id();
    if (v.code() != null && !codeChecked) checkCode(h, accountId, self, v.code());
    for (ProductRules.ShopPrice s : v.shops()) {
      if (!Shops.exists(h, accountId, s.shopId())) throw Problem.notFound("shop", s.shopId());
    }
    List<Long> worst = new ArrayList<>();
    for (long g : v.groups()) {
      ModifierGroups.Group group = ModifierGroups.find(h, accountId, g);
      // An archived group stays attached (restoring it brings it back) but cannot be newly attached.
      if (group.archived()) {
        if (before == null || !before.groups().contains(g)) {
          throw Problem.invalid("groups", "catalog.groups.archived", group.name());
        }
        continue;
      }
      worst.add(group.worstDelta());
    }
    long lowest = ModifierRules.lowestPrice(v.price(),
        v.shops().stream().map(ProductRules.ShopPrice::price).toList(), worst);
    if (lowest < 0) throw Problem.invalid("groups", "catalog.price.below_zero", paragon.web.MoneyText.amount(lowest));
    int position = v.position() != null ? v.position() : before != null ? before.position()
        : h.createQuery("SELECT COALESCE(MAX(position) + 1, 0) FROM products WHERE account_id = :a")
            .bind("a", accountId).mapTo(Integer.class).one();
    long id;
    if (before == null) {
      id = h.createQuery("""
              INSERT INTO products (account_id, name, price, vat, category, category_id, position, active,
                                    short_code, archived, created_at)
              VALUES (:a, :n, :p, :v, :c, :cid, :pos, :act, :code, :f, :t) RETURNING id""")
          .bind("a", accountId).bind("n", v.name()).bind("p", v.price()).bind("v", v.vat())
          .bind("c", category.name()).bind("cid", category.id()).bind("pos", position).bind("act", v.active())
          .bind("code", v.code()).bind("f", false).bind("t", now)
          .mapTo(Long.class).one();
    } else {
      id = before.id();
      h.createUpdate("""
              UPDATE products SET name = :n, price = :p, vat = :v, category = :c, category_id = :cid,
                position = :pos, active = :act, short_code = :code WHERE id = :id AND account_id = :a""")
          .bind("n", v.name()).bind("p", v.price()).bind("v", v.vat()).bind("c", category.name())
          .bind("cid", category.id()).bind("pos", position).bind("act", v.active()).bind("code", v.code())
          .bind("id", id).bind("a", accountId).execute();
    }
    writeShops(h, accountId, id, v.shops(), before == null);
    writeGroups(h, accountId, id, v.groups(), before == null);
    return id;
  }

  /**
   * Changes only the columns a CSV row carries (name, price, VAT, category, active, sort), keeping
   * the shop prices and modifier groups, checked as a save is. No revision.
   */
  static void update(Handle h, long accountId, Product before, ProductRules.Valid csv, long now) {
    write(h, accountId, before, new ProductRules.Valid(csv.name(), csv.price(), csv.vat(), csv.categoryId(),
        csv.code(), csv.active(), csv.position(), before.shops(), before.groups()), now, true);
  }

  private static void writeShops(Handle h, long accountId, long id, List<ProductRules.ShopPrice> shops,
      boolean isNew) {
    if (!isNew) {
      h.createUpdate("DELETE FROM product_shops WHERE product_id = :id AND account_id = :a")
          .bind("id", id).bind("a", accountId).execute();
    }
    for (ProductRules.ShopPrice s : shops) {
      if (s.isDefault()) continue;
      h.createUpdate("""
              INSERT INTO product_shops (account_id, product_id, shop_id, price, available)
              VALUES (:a, :p, :s, :price, :av)""")
          .bind("a", accountId).bind("p", id).bind("s", s.shopId()).bind("price", s.price())
          .bind("av", s.available()).execute();
    }
  }

  private static void writeGroups(Handle h, long accountId, long id, List<Long> groups, boolean isNew) {
    if (!isNew) {
      h.createUpdate("DELETE FROM product_modifier_groups WHERE product_id = :id AND account_id = :a")
          .bind("id", id).bind("a", accountId).execute();
    }
    for (int i = 0; i < groups.size(); i++) {
      h.createUpdate("""
              INSERT INTO product_modifier_groups (account_id, product_id, group_id, position)
              VALUES (:a, :p, :g, :pos)""")
          .bind("a", accountId).bind("p", id).bind("g", groups.get(i)).bind("pos", i).execute();
    }
  }

  /** The id and name of the active (not archived) product with this code ignoring case, or null. */
  static Map.Entry<Long, String> byCode(Handle h, long accountId, String code) {
    return h.createQuery("""
            SELECT id, name FROM products WHERE account_id = :a AND archived = :f AND UPPER(short_code) = :c""")
        .bind("a", accountId).bind("f", false).bind("c", code.toUpperCase(Locale.ROOT))
        .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("name"))).findFirst().orElse(null);
  }

  private static void checkCode(Handle h, long accountId, long self, String code) {
    Map.Entry<Long, String> other = byCode(h, accountId, code);
    if (other != null && other.getKey() != self) {
      throw Problem.invalid("code", "catalog.code.taken", code, other.getValue());
    }
  }

  /** Archives (off every terminal's next revision) or restores a product; true when changed. */
  public boolean archive(long accountId, String author, long id, boolean archived) {
    return db.inTransaction(h -> archive(h, accountId, author, id, archived));
  }

  /** The same in the caller's transaction. */
  public boolean archive(Handle h, long accountId, String author, long id, boolean archived) {
    Product p = find(h, accountId, id);
    if (p.archived() == archived) return false;
    if (!archived && p.code() != null && byCode(h, accountId, p.code()) != null) {
      throw Problem.conflict("code_taken", "catalog.code.taken_restore", p.code());
    }
    h.createUpdate("UPDATE products SET archived = :x WHERE id = :id AND account_id = :a")
        .bind("x", archived).bind("id", id).bind("a", accountId).execute();
    CatalogRevision.record(h, accountId, author, Summaries.of(h, accountId,
        archived ? "catalog.rev.product_archived" : "catalog.rev.product_restored", p.name()), clock);
    return true;
  }

  private static boolean same(Product a, Product b) {
    Comparator<ProductRules.ShopPrice> byShop = Comparator.comparingLong(ProductRules.ShopPrice::shopId);
    return a.name().equals(b.name()) && a.price() == b.price() && a.vat().equals(b.vat())
        && java.util.Objects.equals(a.categoryId(), b.categoryId()) && a.category().equals(b.category())
        && a.active() == b.active() && a.position() == b.position()
        && java.util.Objects.equals(a.code(), b.code())
        && a.shops().stream().sorted(byShop).toList().equals(b.shops().stream().sorted(byShop).toList())
        && a.groups().equals(b.groups());
  }

  /** Whether {@code p} matches a search: name or code contains {@code query} ignoring case. */
  static boolean matches(Product p, String query) {
    if (query == null || query.isBlank()) return true;
    String q = query.strip().toLowerCase(Locale.ROOT);
    return p.name().toLowerCase(Locale.ROOT).contains(q)
        || (p.code() != null && p.code().toLowerCase(Locale.ROOT).contains(q));
  }
}
