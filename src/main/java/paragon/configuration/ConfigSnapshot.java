package paragon.configuration;

import java.util.List;

/**
 * An account's whole terminal-facing configuration at one revision, stored as JSON in
 * {@code config_revisions.snapshot}. A device's effective configuration is derived from the snapshot
 * of the revision it applied ({@link EffectiveConfig}), so the server can enforce the rules that
 * device works by until it syncs (DESIGN rule 5). No PIN material is ever in here.
 */
public record ConfigSnapshot(
    long accountId,
    long revision,
    String accountName,
    String language,
    Plan plan,
    boolean parkingEnabled,
    Visibility visibility,
    boolean sharingEnabled,
    LoginMode loginMode,
    List<Slot> defaultSlots,
    List<Shop> shops,
    List<Role> roles,
    List<User> users,
    List<Product> products,
    List<Category> categories,
    List<ModifierGroup> modifierGroups,
    Boolean mergeLines) {

  /**
   * Snapshots stored before the catalog (revision JSON without these lists) read as empty lists;
   * before V54, without {@code mergeLines}, as merging (the default of an account).
   */
  public ConfigSnapshot {
    products = products == null ? List.of() : products;
    categories = categories == null ? List.of() : categories;
    modifierGroups = modifierGroups == null ? List.of() : modifierGroups;
    mergeLines = mergeLines == null || mergeLines;
  }

  /** A snapshot whose lines do not merge, as before issue 15 (tests that build one by hand). */
  public ConfigSnapshot(long accountId, long revision, String accountName, String language, Plan plan,
      boolean parkingEnabled, Visibility visibility, boolean sharingEnabled, LoginMode loginMode,
      List<Slot> defaultSlots, List<Shop> shops, List<Role> roles, List<User> users, List<Product> products,
      List<Category> categories, List<ModifierGroup> modifierGroups) {
    this(accountId, revision, accountName, language, plan, parkingEnabled, visibility, sharingEnabled, loginMode,
        defaultSlots, shops, roles, users, products, categories, modifierGroups, false);
  }

  /** A predefined receipt (table); {@code id} is stable across renames and reorders. */
  public record Slot(String id, String name, int position) {}

  /**
   * {@code ownSlots} is kept even while {@code useDefaults} is on, so re-ticking loses nothing.
   * {@code floor}: the shop's floor plan as stored (snapshots from before V45: an empty plan).
   */
  public record Shop(long id, String name, boolean useDefaults, List<Slot> ownSlots, FloorPlan floor) {
    public Shop {
      floor = floor == null ? FloorPlan.EMPTY : floor;
    }

    public Shop(long id, String name, boolean useDefaults, List<Slot> ownSlots) {
      this(id, name, useDefaults, ownSlots, null);
    }

    public List<Slot> slots(List<Slot> defaults) {
      return useDefaults ? defaults : ownSlots;
    }
  }

  /**
   * A shop's floor plan (docs/protocol.md, "Configuration"): rooms in the owner's order, each with the
   * tables placed on its 24x16 grid, and the minutes after which an open table is marked as open too long.
   */
  public record FloorPlan(int openTooLongMinutes, List<Room> rooms) {
    public static final int DEFAULT_OPEN_TOO_LONG = 90;
    public static final FloorPlan EMPTY = new FloorPlan(DEFAULT_OPEN_TOO_LONG, List.of());

    public FloorPlan {
      rooms = rooms == null ? List.of() : List.copyOf(rooms);
    }

    /**
     * The plan without the tables whose slot is not in {@code slots}: the list of predefined receipts
     * stays the source of truth, so a table removed from it leaves the plan.
     */
    public FloorPlan onlyTables(List<Slot> slots) {
      java.util.Set<String> ids = new java.util.HashSet<>();
      for (Slot s : slots) ids.add(s.id());
      return new FloorPlan(openTooLongMinutes, rooms.stream()
          .map(r -> new Room(r.id(), r.name(), r.position(),
              r.tables().stream().filter(t -> ids.contains(t.slotId())).toList()))
          .toList());
    }
  }

  public record Room(long id, String name, int position, List<FloorTable> tables) {
    public Room {
      tables = tables == null ? List.of() : List.copyOf(tables);
    }
  }

  /** A table of the plan: {@code slotId} a predefined receipt's id; x in 0..23, y in 0..15; round or square. */
  public record FloorTable(String slotId, int x, int y, String shape, int seats) {}

  public record Role(long id, String name, List<String> permissions) {}

  public record User(long id, String identifier, String name, long roleId, boolean disabled) {}

  /**
   * An active product. {@code price} in grosze; {@code vat} one of 23, 8, 5, 0, ZW; {@code category} the
   * category's name (kept for snapshots stored before categories were rows), {@code categoryId} its id;
   * {@code code} an optional short code for search; {@code groups} the modifier groups it asks for, in
   * order; {@code shops} the shops with a price or availability of their own.
   */
  public record Product(long id, String name, long price, String vat, String category, Long categoryId,
      String code, List<Long> groups, List<ShopPrice> shops) {
    public Product {
      groups = groups == null ? List.of() : groups;
      shops = shops == null ? List.of() : shops;
    }

    /** A product without modifiers or shop prices (tests and the demo's shape). */
    public Product(long id, String name, long price, String vat, String category) {
      this(id, name, price, vat, category, null, null, List.of(), List.of());
    }

    /** The price in a shop: the shop's own when it has one, else the product's. */
    public long priceIn(long shopId) {
      return shops.stream().filter(s -> s.shopId() == shopId && s.price() != null)
          .map(ShopPrice::price).findFirst().orElse(price);
    }

    public boolean availableIn(long shopId) {
      return shops.stream().filter(s -> s.shopId() == shopId).allMatch(ShopPrice::available);
    }
  }

  /** A shop's own price ({@code null}: the product's) and whether the shop sells the product. */
  public record ShopPrice(long shopId, Long price, boolean available) {}

  /**
   * An active category, in the owner's order; {@code course} the course its products' lines take when
   * added (issue 12; null: none).
   */
  public record Category(long id, String name, int position,
      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
      Integer course) {
    public Category(long id, String name, int position) {
      this(id, name, position, null);
    }
  }


  /**
   * An active modifier group: a choice of at least {@code min} and at most {@code max} options
   * ({@code max} 0: any number). "Size" is min 1, max 1; "Extras" min 0, max 0.
   */
  public record ModifierGroup(long id, String name, int min, int max, List<Option> options) {
    public ModifierGroup {
      options = options == null ? List.of() : options;
    }
  }

  /** An option of a group; {@code delta} in grosze added to the line's unit price (may be 0). */
  public record Option(long id, String name, long delta) {}

  public ModifierGroup group(long groupId) {
    return modifierGroups.stream().filter(g -> g.id() == groupId).findFirst().orElse(null);
  }

  public Shop shop(long shopId) {
    return shops.stream().filter(s -> s.id() == shopId).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("shop " + shopId + " is not in revision " + revision));
  }
}
