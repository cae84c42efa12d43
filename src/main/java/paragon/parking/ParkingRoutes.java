package paragon.parking;

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
 *
 * <p>Unticking "use defaults" publishes nothing: it opens the shop's own list as a draft (the list kept
 * from before, or else a copy of the defaults) with {@code ownList=on}, and the save of that draft
 * switches the shop and stores its list in one revision. Ticking it again applies at once.
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
    ParkingView.Draft notice = null;
    String saved = ctx.queryParam("saved");
    String unchanged = ctx.queryParam("unchanged");
    if (saved != null) notice = ParkingView.Draft.notice(saved, "parking.saved");
    if (unchanged != null) notice = ParkingView.Draft.notice(unchanged, "parking.unchanged");
    render(ctx, store.read(accountId), notice);
  }

  /** Save, or one editing step (add, remove:i, up:i, down:i) of the list of {@code shopId} (null: defaults). */
  private void list(Context ctx, Long shopId) {
    BackOfficeAuth.Admin admin = BackOfficeAuth.admin(ctx);
    ParkingStore.Lists lists = store.read(admin.accountId());
    String key = ParkingView.key(shopId);
    if (shopId != null && lists.shops().stream().noneMatch(s -> s.shopId() == shopId)) {
      throw Problem.notFound("shop", shopId);
    }
    List<SlotRules.Row> rows = rows(ctx);
    SlotRules.checkIds(rows);
    boolean ownList = checkbox(ctx, "ownList");
    if (ownList && shopId == null) throw Problem.invalid("ownList", "form.checkbox.invalid");
    String action = ctx.formParam("action") == null ? "save" : ctx.formParam("action");
    FieldErrors errors = new FieldErrors();
    if (!action.equals("save")) {
      List<SlotRules.Row> edited = SlotRules.edit(rows, action, errors);
      int focus = action.equals("add") && errors.isEmpty() ? edited.size() - 1 : -1;
      if (!errors.isEmpty()) ctx.status(HttpStatus.BAD_REQUEST);
      render(ctx, lists, new ParkingView.Draft(key, edited, errors, null, focus, ownList));
      return;
    }
    List<SlotRules.Valid> valid = SlotRules.validate(rows, errors);
    if (valid == null) {
      ctx.status(HttpStatus.BAD_REQUEST);
      render(ctx, lists, new ParkingView.Draft(key, rows, errors, null, -1, ownList));
      return;
    }
    ParkingStore.Saved saved = store.saveList(admin.accountId(), shopId, admin.email(), valid, ownList);
    redirect(ctx, key, saved);
  }

  private void useDefaults(Context ctx) {
    BackOfficeAuth.Admin admin = BackOfficeAuth.admin(ctx);
    long shopId = shopId(ctx);
    boolean tick = checkbox(ctx, "useDefaults");
    ParkingStore.Lists lists = store.read(admin.accountId());
    ParkingStore.ShopList shop = lists.shops().stream().filter(s -> s.shopId() == shopId).findFirst()
        .orElseThrow(() -> Problem.notFound("shop", shopId));
    if (!tick && shop.useDefaults()) {
      List<ParkingStore.Slot> start = shop.own().isEmpty() ? lists.defaults() : shop.own();
      // A copy of the defaults gets new slots (empty ids): the default list's own slots stay where they are.
      List<SlotRules.Row> rows = start.stream()
          .map(s -> new SlotRules.Row(shop.own().isEmpty() ? "" : s.id(), s.name())).toList();
      String key = ParkingView.key(shopId);
      render(ctx, lists, new ParkingView.Draft(key, rows, new FieldErrors(), "parking.own_draft", -1, true));
      return;
    }
    ParkingStore.Saved saved = tick ? store.setUseDefaults(admin.accountId(), shopId, admin.email(), true)
        : new ParkingStore.Saved(lists.revision(), false);
    redirect(ctx, ParkingView.key(shopId), saved);
  }

  /** A checkbox as a browser posts it: absent (unticked) or "on" ("true" from scripts). */
  private static boolean checkbox(Context ctx, String field) {
    String value = ctx.formParam(field);
    if (value == null) return false;
    if (!value.equals("on") && !value.equals("true")) throw Problem.invalid(field, "form.checkbox.invalid");
    return true;
  }

  private static void redirect(Context ctx, String key, ParkingStore.Saved saved) {
    ctx.redirect("/backoffice/parking?" + (saved.changed() ? "saved=" : "unchanged=") + key + "#" + key,
        HttpStatus.SEE_OTHER);
  }

  private static void render(Context ctx, ParkingStore.Lists lists, ParkingView.Draft draft) {
    Pages.show(ctx, "backoffice/parking.jte", ParkingView.of(PageContext.of(ctx), lists, draft));
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
      throw Problem.notFound("shop", ctx.pathParam("shop"));
    }
  }
}
