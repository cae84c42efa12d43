package paragon.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import paragon.catalog.Categories;
import paragon.catalog.ProductRules;
import paragon.catalog.Products;
import paragon.storage.Database;
import paragon.web.FieldErrors;
import paragon.web.Json;
import paragon.web.Problem;

/**
 * The catalog writes of {@code /api/v1} with {@code catalog:write} (docs/api.md, "Catalog writes"):
 * create, change, archive and restore categories and products through the back office's own services
 * ({@link Categories}, {@link Products}), so each write is one configuration revision (with its
 * {@code catalog.changed} webhook event) exactly as a save in the back office, checked by the same rules
 * with the same messages. Every write takes an {@code Idempotency-Key} ({@link Idempotency}). A key
 * limited to a shop may set that shop's price and availability only; another account's (or shop's)
 * id is 404.
 */
public final class CatalogWriteRoutes {
  private static final ObjectMapper READER = new ObjectMapper();

  private final Database db;
  private final Products products;
  private final Categories categories;
  private final Idempotency idempotency;

  private CatalogWriteRoutes(Database db, Clock clock) {
    this.db = db;
    this.products = new Products(db, clock);
    this.categories = new Categories(db, clock);
    this.idempotency = new Idempotency(db, clock);
  }

  public static void register(RoutesConfig routes, Database db, Clock clock) {
    CatalogWriteRoutes r = new CatalogWriteRoutes(db, clock);
    routes.post("/api/v1/catalog/categories", r::createCategory);
    routes.patch("/api/v1/catalog/categories/{id}", r::changeCategory);
    routes.post("/api/v1/catalog/categories/{id}/archive", ctx -> r.archiveCategory(ctx, true));
    routes.post("/api/v1/catalog/categories/{id}/restore", ctx -> r.archiveCategory(ctx, false));
    routes.post("/api/v1/catalog/products", r::createProduct);
    routes.patch("/api/v1/catalog/products/{id}", r::changeProduct);
    routes.post("/api/v1/catalog/products/{id}/archive", ctx -> r.archiveProduct(ctx, true));
    routes.post("/api/v1/catalog/products/{id}/restore", ctx -> r.archiveProduct(ctx, false));
  }

  // ---- Categories -----------------------------------------------------------------------------

  private void createCategory(Context ctx) {
    ApiKeys.Key key = ApiAuth.require(ctx, "catalog:write");
    JsonNode body = body(ctx, true);
    String name = text(body, "name", true);
    Integer course = course(body);
    answer(ctx, idempotency.once(key, ctx.header(Idempotency.HEADER), "POST", ctx.path(), body, h -> {
      long id = categories.create(h, key.accountId(), author(key), name);
      if (course != null) categories.setCourse(h, key.accountId(), author(key), id, course);
      return new Idempotency.Answer(201, Json.write(CatalogApiRoutes.category(Categories.find(h, key.accountId(), id))));
    }));
  }

  private void changeCategory(Context ctx) {
    ApiKeys.Key key = ApiAuth.require(ctx, "catalog:write");
    long id = id(ctx, "category");
    JsonNode body = body(ctx, true);
    String name = text(body, "name", false);
    boolean courseGiven = body.has("course");
    Integer course = course(body);
    answer(ctx, idempotency.once(key, ctx.header(Idempotency.HEADER), "PATCH", ctx.path(), body, h -> {
      Categories.find(h, key.accountId(), id); // 404 before any check of the body against it
      if (name != null) categories.rename(h, key.accountId(), author(key), id, name);
      if (courseGiven) categories.setCourse(h, key.accountId(), author(key), id, course);
      return new Idempotency.Answer(200, Json.write(CatalogApiRoutes.category(Categories.find(h, key.accountId(), id))));
    }));
  }

  /**
   * Archives or restores ({@code archived} false) as the back office's buttons do: already so is 200 with
   * no revision; a restored category goes to the end and its name must be free among the active ones (400
   * {@code name}).
   */
  private void archiveCategory(Context ctx, boolean archived) {
    ApiKeys.Key key = ApiAuth.require(ctx, "catalog:write");
    long id = id(ctx, "category");
    JsonNode body = body(ctx, false);
    answer(ctx, idempotency.once(key, ctx.header(Idempotency.HEADER), "POST", ctx.path(), body, h -> {
      categories.archive(h, key.accountId(), author(key), id, archived);
      return new Idempotency.Answer(200, Json.write(CatalogApiRoutes.category(Categories.find(h, key.accountId(), id))));
    }));
  }

  // ---- Products -------------------------------------------------------------------------------

