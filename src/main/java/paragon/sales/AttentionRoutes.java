package paragon.sales;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import paragon.accounts.BackOfficeAuth;
import paragon.receipts.Attention;
import paragon.storage.Database;
import paragon.web.I18n;
import paragon.web.Lang;
import paragon.web.PageContext;
import paragon.web.Pages;
import paragon.web.Problem;

/**
 * The back office's Attention page (issue 12, docs/protocol.md "Paying offline"): the open attention
 * items per shop (a payment taken offline on a receipt that changed, was paid already, or is gone),
 * and "resolved" with a note, kept in the item and the receipt's trail.
 */
public final class AttentionRoutes {
  public static final int LIMIT = 500;
  static final int MAX_NOTE = 200;

  private final OfficeStore store;
  private final Attention attention;
  private final Clock clock;

  private AttentionRoutes(OfficeStore store, Attention attention, Clock clock) {
    this.store = store;
    this.attention = attention;
    this.clock = clock;
  }

  public static void register(RoutesConfig routes, Database db, Clock clock) {
    AttentionRoutes r = new AttentionRoutes(new OfficeStore(db), new Attention(db), clock);
    routes.get("/backoffice/attention", r::page);
    routes.post("/backoffice/attention/{id}/resolve", r::resolve);
  }

  /** {@code amount}, {@code unsold}, {@code seenTotal}: formatted money; {@code kindText}: what happened. */
  public record Row(String id, String kind, String kindText, String when, String paidAt, String receiptId,
      String receiptName, String newReceiptId, String saleId, String amount, String unsold, String seenTotal,
      String device, String user) {}

  public record ShopItems(String shop, List<Row> rows) {}

  /** {@code shopId}: the shop filter, null for all; {@code choices}: the account's shops to filter by. */
  public record Page(PageContext page, Long shopId, List<SalesRoutes.Choice> choices, List<ShopItems> shops,
      boolean truncated, String notice, String error) {}

  private void page(Context ctx) {
    Long shopId = shop(ctx, BackOfficeAuth.admin(ctx).accountId(), ctx.queryParam("shop"));
    show(ctx, shopId, ctx.queryParam("resolved") != null ? "attention.resolved" : null, null);
  }

  /**
   * The shop filter: null when blank; a field error (400) when not a number, 404 when not a shop of
   * this account (as the sales and day-close lists), so no other account's items are ever read.
   */
  private Long shop(Context ctx, long accountId, String raw) {
    if (raw == null || raw.isBlank()) return null;
    long id;
    try {
      id = Long.parseLong(raw.strip());
    } catch (NumberFormatException e) {
      throw Problem.invalid("shop", "sales.error.id");
    }
    store.shop(accountId, id);
    return id;
  }

  private void show(Context ctx, Long shopId, String notice, String error) {
    long accountId = BackOfficeAuth.admin(ctx).accountId();
    I18n i18n = Lang.of(ctx);
    String lang = i18n.language();
    List<Attention.Item> items = attention.open(accountId, shopId, LIMIT + 1);
    boolean truncated = items.size() > LIMIT;
    if (truncated) items = items.subList(0, LIMIT);
    Map<Long, String> shops = new LinkedHashMap<>();
    store.shops(accountId).forEach(s -> shops.put(s.id(), s.name()));
    Map<Long, String> devices = store.deviceNames(accountId);
    Map<Long, List<Row>> byShop = new LinkedHashMap<>();
    for (Attention.Item i : items) {
      byShop.computeIfAbsent(i.shopId(), k -> new ArrayList<>()).add(new Row(i.id(), i.kind(),
          i18n.t("attention.kind." + i.kind()), Display.dateTime(i.createdAt()), Display.dateTime(i.paidAt()),
          i.receiptId(), i.receiptName() == null ? i.receiptId() : i.receiptName(), i.newReceiptId(), i.saleId(),
          Display.money(i.amount(), lang), Display.money(i.unsold(), lang),
          i.seenTotal() == null ? "" : Display.money(i.seenTotal(), lang),
          devices.getOrDefault(i.deviceId(), "#" + i.deviceId()), i.userName()));
    }
    List<ShopItems> out = new ArrayList<>();
    byShop.forEach((shop, rows) -> out.add(new ShopItems(shops.getOrDefault(shop, "#" + shop), rows)));
    Pages.show(ctx, "backoffice/sales/attention.jte", new Page(PageContext.of(ctx), shopId,
        SalesRoutes.Choice.of(store.shops(accountId)), out, truncated, notice, error));
  }

  private void resolve(Context ctx) {
    BackOfficeAuth.Admin admin = BackOfficeAuth.admin(ctx);
    String id = ctx.pathParam("id");
    Long shopId = shop(ctx, admin.accountId(), ctx.formParam("shop"));
    String note = ctx.formParam("note") == null ? "" : ctx.formParam("note").strip();
    if (note.isEmpty() || note.codePointCount(0, note.length()) > MAX_NOTE || !paragon.web.Storable.is(note)) {
      ctx.status(HttpStatus.BAD_REQUEST);
      show(ctx, shopId, null, "attention.note.invalid");
      return;
    }
    if (!attention.resolve(admin.accountId(), id, admin.email(), note, clock.millis())) {
      throw Problem.notFound("attention item", id);
    }
    ctx.redirect("/backoffice/attention?resolved" + (shopId == null ? "" : "&shop=" + shopId), HttpStatus.SEE_OTHER);
  }
}
