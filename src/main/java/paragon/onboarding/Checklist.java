package paragon.onboarding;

import java.util.List;
import paragon.configuration.ConfigSnapshot;

/**
 * The getting-started checklist, read from what the account has: it ticks itself off, nobody ticks
 * it. Products, tables, users and parking come from the account's current configuration snapshot;
 * devices from whether one is paired (pairing is not configuration).
 */
public record Checklist(List<Item> items) {

  /** {@code key}: the item's message suffix ({@code start.item.KEY}); {@code href}: the page that does it. */
  public record Item(String key, String href, boolean done) {}

  public static Checklist of(ConfigSnapshot s, boolean devicePaired) {
    boolean tables = !s.defaultSlots().isEmpty()
        || s.shops().stream().anyMatch(shop -> shop.ownSlots() != null && !shop.ownSlots().isEmpty());
    return new Checklist(List.of(
        new Item("products", "/backoffice/products", !s.products().isEmpty()),
        new Item("tables", "/backoffice/parking", tables),
        new Item("users", "/backoffice/users", s.users().stream().anyMatch(u -> !u.disabled())),
        new Item("devices", "/backoffice/devices", devicePaired),
        new Item("parking", "/backoffice/settings", s.parkingEnabled())));
  }

  public long done() {
    return items.stream().filter(Item::done).count();
  }

  public boolean complete() {
    return done() == items.size();
  }
}