  private void createProduct(Context ctx) {
    ApiKeys.Key key = ApiAuth.require(ctx, "catalog:write");
    JsonNode body = body(ctx, true);
    ProductRules.Draft draft = draft(body, ProductRules.Draft.empty(), key, true);
    ProductRules.Valid valid = valid(draft);
    answer(ctx, idempotency.once(key, ctx.header(Idempotency.HEADER), "POST", ctx.path(), body, h -> {
      Products.Saved saved = products.save(h, key.accountId(), author(key), null, valid);
      return new Idempotency.Answer(201, Json.write(CatalogApiRoutes.product(
          Products.find(h, key.accountId(), saved.id()), key)));
    }));
  }

  private void changeProduct(Context ctx) {
    ApiKeys.Key key = ApiAuth.require(ctx, "catalog:write");
    long id = id(ctx, "product");
    JsonNode body = body(ctx, true);
    answer(ctx, idempotency.once(key, ctx.header(Idempotency.HEADER), "PATCH", ctx.path(), body, h -> {
      // The fields left out keep what the product has now (read in the transaction of the save).
      Products.Product now = Products.find(h, key.accountId(), id);
      ProductRules.Valid valid = valid(draft(body, ProductRules.Draft.of(now), key, false));
      products.save(h, key.accountId(), author(key), id, valid);
      return new Idempotency.Answer(200, Json.write(CatalogApiRoutes.product(Products.find(h, key.accountId(), id),
          key)));
    }));
  }

  /**
   * Archives or restores ({@code archived} false) as the back office's button does: already so is 200 with
   * no revision; restoring a code another product took is 409. A product restored in an archived category
   * is restored, as in the back office, and reaches the terminals when its category is restored.
   */
  private void archiveProduct(Context ctx, boolean archived) {
    ApiKeys.Key key = ApiAuth.require(ctx, "catalog:write");
    long id = id(ctx, "product");
    JsonNode body = body(ctx, false);
    answer(ctx, idempotency.once(key, ctx.header(Idempotency.HEADER), "POST", ctx.path(), body, h -> {
      products.archive(h, key.accountId(), author(key), id, archived);
      return new Idempotency.Answer(200, Json.write(CatalogApiRoutes.product(Products.find(h, key.accountId(), id),
          key)));
    }));
  }

  /**
   * The request's product fields over {@code base} (the form's defaults, or the product as it is now):
   * JSON types are checked here (400 naming the field); the values by {@link ProductRules} in {@link #valid}.
   */
  private ProductRules.Draft draft(JsonNode body, ProductRules.Draft base, ApiKeys.Key key, boolean creating) {
    String name = body.has("name") || creating ? text(body, "name", creating) : base.name();
    String price = base.price();
    if (body.has("price") || creating) {
      Long grosze = integer(body, "price", creating);
      price = money(grosze);
    }
    String vat = base.vat();
    if (body.has("vat")) {
      JsonNode v = body.get("vat");
      if (!v.isTextual() && !v.isIntegralNumber()) throw Problem.invalid("vat", "catalog.vat.invalid");
      vat = v.asText();
    }
    String categoryId = body.has("categoryId") || creating
        ? String.valueOf(integer(body, "categoryId", creating)) : base.categoryId();
    String code = body.has("code") ? nullableText(body, "code") : base.code();
    boolean active = base.active();
    if (body.has("active")) {
      if (!body.get("active").isBoolean()) throw Problem.invalid("active", "api.type.boolean", "active");
      active = body.get("active").asBoolean();
    }
    String position = base.position();
    if (body.has("position")) {
      Long p = body.get("position").isNull() ? null : integer(body, "position", true);
      position = p == null ? "" : String.valueOf(p);
    }
    List<ProductRules.ShopDraft> shops = body.has("shops") ? shops(body.get("shops"), base.shops(), key) : base.shops();
    List<String> groups = base.groups();
    if (body.has("modifierGroupIds")) {
      JsonNode g = body.get("modifierGroupIds");
      if (!g.isArray()) throw Problem.invalid("modifierGroupIds", "api.type.ids", "modifierGroupIds");
      groups = new ArrayList<>();
      for (JsonNode e : g) {
        if (!e.canConvertToExactIntegral() || !e.canConvertToLong()) {
          throw Problem.invalid("modifierGroupIds", "api.type.ids", "modifierGroupIds");
        }
        groups.add(e.asText());
      }
    }
    return new ProductRules.Draft(name, price, vat, categoryId, code, active, position, shops, groups);
  }

