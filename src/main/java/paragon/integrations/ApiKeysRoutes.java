package paragon.integrations;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import paragon.accounts.BackOfficeAuth;
import paragon.accounts.Cutoffs;
import paragon.accounts.Shops;
import paragon.storage.Database;
import paragon.web.PageContext;
import paragon.web.Pages;
import paragon.web.Problem;
import paragon.webhooks.Subscriptions;

/**
 * Settings -> API keys (docs/api.md, "API keys"): the account's keys with their scopes, shop, who
 * created and revoked them and their last use; a new key's secret is shown once, on creation.
 */
public final class ApiKeysRoutes {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private final Database db;
  private final ApiKeys keys;
  private final Subscriptions webhooks;
  private final Cutoffs cutoffs;

  private ApiKeysRoutes(Database db, ApiKeys keys, Subscriptions webhooks, Cutoffs cutoffs) {
    this.db = db;
    this.keys = keys;
    this.webhooks = webhooks;
    this.cutoffs = cutoffs;
  }

  /** {@code cutoffs}: told after a key is revoked, so its live streams close at once on every node. */
  public static void register(RoutesConfig routes, Database db, ApiKeys keys, Subscriptions webhooks,
      Cutoffs cutoffs) {
    ApiKeysRoutes r = new ApiKeysRoutes(db, keys, webhooks, cutoffs);
    routes.get("/backoffice/api-keys", r::page);
    routes.post("/backoffice/api-keys", r::create);
    routes.post("/backoffice/api-keys/{id}/revoke", r::revoke);
  }

  public record Choice(long id, String name) {}

  /** A key's row; times formatted, empty when never; {@code revoked} empty while the key is live. */
  public record Row(long id, String name, String scopes, String shop, String created, String createdBy,
      String lastUsed, String revoked, String revokedBy) {}

  /** {@code secret}: shown once, right after a key was created; {@code field}: the refused field. */
  public record Page(PageContext page, List<String> scopes, List<Choice> shops, List<Row> keys, String secret,
      String notice, String error, String field, String name) {}

  private void page(Context ctx) {
    show(ctx, null, ctx.queryParam("revoked") != null ? "apikeys.revoked" : null, null, "");
  }

  private void show(Context ctx, String secret, String notice, ApiKeyRules.Refusal refusal, String name) {
    long accountId = BackOfficeAuth.admin(ctx).accountId();
    List<Shops.Shop> shops = db.read(h -> Shops.list(h, accountId));
    List<Choice> choices = shops.stream().filter(s -> !s.archived()).map(s -> new Choice(s.id(), s.name())).toList();
    List<Row> rows = keys.list(accountId).stream().map(k -> new Row(k.id(), k.name(), String.join(", ", k.scopes()),
        k.shopId() == null ? "" : shops.stream().filter(s -> s.id() == k.shopId()).map(Shops.Shop::name).findFirst()
            .orElse("#" + k.shopId()),
        when(k.createdAt()), k.createdBy(), k.lastUsedAt() == null ? "" : when(k.lastUsedAt()),
        k.revokedAt() == null ? "" : when(k.revokedAt()), k.revokedBy() == null ? "" : k.revokedBy())).toList();
    Pages.show(ctx, "backoffice/apiKeys.jte", new Page(PageContext.of(ctx), ApiKeys.SCOPES, choices, rows, secret,
        notice, refusal == null ? null : refusal.key(), refusal == null ? null : refusal.field(), name));
  }

  private void create(Context ctx) {
    BackOfficeAuth.Admin admin = BackOfficeAuth.admin(ctx);
    String name = ctx.formParam("name") == null ? "" : ctx.formParam("name");
    List<String> scopes = ctx.formParams("scopes").stream().distinct().toList();
    String shop = ctx.formParam("shop");
    ApiKeyRules.Refusal refusal = ApiKeyRules.check(name, scopes, shop);
    if (refusal == null) {
      ApiKeyRules.Valid v = ApiKeyRules.valid(name, scopes, shop);
      if (v.shopId() != null && !db.read(h -> Shops.exists(h, admin.accountId(), v.shopId()))) {
        refusal = new ApiKeyRules.Refusal("shop", "apikeys.shop.invalid");
      } else {
        String secret = keys.create(admin.accountId(), v, admin.email());
        ctx.status(HttpStatus.CREATED);
        show(ctx, secret, "apikeys.created", null, "");
        return;
      }
    }
    ctx.status(HttpStatus.BAD_REQUEST);
    show(ctx, null, null, refusal, name);
  }

  private void revoke(Context ctx) {
    BackOfficeAuth.Admin admin = BackOfficeAuth.admin(ctx);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw Problem.notFound("API key", ctx.pathParam("id"));
    }
    if (!keys.revoke(admin.accountId(), id, admin.email())) throw Problem.notFound("API key", id);
    cutoffs.apiKeyRevoked(admin.accountId(), id); // after the commit: its streams close now, on every node
    // Its webhook subscriptions go with it (their pending deliveries too): nothing is sent for a revoked key.
    webhooks.deleteAllOfKey(admin.accountId(), id);
    ctx.redirect("/backoffice/api-keys?revoked", HttpStatus.SEE_OTHER);
  }

  private static String when(long millis) {
    return WHEN.format(Instant.ofEpochMilli(millis));
  }
}
