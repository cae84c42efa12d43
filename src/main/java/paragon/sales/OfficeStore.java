package paragon.sales;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import paragon.receipts.DefaultName;
import paragon.receipts.ReceiptView;
import paragon.storage.Database;
import paragon.web.Problem;

/**
 * What the back office reads about receipts and sales. Every query is scoped by the account; an id
 * of another account is "not found". A receipt's current state is the payload of its latest change
 * row (the {@link ReceiptView} the receipt service wrote), so amounts are the server's, never
 * recomputed here.
 */
final class OfficeStore {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  record Named(long id, String name) {}

  /** An open receipt and the terminal that last changed it (null before any audited change). */
  record Open(ReceiptView view, Long lastDeviceId) {}

  record AuditEntry(long at, long deviceId, long userId, String userName, String type, String summary, long seq) {}

  /** {@code name}: in the account's language; {@code defaultName}: to render in the reader's (null: show name). */
  record Sale(String id, long shopId, long deviceId, long userId, long ownerUserId, String name,
      DefaultName defaultName, long total, long tendered, long change, long closedAt) {}

  record Payment(String saleId, String method, long amount, long tendered) {}

  /** Filters of the sales list: a day [from, to) in epoch ms, and optionally a shop, a user, a method. */
  record SalesQuery(long from, long to, Long shopId, Long userId, String method) {}

  private final Database db;

  OfficeStore(Database db) {
    this.db = db;
  }

  List<Named> shops(long accountId) {
    return db.read(h -> h.createQuery("SELECT id, name FROM shops WHERE account_id = :a ORDER BY name, id")
        .bind("a", accountId).map((rs, ctx) -> new Named(rs.getLong("id"), rs.getString("name"))).list());
  }

  List<Named> users(long accountId) {
    return db.read(h -> h.createQuery("SELECT id, name FROM users WHERE account_id = :a ORDER BY name, id")
        .bind("a", accountId).map((rs, ctx) -> new Named(rs.getLong("id"), rs.getString("name"))).list());
  }

  Map<Long, String> userNames(long accountId) {
    return names(users(accountId));
  }

  Map<Long, String> deviceNames(long accountId) {
    return names(db.read(h -> h.createQuery("SELECT id, name FROM devices WHERE account_id = :a")
        .bind("a", accountId).map((rs, ctx) -> new Named(rs.getLong("id"), rs.getString("name"))).list()));
  }

  /** The shop, or 404 when it is not this account's. */
  Named shop(long accountId, long shopId) {
    return shops(accountId).stream().filter(s -> s.id() == shopId).findFirst()
        .orElseThrow(() -> Problem.notFound("shop " + shopId));
  }

  /** The user, or 404 when it is not this account's. */
  Named user(long accountId, long userId) {
    return users(accountId).stream().filter(u -> u.id() == userId).findFirst()
        .orElseThrow(() -> Problem.notFound("user " + userId));
  }

  /** The open (and paying) receipts of a shop, oldest first, whichever space they are in. */
  List<Open> open(long accountId, long shopId) {
    return db.read(h -> h.createQuery("""
            SELECT c.payload,
                   (SELECT ra.device_id FROM receipt_audit ra
                    WHERE ra.account_id = r.account_id AND ra.receipt_id = r.id
                    ORDER BY ra.id DESC LIMIT 1) AS last_device
            FROM receipts r
            JOIN changes c ON c.account_id = r.account_id AND c.space = r.space AND c.seq = r.seq
            WHERE r.account_id = :a AND r.shop_id = :shop AND r.state IN ('OPEN', 'PAYING')
            ORDER BY r.created_at, r.id""")
        .bind("a", accountId).bind("shop", shopId)
        .map((rs, ctx) -> new Open(view(rs.getString("payload")), (Long) rs.getObject("last_device", Long.class)))
        .list());
  }

  /** A receipt of this account in its latest state, any state; 404 otherwise. */
  ReceiptView receipt(long accountId, String receiptId) {
    return find(accountId, receiptId).orElseThrow(() -> Problem.notFound("receipt " + receiptId));
  }

  /** A receipt of this account in its latest state, any state, if there is one. */
  java.util.Optional<ReceiptView> find(long accountId, String receiptId) {
    return db.read(h -> h.createQuery("""
            SELECT c.payload FROM receipts r
            JOIN changes c ON c.account_id = r.account_id AND c.space = r.space AND c.seq = r.seq
            WHERE r.account_id = :a AND r.id = :id""")
        .bind("a", accountId).bind("id", receiptId).mapTo(String.class).findOne().map(OfficeStore::view));
  }

