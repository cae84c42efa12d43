package paragon.receipts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import paragon.storage.Database;
import paragon.web.Json;

/**
 * Sale records (a paid receipt), their tenders and VAT, and the day close per device: written in the
 * paying command's transaction, read by the back office's sales pages (package {@code sales}) through
 * {@link #find} and {@link #payments} (and {@link SalesQueries}, {@link SalesExport}, {@link DayCloses}).
 * Every query is scoped by the account.
 */
public final class SaleRecords {
  /**
   * {@code name}: in the account's language; {@code defaultName}: to render in the reader's (null: show
   * name); {@code total} what was paid, after {@code discount} (every line discount and the receipt's);
   * {@code tip}: tips, not in {@code total}; {@code corrected}: grosze voided since (sale_corrections).
   */
  public record Sale(String id, long shopId, long deviceId, long userId, long ownerUserId, String name,
      DefaultName defaultName, long total, long tendered, long change, long closedAt, long discount, long tip,
      long corrected) {}

  public record Payment(String saleId, String method, long amount, long tendered) {}

  /** Filters: a time range [from, to) in epoch ms, and optionally a shop, a user, a method ({@link SalesFilter}). */
  public record Query(long from, long to, Long shopId, Long userId, String method) {}

  private final Database db;

  public SaleRecords(Database db) {
    this.db = db;
  }

  /** The columns of a {@link Sale} over {@code sales s LEFT JOIN receipts r} ({@link #sale} maps them). */
  static final String SELECT = """
      SELECT s.id, s.shop_id, s.device_id, s.user_id, s.owner_user_id, s.name, s.total, s.tendered,
             s.change_given, s.closed_at, s.discount, r.default_name, s.tip,
             (SELECT COALESCE(SUM(c.amount), 0) FROM sale_corrections c WHERE c.account_id = s.account_id AND c.sale_id = s.id) AS corrected
      FROM sales s LEFT JOIN receipts r ON r.account_id = s.account_id AND r.id = s.id
      """;

  /** Sales matching the filters, newest first, at most {@code limit}. */
  public List<Sale> find(long accountId, Query q, int limit) {
    return db.read(h -> SalesFilter.bind(h.createQuery(SELECT + "WHERE" + SalesFilter.where(q)
            + " ORDER BY s.closed_at DESC, s.id LIMIT :limit"), accountId, q)
        .bind("limit", limit)
        .map((rs, ctx) -> sale(rs))
        .list());
  }

  static Sale sale(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Sale(rs.getString("id"), rs.getLong("shop_id"), rs.getLong("device_id"),
        rs.getLong("user_id"), rs.getLong("owner_user_id"), rs.getString("name"),
        defaultName(rs.getString("default_name")), rs.getLong("total"),
        rs.getLong("tendered"), rs.getLong("change_given"), rs.getLong("closed_at"), rs.getLong("discount"),
        rs.getLong("tip"), rs.getLong("corrected"));
  }

  /** The payments of these sales, by sale id, in tender order. */
  public Map<String, List<Payment>> payments(long accountId, List<String> saleIds) {
    Map<String, List<Payment>> out = new LinkedHashMap<>();
    if (saleIds.isEmpty()) return out;
    db.read(h -> h.createQuery("""
            SELECT sale_id, method, amount, tendered FROM payments
            WHERE account_id = :a AND sale_id IN (<ids>) ORDER BY sale_id, position""")
        .bind("a", accountId).bindList("ids", saleIds)
        .map((rs, ctx) -> new Payment(rs.getString("sale_id"), rs.getString("method"), rs.getLong("amount"),
            rs.getLong("tendered")))
        .list())
        .forEach(p -> out.computeIfAbsent(p.saleId(), k -> new ArrayList<>()).add(p));
    return out;
  }

  private static DefaultName defaultName(String json) {
    return json == null ? null : Json.read(json, DefaultName.class, "a receipt's default name " + json);
  }

