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

/**
 * Shops: add, rename, archive and restore (the list hides archived shops unless {@code ?archived}).
 * Which predefined receipts a shop uses is on the Parking page.
 */
public final class ShopsRoutes {
  private final Shops shops;
  private final Shops.DevicesInUse devices;

  private ShopsRoutes(Shops shops, Shops.DevicesInUse devices) {
    this.shops = shops;
    this.devices = devices;
  }

  /** {@code devices}: a shop's devices in use (the devices package reads them). */
  public static void register(RoutesConfig routes, Database db, Clock clock, Shops.DevicesInUse devices) {
    ShopsRoutes r = new ShopsRoutes(new Shops(db, clock), devices);
    routes.get("/backoffice/shops", r::show);
    routes.post("/backoffice/shops", r::add);
    routes.post("/backoffice/shops/{id}", r::rename);
    routes.post("/backoffice/shops/{id}/archive", ctx -> r.archive(ctx, true));
    routes.post("/backoffice/shops/{id}/restore", ctx -> r.archive(ctx, false));
  }

  /**
   * {@code editing}: the shop whose form shows {@code typed} and {@code errors} (0: the add form);
   * {@code shops} those listed (archived ones only with {@code archived.shown()}).
   */
  public record ShopsPage(PageContext page, List<Shops.Shop> shops,
      long editing, Typed typed, FieldErrors errors, String notice, Archived archived) {
    public String value(Shops.Shop shop) {
      return editing == shop.id() ? typed.name() : shop.name();
    }

    public String address(Shops.Shop shop) {
      String shown = editing == shop.id() && typed.address() != null ? typed.address() : shop.address();
      return shown == null ? "" : shown;
    }

    public String newAddress() {
      return editing == 0 && typed.address() != null ? typed.address() : "";
    }

    public FieldErrors errorsOf(long shopId) {
      return editing == shopId ? errors : new FieldErrors();
    }
  }

  private void show(Context ctx) {
    String notice = ctx.queryParam("saved") != null ? "form.saved"
        : ctx.queryParam("unchanged") != null ? "form.unchanged" : null;
    render(ctx, -1, Typed.NONE, new FieldErrors(), notice, null);
  }

  private void archive(Context ctx, boolean archive) {
    var admin = BackOfficeAuth.admin(ctx);
    long id = PathIds.path(ctx, "id", "shop");
    boolean changed;
    try {
      changed = archive ? shops.archive(admin.accountId(), admin.email(), id, devices)
          : shops.restore(admin.accountId(), admin.email(), id);
    } catch (Problem p) {
      if (p.status() != 409) throw p;
      ctx.status(HttpStatus.CONFLICT);
      render(ctx, -1, Typed.NONE, new FieldErrors(), null, Archived.Refusal.of(p));
      return;
    }
    ctx.redirect("/backoffice/shops?" + (changed ? "saved" : "unchanged") + (archive ? "" : "&archived"),
        HttpStatus.SEE_OTHER);
  }

  private void add(Context ctx) {
    var admin = BackOfficeAuth.admin(ctx);
    Typed typed = Typed.of(ctx);
    try {
      shops.create(admin.accountId(), admin.email(), typed.name(), typed.address());
    } catch (Problem p) {
      ctx.status(HttpStatus.BAD_REQUEST);
      render(ctx, 0, typed, FieldErrors.from(p), null, null);
      return;
    }
    ctx.redirect("/backoffice/shops?saved", HttpStatus.SEE_OTHER);
  }

  private void rename(Context ctx) {
    var admin = BackOfficeAuth.admin(ctx);
    long id = PathIds.path(ctx, "id", "shop");
    Typed typed = Typed.of(ctx);
    boolean changed;
    try {
      changed = shops.save(admin.accountId(), admin.email(), id, typed.name(), typed.address());
    } catch (Problem p) {
      if (p.status() != 400) throw p;
      ctx.status(HttpStatus.BAD_REQUEST);
      render(ctx, id, typed, FieldErrors.from(p), null, null);
      return;
    }
    ctx.redirect("/backoffice/shops?" + (changed ? "saved" : "unchanged"), HttpStatus.SEE_OTHER);
  }

  /** What a shop form sent, kept as typed when it is refused. */
  public record Typed(String name, String address) {
    static final Typed NONE = new Typed("", "");

    static Typed of(Context ctx) {
      String name = ctx.formParam("name");
      String address = ctx.formParam("address");
      return new Typed(name == null ? "" : name, address);
    }
  }

  private void render(Context ctx, long editing, Typed typed, FieldErrors errors, String notice,
      Archived.Refusal refusal) {
    List<Shops.Shop> all = shops.list(BackOfficeAuth.admin(ctx).accountId());
    Archived archived = Archived.of(ctx, all, Shops.Shop::archived, refusal);
    var page = new ShopsPage(PageContext.of(ctx), archived.filter(all, Shops.Shop::archived), editing,
        typed, errors, notice, archived);
    Pages.show(ctx, "backoffice/shops.jte", page);
  }
}
