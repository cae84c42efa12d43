package paragon.receipts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import paragon.storage.Database;
import paragon.web.Json;

/**
 * The day closes kept in {@code day_closes} (written by {@link SaleRecords#dayClose}), read by the back
 * office's day close pages. Every query is scoped by the account; another account's close is absent.
 */
public final class DayCloses {
  /** {@code shopId}: the device's shop at the close; {@code report}: null for a close made before V43. */
  public record Closed(long id, long deviceId, Long shopId, long userId, long sales, long total, long at,
      DayReport report) {}

  /** Closes made in [from, to) epoch ms, optionally of one shop and one device. */
  public record Query(long from, long to, Long shopId, Long deviceId) {}

  private static final String COLUMNS = "id, device_id, shop_id, user_id, sales, total, created_at, report";

  private final Database db;

  public DayCloses(Database db) {
    this.db = db;
  }

  /** The closes matching {@code q}, newest first, at most {@code limit}. */
  public List<Closed> find(long accountId, Query q, int limit) {
    return db.read(h -> {
      StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM day_closes"
          + " WHERE account_id = :a AND created_at >= :from AND created_at < :to");
      if (q.shopId() != null) sql.append(" AND shop_id = :shop");
      if (q.deviceId() != null) sql.append(" AND device_id = :device");
      sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
      var query = h.createQuery(sql.toString()).bind("a", accountId).bind("from", q.from()).bind("to", q.to())
          .bind("limit", limit);
      if (q.shopId() != null) query.bind("shop", q.shopId());
      if (q.deviceId() != null) query.bind("device", q.deviceId());
      return query.map((rs, ctx) -> closed(rs)).list();
    });
  }

  /** One close of this account, if there is one. */
  public Optional<Closed> find(long accountId, long id) {
    return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM day_closes WHERE account_id = :a AND id = :id")
        .bind("a", accountId).bind("id", id).map((rs, ctx) -> closed(rs)).findOne());
  }

  private static Closed closed(ResultSet rs) throws SQLException {
    String report = rs.getString("report");
    long id = rs.getLong("id");
    return new Closed(id, rs.getLong("device_id"), ReceiptStore.longOrNull(rs, "shop_id"), rs.getLong("user_id"),
        rs.getLong("sales"), rs.getLong("total"), rs.getLong("created_at"),
        report == null ? null : Json.read(report, DayReport.class, "the report of day close " + id));
  }
}