  List<AuditEntry> audit(long accountId, String receiptId) {
    return db.read(h -> h.createQuery("""
            SELECT created_at, device_id, user_id, user_name, type, summary, seq FROM receipt_audit
            WHERE account_id = :a AND receipt_id = :id ORDER BY id""")
        .bind("a", accountId).bind("id", receiptId)
        .map((rs, ctx) -> new AuditEntry(rs.getLong("created_at"), rs.getLong("device_id"), rs.getLong("user_id"),
            rs.getString("user_name"), rs.getString("type"), rs.getString("summary"), rs.getLong("seq")))
        .list());
  }

  /** Sales matching the filters, newest first, at most {@code limit}. */
  List<Sale> sales(long accountId, SalesQuery q, int limit) {
    return db.read(h -> {
      StringBuilder sql = new StringBuilder("""
          SELECT s.id, s.shop_id, s.device_id, s.user_id, s.owner_user_id, s.name, s.total, s.tendered,
                 s.change_given, s.closed_at, r.default_name
          FROM sales s LEFT JOIN receipts r ON r.account_id = s.account_id AND r.id = s.id
          WHERE s.account_id = :a AND s.closed_at >= :from AND s.closed_at < :to""");
      if (q.shopId() != null) sql.append(" AND s.shop_id = :shop");
      if (q.userId() != null) sql.append(" AND s.user_id = :user");
      if (q.method() != null) {
        sql.append(" AND EXISTS (SELECT 1 FROM payments p WHERE p.account_id = s.account_id AND p.sale_id = s.id"
            + " AND p.method = :method)");
      }
      sql.append(" ORDER BY s.closed_at DESC, s.id LIMIT :limit");
      var query = h.createQuery(sql.toString()).bind("a", accountId).bind("from", q.from()).bind("to", q.to())
          .bind("limit", limit);
      if (q.shopId() != null) query.bind("shop", q.shopId());
      if (q.userId() != null) query.bind("user", q.userId());
      if (q.method() != null) query.bind("method", q.method());
      return query.map((rs, ctx) -> new Sale(rs.getString("id"), rs.getLong("shop_id"), rs.getLong("device_id"),
          rs.getLong("user_id"), rs.getLong("owner_user_id"), rs.getString("name"),
          defaultName(rs.getString("default_name")), rs.getLong("total"),
          rs.getLong("tendered"), rs.getLong("change_given"), rs.getLong("closed_at"))).list();
    });
  }

  /** The payments of these sales, by sale id, in tender order. */
  Map<String, List<Payment>> payments(long accountId, List<String> saleIds) {
    Map<String, List<Payment>> out = new LinkedHashMap<>();
    if (saleIds.isEmpty()) return out;
    db.read(h -> paymentsOf(h, accountId, saleIds)).forEach(p -> out.computeIfAbsent(p.saleId(), k -> new ArrayList<>()).add(p));
    return out;
  }

  private static List<Payment> paymentsOf(Handle h, long accountId, List<String> saleIds) {
    return h.createQuery("""
            SELECT sale_id, method, amount, tendered FROM payments
            WHERE account_id = :a AND sale_id IN (<ids>) ORDER BY sale_id, position""")
        .bind("a", accountId).bindList("ids", saleIds)
        .map((rs, ctx) -> new Payment(rs.getString("sale_id"), rs.getString("method"), rs.getLong("amount"),
            rs.getLong("tendered")))
        .list();
  }

  private static Map<Long, String> names(List<Named> list) {
    Map<Long, String> out = new LinkedHashMap<>();
    list.forEach(n -> out.put(n.id(), n.name()));
    return out;
  }

  static DefaultName defaultName(String json) {
    if (json == null) return null;
    try {
      return JSON.readValue(json, DefaultName.class);
    } catch (IOException e) {
      throw new IllegalStateException("a receipt's default name is not readable: " + json, e);
    }
  }

  static ReceiptView view(String payload) {
    try {
      return JSON.readValue(payload, ReceiptView.class);
    } catch (IOException e) {
      throw new IllegalStateException("a change payload is not a ReceiptView", e);
    }
  }
}
