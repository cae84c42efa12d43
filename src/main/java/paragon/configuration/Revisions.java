package paragon.configuration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import paragon.web.Json;

/**
 * Configuration revisions. Every back-office save that changes what terminals use calls
 * {@link #record} once, inside the save's own transaction, so a save makes exactly one revision and a
 * failed save makes none. The revision's snapshot is read from the tables as they are after the save.
 */
public final class Revisions {
  private static final ObjectMapper JSON = Json.MAPPER;

  private Revisions() {}

  /**
   * Bumps the account's revision and stores its snapshot; returns the new revision number. The head
   * row stays locked until the save commits, so two saves of one account take one number each.
   */
  public static long record(Handle h, long accountId, String author, String summary, Clock clock) {
    long revision = h.createQuery("""
            INSERT INTO config_heads (account_id, revision) VALUES (:a, 1)
            ON CONFLICT (account_id) DO UPDATE SET revision = config_heads.revision + 1 RETURNING revision""")
        .bind("a", accountId).mapTo(Long.class).one();
    ConfigSnapshot snapshot = read(h, accountId, revision);
    h.createUpdate("""
            INSERT INTO config_revisions (account_id, revision, created_at, author, summary, snapshot)
            VALUES (:a, :r, :t, :author, :summary, :snapshot)""")
        .bind("a", accountId).bind("r", revision).bind("t", clock.millis())
        .bind("author", author).bind("summary", summary).bind("snapshot", toJson(snapshot))
        .execute();
    return revision;
  }

  /** The snapshot stored for {@code revision}, or null when the account has no such revision. */
  public static ConfigSnapshot snapshot(Handle h, long accountId, long revision) {
    return h.createQuery("SELECT snapshot FROM config_revisions WHERE account_id = :a AND revision = :r")
        .bind("a", accountId).bind("r", revision)
        .mapTo(String.class).findOne().map(Revisions::fromJson).orElse(null);
  }

  /** Whether the account has stored revision {@code revision}. */
  public static boolean exists(Handle h, long accountId, long revision) {
    return h.createQuery("SELECT COUNT(*) FROM config_revisions WHERE account_id = :a AND revision = :r")
        .bind("a", accountId).bind("r", revision).mapTo(Integer.class).one() > 0;
  }

  /** The account's current revision; 0 before its first (an account is made with revision 1). */
  public static long current(Handle h, long accountId) {
    return h.createQuery("SELECT revision FROM config_heads WHERE account_id = :a").bind("a", accountId)
        .mapTo(Long.class).findOne().orElse(0L);
  }

