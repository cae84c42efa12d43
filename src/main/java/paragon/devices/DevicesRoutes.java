package paragon.devices;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import paragon.accounts.Archived;
import paragon.accounts.BackOfficeAuth;
import paragon.accounts.Shops;
import paragon.storage.Database;
import paragon.web.FieldErrors;
import paragon.web.PageContext;
import paragon.web.Pages;
import paragon.web.Problem;

/**
 * Back office / Devices: register a device (it gets a one-time pairing code, shown once), a new code,
 * revoke, and ask a device to sync. The list shows each device's applied revision, whether it is
 * behind the account's current revision, and its last contact.
 */
public final class DevicesRoutes {
  /** Times are shown in Polish local time: the accounts are Polish businesses. */
  static final ZoneId ZONE = ZoneId.of("Europe/Warsaw");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

  private final Database db;
  private final Clock clock;
  private final DeviceStore store;

  private DevicesRoutes(Database db, Clock clock, DeviceStore store) {
    this.db = db;
    this.clock = clock;
    this.store = store;
  }

  public static void register(RoutesConfig routes, Database db, Clock clock, DeviceAuth auth) {
    DevicesRoutes page = new DevicesRoutes(db, clock, auth.store());
    routes.get("/backoffice/devices", page::show);
    routes.post("/backoffice/devices", page::register);
    routes.post("/backoffice/devices/{id}/code", page::newCode);
    routes.post("/backoffice/devices/{id}/sync", page::requestSync);
    routes.post("/backoffice/devices/{id}/revoke", page::revoke);
    routes.post("/backoffice/devices/{id}/archive", ctx -> page.archive(ctx, true));
    routes.post("/backoffice/devices/{id}/restore", ctx -> page.archive(ctx, false));
  }

  /** The page's data; {@code code} is a pairing code just made (shown once), {@code notice} a translation key. */
  public record View(PageContext page, List<DeviceStatus> devices, List<DeviceForm.ShopOption> shops, DeviceForm form,
                     FieldErrors errors, NewCode code, String notice, String noticeArg, long now, Archived archived) {

    public String time(Long millis) {
      return millis == null ? "" : TIME.format(Instant.ofEpochMilli(millis));
    }
  }

  /** A pairing code as shown to the owner, for the device it belongs to. */
  public record NewCode(long deviceId, String deviceName, String code, long expiresAt) {}

  private void show(Context ctx) {
    long account = BackOfficeAuth.admin(ctx).accountId();
    String notice = null;
    String arg = null;
    for (String kind : List.of("revoked", "sync", "archived_device", "restored")) {
      if (ctx.queryParam(kind) != null) {
        notice = "devices.page.notice." + kind;
        arg = nameOf(account, ctx.queryParam(kind));
      }
    }
    render(ctx, account, DeviceForm.EMPTY, new FieldErrors(), null, notice, arg);
  }

  private void register(Context ctx) {
    long account = BackOfficeAuth.admin(ctx).accountId();
    DeviceForm form = DeviceForm.read(ctx.formParamMap());
    FieldErrors errors = new FieldErrors();
    DeviceForm.Valid valid = form.validate(shops(account), errors);
    if (valid == null) {
      ctx.status(HttpStatus.BAD_REQUEST);
      render(ctx, account, form, errors, null, null, null);
      return;
    }
    DeviceStore.Code code = store.register(account, valid.shopId(), valid.name(), valid.model());
    ctx.status(HttpStatus.CREATED);
    render(ctx, account, DeviceForm.EMPTY, new FieldErrors(),
        new NewCode(code.deviceId(), valid.name(), code.code(), code.expiresAt()),
        null, null);
  }

  private void newCode(Context ctx) {
    long account = BackOfficeAuth.admin(ctx).accountId();
    long id = id(ctx);
    DeviceStore.Code code = store.newCode(account, id);
    render(ctx, account, DeviceForm.EMPTY, new FieldErrors(),
        new NewCode(id, nameOf(account, String.valueOf(id)), code.code(),
        code.expiresAt()), null, null);
  }

  private void requestSync(Context ctx) {
    long account = BackOfficeAuth.admin(ctx).accountId();
    long id = id(ctx);
    store.requestSync(account, id);
    ctx.redirect("/backoffice/devices?sync=" + id, HttpStatus.SEE_OTHER);
  }

  private void revoke(Context ctx) {
    long account = BackOfficeAuth.admin(ctx).accountId();
    long id = id(ctx);
    store.revoke(account, id);
    ctx.redirect("/backoffice/devices?revoked=" + id, HttpStatus.SEE_OTHER);
  }

  private void archive(Context ctx, boolean archive) {
    long account = BackOfficeAuth.admin(ctx).accountId();
    long id = id(ctx);
    try {
      if (archive) store.archive(account, id);
      else store.restore(account, id);
    } catch (Problem p) {
      if (p.status() != 409) throw p;
      ctx.status(HttpStatus.CONFLICT);
      render(ctx, account, DeviceForm.EMPTY, new FieldErrors(), null, null, null, Archived.Refusal.of(p));
      return;
    }
    ctx.redirect("/backoffice/devices?" + (archive ? "archived_device=" + id : "restored=" + id + "&archived"),
        HttpStatus.SEE_OTHER);
  }

  private void render(Context ctx, long account, DeviceForm form, FieldErrors errors,
      NewCode code, String notice, String arg) {
    render(ctx, account, form, errors, code, notice, arg, null);
  }

  private void render(Context ctx, long account, DeviceForm form, FieldErrors errors,
      NewCode code, String notice, String arg, Archived.Refusal refusal) {
    List<DeviceStatus> all = store.list(account);
    Archived archived = Archived.of(ctx, all, DeviceStatus::archived, refusal);
    Pages.show(ctx, "backoffice/devices.jte", new View(PageContext.of(ctx),
        archived.filter(all, DeviceStatus::archived), shops(account), form, errors, code, notice, arg, clock.millis(),
        archived));
  }

  /** The shops a device can be registered in: those not archived. */
  private List<DeviceForm.ShopOption> shops(long account) {
    return db.read(h -> Shops.list(h, account)).stream().filter(s -> !s.archived())
        .map(s -> new DeviceForm.ShopOption(s.id(), s.name())).toList();
  }

  private String nameOf(long account, String id) {
    return store.list(account).stream().filter(d -> String.valueOf(d.id()).equals(id)).map(DeviceStatus::name)
        .findFirst().orElse(null);
  }

  private static long id(Context ctx) {
    String raw = ctx.pathParam("id");
    if (!raw.matches("\\d{1,18}")) throw Problem.notFound("device", raw);
    return Long.parseLong(raw);
  }
}
