package paragon.receipts;

import java.util.List;
import org.jdbi.v3.core.Handle;
import paragon.storage.Database;

/**
 * Attention items (V48): payments kept for the manager ({@link OfflineRules}); written in the paying
 * command's transaction, listed and resolved by the back office (package {@code sales}). Every query
 * is scoped by the account.
 */
public final class Attention {
  /**
   * An item as the back office shows it: {@code kind} CHANGED, PAID_TWICE, GONE or AMOUNT;
   * {@code saleId} the sale of the receipt (for PAID_TWICE the first payment); {@code amount} the cash
   * taken offline; {@code unsold} the part of it in no sale; {@code resolvedAt} null while open.
   */
  public record Item(String id, long shopId, String kind, String receiptId, String receiptName, String newReceiptId,
      String saleId, String method, long amount, long unsold, Long seenTotal, long deviceId, long userId,
      String userName, long paidAt, long createdAt, Long resolvedAt, String resolvedBy, String resolvedNote) {}

  private final Database db;

  public Attention(Database db) {
    this.db = db;
  }

  /** The open items of the account (of {@code shopId} when not null), oldest first, at most {@code limit}. */
  public List<Item> open(long accountId, Long shopId, int limit) {
    return db.read(h -> {
      var q = h.createQuery("SELECT * FROM attention_items WHERE account_id = :a AND resolved_at IS NULL"
              + (shopId == null ? "" : " AND shop_id = :shop") + " ORDER BY created_at, id LIMIT :limit")
          .bind("a", accountId).bind("limit", limit);
      if (shopId != null) q.bind("shop", shopId);
      return q.map((rs, ctx) -> item(rs)).list();
    });
  }

  /** The item, open or resolved, or null (another account's reads as absent). */
  public Item find(long accountId, String id) {
    return db.read(h -> h.createQuery("SELECT * FROM attention_items WHERE account_id = :a AND id = :id")
        .bind("a", accountId).bind("id", id).map((rs, ctx) -> item(rs)).findOne().orElse(null));
  }

  /**
   * Marks the open item resolved by {@code by} with {@code note}, and writes it in the receipt's
   * trail; false when there is no such open item (resolved already, or not this account's).
   */
  public boolean resolve(long accountId, String id, String by, String note, long now) {
    return db.inTransaction(h -> {
      int done = h.createUpdate("""
              UPDATE attention_items SET resolved_at = :now, resolved_by = :by, resolved_note = :note
              WHERE account_id = :a AND id = :id AND resolved_at IS NULL""")
          .bind("now", now).bind("by", by).bind("note", note).bind("a", accountId).bind("id", id).execute();
      if (done != 1) return false;
      String receiptId = h.createQuery("SELECT receipt_id FROM attention_items WHERE account_id = :a AND id = :id")
          .bind("a", accountId).bind("id", id).mapTo(String.class).one();
      String summary = paragon.web.Json.write(java.util.Map.of("type", "resolveAttention", "attentionId", id,
          "note", note));
      Audit.writeByDevice(h, accountId, 0, by, 0, "resolveAttention", summary, receiptId, 0, now);
      return true;
    });
  }

  static void write(Handle h, Actor a, long n, AttentionItem i, long shopId, long now) {
    h.createUpdate("""
            INSERT INTO attention_items (id, account_id, shop_id, kind, receipt_id, receipt_name, new_receipt_id,
              sale_id, method, amount, unsold, seen_total, device_id, n, user_id, user_name, paid_at, created_at)
            VALUES (:id, :a, :shop, :kind, :r, :name, :newR, :sale, 'CASH', :amount, :unsold, :seen, :d, :n, :u,
              :userName, :paidAt, :now)""")
        .bind("id", i.id()).bind("a", a.accountId()).bind("shop", shopId).bind("kind", i.kind().name())
        .bind("r", i.receiptId()).bind("name", i.receiptName()).bind("newR", i.newReceiptId())
        .bind("sale", i.saleId()).bind("amount", i.amount()).bind("unsold", i.unsold()).bind("seen", i.seenTotal())
        .bind("d", a.deviceId()).bind("n", n).bind("u", a.userId()).bind("userName", a.userName())
        .bind("paidAt", i.paidAt()).bind("now", now).execute();
  }

  private static Item item(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Item(rs.getString("id"), rs.getLong("shop_id"), rs.getString("kind"), rs.getString("receipt_id"),
        rs.getString("receipt_name"), rs.getString("new_receipt_id"), rs.getString("sale_id"), rs.getString("method"),
        rs.getLong("amount"), rs.getLong("unsold"), ReceiptStore.longOrNull(rs, "seen_total"), rs.getLong("device_id"),
        rs.getLong("user_id"), rs.getString("user_name"), rs.getLong("paid_at"), rs.getLong("created_at"),
        ReceiptStore.longOrNull(rs, "resolved_at"), rs.getString("resolved_by"), rs.getString("resolved_note"));
  }
}
