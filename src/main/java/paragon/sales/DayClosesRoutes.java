package paragon.sales;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import paragon.accounts.BackOfficeAuth;
import paragon.receipts.DayCloses;
import paragon.receipts.DayReport;
import paragon.storage.Database;
import paragon.web.FieldErrors;
import paragon.web.I18n;
import paragon.web.Lang;
import paragon.web.PageContext;
import paragon.web.Pages;
import paragon.web.Problem;

/**
 * The back office's day closes: every close per device and shop (filters: a range of days, shop,
 * device; the last 31 days by default), and one close's kept report, printable at 80 mm. Read-only.
 */
public final class DayClosesRoutes {
  public static final int LIMIT = 500;
  static final int DEFAULT_DAYS_BACK = 30;

  private final OfficeStore store;
  private final DayCloses closes;
  private final Clock clock;

  private DayClosesRoutes(OfficeStore store, DayCloses closes, Clock clock) {
    this.store = store;
    this.closes = closes;
    this.clock = clock;
  }

  public static void register(RoutesConfig routes, Database db, Clock clock) {
    DayClosesRoutes r = new DayClosesRoutes(new OfficeStore(db), new DayCloses(db), clock);
    routes.get("/backoffice/day-closes", r::listPage);
    routes.get("/backoffice/day-closes/{id}", r::reportPage);
  }

  public record Filters(String from, String to, Long shopId, Long deviceId) {}

  public record Row(long id, String when, String shop, String device, String user, long sales, String total) {}

  /** {@code rows}: null when the filters have errors. */
  public record ListPage(PageContext page, Filters filters, FieldErrors errors, List<SalesRoutes.Choice> shops,
      List<SalesRoutes.Choice> devices, List<Row> rows, boolean truncated) {}

  private void listPage(Context ctx) {
    long accountId = BackOfficeAuth.admin(ctx).accountId();
    String lang = Lang.of(ctx).language();
    FieldErrors errors = new FieldErrors();
    DayRange range = DayRange.of(ctx, clock, errors, DEFAULT_DAYS_BACK);
    Long shopId = SalesRoutes.optionalId(ctx, "shop");
    Long deviceId = SalesRoutes.optionalId(ctx, "device");
    if (shopId != null) store.shop(accountId, shopId);
    Map<Long, String> devices = store.deviceNames(accountId);
    if (deviceId != null && !devices.containsKey(deviceId)) throw Problem.notFound("device", deviceId);
    if (!errors.isEmpty() && ctx.header("HX-Request") != null) {
      var first = errors.all().entrySet().iterator().next();
      throw Problem.invalid(first.getKey(), first.getValue().key(), first.getValue().args());
    }
    List<Row> rows = null;
    boolean truncated = false;
    if (errors.isEmpty()) {
      List<DayCloses.Closed> found = closes.find(accountId,
          new DayCloses.Query(range.fromMillis(), range.toMillis(), shopId, deviceId), LIMIT + 1);
      truncated = found.size() > LIMIT;
      if (truncated) found = found.subList(0, LIMIT);
      Map<Long, String> shops = shopNames(accountId);
      Map<Long, String> users = store.userNames(accountId);
      rows = new ArrayList<>();
      for (DayCloses.Closed c : found) {
        rows.add(new Row(c.id(), Display.dateTime(c.at()),
            c.shopId() == null ? "" : shops.getOrDefault(c.shopId(), "#" + c.shopId()),
            devices.getOrDefault(c.deviceId(), "#" + c.deviceId()), users.getOrDefault(c.userId(), "#" + c.userId()),
            c.sales(), Display.money(c.total(), lang)));
      }
    } else {
      ctx.status(400);
    }
    List<SalesRoutes.Choice> deviceChoices = devices.entrySet().stream()
        .map(e -> new SalesRoutes.Choice(e.getKey(), e.getValue())).toList();
    Pages.show(ctx, "backoffice/sales/dayCloses.jte", new ListPage(PageContext.of(ctx),
        new Filters(range.fromText(), range.toText(), shopId, deviceId), errors,
        SalesRoutes.Choice.of(store.shops(accountId)), deviceChoices, rows, truncated));
  }

  public record Amount(String label, String amount) {}

  public record VatRow(String vat, String gross, String net, String tax) {}

  public record CashierRow(String name, long sales, String total) {}

  /** {@code period}: null without sales; {@code kept}: false for a close made before reports were kept. */
  public record ReportPage(PageContext page, long id, String when, String shop, String device, String user,
      long sales, String total, boolean kept, String discounts, String period, List<Amount> methods,
      List<VatRow> vat, List<CashierRow> cashiers, String tips, String corrections, List<VatRow> correctionsVat) {}

  private void reportPage(Context ctx) {
    long accountId = BackOfficeAuth.admin(ctx).accountId();
    I18n i18n = Lang.of(ctx);
    String lang = i18n.language();
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw Problem.notFound("day close", ctx.pathParam("id"));
    }
    DayCloses.Closed c = closes.find(accountId, id).orElseThrow(() -> Problem.notFound("day close", id));
    Map<Long, String> shops = shopNames(accountId);
    String shop = c.shopId() == null ? "" : shops.getOrDefault(c.shopId(), "#" + c.shopId());
    String device = store.deviceNames(accountId).getOrDefault(c.deviceId(), "#" + c.deviceId());
    String user = store.userNames(accountId).getOrDefault(c.userId(), "#" + c.userId());
    DayReport r = c.report();
    String period = r == null || r.firstSaleAt() == null ? null
        : i18n.t("dayclose.period", Display.dateTime(r.firstSaleAt()), Display.dateTime(r.lastSaleAt()));
    Pages.show(ctx, "backoffice/sales/dayClose.jte", new ReportPage(PageContext.of(ctx), c.id(),
        Display.dateTime(c.at()), shop, device, user, c.sales(), Display.money(c.total(), lang), r != null,
        r == null ? null : Display.money(r.discounts(), lang), period,
        r == null ? List.of() : r.methods().entrySet().stream()
            .map(e -> new Amount(i18n.t("sales.method." + e.getKey()), Display.money(e.getValue(), lang))).toList(),
        r == null ? List.of() : r.vat().stream().map(v -> new VatRow(SalesSummary.vatLabel(v.vat()),
            Display.money(v.gross(), lang), Display.money(v.net(), lang), Display.money(v.tax(), lang))).toList(),
        r == null ? List.of() : r.cashiers().stream()
            .map(x -> new CashierRow(x.name(), x.sales(), Display.money(x.total(), lang))).toList(),
        r == null ? null : Display.money(r.tips(), lang), r == null ? null : Display.money(-r.corrections(), lang),
        r == null ? List.of() : r.correctionsVat().stream().map(v -> new VatRow(SalesSummary.vatLabel(v.vat()),
            Display.money(-v.gross(), lang), Display.money(-v.net(), lang), Display.money(-v.tax(), lang))).toList()));
  }

  private Map<Long, String> shopNames(long accountId) {
    Map<Long, String> shops = new LinkedHashMap<>();
    store.shops(accountId).forEach(s -> shops.put(s.id(), s.name()));
    return shops;
  }
}
