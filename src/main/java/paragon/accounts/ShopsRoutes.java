package paragon.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.List;
import paragon.storage.Database;
import paragon.web.FieldErrors;
import paragon.web.PageContext;
import paragon.web.Pages;
import paragon.web.Problem;

/** Shops: add and rename. Which predefined receipts a shop uses is on the Parking page. */
public final class ShopsRoutes {
  private final Shops shops;

  private ShopsRoutes(Shops shops) {
    this.shops = shops;
  }

  public static void register(RoutesConfig routes, Database db, Clock clock) {
    ShopsRoutes r = new ShopsRoutes(new Shops(db, clock));
    routes.get("/backoffice/shops", r::show);
    routes.post("/backoffice/shops", r::add);
    routes.post("/backoffice/shops/{id}", r::rename);
  }

  /** {@code editing}: the shop whose form shows {@code typed} and {@code errors} (0: the add form). */
  public record ShopsPage(PageContext page, List<Shops.Shop> shops,
      long editing, String typed, FieldErrors errors, String notice) {
    public String value(Shops.Shop shop) {
      return editing == shop.id() ? typed : shop.name();
    }

    public FieldErrors errorsOf(long shopId) {
      return editing == shopId ? errors : new FieldErrors();
    }
  }

  private void show(Context ctx) {
    String notice = ctx.queryParam("saved") != null ? "form.saved"
        : ctx.queryParam("unchanged") != null ? "form.unchanged" : null;
    render(ctx, -1, "", new FieldErrors(), notice);
  }

  private void add(Context ctx) {
    var admin = BackOfficeAuth.admin(ctx);
    String name = ctx.formParam("name");
    try {
      shops.create(admin.accountId(), admin.email(), name);
    } catch (Problem p) {
      ctx.status(HttpStatus.BAD_REQUEST);
      render(ctx, 0, name, FieldErrors.from(p), null);
      return;
    }
    ctx.redirect("/backoffice/shops?saved", HttpStatus.SEE_OTHER);
  }

  private void rename(Context ctx) {
    var admin = BackOfficeAuth.admin(ctx);
    long id = PathIds.path(ctx, "id", "shop");
    String name = ctx.formParam("name");
    boolean changed;
    try {
      changed = shops.rename(admin.accountId(), admin.email(), id, name);
    } catch (Problem p) {
      if (p.status() != 400) throw p;
      ctx.status(HttpStatus.BAD_REQUEST);
      render(ctx, id, name, FieldErrors.from(p), null);
      return;
    }
    ctx.redirect("/backoffice/shops?" + (changed ? "saved" : "unchanged"), HttpStatus.SEE_OTHER);
  }

  private void render(Context ctx, long editing, String typed, FieldErrors errors, String notice) {
    var page = new ShopsPage(PageContext.of(ctx), shops.list(BackOfficeAuth.admin(ctx).accountId()), editing,
        typed == null ? "" : typed, errors, notice);
    Pages.show(ctx, "backoffice/shops.jte", page);
  }
}
