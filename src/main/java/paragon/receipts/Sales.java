package paragon.receipts;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Sale records (a paid receipt), their tenders and VAT, and the day close per device. */
final class Sales {
  private Sales() {}

  static void write(Handle h, Actor a, Outcome.Sale sale, Receipt closed, long seq, long now) {
    h.createUpdate("""
            INSERT INTO sales (id, account_id, shop_id, space, device_id, user_id, owner_user_id, name, total, tendered,
              change_given, seq, closed_at)
            VALUES (:id, :a, :shop, :space, :d, :u, :owner, :name, :total, :tendered, :change, :seq, :now)""")
        .bind("id", sale.receiptId()).bind("a", a.accountId()).bind("shop", closed.shopId())
        .bind("space", closed.space()).bind("d", a.deviceId()).bind("u", a.userId())
        .bind("owner", closed.ownerUserId()).bind("name", closed.name()).bind("total", sale.total())
        .bind("tendered", sale.tendered()).bind("change", sale.change()).bind("seq", seq).bind("now", now).execute();
    int position = 0;
    for (Outcome.Payment p : sale.payments()) {
      h.createUpdate("""
              INSERT INTO payments (account_id, sale_id, position, method, amount, tendered)
              VALUES (:a, :s, :pos, :m, :amount, :tendered)""")
          .bind("a", a.accountId()).bind("s", sale.receiptId()).bind("pos", position++).bind("m", p.method().name())
          .bind("amount", p.amount()).bind("tendered", p.tendered()).execute();
    }
    for (Money.VatShare v : sale.vat()) {
      h.createUpdate("""
              INSERT INTO sale_vat (account_id, sale_id, vat, gross, net, tax) VALUES (:a, :s, :vat, :g, :n, :t)""")
          .bind("a", a.accountId()).bind("s", sale.receiptId()).bind("vat", v.vat()).bind("g", v.gross())
          .bind("n", v.net()).bind("t", v.tax()).execute();
    }
  }

  /** Closes the device's day: totals its sales since its previous close and stamps them with this close. */
  static Map<String, Object> dayClose(Handle h, Actor a, long now) {
    Map<String, Object> totals = h.createQuery("""
            SELECT COUNT(*) AS sales, COALESCE(SUM(total), 0) AS total FROM sales
            WHERE account_id = :a AND device_id = :d AND day_close_id IS NULL""")
        .bind("a", a.accountId()).bind("d", a.deviceId()).mapToMap().one();
    long count = ((Number) totals.get("sales")).longValue();
    long total = ((Number) totals.get("total")).longValue();
    Map<String, Long> methods = new LinkedHashMap<>();
    h.createQuery("""
            SELECT p.method, SUM(p.amount) AS amount FROM payments p JOIN sales s ON s.id = p.sale_id
            WHERE s.account_id = :a AND s.device_id = :d AND s.day_close_id IS NULL GROUP BY p.method ORDER BY p.method""")
        .bind("a", a.accountId()).bind("d", a.deviceId())
        .map((rs, ctx) -> methods.put(rs.getString("method"), rs.getLong("amount"))).list();
    long id = h.createQuery("""
            INSERT INTO day_closes (account_id, device_id, user_id, sales, total, created_at)
            VALUES (:a, :d, :u, :sales, :total, :now) RETURNING id""")
        .bind("a", a.accountId()).bind("d", a.deviceId()).bind("u", a.userId()).bind("sales", count)
        .bind("total", total).bind("now", now).mapTo(Long.class).one();
    h.createUpdate("UPDATE sales SET day_close_id = :id WHERE account_id = :a AND device_id = :d AND day_close_id IS NULL")
        .bind("id", id).bind("a", a.accountId()).bind("d", a.deviceId()).execute();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("dayCloseId", id);
    result.put("sales", count);
    result.put("total", total);
    result.put("methods", methods);
    return result;
  }
}
