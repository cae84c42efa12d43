package paragon.sales;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import paragon.accounts.BackOfficeAuth;
import paragon.receipts.DefaultName;
import paragon.receipts.Kind;
import paragon.receipts.ReceiptView;
import paragon.receipts.SaleRecords;
import paragon.receipts.SalesExport;
import paragon.receipts.SalesQueries;
import paragon.receipts.ServedRules;
import paragon.receipts.State;
import paragon.storage.Database;
import paragon.web.FieldErrors;
import paragon.web.I18n;
import paragon.web.Lang;
import paragon.web.PageContext;
import paragon.web.Pages;
import paragon.web.Problem;

/**
 * The back office's receipt pages: the live list of open receipts per shop (refreshed by htmx every
 * few seconds, a plain list without JavaScript), one receipt's audit trail, and closed sales with
 * filters (a range of days, shop, user, method), their summaries and CSV exports. Read-only.
 */
public final class SalesRoutes {
  public static final int SALES_LIMIT = 1000;
  public static final int MAX_DAYS = DayRange.MAX_DAYS;
  static final List<String> METHODS = ServedRules.METHODS;

  private final OfficeStore store;
  private final SalesQueries queries;
  private final Clock clock;

  private SalesRoutes(OfficeStore store, SalesQueries queries, Clock clock) {
    this.store = store;
    this.queries = queries;
    this.clock = clock;
  }

  public static void register(RoutesConfig routes, Database db, Clock clock) {
    SalesRoutes r = new SalesRoutes(new OfficeStore(db), new SalesQueries(db), clock);
    SalesCsv csv = new SalesCsv(new SalesExport(db), r.store);
    routes.get("/backoffice/receipts", r::openPage);
    routes.get("/backoffice/receipts/live", r::openFragment);
    routes.get("/backoffice/receipts/{id}", r::auditPage);
    routes.get("/backoffice/sales", r::salesPage);
    routes.get("/backoffice/sales/export",
        ctx -> csv.export(ctx, r.selection(ctx, BackOfficeAuth.admin(ctx).accountId())));
  }

  /** A shop or a user to choose in a filter. */
  public record Choice(long id, String name) {
    static List<Choice> of(List<OfficeStore.Named> named) {
      return named.stream().map(n -> new Choice(n.id(), n.name())).toList();
    }
  }

  // ---- Open receipts -----------------------------------------------------------------------

  /**
   * {@code terminal}: where the receipt was opened; {@code lastTerminal}: the one that changed it last
   * when that is another (a shared shop), else null. {@code owner}: its waiter (the creator until reassigned).
   */
  public record OpenRow(String id, String name, boolean table, String owner, String terminal, String lastTerminal,
      String age, String total, boolean paying, String payingBy, boolean attention) {}

  public record LiveList(PageContext page, long shopId, List<OpenRow> rows, String sum, String refreshedAt) {}

  public record OpenPage(PageContext page, List<Choice> shops, LiveList live) {}

  private void openPage(Context ctx) {
    long accountId = BackOfficeAuth.admin(ctx).accountId();
    List<OfficeStore.Named> shops = store.shops(accountId);
    Long shopId = optionalId(ctx, "shop");
    if (shopId == null && !shops.isEmpty()) shopId = shops.get(0).id();
    LiveList live = shopId == null ? null : live(ctx, accountId, store.shop(accountId, shopId).id());
    Pages.show(ctx, "backoffice/sales/open.jte", new OpenPage(PageContext.of(ctx), Choice.of(shops), live));
  }

  private void openFragment(Context ctx) {
    long accountId = BackOfficeAuth.admin(ctx).accountId();
    Long shopId = optionalId(ctx, "shop");
    if (shopId == null) throw Problem.invalid("shop", "sales.error.shop_required");
    Pages.show(ctx, "backoffice/sales/live.jte", live(ctx, accountId, store.shop(accountId, shopId).id()));
  }

  private LiveList live(Context ctx, long accountId, long shopId) {
    I18n i18n = Lang.of(ctx);
    String lang = i18n.language();
    long now = clock.millis();
    Map<Long, String> users = store.userNames(accountId);
    Map<Long, String> devices = store.deviceNames(accountId);
    List<OpenRow> rows = new ArrayList<>();
    long sum = 0;
    for (OfficeStore.Open open : store.open(accountId, shopId)) {
      ReceiptView v = open.view();
      long opened = v.createdOnDevice();
      Long last = open.lastDeviceId();
      boolean paying = v.state() == State.PAYING && v.lease() != null && v.lease().until() > now;
      rows.add(new OpenRow(v.id(), DefaultName.of(v, i18n), v.kind() == Kind.TABLE,
          users.getOrDefault(v.ownerUserId(), "#" + v.ownerUserId()),
          devices.getOrDefault(opened, "#" + opened),
          last == null || last == opened ? null : devices.getOrDefault(last, "#" + last), Display.age(v.createdAt(), now, i18n),
          Display.money(v.total(), lang),
          paying, paying ? v.lease().userName() + " · "
              + devices.getOrDefault(v.lease().deviceId(), "#" + v.lease().deviceId()) : null,
          v.attention()));
      sum += v.total();
    }
    return new LiveList(PageContext.of(ctx), shopId, rows, Display.money(sum, lang), Display.time(now));
  }

