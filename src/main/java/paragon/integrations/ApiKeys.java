package paragon.integrations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import paragon.storage.Database;
import paragon.sync.StreamKeys;
import paragon.web.Tokens;

/**
 * The account's API keys (docs/api.md, "API keys"): created and revoked in the back office, presented
 * as {@code Authorization: Bearer <secret>} on {@code /api/v1}. Only the secret's SHA-256 is kept
 * ({@link Tokens}: 256 random bits); the secret is answered once, by {@link #create}.
 *
 * <p>Revocation is effective at once on every node: {@link #authenticate} reads the key's row on each
 * request (one indexed SELECT by hash), there is no cache to forget; a key's live streams are closed by
 * {@code Cutoffs.apiKeyRevoked}, fired by the back office after the revoking commit. {@code last_used_at} is written
 * at most once a {@link #TOUCH_MILLIS}, so a busy key costs no write per request.
 */
public final class ApiKeys {
  /** The scopes a key can carry, in the order the back office lists them. */
  public static final List<String> SCOPES = List.of("receipts:read", "sales:read", "catalog:read", "catalog:write",
      "webhooks");
  static final String PREFIX = "pgk_";
  static final long TOUCH_MILLIS = 60_000;
  static final int NAME_MAX = 40;

  /** An authenticated key: what a request may see ({@code shopId} null = every shop of the account). */
  public record Key(long id, long accountId, String name, List<String> scopes, Long shopId) {
    public boolean has(String scope) {
      return scopes.contains(scope);
    }
  }

  /** A key as the back office lists it; times epoch ms, {@code revokedAt}/{@code lastUsedAt} null when never. */
  public record Listed(long id, String name, List<String> scopes, Long shopId, long createdAt, String createdBy,
      Long revokedAt, String revokedBy, Long lastUsedAt) {}

  private static final String COLUMNS = "id, account_id, name, scopes, shop_id, created_at, created_by, revoked_at,"
      + " revoked_by, last_used_at";

  private final Database db;
  private final Clock clock;

  public ApiKeys(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The live (not revoked) key whose secret this is, and marks it used; empty for any other string. */
  public Optional<Key> authenticate(String secret) {
    if (secret == null || !secret.startsWith(PREFIX)) return Optional.empty();
    String hash = Tokens.hash(secret);
    long now = clock.millis();
    Optional<Found> found = db.read(h -> h.createQuery("SELECT " + COLUMNS
            + " FROM api_keys WHERE secret_hash = :h AND revoked_at IS NULL")
        .bind("h", hash).map((rs, ctx) -> new Found(rs.getLong("account_id"), listed(rs))).findOne());
    if (found.isEmpty()) return Optional.empty();
    Listed k = found.get().key();
    if (k.lastUsedAt() == null || now - k.lastUsedAt() >= TOUCH_MILLIS || now < k.lastUsedAt()) {
      db.inTransaction(h -> h.createUpdate("UPDATE api_keys SET last_used_at = :now WHERE id = :id")
          .bind("now", now).bind("id", k.id()).execute());
    }
    return Optional.of(new Key(k.id(), found.get().accountId(), k.name(), k.scopes(), k.shopId()));
  }

  private record Found(long accountId, Listed key) {}

  /** Whether key {@code id} is still live (not revoked): asked again by a long-lived stream. */
  public boolean live(long id) {
    return db.read(h -> h.createQuery("SELECT COUNT(*) FROM api_keys WHERE id = :id AND revoked_at IS NULL")
        .bind("id", id).mapTo(Long.class).one()) > 0;
  }

  /** Which of {@code ids} are live keys, in one read (the stream's periodic check). */
  public Set<Long> live(Collection<Long> ids) {
    if (ids.isEmpty()) return Set.of();
    return Set.copyOf(db.read(h -> h.createQuery("SELECT id FROM api_keys WHERE id IN (<ids>) AND revoked_at IS NULL")
        .bindList("ids", List.copyOf(ids)).mapTo(Long.class).list()));
  }

  /** These keys as the terminals' stream takes them for an integrator's read-only stream (docs/api.md, "Live"). */
  public StreamKeys forStream() {
    return new StreamKeys() {
      @Override
      public Optional<StreamKeys.Key> authenticate(String secret) {
        return ApiKeys.this.authenticate(secret)
            .map(k -> new StreamKeys.Key(k.id(), k.accountId(), k.has("receipts:read"), k.shopId()));
      }

      @Override
      public Set<Long> live(Collection<Long> ids) {
        return ApiKeys.this.live(ids);
      }
    };
  }

  public List<Listed> list(long accountId) {
    return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE account_id = :a ORDER BY id DESC")
        .bind("a", accountId).map((rs, ctx) -> listed(rs)).list());
  }

  /** Creates a key (already validated by {@link ApiKeyRules}) and answers its secret: the only time it is shown. */
  String create(long accountId, ApiKeyRules.Valid v, String author) {
    String secret = PREFIX + Tokens.fresh();
    db.inTransaction(h -> h.createUpdate("""
            INSERT INTO api_keys (account_id, name, scopes, shop_id, secret_hash, created_at, created_by)
            VALUES (:a, :name, :scopes, :shop, :hash, :now, :by)""")
        .bind("a", accountId).bind("name", v.name()).bind("scopes", "," + String.join(",", v.scopes()) + ",")
        .bind("shop", v.shopId()).bind("hash", Tokens.hash(secret)).bind("now", clock.millis()).bind("by", author)
        .execute());
    return secret;
  }

  /** Revokes the key; false when the account has no such live key. */
  boolean revoke(long accountId, long id, String author) {
    return db.inTransaction(h -> h.createUpdate("""
            UPDATE api_keys SET revoked_at = :now, revoked_by = :by
            WHERE account_id = :a AND id = :id AND revoked_at IS NULL""")
        .bind("now", clock.millis()).bind("by", author).bind("a", accountId).bind("id", id).execute() > 0);
  }

  private static Listed listed(ResultSet rs) throws SQLException {
    long shop = rs.getLong("shop_id");
    Long shopId = rs.wasNull() ? null : shop;
    long revoked = rs.getLong("revoked_at");
    Long revokedAt = rs.wasNull() ? null : revoked;
    long used = rs.getLong("last_used_at");
    Long lastUsedAt = rs.wasNull() ? null : used;
    List<String> scopes = List.of(rs.getString("scopes").split(",")).stream().filter(s -> !s.isEmpty()).toList();
    return new Listed(rs.getLong("id"), rs.getString("name"), scopes, shopId, rs.getLong("created_at"),
        rs.getString("created_by"), revokedAt, rs.getString("revoked_by"), lastUsedAt);
  }
}
