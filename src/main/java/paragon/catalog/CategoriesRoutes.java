package paragon.catalog;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import paragon.accounts.BackOfficeAuth;
import paragon.storage.Database;
import paragon.web.FieldErrors;
import paragon.web.PageContext;
import paragon.web.Pages;
import paragon.web.Problem;

/** Categories: add, rename, move up or down, archive and restore; each change one revision. */
public final class CategoriesRoutes {
  private static final String PATH = "/backoffice/products/categories";
  private final Categories categories;
  private final Products products;

  private CategoriesRoutes(Categories categories, Products products) {
    this.categories = categories;
    this.products = products;
  }

  static void register(RoutesConfig routes, Database db, Clock clock) {
    CategoriesRoutes r = new CategoriesRoutes(new Categories(db, clock), new Products(db, clock));
    routes.get(PATH, ctx -> r.render(ctx, -1, "", new FieldErrors(), Ids.notice(ctx)));
    routes.post(PATH, r::add);
    routes.post(PATH + "/{id}", r::rename);
    routes.post(PATH + "/{id}/course", r::course);
    routes.post(PATH + "/{id}/up", ctx -> r.move(ctx, -1));
    routes.post(PATH + "/{id}/down", ctx -> r.move(ctx, 1));
    routes.post(PATH + "/{id}/archive", ctx -> r.archive(ctx, true));
    routes.post(PATH + "/{id}/restore", ctx -> r.archive(ctx, false));
  }

  /** {@code editing}: the category whose form shows {@code typed} and {@code errors} (0: the add form). */
  public record CategoriesPage(PageContext page, List<Categories.Category> categories, long editing, String typed,
      FieldErrors errors, String notice, Map<Long, Long> counts) {
    /** How many products (archived ones not counted) the category holds. */
    public long count(Categories.Category c) {
      return counts.getOrDefault(c.id(), 0L);
    }

    public String value(Categories.Category c) {
      return editing == c.id() ? typed : c.name();
    }

    public FieldErrors errorsOf(long id) {
      return editing == id ? errors : new FieldErrors();
    }

    public List<Categories.Category> active() {
      return categories.stream().filter(c -> !c.archived()).toList();
    }

    public List<Categories.Category> archived() {
      return categories.stream().filter(Categories.Category::archived).toList();
    }
  }

  private void add(Context ctx) {
    var admin = BackOfficeAuth.admin(ctx);
    String name = ctx.formParam("name");
    try {
      categories.create(admin.accountId(), admin.email(), name);
    } catch (Problem p) {
      ctx.status(HttpStatus.BAD_REQUEST);
      render(ctx, 0, name, FieldErrors.from(p), null);
      return;
    }
    ctx.redirect(PATH + "?saved", HttpStatus.SEE_OTHER);
  }

  private void rename(Context ctx) {
    var admin = BackOfficeAuth.admin(ctx);
    long id = Ids.path(ctx, "category");
    String name = ctx.formParam("name");
    boolean changed;
    try {
      changed = categories.rename(admin.accountId(), admin.email(), id, name);
    } catch (Problem p) {
      if (p.status() != 400) throw p;
      ctx.status(HttpStatus.BAD_REQUEST);
      render(ctx, id, name, FieldErrors.from(p), null);
      return;
    }
    ctx.redirect(PATH + (changed ? "?saved" : "?unchanged"), HttpStatus.SEE_OTHER);
  }

  private void course(Context ctx) {
    var admin = BackOfficeAuth.admin(ctx);
    long id = Ids.path(ctx, "category");
    boolean changed;
    try {
      changed = categories.setCourse(admin.accountId(), admin.email(), id, ctx.formParam("course"));
    } catch (Problem p) {
      if (p.status() != 400) throw p;
      ctx.status(HttpStatus.BAD_REQUEST);
      render(ctx, id, categories.list(admin.accountId()).stream().filter(c -> c.id() == id).findFirst()
          .map(Categories.Category::name).orElse(""), FieldErrors.from(p), null);
      return;
    }
    ctx.redirect(PATH + (changed ? "?saved" : "?unchanged"), HttpStatus.SEE_OTHER);
  }

  private void move(Context ctx, int by) {
    var admin = BackOfficeAuth.admin(ctx);
    boolean changed = categories.move(admin.accountId(), admin.email(), Ids.path(ctx, "category"), by);
    ctx.redirect(PATH + (changed ? "?saved" : "?unchanged"), HttpStatus.SEE_OTHER);
  }

  private void archive(Context ctx, boolean archived) {
    var admin = BackOfficeAuth.admin(ctx);
    long id = Ids.path(ctx, "category");
    boolean changed;
    try {
      changed = categories.archive(admin.accountId(), admin.email(), id, archived);
    } catch (Problem p) {
      if (p.status() != 400) throw p;
      ctx.status(HttpStatus.BAD_REQUEST);
      render(ctx, id, categories.list(admin.accountId()).stream().filter(c -> c.id() == id).findFirst()
          .map(Categories.Category::name).orElse(""), FieldErrors.from(p), null);
      return;
    }
    ctx.redirect(PATH + (changed ? "?saved" : "?unchanged"), HttpStatus.SEE_OTHER);
  }

  private void render(Context ctx, long editing, String typed, FieldErrors errors, String notice) {
    long accountId = BackOfficeAuth.admin(ctx).accountId();
    Map<Long, Long> counts = products.list(accountId).stream()
        .filter(p -> !p.archived() && p.categoryId() != null)
        .collect(Collectors.groupingBy(Products.Product::categoryId, Collectors.counting()));
    var page = new CategoriesPage(PageContext.of(ctx), categories.list(accountId), editing,
        typed == null ? "" : typed, errors, notice, counts);
    Pages.show(ctx, "backoffice/categories.jte", page);
  }
}