  // ---- Audit trail -------------------------------------------------------------------------

  /**
   * {@code modifiers}: the options chosen, with their deltas ("Duża +2,00 zł, Syrop +1,50 zł"), or null;
   * {@code discount}: the line's own ("−3,40 zł (10 %) · Pracownik"), or null.
   */
  public record LineRow(String id, String name, String quantity, String unitPrice, String total, String note,
      String modifiers, String discount) {}

  /** A void after payment: {@code amount} negative, {@code lines} the voided lines' names (or "whole sale"). */
  public record CorrectionRow(String when, String by, String amount, String lines, String reason) {}

  public record PaymentRow(String method, String amount) {}

  /** {@code merged}: the histories of the receipts merged into this one (Trails). */
  /**
   * {@code discount}: the receipt's own discount as {@link LineRow#discount}, or null;
   * {@code discountTotal}: every discount of the receipt, null when there is none.
   */
  public record AuditPage(PageContext page, String id, String name, String state, String owner, String total,
      String note, int guests, List<LineRow> lines, List<Trails.Row> trail, List<Trails.Merged> merged,
      String discount, String discountTotal, boolean voidable, String correctionId, List<CorrectionRow> corrections,
      boolean voided) {}

  private void auditPage(Context ctx) {
    long accountId = BackOfficeAuth.admin(ctx).accountId();
    I18n i18n = Lang.of(ctx);
    String lang = i18n.language();
    ReceiptView v = store.receipt(accountId, ctx.pathParam("id"));
    Map<Long, String> users = store.userNames(accountId);
    List<LineRow> lines = v.lines().stream().map(l -> new LineRow(l.id(), l.name(), quantity(l.quantity(), lang),
        Display.money(l.unitPrice(), lang), Display.money(l.total(), lang), l.note(), modifiers(l.modifiers(), lang),
        discount(l.discount(), lang))).toList();
    Trails trails = new Trails(store, accountId, i18n);
    List<Trails.Row> trail = trails.of(v.id());
    Pages.show(ctx, "backoffice/sales/receipt.jte", new AuditPage(PageContext.of(ctx), v.id(), DefaultName.of(v, i18n),
        i18n.t("sales.state." + v.state().name()), users.getOrDefault(v.ownerUserId(), "#" + v.ownerUserId()),
        Display.money(v.total(), lang), v.note(), v.guests(), lines, trail, trails.mergedInto(v.id(), trail),
        discount(v.discount(), lang), v.discountTotal() == 0 ? null : Display.money(v.discountTotal(), lang),
        v.state() == paragon.receipts.State.CLOSED, VoidRoutes.newId(), corrections(accountId, v, i18n),
        ctx.queryParam("voided") != null));
  }

  private List<CorrectionRow> corrections(long accountId, ReceiptView v, I18n i18n) {
    Map<String, String> names = new LinkedHashMap<>();
    v.lines().forEach(l -> names.put(l.id(), l.name()));
    return store.corrections(accountId, v.id()).stream().map(c -> new CorrectionRow(Display.dateTime(c.at()), c.by(),
        Display.money(-c.amount(), i18n.language()), c.lineIds().isEmpty() ? i18n.t("sales.void.whole")
            : String.join(", ", c.lineIds().stream().map(id -> names.getOrDefault(id, id)).toList()), c.reason()))
        .toList();
  }