  /** The account's configuration as the tables hold it now, labelled {@code revision}. */
  static ConfigSnapshot read(Handle h, long accountId, long revision) {
    AccountRow a = h.createQuery("""
            SELECT name, language, plan, parking_enabled, visibility, sharing_enabled, login_mode,
            merge_lines FROM accounts WHERE id = :a""").bind("a", accountId)
        .map((rs, ctx) -> new AccountRow(rs.getString("name"), rs.getString("language"),
            Plan.valueOf(rs.getString("plan")), rs.getBoolean("parking_enabled"),
            Visibility.valueOf(rs.getString("visibility")), rs.getBoolean("sharing_enabled"),
            LoginMode.valueOf(rs.getString("login_mode")), rs.getBoolean("merge_lines")))
        .one();
    List<ConfigSnapshot.Slot> defaults = slots(h, accountId, null);
    List<ConfigSnapshot.Shop> shops =
        h.createQuery("SELECT id, name, use_defaults FROM shops WHERE account_id = :a ORDER BY id")
        .bind("a", accountId)
        .map((rs, ctx) -> new ConfigSnapshot.Shop(rs.getLong("id"), rs.getString("name"),
            rs.getBoolean("use_defaults"), null))
        .list().stream()
        .map(s -> new ConfigSnapshot.Shop(s.id(), s.name(), s.useDefaults(), slots(h, accountId, s.id()),
            floor(h, accountId, s.id())))
        .toList();
    List<ConfigSnapshot.Role> roles =
        h.createQuery("SELECT id, name, permissions FROM roles WHERE account_id = :a ORDER BY id")
        .bind("a", accountId)
        .map((rs, ctx) -> new ConfigSnapshot.Role(rs.getLong("id"), rs.getString("name"),
            rs.getString("permissions").isBlank() ? List.of()
                : Arrays.stream(rs.getString("permissions").split(",")).toList()))
        .list();
    // An archived user is in the snapshot as disabled: the terminal lists leave them out (EffectiveConfig),
    // and a receipt or session that names them still finds them.
    List<ConfigSnapshot.User> users = h.createQuery("""
            SELECT id, identifier, name, role_id, disabled, archived_at FROM users WHERE account_id = :a
            ORDER BY identifier""")
        .bind("a", accountId)
        .map((rs, ctx) -> {
          boolean disabled = rs.getBoolean("disabled");
          rs.getLong("archived_at");
          boolean archived = !rs.wasNull();
          return new ConfigSnapshot.User(rs.getLong("id"), rs.getString("identifier"), rs.getString("name"),
              rs.getLong("role_id"), disabled || archived);
        })
        .list();
    Map<Long, List<ConfigSnapshot.ShopPrice>> shopPrices = new HashMap<>();
    h.createQuery("""
            SELECT ps.product_id, ps.shop_id, ps.price, ps.available FROM product_shops ps
            WHERE ps.account_id = :a ORDER BY ps.product_id, ps.shop_id""")
        .bind("a", accountId)
        .map((rs, ctx) -> {
          // wasNull() answers for the last column read: read the price, then ask, then the rest.
          long price = rs.getLong("price");
          Long own = rs.wasNull() ? null : price;
          return Map.entry(rs.getLong("product_id"), new ConfigSnapshot.ShopPrice(rs.getLong("shop_id"), own,
              rs.getBoolean("available")));
        })
        .forEach(e -> shopPrices.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    Map<Long, List<Long>> productGroups = new HashMap<>();
    h.createQuery("""
            SELECT pg.product_id, pg.group_id FROM product_modifier_groups pg
            JOIN modifier_groups g ON g.id = pg.group_id
            WHERE pg.account_id = :a AND g.archived = :f ORDER BY pg.product_id, pg.position, pg.group_id""")
        .bind("a", accountId).bind("f", false)
        .map((rs, ctx) -> Map.entry(rs.getLong("product_id"), rs.getLong("group_id")))
        .forEach(e -> productGroups.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    List<ConfigSnapshot.Product> products = h.createQuery("""
            SELECT p.id, p.name, p.price, p.vat, p.category_id, p.short_code,
                   COALESCE(c.name, p.category) AS category_name
            FROM products p LEFT JOIN categories c ON c.id = p.category_id
            WHERE p.account_id = :a AND p.active = :t AND p.archived = :f
              AND (c.id IS NULL OR c.archived = :f)
            ORDER BY COALESCE(c.position, 0), p.position, p.id""")
        .bind("a", accountId).bind("t", true).bind("f", false)
        .map((rs, ctx) -> {
          long id = rs.getLong("id");
          long categoryId = rs.getLong("category_id");
          Long category = rs.wasNull() ? null : categoryId;
          return new ConfigSnapshot.Product(id, rs.getString("name"), rs.getLong("price"), rs.getString("vat"),
              rs.getString("category_name"), category, rs.getString("short_code"),
              productGroups.getOrDefault(id, List.of()), shopPrices.getOrDefault(id, List.of()));
        })
        .list();
    List<ConfigSnapshot.Category> categories = h.createQuery("""
            SELECT id, name, position, course FROM categories WHERE account_id = :a AND archived = :f
            ORDER BY position, id""")
        .bind("a", accountId).bind("f", false)
        .map((rs, ctx) -> {
          int number = rs.getInt("course");
          Integer course = rs.wasNull() ? null : number; // wasNull speaks of the last column read: this one
          return new ConfigSnapshot.Category(rs.getLong("id"), rs.getString("name"), rs.getInt("position"), course);
        })
        .list();
    Map<Long, List<ConfigSnapshot.Option>> options = new HashMap<>();
    h.createQuery("""
            SELECT id, group_id, name, price_delta FROM modifier_options
            WHERE account_id = :a AND archived = :f ORDER BY group_id, position, id""")
        .bind("a", accountId).bind("f", false)
        .map((rs, ctx) -> Map.entry(rs.getLong("group_id"),
            new ConfigSnapshot.Option(rs.getLong("id"), rs.getString("name"), rs.getLong("price_delta"))))
        .forEach(e -> options.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    List<ConfigSnapshot.ModifierGroup> groups = h.createQuery("""
            SELECT id, name, min_choices, max_choices FROM modifier_groups
            WHERE account_id = :a AND archived = :f ORDER BY position, id""")
        .bind("a", accountId).bind("f", false)
        .map((rs, ctx) -> new ConfigSnapshot.ModifierGroup(rs.getLong("id"), rs.getString("name"),
            rs.getInt("min_choices"), rs.getInt("max_choices"), null))
        .list().stream()
        .map(g -> new ConfigSnapshot.ModifierGroup(g.id(), g.name(), g.min(), g.max(),
            options.getOrDefault(g.id(), List.of())))
        .toList();
    return new ConfigSnapshot(accountId, revision, a.name(), a.language(), a.plan(), a.parkingEnabled(),
        a.visibility(), a.sharingEnabled(), a.loginMode(), defaults, shops, roles, users, products, categories,
        groups, a.mergeLines());
  }

  /** The account row's part of the snapshot. */
  private record AccountRow(String name, String language, Plan plan, boolean parkingEnabled, Visibility visibility,
      boolean sharingEnabled, LoginMode loginMode, boolean mergeLines) {}

  private static List<ConfigSnapshot.Slot> slots(Handle h, long accountId, Long shopId) {
    String where = shopId == null ? "shop_id IS NULL" : "shop_id = :s";
    var q = h.createQuery("SELECT id, name, position FROM receipt_slots WHERE account_id = :a AND " + where
        + " ORDER BY position")
        .bind("a", accountId);
    if (shopId != null) q.bind("s", shopId);
    return q.map((rs, ctx) ->
        new ConfigSnapshot.Slot(rs.getString("id"), rs.getString("name"), rs.getInt("position"))).list();
  }

  /**
   * The shop's floor plan as stored: rooms in order with their tables (row by row, every slot's, also
   * one that left the list), or the empty plan. The one reader of the plan's tables: the snapshot here
   * and the floor page ({@code floor.FloorStore}) both use it.
   */
  public static ConfigSnapshot.FloorPlan floor(Handle h, long accountId, long shopId) {
    int minutes = h.createQuery("SELECT open_too_long_minutes FROM floor_plans WHERE account_id = :a AND shop_id = :s")
        .bind("a", accountId).bind("s", shopId).mapTo(Integer.class).findOne()
        .orElse(ConfigSnapshot.FloorPlan.DEFAULT_OPEN_TOO_LONG);
    Map<Long, List<ConfigSnapshot.FloorTable>> tables = new HashMap<>();
    h.createQuery("""
            SELECT room_id, slot_id, x, y, shape, seats FROM floor_tables WHERE account_id = :a AND shop_id = :s
            ORDER BY room_id, y, x""")
        .bind("a", accountId).bind("s", shopId)
        .map((rs, ctx) -> Map.entry(rs.getLong("room_id"), new ConfigSnapshot.FloorTable(rs.getString("slot_id"),
            rs.getInt("x"), rs.getInt("y"), rs.getString("shape"), rs.getInt("seats"))))
        .forEach(e -> tables.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    List<ConfigSnapshot.Room> rooms = h.createQuery("""
            SELECT id, name, position FROM floor_rooms WHERE account_id = :a AND shop_id = :s ORDER BY position, id""")
        .bind("a", accountId).bind("s", shopId)
        .map((rs, ctx) -> new ConfigSnapshot.Room(rs.getLong("id"), rs.getString("name"), rs.getInt("position"),
            null))
        .list().stream()
        .map(r -> new ConfigSnapshot.Room(r.id(), r.name(), r.position(), tables.getOrDefault(r.id(), List.of())))
        .toList();
    return new ConfigSnapshot.FloorPlan(minutes, rooms);
  }

  static String toJson(ConfigSnapshot snapshot) {
    try {
      return JSON.writeValueAsString(snapshot);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize configuration snapshot", e);
    }
  }

  static ConfigSnapshot fromJson(String json) {
    try {
      return JSON.readValue(json, ConfigSnapshot.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored configuration snapshot is not readable", e);
    }
  }
}
