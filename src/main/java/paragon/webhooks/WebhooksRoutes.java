package paragon.webhooks;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import paragon.accounts.BackOfficeAuth;
import paragon.accounts.Shops;
import paragon.storage.Database;
import paragon.web.PageContext;
import paragon.web.Pages;
import paragon.web.Problem;

/**
 * Settings -> Webhooks (docs/api.md, "Webhooks"): the account's subscriptions (URL, events, optionally
 * one shop; the secret shown once, on creation), and the latest deliveries with their status and
 * "send again".
 */
public final class WebhooksRoutes {
  static final int LIMIT = 200;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);

  private final Database db;
  private final Subscriptions subscriptions;
  private final Deliveries deliveries;
  private final WebhookSettings settings;
  private final Clock clock;

  private WebhooksRoutes(Database db, Subscriptions subscriptions, WebhookSettings settings, Clock clock) {
    this.db = db;
    this.subscriptions = subscriptions;
    this.deliveries = new Deliveries(db);
    this.settings = settings;
    this.clock = clock;
  }

  public static void register(RoutesConfig routes, Database db, Subscriptions subscriptions, WebhookSettings settings,
      Clock clock) {
    WebhooksRoutes r = new WebhooksRoutes(db, subscriptions, settings, clock);
    routes.get("/backoffice/webhooks", r::page);
    routes.post("/backoffice/webhooks", r::create);
    routes.post("/backoffice/webhooks/{id}/delete", r::delete);
    routes.post("/backoffice/webhooks/deliveries/{id}/resend", r::resend);
  }

  public record Choice(long id, String name) {}

  public record Sub(long id, String url, String events, String shop) {}

  /** A delivery's row; {@code next}: when it is tried again (pending only), else empty. */
  public record Row(long id, String eventId, String type, String status, int attempts, String lastStatus,
      String lastError, String next, String created) {}

  /** {@code secret}: shown once, right after a subscription was created; {@code field}: the refused field. */
  public record Page(PageContext page, List<String> types, List<Choice> shops, List<Sub> subscriptions,
      List<Row> deliveries, String secret, String notice, String error, String field, String url) {}

  private void page(Context ctx) {
    show(ctx, null, ctx.queryParam("resent") != null ? "webhooks.resent"
        : ctx.queryParam("deleted") != null ? "webhooks.deleted" : null, null, null, "");
  }

  private void show(Context ctx, String secret, String notice, String error, String field, String url) {
    long accountId = BackOfficeAuth.admin(ctx).accountId();
    List<Shops.Shop> shops = db.read(h -> Shops.list(h, accountId));
    List<Choice> choices = shops.stream().filter(s -> !s.archived()).map(s -> new Choice(s.id(), s.name())).toList();
    List<Sub> subs = new ArrayList<>();
    for (Subscriptions.Subscription s : subscriptions.list(accountId)) {
      String shop = s.shopId() == null ? "" : shops.stream().filter(x -> x.id() == s.shopId()).map(Shops.Shop::name)
          .findFirst().orElse("#" + s.shopId());
      subs.add(new Sub(s.id(), s.url(), String.join(", ", s.events()), shop));
    }
    List<Row> rows = deliveries.list(accountId, LIMIT).stream().map(d -> new Row(d.id(), d.eventId(), d.type(),
        d.status(), d.attempts(), d.lastStatus() == null ? "" : String.valueOf(d.lastStatus()),
        d.lastError() == null ? "" : d.lastError(), d.status().equals("pending") ? WHEN.format(
            java.time.Instant.ofEpochMilli(d.nextAttemptAt())) : "", WHEN.format(java.time.Instant.ofEpochMilli(
            d.createdAt())))).toList();
    Pages.show(ctx, "backoffice/webhooks.jte", new Page(PageContext.of(ctx), WebhookRules.TYPES, choices, subs, rows,
        secret, notice, error, field, url));
  }

  private void create(Context ctx) {
    BackOfficeAuth.Admin admin = BackOfficeAuth.admin(ctx);
    String url = ctx.formParam("url") == null ? "" : ctx.formParam("url").strip();
    List<String> events = ctx.formParams("events").stream().distinct().toList();
    String problem = WebhookRules.urlProblem(url, settings.allowHttpLocalhost());
    String field = "url";
    if (problem == null && (events.isEmpty() || !WebhookRules.TYPES.containsAll(events))) {
      problem = "webhooks.events.invalid";
      field = "events";
    }
    Long shopId = null;
    String rawShop = ctx.formParam("shop");
    if (problem == null && rawShop != null && !rawShop.isBlank()) {
      try {
        long id = Long.parseLong(rawShop.strip());
        db.read(h -> Shops.find(h, admin.accountId(), id));
        shopId = id;
      } catch (NumberFormatException e) {
        problem = "webhooks.shop.invalid";
        field = "shop";
      }
    }
    if (problem != null) {
      ctx.status(HttpStatus.BAD_REQUEST);
      show(ctx, null, null, problem, field, url);
      return;
    }
    String secret = subscriptions.create(admin.accountId(), url, events, shopId, admin.email());
    ctx.status(HttpStatus.CREATED);
    show(ctx, secret, "webhooks.created", null, null, "");
  }

  private void delete(Context ctx) {
    long accountId = BackOfficeAuth.admin(ctx).accountId();
    if (!subscriptions.delete(accountId, id(ctx))) throw Problem.notFound("webhook", ctx.pathParam("id"));
    ctx.redirect("/backoffice/webhooks?deleted", HttpStatus.SEE_OTHER);
  }

  private void resend(Context ctx) {
    long accountId = BackOfficeAuth.admin(ctx).accountId();
    if (!deliveries.resend(accountId, id(ctx), clock.millis())) {
      throw Problem.notFound("webhook delivery", ctx.pathParam("id"));
    }
    ctx.redirect("/backoffice/webhooks?resent", HttpStatus.SEE_OTHER);
  }

  private static long id(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw Problem.notFound("webhook", ctx.pathParam("id"));
    }
  }
}