  /**
   * {@code shops}: [{shopId, price (grosze or null: the product's), available (default true)}]. A key
   * limited to a shop may name only that one, and the other shops keep what they have.
   */
  private List<ProductRules.ShopDraft> shops(JsonNode shops, List<ProductRules.ShopDraft> before, ApiKeys.Key key) {
    if (!shops.isArray()) throw Problem.invalid("shops", "api.shops.invalid");
    List<ProductRules.ShopDraft> out = new ArrayList<>();
    if (key.shopId() != null) before.stream().filter(s -> s.shopId() != key.shopId()).forEach(out::add);
    for (JsonNode s : shops) {
      if (!s.isObject() || !s.path("shopId").canConvertToExactIntegral() || !s.path("shopId").canConvertToLong()) {
        throw Problem.invalid("shops", "api.shops.invalid");
      }
      long shopId = s.get("shopId").asLong();
      if (!ApiParams.sees(key, shopId)) throw Problem.notFound("shop", shopId);
      JsonNode p = s.path("price");
      String price;
      if (p.isMissingNode() || p.isNull()) {
        price = "";
      } else if (p.canConvertToExactIntegral() && p.canConvertToLong()) {
        price = money(p.asLong());
      } else {
        throw Problem.invalid("shops", "api.shops.invalid");
      }
      JsonNode a = s.path("available");
      if (!a.isMissingNode() && !a.isBoolean()) throw Problem.invalid("shops", "api.shops.invalid");
      if (out.stream().anyMatch(o -> o.shopId() == shopId)) throw Problem.invalid("shops", "api.shops.invalid");
      out.add(new ProductRules.ShopDraft(shopId, price, a.isMissingNode() || a.asBoolean()));
    }
    return out;
  }

  /** The draft checked by the back office's rules; the first refusal is a 400 with the API's field name. */
  private static ProductRules.Valid valid(ProductRules.Draft draft) {
    FieldErrors errors = new FieldErrors();
    ProductRules.Valid v = ProductRules.validate(draft, errors);
    if (v != null) return v;
    Map.Entry<String, FieldErrors.Message> first = errors.all().entrySet().iterator().next();
    String field = first.getKey().startsWith("shop.") ? "shops"
        : first.getKey().equals("groups") ? "modifierGroupIds" : first.getKey();
    throw Problem.invalid(field, first.getValue().key(), first.getValue().args());
  }

  // ---- Reading the request --------------------------------------------------------------------

  /** The JSON object sent; {@code required} false: an empty body is {@code {}} (archive and restore). */
  private static JsonNode body(Context ctx, boolean required) {
    String raw = ctx.body();
    if (!required && raw.isBlank()) return READER.createObjectNode();
    JsonNode body;
    try {
      body = READER.readTree(raw);
    } catch (IOException e) {
      throw Problem.invalid("body", "api.body.invalid");
    }
    if (body == null || !body.isObject()) throw Problem.invalid("body", "api.body.invalid");
    return body;
  }

  private static String text(JsonNode body, String field, boolean required) {
    JsonNode v = body.path(field);
    if (v.isMissingNode() && !required) return null;
    if (!v.isTextual()) throw Problem.invalid(field, "api.type.string", field);
    return v.asText();
  }

  private static String nullableText(JsonNode body, String field) {
    JsonNode v = body.path(field);
    if (v.isNull()) return "";
    if (!v.isTextual()) throw Problem.invalid(field, "api.type.string", field);
    return v.asText();
  }

  private static Long integer(JsonNode body, String field, boolean required) {
    JsonNode v = body.path(field);
    if (v.isMissingNode() && !required) return null;
    if (!v.canConvertToExactIntegral() || !v.canConvertToLong()) {
      throw Problem.invalid(field, field.equals("price") ? "api.type.money" : "api.type.integer", field);
    }
    return v.asLong();
  }

  /** {@code course}: null or left out for none, else 1..9 (checked by {@link Categories#setCourse}). */
  private static Integer course(JsonNode body) {
    JsonNode v = body.path("course");
    if (v.isMissingNode() || v.isNull()) return null;
    if (!v.canConvertToExactIntegral() || !v.canConvertToInt() || v.asInt() < 1 || v.asInt() > Categories.MAX_COURSE) {
      throw Problem.invalid("course", "catalog.invalid.course", Categories.MAX_COURSE);
    }
    return v.asInt();
  }

  /** A path id: anything but a number is not found, like another account's. */
  private static long id(Context ctx, String what) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw Problem.notFound(what, ctx.pathParam("id"));
    }
  }

  /** Who the revision names: the key, as the webhooks a key makes do. */
  private static String author(ApiKeys.Key key) {
    return "API key " + key.id() + " (" + key.name() + ")";
  }

  private static void answer(Context ctx, Idempotency.Answer a) {
    if (a.replayed()) ctx.header("Idempotent-Replayed", "true");
    ctx.status(a.status()).contentType("application/json").result(a.body());
  }

  /** grosze as the back office's rules read a typed price ("12.50", "-2.00"). */
  private static String money(long grosze) {
    long abs = Math.abs(grosze);
    return (grosze < 0 ? "-" : "") + abs / 100 + "." + String.format("%02d", abs % 100);
  }
}
