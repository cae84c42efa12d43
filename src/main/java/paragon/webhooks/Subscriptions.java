package paragon.webhooks;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import paragon.storage.Database;
import paragon.storage.Events;
import paragon.web.Json;

/**
 * The account's webhook subscriptions, and the {@link Events.Sink} that turns an event into outbox rows.
 *
 * <p>The command path stays cheap: the types an account subscribed to are cached per account (read
 * once, on the event's own handle); an event nobody subscribed to costs no statement, one that
 * somebody did costs ONE {@code INSERT ... SELECT} (a row per matching subscription). A change here
 * forgets the account at once; another node's cache forgets after {@link #TTL_MILLIS}.
 */
public final class Subscriptions implements Events.Sink {
  static final long TTL_MILLIS = 10_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  public record Subscription(long id, String url, List<String> events, Long shopId, long createdAt) {}

  private record Cached(Set<String> types, long at) {}

  private final Database db;
  private final Clock clock;
  /** Types subscribed per account; entries replaced whole, never mutated. */
  private final Map<Long, Cached> types = new ConcurrentHashMap<>();

  public Subscriptions(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public void emit(Handle h, long accountId, Long shopId, String type, Map<String, Object> data, long now) {
    if (!subscribed(h, accountId).contains(type)) return;
    Map<String, Object> body = new LinkedHashMap<>();
    String eventId = UUID.randomUUID().toString();
    body.put("id", eventId);
    body.put("type", type);
    body.put("createdAt", Instant.ofEpochMilli(now).toString());
    body.put("accountId", accountId);
    body.put("shopId", shopId);
    body.put("data", data);
    h.createUpdate("""
            INSERT INTO webhook_deliveries (account_id, subscription_id, event_id, type, body, status, attempts,
              next_attempt_at, window_start, created_at)
            SELECT account_id, id, :e, :type, :body, 'pending', 0, :now, :now, :now FROM webhook_subscriptions
            WHERE account_id = :a AND events LIKE :like AND (shop_id IS NULL OR shop_id = :s)""")
        .bind("e", eventId).bind("type", type).bind("body", Json.write(body)).bind("now", now)
        .bind("a", accountId).bind("like", "%," + type + ",%").bind("s", shopId == null ? -1L : shopId)
        .execute();
  }

  private Set<String> subscribed(Handle h, long accountId) {
    long now = clock.millis();
    Cached c = types.get(accountId);
    if (c != null && now - c.at() < TTL_MILLIS && now >= c.at()) return c.types();
    Set<String> found = h.createQuery("SELECT events FROM webhook_subscriptions WHERE account_id = :a")
        .bind("a", accountId).mapTo(String.class).stream()
        .flatMap(e -> List.of(e.split(",")).stream()).filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
    types.put(accountId, new Cached(found, now));
    return found;
  }

  public List<Subscription> list(long accountId) {
    return list(accountId, null);
  }

  /** Every subscription of the account ({@code apiKeyId} null), or those of one API key. */
  private List<Subscription> list(long accountId, Long apiKeyId) {
    return db.read(h -> {
      var query = h.createQuery("SELECT id, url, events, shop_id, created_at FROM webhook_subscriptions"
          + " WHERE account_id = :a" + (apiKeyId == null ? "" : " AND api_key_id = :k") + " ORDER BY id")
          .bind("a", accountId);
      if (apiKeyId != null) query.bind("k", apiKeyId);
      return query.map((rs, ctx) -> {
          long shop = rs.getLong("shop_id");
          Long shopId = rs.wasNull() ? null : shop;
          return new Subscription(rs.getLong("id"), rs.getString("url"),
              List.of(rs.getString("events").split(",")).stream().filter(s -> !s.isEmpty()).toList(), shopId,
              rs.getLong("created_at"));
        })
        .list();
    });
  }

  /** Creates a subscription (already validated) and answers its secret: the only time it is shown. */
  String create(long accountId, String url, List<String> events, Long shopId, String author) {
    return create(accountId, null, url, events, shopId, author).secret();
  }

  /** A new subscription's id and its secret (shown once). */
  public record Created(long id, String secret) {}

  /**
   * Creates a subscription of API key {@code apiKeyId} (null: the back office's), already validated
   * ({@link WebhookRules#urlProblem}, {@link WebhookRules#TYPES}).
   */
  public Created create(long accountId, Long apiKeyId, String url, List<String> events, Long shopId, String author) {
    String secret = "whsec_" + HexFormat.of().formatHex(bytes());
    long id = db.inTransaction(h -> h.createQuery("""
            INSERT INTO webhook_subscriptions (account_id, api_key_id, url, events, shop_id, secret, created_at,
              created_by) VALUES (:a, :k, :url, :events, :s, :secret, :now, :by) RETURNING id""")
        .bind("a", accountId).bind("k", apiKeyId).bind("url", url).bind("events", "," + String.join(",", events) + ",")
        .bind("s", shopId).bind("secret", secret).bind("now", clock.millis()).bind("by", author)
        .mapTo(Long.class).one());
    types.remove(accountId);
    return new Created(id, secret);
  }

  /** The subscriptions made with API key {@code apiKeyId}. */
  public List<Subscription> listOfKey(long accountId, long apiKeyId) {
    return list(accountId, apiKeyId);
  }

  /** Deletes a subscription of API key {@code apiKeyId}; false when that key has no such subscription. */
  public boolean deleteOfKey(long accountId, long apiKeyId, long id) {
    boolean ours = list(accountId, apiKeyId).stream().anyMatch(s -> s.id() == id);
    return ours && delete(accountId, id);
  }

  /** Deletes every subscription of API key {@code apiKeyId} (the key was revoked: nothing is sent for it any more). */
  public void deleteAllOfKey(long accountId, long apiKeyId) {
    for (Subscription s : list(accountId, apiKeyId)) delete(accountId, s.id());
  }

  /** Deletes the subscription and its deliveries; false when the account has no such subscription. */
  boolean delete(long accountId, long id) {
    boolean deleted = db.inTransaction(h -> {
      h.createUpdate("DELETE FROM webhook_deliveries WHERE account_id = :a AND subscription_id = :id")
          .bind("a", accountId).bind("id", id).execute();
      return h.createUpdate("DELETE FROM webhook_subscriptions WHERE account_id = :a AND id = :id")
          .bind("a", accountId).bind("id", id).execute() > 0;
    });
    types.remove(accountId);
    return deleted;
  }

  private static byte[] bytes() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return b;
  }
}