  /**
   * Writes the sale of {@code closed}: with the tenders of its earlier parts (receipt_parts, kept as
   * the parts' history) before the paying command's own, their tendered, change and tips added in.
   */
  static void write(Handle h, Actor a, Outcome.Sale sale, Receipt closed, long seq, long now) {
    // A receipt paid in one go never had a part (every part counts in partsPaid): nothing to read.
    List<PartRow> parts = closed.partsPaid() == 0 ? List.of() : h.createQuery("""
            SELECT method, amount, tendered, tip FROM receipt_parts WHERE account_id = :a AND receipt_id = :r
            ORDER BY position""")
        .bind("a", a.accountId()).bind("r", sale.receiptId())
        .map((rs, ctx) -> new PartRow(rs.getString("method"), rs.getLong("amount"), rs.getLong("tendered"),
            rs.getLong("tip")))
        .list();
    long tendered = sale.tendered();
    long tip = sale.tip();
    long change = sale.change();
    for (PartRow p : parts) {
      tendered += p.tendered();
      tip += p.tip();
      change += p.tendered() - p.amount() - p.tip();
    }
    h.createUpdate("""
            INSERT INTO sales (id, account_id, shop_id, space, device_id, user_id, owner_user_id, name, total, tendered,
              change_given, seq, closed_at, discount, tip)
            VALUES (:id, :a, :shop, :space, :d, :u, :owner, :name, :total, :tendered, :change, :seq, :now,
              :discount, :tip)""")
        .bind("id", sale.receiptId()).bind("a", a.accountId()).bind("shop", closed.shopId())
        .bind("space", closed.space()).bind("d", a.deviceId()).bind("u", a.userId())
        .bind("owner", closed.ownerUserId()).bind("name", closed.name()).bind("total", sale.total())
        .bind("tendered", tendered).bind("change", change).bind("seq", seq).bind("now", now)
        .bind("discount", sale.discount()).bind("tip", tip).execute();
    int position = 0;
    for (PartRow p : parts) {
      insertPayment(h, a.accountId(), sale.receiptId(), position++, p.method(), p.amount(), p.tendered(), p.tip());
    }
    for (Outcome.Payment p : sale.payments()) {
      insertPayment(h, a.accountId(), sale.receiptId(), position++, p.method().name(), p.amount(), p.tendered(),
          p.tip());
    }
    for (Money.VatShare v : sale.vat()) {
      h.createUpdate("""
              INSERT INTO sale_vat (account_id, sale_id, vat, gross, net, tax) VALUES (:a, :s, :vat, :g, :n, :t)""")
          .bind("a", a.accountId()).bind("s", sale.receiptId()).bind("vat", v.vat()).bind("g", v.gross())
          .bind("n", v.net()).bind("t", v.tax()).execute();
    }
  }

  private record PartRow(String method, long amount, long tendered, long tip) {}

  private static void insertPayment(Handle h, long accountId, String saleId, int position, String method, long amount,
      long tendered, long tip) {
    h.createUpdate("""
            INSERT INTO payments (account_id, sale_id, position, method, amount, tendered, tip)
            VALUES (:a, :s, :pos, :m, :amount, :tendered, :tip)""")
        .bind("a", accountId).bind("s", saleId).bind("pos", position).bind("m", method)
        .bind("amount", amount).bind("tendered", tendered).bind("tip", tip).execute();
  }

  /** One part of a split bill, paid: its tenders wait in receipt_parts for the sale ({@link #write}). */
  static void writePart(Handle h, Actor a, Outcome.Part part, long now) {
    long position = h.createQuery("""
            SELECT COALESCE(MAX(position) + 1, 0) FROM receipt_parts WHERE account_id = :a AND receipt_id = :r""")
        .bind("a", a.accountId()).bind("r", part.receiptId()).mapTo(Long.class).one();
    for (Outcome.Payment p : part.payments()) {
      h.createUpdate("""
              INSERT INTO receipt_parts (account_id, receipt_id, position, part, method, amount, tendered, tip,
                device_id, user_id, paid_at)
              VALUES (:a, :r, :pos, :part, :m, :amount, :tendered, :tip, :d, :u, :now)""")
          .bind("a", a.accountId()).bind("r", part.receiptId()).bind("pos", position++).bind("part", part.number())
          .bind("m", p.method().name()).bind("amount", p.amount()).bind("tendered", p.tendered()).bind("tip", p.tip())
          .bind("d", a.deviceId()).bind("u", a.userId()).bind("now", now).execute();
    }
  }

  /**
   * Closes the device's day: reports its sales since its previous close (a {@link DayReport}, kept in
   * the row), stamps them with this close, and answers the command's result.
   */
  static Map<String, Object> dayClose(Handle h, Actor a, long now) {
    DayReport report = DayReport.unclosed(h, a.accountId(), a.deviceId());
    long id = h.createQuery("""
            INSERT INTO day_closes (account_id, device_id, shop_id, user_id, sales, total, report, created_at)
            VALUES (:a, :d, :shop, :u, :sales, :total, :report, :now) RETURNING id""")
        .bind("a", a.accountId()).bind("d", a.deviceId()).bind("shop", a.shopId()).bind("u", a.userId())
        .bind("sales", report.sales()).bind("total", report.total()).bind("report", Json.write(report))
        .bind("now", now).mapTo(Long.class).one();
    h.createUpdate("""
            UPDATE sales SET day_close_id = :id WHERE account_id = :a AND device_id = :d AND day_close_id IS NULL""")
        .bind("id", id).bind("a", a.accountId()).bind("d", a.deviceId()).execute();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("dayCloseId", id);
    result.put("sales", report.sales());
    result.put("total", report.total());
    result.put("methods", report.methods());
    result.put("at", now);
    result.put("report", report);
    return result;
  }
}
