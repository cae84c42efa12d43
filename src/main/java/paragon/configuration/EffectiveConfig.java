package paragon.configuration;

import java.util.List;

/**
 * What one device works by: its shop's predefined receipts (defaults or the shop's own), the parking
 * rules, its floor plan, and whether sharing is effective for it (setting AND plan AND model) and, when not, why.
 * A pure function of a {@link ConfigSnapshot} and the device's shop and model.
 */
public record EffectiveConfig(
    long revision,
    long shopId,
    String shopName,
    boolean parkingEnabled,
    Visibility visibility,
    boolean sharingEnabled,
    boolean sharingEffective,
    SharingBlock sharingBlockedBy,
    LoginMode loginMode,
    String language,
    List<ConfigSnapshot.Slot> slots,
    List<ConfigSnapshot.Role> roles,
    List<ConfigSnapshot.User> users,
    List<ConfigSnapshot.Product> products,
    List<ConfigSnapshot.Category> categories,
    List<ConfigSnapshot.ModifierGroup> modifierGroups,
    ConfigSnapshot.FloorPlan floor,
    boolean mergeLines) {

  /** Without a floor plan (tests that build a configuration by hand): the empty plan. */
  public EffectiveConfig {
    floor = floor == null ? ConfigSnapshot.FloorPlan.EMPTY : floor;
  }

  /** Lines not merging, as before issue 15 (tests that build a configuration by hand). */
  public EffectiveConfig(long revision, long shopId, String shopName, boolean parkingEnabled, Visibility visibility,
      boolean sharingEnabled, boolean sharingEffective, SharingBlock sharingBlockedBy, LoginMode loginMode,
      String language, List<ConfigSnapshot.Slot> slots, List<ConfigSnapshot.Role> roles,
      List<ConfigSnapshot.User> users, List<ConfigSnapshot.Product> products,
      List<ConfigSnapshot.Category> categories, List<ConfigSnapshot.ModifierGroup> modifierGroups,
      ConfigSnapshot.FloorPlan floor) {
    this(revision, shopId, shopName, parkingEnabled, visibility, sharingEnabled, sharingEffective, sharingBlockedBy,
        loginMode, language, slots, roles, users, products, categories, modifierGroups, floor, false);
  }

  public EffectiveConfig(long revision, long shopId, String shopName, boolean parkingEnabled, Visibility visibility,
      boolean sharingEnabled, boolean sharingEffective, SharingBlock sharingBlockedBy, LoginMode loginMode,
      String language, List<ConfigSnapshot.Slot> slots, List<ConfigSnapshot.Role> roles,
      List<ConfigSnapshot.User> users, List<ConfigSnapshot.Product> products,
      List<ConfigSnapshot.Category> categories, List<ConfigSnapshot.ModifierGroup> modifierGroups) {
    this(revision, shopId, shopName, parkingEnabled, visibility, sharingEnabled, sharingEffective, sharingBlockedBy,
        loginMode, language, slots, roles, users, products, categories, modifierGroups, null);
  }

  /** Why sharing is not effective for a device; null when it is. */
  public enum SharingBlock { SETTING_OFF, PARKING_OFF, PLAN, MODEL }

  public static EffectiveConfig of(ConfigSnapshot s, long shopId, DeviceModel model) {
    ConfigSnapshot.Shop shop = s.shop(shopId);
    SharingBlock block = sharingBlock(s, model);
    List<ConfigSnapshot.Slot> slots = shop.slots(s.defaultSlots());
    return new EffectiveConfig(s.revision(), shop.id(), shop.name(), s.parkingEnabled(), s.visibility(),
        s.sharingEnabled(), block == null, block, s.loginMode(), s.language(), slots,
        s.roles(), s.users().stream().filter(u -> !u.disabled()).toList(), products(s, shop.id()), s.categories(),
        s.modifierGroups(), shop.floor().onlyTables(slots), s.mergeLines());
  }

  /** The products the shop sells, each at the shop's price (so a terminal shows what the server charges). */
  static List<ConfigSnapshot.Product> products(ConfigSnapshot s, long shopId) {
    return s.products().stream().filter(p -> p.availableIn(shopId))
        .map(p -> new ConfigSnapshot.Product(p.id(), p.name(), p.priceIn(shopId), p.vat(), p.category(),
            p.categoryId(), p.code(), p.groups(), List.of()))
        .toList();
  }

  /** The default course of {@code product}'s lines: its category's, or null. */
  public Integer courseOf(ConfigSnapshot.Product product) {
    if (product.categoryId() == null) return null;
    return categories.stream().filter(c -> c.id() == product.categoryId()).map(ConfigSnapshot.Category::course)
        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
  }

  /** The first reason sharing is off for this device, in the order an owner would fix them. */
  public static SharingBlock sharingBlock(ConfigSnapshot s, DeviceModel model) {
    if (!s.parkingEnabled()) return SharingBlock.PARKING_OFF;
    if (!s.sharingEnabled()) return SharingBlock.SETTING_OFF;
    if (!s.plan().allowsSharing()) return SharingBlock.PLAN;
    if (!model.canShare()) return SharingBlock.MODEL;
    return null;
  }
}
