package paragon.integrations;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import paragon.receipts.DayCloses;
import paragon.receipts.DayReport;
import paragon.receipts.SalePages;
import paragon.receipts.SaleRecords;
import paragon.storage.Database;
import paragon.web.Problem;

/**
 * {@code GET /api/v1/sales} (a date range, a shop, keyset pages: {@code cursor} + {@code limit}, the
 * answer's {@code next}), {@code /api/v1/sales/{id}} and {@code /api/v1/day-closes}, all with
 * {@code sales:read} (docs/api.md, "Sales").
 */
public final class SalesApiRoutes {
  private final Database db;
  private final SalePages pages;
  private final SaleRecords records;
  private final DayCloses closes;

  private SalesApiRoutes(Database db) {
    this.db = db;
    this.pages = new SalePages(db);
    this.records = new SaleRecords(db);
    this.closes = new DayCloses(db);
  }

  public static void register(RoutesConfig routes, Database db) {
    SalesApiRoutes r = new SalesApiRoutes(db);
    routes.get("/api/v1/sales", r::sales);
    routes.get("/api/v1/sales/{id}", r::sale);
    routes.get("/api/v1/day-closes", r::dayCloses);
  }

  private void sales(Context ctx) {
    ApiKeys.Key key = ApiAuth.require(ctx, "sales:read");
    long[] range = ApiParams.range(ctx);
    int limit = ApiParams.limit(ctx);
    SalePages.Cursor after = ApiParams.cursor(ctx);
    Long shop = ApiParams.shop(ctx, db, key);
    SalePages.Page page = pages.page(key.accountId(), new SaleRecords.Query(range[0], range[1], shop, null, null),
        after, limit);
    List<String> ids = page.sales().stream().map(SaleRecords.Sale::id).toList();
    Map<String, List<SaleRecords.Payment>> payments = records.payments(key.accountId(), ids);
    Map<String, List<DayReport.VatRow>> vat = pages.vat(key.accountId(), ids);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sales", page.sales().stream().map(s -> ApiJson.sale(s, payments.getOrDefault(s.id(), List.of()),
        vat.getOrDefault(s.id(), List.of()))).toList());
    body.put("next", ApiParams.cursor(page.next()));
    ctx.json(body);
  }

  private void sale(Context ctx) {
    ApiKeys.Key key = ApiAuth.require(ctx, "sales:read");
    String id = ctx.pathParam("id");
    SaleRecords.Sale s = pages.one(key.accountId(), id).filter(x -> ApiParams.sees(key, x.shopId()))
        .orElseThrow(() -> Problem.notFound("sale", id));
    ctx.json(ApiJson.sale(s, records.payments(key.accountId(), List.of(id)).getOrDefault(id, List.of()),
        pages.vat(key.accountId(), List.of(id)).getOrDefault(id, List.of())));
  }

  private void dayCloses(Context ctx) {
    ApiKeys.Key key = ApiAuth.require(ctx, "sales:read");
    long[] range = ApiParams.range(ctx);
    int limit = ApiParams.limit(ctx);
    Long shop = ApiParams.shop(ctx, db, key);
    List<Map<String, Object>> out = closes.find(key.accountId(), new DayCloses.Query(range[0], range[1], shop, null),
        limit).stream().map(ApiJson::dayClose).toList();
    ctx.json(Map.of("dayCloses", out));
  }
}
