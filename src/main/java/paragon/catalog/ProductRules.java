package paragon.catalog;

import java.util.ArrayList;
import java.util.List;
import paragon.web.FieldErrors;

/**
 * Pure checks of the product form as typed. Whether the category, the shops and the modifier groups
 * are this account's, whether the code is free and whether a modifier could push the price below
 * zero, {@link Products} checks in the saving transaction.
 */
public final class ProductRules {
  private ProductRules() {}

  /** A shop's part of the form as typed: its own price (blank: the product's) and whether it sells it. */
  public record ShopDraft(long shopId, String price, boolean available) {}

  /** The form as typed, so a refused save shows it again. */
  public record Draft(String name, String price, String vat, String categoryId, String code, boolean active,
      String position, List<ShopDraft> shops, List<String> groups) {
    public Draft {
      shops = shops == null ? List.of() : List.copyOf(shops);
      groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public static Draft empty() {
      return new Draft("", "", "23", "", "", true, "", List.of(), List.of());
    }

    public static Draft of(Products.Product p) {
      return new Draft(p.name(), CatalogRules.format(p.price(), true), p.vat(), String.valueOf(p.categoryId()),
          p.code() == null ? "" : p.code(), p.active(), String.valueOf(p.position()),
          p.shops().stream().map(s -> new ShopDraft(s.shopId(),
              s.price() == null ? "" : CatalogRules.format(s.price(), true), s.available())).toList(),
          p.groups().stream().map(String::valueOf).toList());
    }

    public boolean category(long id) {
      return String.valueOf(id).equals(categoryId);
    }

    public boolean group(long id) {
      return groups.contains(String.valueOf(id));
    }

    /** The shop's typed price ("" when none). */
    public String shopPrice(long shopId) {
      // A shop's price field missing from the form is null: shown as none, not a failed page.
      return shops.stream().filter(s -> s.shopId() == shopId).map(s -> s.price() == null ? "" : s.price()).findFirst()
          .orElse("");
    }

    /** Whether the shop sells it (a shop not in the draft does). */
    public boolean available(long shopId) {
      return shops.stream().filter(s -> s.shopId() == shopId).allMatch(ShopDraft::available);
    }
  }

  /** A shop's own price (null: the product's) and availability, valid. */
  public record ShopPrice(long shopId, Long price, boolean available) {
    /** The default (the product's price, sold): no row is stored for it. */
    boolean isDefault() {
      return price == null && available;
    }
  }

  /** A valid product; {@code position} null: after the category's last; {@code code} null: none. */
  public record Valid(String name, long price, String vat, long categoryId, String code, boolean active,
      Integer position, List<ShopPrice> shops, List<Long> groups) {
    public Valid {
      shops = List.copyOf(shops);
      groups = List.copyOf(groups);
    }
  }

  /** The draft checked: null with {@code errors} filled (field -> message) when something is wrong. */
  public static Valid validate(Draft d, FieldErrors errors) {
    String name = CatalogRules.name(d.name(), "name", CatalogRules.NAME_MAX, "catalog.name.length", errors);
    Long price = CatalogRules.price(d.price(), "price", errors);
    String vat = CatalogRules.vat(d.vat(), "vat", errors);
    long categoryId = CatalogRules.id(d.categoryId());
    if (categoryId < 0) errors.add("categoryId", "catalog.category.required");
    String code = CatalogRules.code(d.code(), "code", errors);
    Integer position = CatalogRules.position(d.position(), "position", errors);
    List<ShopPrice> shops = new ArrayList<>();
    for (ShopDraft s : d.shops()) {
      String field = "shop." + s.shopId() + ".price";
      Long own = s.price() == null || s.price().isBlank() ? null : CatalogRules.price(s.price(), field, errors);
      shops.add(new ShopPrice(s.shopId(), own, s.available()));
    }
    List<Long> groups = new ArrayList<>();
    for (String g : d.groups()) {
      long id = CatalogRules.id(g);
      if (id < 0) {
        errors.add("groups", "catalog.groups.invalid");
      } else if (!groups.contains(id)) {
        groups.add(id);
      }
    }
    if (!errors.isEmpty()) return null;
    return new Valid(name, price, vat, categoryId, code, d.active(), position, shops, groups);
  }
}
