package paragon.configuration;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import paragon.accounts.BackOfficeAuth;
import paragon.storage.Database;
import paragon.web.FieldErrors;
import paragon.web.PageContext;
import paragon.web.Pages;
import paragon.web.Problem;

/**
 * The Parking page (Configuration / Settings, "parking"): the default list of predefined receipts and,
 * per shop, "use defaults" or the shop's own list. It is a plain form: the add, remove and move buttons
 * post the typed rows back and get them edited (nothing is saved until "save"); htmx only swaps the lists
 * instead of reloading the page (and keeps the scroll position).
 */
public final class ParkingRoutes {
  private final ParkingStore store;

  private ParkingRoutes(ParkingStore store) {
    this.store = store;
  }

  public static void register(RoutesConfig routes, Database db, Clock clock) {
    ParkingRoutes r = new ParkingRoutes(new ParkingStore(db, clock));
    routes.get("/backoffice/parking", r::show);
    routes.post("/backoffice/parking/lists/default", ctx -> r.list(ctx, null));
    routes.post("/backoffice/parking/lists/{shop}", ctx -> r.list(ctx, shopId(ctx)));
    routes.post("/backoffice/parking/shops/{shop}/use-defaults", r::useDefaults);
  }

  private void show(Context ctx) {
    long accountId = BackOfficeAuth.admin(ctx).accountId();
    ParkingPage.Draft notice = null;
    String saved = ctx.queryParam("saved");
    String unchanged = ctx.queryParam("unchanged");
    if (saved != null) notice = new ParkingPage.Draft(saved, null, new FieldErrors(), "parking.saved", -1);
    if (unchanged != null) notice = new ParkingPage.Draft(unchanged, null, new FieldErrors(), "parking.unchanged", -1);
    render(ctx, store.read(accountId), notice);
  }

  /** Save, or one editing step (add, remove:i, up:i, down:i) of the list of {@code shopId} (null: defaults). */
  private void list(Context ctx, Long shopId) {
    BackOfficeAuth.Admin admin = BackOfficeAuth.admin(ctx);
    ParkingStore.Lists lists = store.read(admin.accountId());
    String key = ParkingPage.key(shopId);
    if (shopId != null && lists.shops().stream().noneMatch(s -> s.shopId() == shopId)) throw Problem.notFound("shop " + shopId);
    List<SlotRules.Row> rows = rows(ctx);
    SlotRules.checkIds(rows);
    String action = ctx.formParam("action") == null ? "save" : ctx.formParam("action");
    FieldErrors errors = new FieldErrors();
    if (!action.equals("save")) {
      List<SlotRules.Row> edited = SlotRules.edit(rows, action, errors);
      int focus = action.equals("add") && errors.isEmpty() ? edited.size() - 1 : -1;
      if (!errors.isEmpty()) ctx.status(HttpStatus.BAD_REQUEST);
      render(ctx, lists, new ParkingPage.Draft(key, edited, errors, null, focus));
      return;
    }
    List<SlotRules.Valid> valid = SlotRules.validate(rows, errors);
    if (valid == null) {
      ctx.status(HttpStatus.BAD_REQUEST);
      render(ctx, lists, new ParkingPage.Draft(key, rows, errors, null, -1));
      return;
    }
    ParkingStore.Saved saved = store.saveList(admin.accountId(), shopId, admin.email(), valid);
    redirect(ctx, key, saved);
  }

  private void useDefaults(Context ctx) {
    BackOfficeAuth.Admin admin = BackOfficeAuth.admin(ctx);
    long shopId = shopId(ctx);
    String value = ctx.formParam("useDefaults");
    if (value != null && !value.equals("on") && !value.equals("true")) throw Problem.invalid("useDefaults", "form.checkbox.invalid");
    ParkingStore.Saved saved = store.setUseDefaults(admin.accountId(), shopId, admin.email(), value != null);
    redirect(ctx, ParkingPage.key(shopId), saved);
  }

  private static void redirect(Context ctx, String key, ParkingStore.Saved saved) {
    ctx.redirect("/backoffice/parking?" + (saved.changed() ? "saved=" : "unchanged=") + key + "#" + key, HttpStatus.SEE_OTHER);
  }

  private static void render(Context ctx, ParkingStore.Lists lists, ParkingPage.Draft draft) {
    Pages.show(ctx, "backoffice/parking.jte", ParkingPage.of(PageContext.of(ctx), lists, draft));
  }

  /** The rows as posted: parallel "id" and "name" fields, one pair per row, in order. */
  private static List<SlotRules.Row> rows(Context ctx) {
    List<String> ids = ctx.formParams("id");
    List<String> names = ctx.formParams("name");
    if (ids.size() != names.size()) throw Problem.invalid("name", "parking.rows.mismatch");
    List<SlotRules.Row> rows = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) rows.add(new SlotRules.Row(ids.get(i), names.get(i)));
    return rows;
  }

  private static long shopId(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("shop"));
    } catch (NumberFormatException e) {
      throw Problem.notFound("shop " + ctx.pathParam("shop"));
    }
  }
}