  /** The options of a line with their deltas, or null for none. */
  static String modifiers(List<paragon.receipts.Modifier> modifiers, String lang) {
    if (modifiers.isEmpty()) return null;
    return modifiers.stream().map(m -> m.delta() == 0 ? m.name()
        : m.name() + " " + (m.delta() > 0 ? "+" : "−") + Display.money(Math.abs(m.delta()), lang))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** "−3,40 zł (10 %) · Pracownik" for a percent, "−2,90 zł · Stały klient" for an amount; null for none. */
  static String discount(ReceiptView.DiscountView d, String lang) {
    if (d == null) return null;
    String percent = d.kind().equals("PERCENT") ? " (" + quantity(d.value() * 10, lang) + " %)" : "";
    return "−" + Display.money(d.amount(), lang) + percent + " · " + d.reason();
  }

  /** Thousandths of a unit as "2", "1,5" / "1.5", "0,125". */
  static String quantity(long thousandths, String language) {
    String s = java.math.BigDecimal.valueOf(thousandths, 3).stripTrailingZeros().toPlainString();
    return "pl".equals(language) ? s.replace('.', ',') : s;
  }

  // ---- Sales -------------------------------------------------------------------------------

  /** {@code from}/{@code to}: as typed (shown again with their errors). */
  public record Filters(String from, String to, Long shopId, Long userId, String method) {
    /** The filters as a query string, for the export links. */
    public String query() {
      StringBuilder q = new StringBuilder("from=" + from + "&to=" + to);
      if (shopId != null) q.append("&shop=").append(shopId);
      if (userId != null) q.append("&user=").append(userId);
      if (method != null) q.append("&method=").append(method);
      return q.toString();
    }
  }

  public record SaleRow(String id, String time, String shop, String terminal, String name, String user,
      List<PaymentRow> payments, String total, String tip, String corrected) {}

  /** {@code summary}: null when the filters have errors (nothing is shown but the form). */
  public record SalesPage(PageContext page, Filters filters, FieldErrors errors, List<Choice> shops, List<Choice> users,
      List<String> methods, List<SaleRow> sales, SalesSummary.View summary, boolean truncated) {}

  private void salesPage(Context ctx) {
    long accountId = BackOfficeAuth.admin(ctx).accountId();
    I18n i18n = Lang.of(ctx);
    String lang = i18n.language();
    Selection sel = selection(ctx, accountId);
    List<SaleRow> rows = new ArrayList<>();
    SalesSummary.View summary = null;
    boolean truncated = false;
    if (sel.errors().isEmpty()) {
      SaleRecords.Query q = sel.query();
      List<OfficeStore.Sale> sales = store.sales(accountId,
          new OfficeStore.SalesQuery(q.from(), q.to(), q.shopId(), q.userId(), q.method()), SALES_LIMIT + 1);
      truncated = sales.size() > SALES_LIMIT;
      if (truncated) sales = sales.subList(0, SALES_LIMIT);
      Map<String, List<OfficeStore.Payment>> payments = store.payments(accountId,
          sales.stream().map(OfficeStore.Sale::id).toList());
      Map<Long, String> shops = new LinkedHashMap<>();
      store.shops(accountId).forEach(s -> shops.put(s.id(), s.name()));
      Map<Long, String> users = store.userNames(accountId);
      Map<Long, String> devices = store.deviceNames(accountId);
      for (OfficeStore.Sale s : sales) {
        List<PaymentRow> paid = new ArrayList<>();
        for (OfficeStore.Payment p : payments.getOrDefault(s.id(), List.of())) {
          paid.add(new PaymentRow(i18n.t("sales.method." + p.method()), Display.money(p.amount(), lang)));
        }
        rows.add(new SaleRow(s.id(), sel.range().from().equals(sel.range().to()) ? Display.time(s.closedAt())
            : Display.dateTime(s.closedAt()), shops.getOrDefault(s.shopId(), "#" + s.shopId()),
            devices.getOrDefault(s.deviceId(), "#" + s.deviceId()),
            s.defaultName() == null ? s.name() : s.defaultName().render(i18n),
            users.getOrDefault(s.userId(), "#" + s.userId()),
            paid, Display.money(s.total(), lang), s.tip() == 0 ? "" : Display.money(s.tip(), lang),
            s.corrected() == 0 ? "" : Display.money(-s.corrected(), lang)));
      }
      summary = SalesSummary.view(queries.summary(accountId, q, Display.ZONE), users, i18n);
    } else {
      ctx.status(400);
    }
    Pages.show(ctx, "backoffice/sales/sales.jte", new SalesPage(PageContext.of(ctx), sel.filters(), sel.errors(),
        Choice.of(store.shops(accountId)), Choice.of(store.users(accountId)), METHODS, rows, summary, truncated));
  }

  /** The filters of a sales request: the range and its errors, the shop, user and method (404 when not ours). */
  record Selection(Filters filters, DayRange range, FieldErrors errors, SaleRecords.Query query) {}

  Selection selection(Context ctx, long accountId) {
    FieldErrors errors = new FieldErrors();
    DayRange range = DayRange.of(ctx, clock, errors);
    Long shopId = optionalId(ctx, "shop");
    Long userId = optionalId(ctx, "user");
    String method = blankToNull(ctx.queryParam("method"));
    if (method != null && !METHODS.contains(method)) throw Problem.invalid("method", "sales.error.method");
    if (shopId != null) store.shop(accountId, shopId);
    if (userId != null) store.user(accountId, userId);
    if (!errors.isEmpty() && ctx.header("HX-Request") != null) {
      var first = errors.all().entrySet().iterator().next();
      throw Problem.invalid(first.getKey(), first.getValue().key(), first.getValue().args());
    }
    Filters filters = new Filters(range.fromText(), range.toText(), shopId, userId, method);
    SaleRecords.Query q = range.valid()
        ? new SaleRecords.Query(range.fromMillis(), range.toMillis(), shopId, userId, method) : null;
    return new Selection(filters, range, errors, q);
  }

  /** A numeric id from the query, null when absent or empty; a non-number is a 400 naming the field. */
  static Long optionalId(Context ctx, String field) {
    String value = blankToNull(ctx.queryParam(field));
    if (value == null) return null;
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw Problem.invalid(field, "sales.error.id");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
