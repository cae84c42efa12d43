package paragon.webhooks;

import java.util.List;
import paragon.storage.Database;

/**
 * The outbox rows (table {@code webhook_deliveries}): claimed with a lease, then settled. Every
 * update after a send names the lease it was sent under, so a node whose lease ran out (and whose
 * delivery another node took over) changes nothing.
 */
final class Deliveries {
  /** A delivery claimed for sending: its subscription's URL and secret come with it. */
  record Claimed(long id, String eventId, String body, int attempts, long windowStart, long lease, String url,
      String secret) {}

  /** A delivery as the back office lists it. */
  record Row(long id, long subscriptionId, String eventId, String type, String status, int attempts,
      Integer lastStatus, String lastError, long nextAttemptAt, long createdAt, Long deliveredAt) {}

  static final int CLAIM = 10;
  private final Database db;

  Deliveries(Database db) {
    this.db = db;
  }

  /**
   * Claims up to {@link #CLAIM} due deliveries until {@code leaseUntil}: one UPDATE whose condition is
   * evaluated again on each locked row, so of two nodes claiming at once only one gets a row.
   */
  List<Claimed> claim(long now, long leaseUntil) {
    return db.inTransaction(h -> {
      List<Long> ids = h.createQuery("""
              UPDATE webhook_deliveries SET lease_until = :lease, attempts = attempts + 1
              WHERE id IN (SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= :now
                             AND (lease_until IS NULL OR lease_until < :now) ORDER BY next_attempt_at, id LIMIT :n)
                AND status = 'pending' AND (lease_until IS NULL OR lease_until < :now)
              RETURNING id""")
          .bind("lease", leaseUntil).bind("now", now).bind("n", CLAIM)
          .mapTo(Long.class).list();
      if (ids.isEmpty()) return List.of();
      return h.createQuery("""
              SELECT d.id, d.event_id, d.body, d.attempts, d.window_start, d.lease_until, s.url, s.secret
              FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
              WHERE d.id IN (<ids>) AND d.lease_until = :lease ORDER BY d.id""")
          .bindList("ids", ids).bind("lease", leaseUntil)
          .map((rs, ctx) -> new Claimed(rs.getLong("id"), rs.getString("event_id"), rs.getString("body"),
              rs.getInt("attempts"), rs.getLong("window_start"), rs.getLong("lease_until"), rs.getString("url"),
              rs.getString("secret")))
          .list();
    });
  }

  void delivered(Claimed c, int status, long now) {
    db.inTransaction(h -> h.createUpdate("""
            UPDATE webhook_deliveries SET status = 'delivered', lease_until = NULL, last_status = :code,
              last_error = NULL, delivered_at = :now WHERE id = :id AND lease_until = :lease""")
        .bind("code", status).bind("now", now).bind("id", c.id()).bind("lease", c.lease()).execute());
  }

  /** A failed attempt: retried at {@code nextAttemptAt}, or marked failed when that is past its window. */
  void attemptFailed(Claimed c, Integer status, String error, long nextAttemptAt, boolean giveUp) {
    db.inTransaction(h -> h.createUpdate("""
            UPDATE webhook_deliveries SET status = :st, lease_until = NULL, last_status = :code, last_error = :err,
              next_attempt_at = :next WHERE id = :id AND lease_until = :lease""")
        .bind("st", giveUp ? "failed" : "pending").bind("code", status).bind("err", error)
        .bind("next", nextAttemptAt).bind("id", c.id()).bind("lease", c.lease()).execute());
  }

  /** "Send again": due now, with a new 24 h window; false when the account has no such delivery. */
  boolean resend(long accountId, long id, long now) {
    return db.inTransaction(h -> h.createUpdate("""
            UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = :now, window_start = :now,
              lease_until = NULL WHERE account_id = :a AND id = :id""")
        .bind("now", now).bind("a", accountId).bind("id", id).execute() > 0);
  }

  List<Row> list(long accountId, int limit) {
    return db.read(h -> h.createQuery("""
            SELECT id, subscription_id, event_id, type, status, attempts, last_status, last_error, next_attempt_at,
              created_at, delivered_at FROM webhook_deliveries WHERE account_id = :a ORDER BY id DESC LIMIT :n""")
        .bind("a", accountId).bind("n", limit)
        .map((rs, ctx) -> {
          int code = rs.getInt("last_status");
          Integer lastStatus = rs.wasNull() ? null : code;
          long at = rs.getLong("delivered_at");
          Long deliveredAt = rs.wasNull() ? null : at;
          return new Row(rs.getLong("id"), rs.getLong("subscription_id"), rs.getString("event_id"),
              rs.getString("type"), rs.getString("status"), rs.getInt("attempts"), lastStatus,
              rs.getString("last_error"), rs.getLong("next_attempt_at"), rs.getLong("created_at"), deliveredAt);
        })
        .list());
  }
}
