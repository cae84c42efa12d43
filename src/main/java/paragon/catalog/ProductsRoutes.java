package paragon.catalog;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import paragon.accounts.BackOfficeAuth;
import paragon.accounts.Shops;
import paragon.storage.Database;
import paragon.web.FieldErrors;
import paragon.web.MoneyText;
import paragon.web.PageContext;
import paragon.web.Pages;
import paragon.web.Problem;

/**
 * The catalog's pages: the product list (grouped by category, searched by name or code, archived ones
 * on request), the product form (new and edit, with shop prices and modifier groups), archive and
 * restore, and the CSV export. Categories, modifier groups and the import have their own routes.
 */
public final class ProductsRoutes {
  private final Products products;
  private final Categories categories;
  private final ModifierGroups groups;
  private final Database db;

  private ProductsRoutes(Database db, Clock clock) {
    this.db = db;
    this.products = new Products(db, clock);
    this.categories = new Categories(db, clock);
    this.groups = new ModifierGroups(db, clock);
  }

  /** Every catalog page; the fixed paths are registered before {@code /products/{id}}. */
  public static void register(RoutesConfig routes, Database db, Clock clock) {
    ProductsRoutes r = new ProductsRoutes(db, clock);
    routes.get("/backoffice/products", r::list);
    routes.get("/backoffice/products/new", ctx -> r.form(ctx, null, ProductRules.Draft.empty(), new FieldErrors(),
        null, false));
    routes.post("/backoffice/products", ctx -> r.save(ctx, null));
    routes.get("/backoffice/products/export.csv", r::export);
    ImportRoutes.register(routes, db, clock);
    CategoriesRoutes.register(routes, db, clock);
    ModifiersRoutes.register(routes, db, clock);
    routes.get("/backoffice/products/{id}", r::edit);
    routes.post("/backoffice/products/{id}", ctx -> r.save(ctx, Ids.path(ctx, "product")));
    routes.post("/backoffice/products/{id}/archive", ctx -> r.archive(ctx, true));
    routes.post("/backoffice/products/{id}/restore", ctx -> r.archive(ctx, false));
  }

  /** Products of one category, for the list. */
  public record Section(String category, List<Products.Product> products) {
    /** The section's anchor ({@code #category-3}), from its products' category. */
    public String anchor() {
      Long id = products.get(0).categoryId();
      return id == null ? null : "category-" + id;
    }
  }

  public record ListPage(PageContext page, List<Section> sections, String query, boolean archived, int total,
      String notice) {
    public String money(long grosze) {
      return MoneyText.format(grosze, page.lang());
    }
  }

  public record FormPage(PageContext page, Long id, boolean archived, ProductRules.Draft draft, FieldErrors errors,
      List<Categories.Category> categories, List<Shops.Shop> shops, List<ModifierGroups.Group> groups,
      String notice) {
    public String title() {
      return id == null ? page.t("catalog.product.new") : page.t("catalog.product.edit", draft.name());
    }

    public String action() {
      return id == null ? "/backoffice/products" : "/backoffice/products/" + id;
    }

    /** "23%" ... or "exempt (zw.)" for ZW. */
    public String rate(String vat) {
      return vat.equals("ZW") ? page.t("catalog.vat.ZW") : vat + "%";
    }

    /** How a group is chosen: "required, at least 1" or "optional". */
    public String choice(ModifierGroups.Group g) {
      return g.min() > 0 ? page.t("catalog.group.required", g.min()) : page.t("catalog.group.optional");
    }
  }

  private void list(Context ctx) {
    long accountId = BackOfficeAuth.admin(ctx).accountId();
    String query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
    boolean archived = ctx.queryParam("archived") != null;
    Map<String, List<Products.Product>> byCategory = new LinkedHashMap<>();
    int total = 0;
    for (Products.Product p : products.list(accountId)) {
      if (p.archived() && !archived) continue;
      if (!Products.matches(p, query)) continue;
      byCategory.computeIfAbsent(p.category(), k -> new ArrayList<>()).add(p);
      total++;
    }
    List<Section> sections = byCategory.entrySet().stream().map(e -> new Section(e.getKey(), e.getValue())).toList();
    Pages.show(ctx, "backoffice/products.jte",
        new ListPage(PageContext.of(ctx), sections, query, archived, total, Ids.notice(ctx)));
  }

  private void edit(Context ctx) {
    Products.Product p = products.find(BackOfficeAuth.admin(ctx).accountId(), Ids.path(ctx, "product"));
    form(ctx, p.id(), ProductRules.Draft.of(p), new FieldErrors(), Ids.notice(ctx), p.archived());
  }

  private void save(Context ctx, Long id) {
    var admin = BackOfficeAuth.admin(ctx);
    Products.Product before = id == null ? null : products.find(admin.accountId(), id);
    ProductRules.Draft draft = draft(ctx, db.read(h -> Shops.list(h, admin.accountId())));
    FieldErrors errors = new FieldErrors();
    ProductRules.Valid valid = ProductRules.validate(draft, errors);
    if (valid != null) {
      try {
        Products.Saved saved = products.save(admin.accountId(), admin.email(), id, valid);
        ctx.redirect("/backoffice/products/" + saved.id() + (saved.changed() ? "?saved" : "?unchanged"),
            HttpStatus.SEE_OTHER);
        return;
      } catch (Problem p) {
        errors = FieldErrors.from(p);
      }
    }
    ctx.status(HttpStatus.BAD_REQUEST);
    form(ctx, id, draft, errors, null, before != null && before.archived());
  }

  private void archive(Context ctx, boolean archived) {
    var admin = BackOfficeAuth.admin(ctx);
    long id = Ids.path(ctx, "product");
    boolean changed = products.archive(admin.accountId(), admin.email(), id, archived);
    ctx.redirect("/backoffice/products/" + id + (changed ? "?saved" : "?unchanged"), HttpStatus.SEE_OTHER);
  }

  private void export(Context ctx) throws IOException {
    List<Products.Product> all = products.list(BackOfficeAuth.admin(ctx).accountId());
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"products.csv\"");
    try (Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)) {
      CatalogCsv.export(all, out);
    }
  }

  /** The form as posted; each shop of the account is read only when its fields were sent. */
  static ProductRules.Draft draft(Context ctx, List<Shops.Shop> shops) {
    List<ProductRules.ShopDraft> own = new ArrayList<>();
    for (Shops.Shop s : shops) {
      String prefix = "shop." + s.id() + ".";
      if (ctx.formParam(prefix + "sent") == null) continue;
      own.add(new ProductRules.ShopDraft(s.id(), ctx.formParam(prefix + "price"),
          "on".equals(ctx.formParam(prefix + "available"))));
    }
    return new ProductRules.Draft(ctx.formParam("name"), ctx.formParam("price"), ctx.formParam("vat"),
        ctx.formParam("categoryId"), ctx.formParam("code"), "on".equals(ctx.formParam("active")),
        ctx.formParam("position"), own, ctx.formParams("groups"));
  }

  private void form(Context ctx, Long id, ProductRules.Draft draft, FieldErrors errors, String notice,
      boolean archived) {
    long accountId = BackOfficeAuth.admin(ctx).accountId();
    var cats = categories.list(accountId).stream().filter(c -> !c.archived() || draft.category(c.id())).toList();
    var gs = groups.list(accountId).stream().filter(g -> !g.archived() || draft.group(g.id())).toList();
    Pages.show(ctx, "backoffice/product.jte", new FormPage(PageContext.of(ctx), id, archived, draft, errors, cats,
        db.read(h -> Shops.list(h, accountId)), gs, notice));
  }
}
