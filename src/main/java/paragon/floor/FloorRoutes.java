package paragon.floor;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import paragon.accounts.BackOfficeAuth;
import paragon.storage.Database;
import paragon.web.FieldErrors;
import paragon.web.PageContext;
import paragon.web.Pages;
import paragon.web.Problem;

/**
 * The floor page of a shop ({@code /backoffice/floor/{shop}}): rooms and the shop's predefined receipts
 * placed on each room's grid. A plain form (rooms' add, remove and move buttons are editing steps that
 * post the typed plan back, nothing saved until "save"); {@code /assets/floor.js} adds dragging, which
 * only fills the same fields.
 */
public final class FloorRoutes {
  private final FloorStore store;

  private FloorRoutes(FloorStore store) {
    this.store = store;
  }

  public static void register(RoutesConfig routes, Database db, Clock clock) {
    FloorRoutes r = new FloorRoutes(new FloorStore(db, clock));
    routes.get("/backoffice/floor", r::first);
    routes.get("/backoffice/floor/{shop}", r::show);
    routes.post("/backoffice/floor/{shop}", r::post);
  }

  /** The menu's entry: the first shop's floor (no shop yet: the shops page, to add one). */
  private void first(Context ctx) {
    Long shop = store.firstShop(BackOfficeAuth.admin(ctx).accountId());
    ctx.redirect(shop == null ? "/backoffice/shops" : "/backoffice/floor/" + shop, HttpStatus.SEE_OTHER);
  }

  private void show(Context ctx) {
    long accountId = BackOfficeAuth.admin(ctx).accountId();
    FloorStore.Plan plan = store.read(accountId, shopId(ctx));
    String notice = ctx.queryParam("saved") != null ? "floor.saved"
        : ctx.queryParam("unchanged") != null ? "floor.unchanged" : null;
    render(ctx, plan, FloorView.form(plan), new FieldErrors(), notice);
  }

  private void post(Context ctx) {
    BackOfficeAuth.Admin admin = BackOfficeAuth.admin(ctx);
    long shopId = shopId(ctx);
    FloorStore.Plan plan = store.read(admin.accountId(), shopId);
    FloorRules.Form form = form(ctx);
    String action = ctx.formParam("action") == null ? "save" : ctx.formParam("action");
    FieldErrors errors = new FieldErrors();
    if (!action.equals("save")) {
      FloorRules.Form edited = FloorRules.edit(form, action, errors);
      if (!errors.isEmpty()) ctx.status(HttpStatus.BAD_REQUEST);
      render(ctx, plan, edited, errors, null);
      return;
    }
    Set<String> slots = new HashSet<>();
    plan.slots().forEach(s -> slots.add(s.id()));
    FloorRules.Valid valid = FloorRules.validate(form, slots, errors);
    if (valid == null) {
      ctx.status(HttpStatus.BAD_REQUEST);
      render(ctx, plan, form, errors, null);
      return;
    }
    FloorStore.Saved saved = store.save(admin.accountId(), shopId, admin.email(), valid);
    ctx.redirect("/backoffice/floor/" + shopId + "?" + (saved.changed() ? "saved" : "unchanged") + "=1",
        HttpStatus.SEE_OTHER);
  }

  private static void render(Context ctx, FloorStore.Plan plan, FloorRules.Form form, FieldErrors errors,
      String notice) {
    Pages.show(ctx, "backoffice/floor.jte", FloorView.of(PageContext.of(ctx), plan, form, errors, notice));
  }

  /** The plan as posted: parallel room fields, and parallel table fields, one set per row, in order. */
  private static FloorRules.Form form(Context ctx) {
    List<String> ids = ctx.formParams("roomId");
    List<String> names = ctx.formParams("roomName");
    if (ids.size() != names.size()) throw Problem.invalid("roomName", "floor.rows.mismatch");
    List<FloorRules.RoomRow> rooms = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) rooms.add(new FloorRules.RoomRow(ids.get(i), names.get(i)));
    List<String> slots = ctx.formParams("slotId");
    List<List<String>> columns = List.of(ctx.formParams("room"), ctx.formParams("x"), ctx.formParams("y"),
        ctx.formParams("shape"), ctx.formParams("seats"));
    for (List<String> c : columns) {
      if (c.size() != slots.size()) throw Problem.invalid("slotId", "floor.rows.mismatch");
    }
    List<FloorRules.TableRow> tables = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      tables.add(new FloorRules.TableRow(slots.get(i), columns.get(0).get(i), columns.get(1).get(i),
          columns.get(2).get(i), columns.get(3).get(i), columns.get(4).get(i)));
    }
    return new FloorRules.Form(ctx.formParam("openTooLongMinutes"), rooms, tables);
  }

  private static long shopId(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("shop"));
    } catch (NumberFormatException e) {
      throw Problem.notFound("shop", ctx.pathParam("shop"));
    }
  }
}
