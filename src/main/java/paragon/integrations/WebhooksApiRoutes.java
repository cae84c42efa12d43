package paragon.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import paragon.accounts.Shops;
import paragon.storage.Database;
import paragon.web.Problem;
import paragon.webhooks.Subscriptions;
import paragon.webhooks.WebhookRules;
import paragon.webhooks.WebhookSettings;

/**
 * {@code /api/v1/webhooks} with scope {@code webhooks} (docs/api.md, "Webhook subscriptions"): a key's
 * own subscriptions (the reserved {@code api_key_id} of V51), made, listed and deleted by the key;
 * delivered, signed and retried like the back office's. A key sees only the subscriptions it made; a
 * key limited to a shop subscribes to that shop's events only. Revoking the key deletes them.
 */
public final class WebhooksApiRoutes {
  private static final ObjectMapper READER = new ObjectMapper();

  private final Database db;
  private final Subscriptions subscriptions;
  private final WebhookSettings settings;

  private WebhooksApiRoutes(Database db, Subscriptions subscriptions, WebhookSettings settings) {
    this.db = db;
    this.subscriptions = subscriptions;
    this.settings = settings;
  }

  public static void register(RoutesConfig routes, Database db, Subscriptions subscriptions, WebhookSettings settings) {
    WebhooksApiRoutes r = new WebhooksApiRoutes(db, subscriptions, settings);
    routes.get("/api/v1/webhooks", r::list);
    routes.post("/api/v1/webhooks", r::create);
    routes.delete("/api/v1/webhooks/{id}", r::delete);
  }

  private void list(Context ctx) {
    ApiKeys.Key key = ApiAuth.require(ctx, "webhooks");
    ctx.json(Map.of("webhooks", subscriptions.listOfKey(key.accountId(), key.id()).stream().map(s -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", s.id());
      m.put("url", s.url());
      m.put("events", s.events());
      m.put("shopId", s.shopId());
      m.put("createdAt", ApiParams.time(s.createdAt()));
      return m;
    }).toList()));
  }

  private void create(Context ctx) {
    ApiKeys.Key key = ApiAuth.require(ctx, "webhooks");
    JsonNode body;
    try {
      body = READER.readTree(ctx.body());
    } catch (IOException e) {
      throw Problem.invalid("body", "api.body.invalid");
    }
    if (body == null || !body.isObject()) throw Problem.invalid("body", "api.body.invalid");
    String url = body.path("url").isTextual() ? body.path("url").asText().strip() : null;
    String problem = WebhookRules.urlProblem(url, settings.allowHttpLocalhost());
    if (problem != null) throw Problem.invalid("url", problem);
    List<String> events = new ArrayList<>();
    if (!body.path("events").isArray()) throw Problem.invalid("events", "api.events.invalid");
    for (JsonNode e : body.path("events")) {
      if (!e.isTextual() || !WebhookRules.TYPES.contains(e.asText())) {
        throw Problem.invalid("events", "api.events.invalid");
      }
      if (!events.contains(e.asText())) events.add(e.asText());
    }
    if (events.isEmpty()) throw Problem.invalid("events", "api.events.invalid");
    Long shop = key.shopId();
    // shopId, as the answer and the catalog's shops name it; shop, its first name, is read the same.
    String shopField = body.has("shopId") ? "shopId" : "shop";
    JsonNode rawShop = body.path(shopField);
    if (!rawShop.isMissingNode() && !rawShop.isNull()) {
      if (!rawShop.canConvertToExactIntegral() || !rawShop.canConvertToLong()) {
        throw Problem.invalid(shopField, "api.shop.invalid");
      }
      long id = rawShop.asLong();
      if (!ApiParams.sees(key, id) || !db.read(h -> Shops.exists(h, key.accountId(), id))) {
        throw Problem.notFound("shop", id);
      }
      shop = id;
    }
    Subscriptions.Created created = subscriptions.create(key.accountId(), key.id(), url, events, shop,
        "API key " + key.id() + " (" + key.name() + ")");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", created.id());
    out.put("url", url);
    out.put("events", events);
    out.put("shopId", shop);
    out.put("secret", created.secret());
    ctx.status(HttpStatus.CREATED).json(out);
  }

  private void delete(Context ctx) {
    ApiKeys.Key key = ApiAuth.require(ctx, "webhooks");
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw Problem.notFound("webhook", ctx.pathParam("id"));
    }
    if (!subscriptions.deleteOfKey(key.accountId(), key.id(), id)) throw Problem.notFound("webhook", id);
    ctx.status(HttpStatus.NO_CONTENT);
  }
}
