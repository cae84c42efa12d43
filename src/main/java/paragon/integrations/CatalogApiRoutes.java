package paragon.integrations;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import paragon.catalog.Categories;
import paragon.catalog.ModifierGroups;
import paragon.catalog.Products;
import paragon.storage.Database;

/**
 * {@code GET /api/v1/catalog} with {@code catalog:read} (docs/api.md, "Catalog"): the categories, the
 * products (with their own price or availability per shop: only the key's shop for a limited key) and
 * the modifier groups with their options, archived ones included and marked.
 */
public final class CatalogApiRoutes {
  private final Products products;
  private final Categories categories;
  private final ModifierGroups groups;

  private CatalogApiRoutes(Database db, Clock clock) {
    this.products = new Products(db, clock);
    this.categories = new Categories(db, clock);
    this.groups = new ModifierGroups(db, clock);
  }

  public static void register(RoutesConfig routes, Database db, Clock clock) {
    CatalogApiRoutes r = new CatalogApiRoutes(db, clock);
    routes.get("/api/v1/catalog", r::catalog);
  }

  private void catalog(Context ctx) {
    ApiKeys.Key key = ApiAuth.require(ctx, "catalog:read");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("categories", categories.list(key.accountId()).stream().map(CatalogApiRoutes::category).toList());
    body.put("products", products.list(key.accountId()).stream().map(p -> product(p, key)).toList());
    body.put("modifierGroups", groups.list(key.accountId()).stream().map(g -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", g.id());
      m.put("name", g.name());
      m.put("min", g.min());
      m.put("max", g.max());
      m.put("position", g.position());
      m.put("archived", g.archived());
      m.put("options", g.options().stream().map(o -> {
        Map<String, Object> om = new LinkedHashMap<>();
        om.put("id", o.id());
        om.put("name", o.name());
        om.put("delta", o.delta());
        om.put("position", o.position());
        om.put("archived", o.archived());
        return om;
      }).toList());
      return m;
    }).toList());
    ctx.json(body);
  }

  static Map<String, Object> category(Categories.Category c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("name", c.name());
    m.put("position", c.position());
    m.put("course", c.course());
    m.put("archived", c.archived());
    return m;
  }

  static Map<String, Object> product(Products.Product p, ApiKeys.Key key) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("name", p.name());
    m.put("price", p.price());
    m.put("vat", p.vat());
    m.put("categoryId", p.categoryId());
    m.put("code", p.code());
    m.put("active", p.active());
    m.put("position", p.position());
    m.put("archived", p.archived());
    m.put("shops", p.shops().stream().filter(s -> ApiParams.sees(key, s.shopId())).map(s -> {
      Map<String, Object> sm = new LinkedHashMap<>();
      sm.put("shopId", s.shopId());
      sm.put("price", s.price());
      sm.put("available", s.available());
      return sm;
    }).toList());
    m.put("modifierGroupIds", p.groups());
    return m;
  }
}
