package paragon.integrations;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import paragon.accounts.Shops;
import paragon.accounts.Users;
import paragon.receipts.Audit;
import paragon.receipts.ChangeFeed;
import paragon.receipts.ReceiptView;
import paragon.storage.Database;
import paragon.web.Problem;

/**
 * {@code GET /api/v1/shops}, {@code /api/v1/receipts} (the open receipts, live) and
 * {@code /api/v1/receipts/{id}} (any state, with its audit trail) (docs/api.md). A key sees its account
 * and, when limited, its shop only: anything else is 404.
 */
public final class ReadRoutes {
  private final Database db;
  private final ChangeFeed feed;
  private final Audit audit;

  private ReadRoutes(Database db) {
    this.db = db;
    this.feed = new ChangeFeed(db);
    this.audit = new Audit(db);
  }

  public static void register(RoutesConfig routes, Database db) {
    ReadRoutes r = new ReadRoutes(db);
    routes.get("/api/v1/shops", r::shops);
    routes.get("/api/v1/receipts", r::receipts);
    routes.get("/api/v1/receipts/{id}", r::receipt);
  }

  private void shops(Context ctx) {
    ApiKeys.Key key = ApiAuth.key(ctx);
    List<Map<String, Object>> shops = db.read(h -> Shops.list(h, key.accountId())).stream()
        .filter(s -> ApiParams.sees(key, s.id())).map(ApiJson::shop).toList();
    ctx.json(Map.of("shops", shops));
  }

  private void receipts(Context ctx) {
    ApiKeys.Key key = ApiAuth.require(ctx, "receipts:read");
    String state = ctx.queryParam("state");
    if (state != null && !state.isBlank() && !state.strip().equals("open")) {
      throw Problem.invalid("state", "api.state.invalid");
    }
    Long shop = ApiParams.shop(ctx, db, key);
    List<Long> shops = shop != null ? List.of(shop)
        : db.read(h -> Shops.list(h, key.accountId())).stream().map(Shops.Shop::id).sorted().toList();
    Map<Long, String> names = waiters(key.accountId());
    List<Map<String, Object>> out = new ArrayList<>();
    for (long s : shops) {
      for (ChangeFeed.OpenReceipt o : feed.openInShop(key.accountId(), s)) {
        out.add(ApiJson.receipt(o.view(), names.get(o.view().ownerUserId())));
      }
    }
    ctx.json(Map.of("receipts", out));
  }

  private void receipt(Context ctx) {
    ApiKeys.Key key = ApiAuth.require(ctx, "receipts:read");
    String id = ctx.pathParam("id");
    ReceiptView r = feed.latest(key.accountId(), id).filter(v -> ApiParams.sees(key, v.shopId()))
        .orElseThrow(() -> Problem.notFound("receipt", id));
    Map<String, Object> body = new LinkedHashMap<>(ApiJson.receipt(r, waiters(key.accountId()).get(r.ownerUserId())));
    body.put("audit", audit.trail(key.accountId(), id).stream().map(ApiJson::audit).toList());
    ctx.json(body);
  }

  private Map<Long, String> waiters(long accountId) {
    return db.read(h -> Users.names(h, accountId)).stream()
        .collect(Collectors.toMap(Users.Name::id, Users.Name::name, (a, b) -> a));
  }
}
