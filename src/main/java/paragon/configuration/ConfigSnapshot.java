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
    List<Product> products) {

  /** A predefined receipt (table); {@code id} is stable across renames and reorders. */
  public record Slot(String id, String name, int position) {}

  /** {@code ownSlots} is kept even while {@code useDefaults} is on, so re-ticking loses nothing. */
  public record Shop(long id, String name, boolean useDefaults, List<Slot> ownSlots) {
    public List<Slot> slots(List<Slot> defaults) {
      return useDefaults ? defaults : ownSlots;
    }
  }

  public record Role(long id, String name, List<String> permissions) {}

  public record User(long id, String identifier, String name, long roleId, boolean disabled) {}

  /** {@code price} in grosze; {@code vat} one of 23, 8, 5, 0, ZW. */
  public record Product(long id, String name, long price, String vat, String category) {}

  public Shop shop(long shopId) {
    return shops.stream().filter(s -> s.id() == shopId).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("shop " + shopId + " is not in revision " + revision));
  }
}
