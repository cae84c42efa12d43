package paragon.receipts;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import paragon.storage.Database;
import paragon.web.Json;

/**
 * Sales and their lines for an export, streamed: the rows are read with a JDBI result stream in
 * batches of {@link #FETCH_SIZE} (on PostgreSQL a server-side cursor: fetch size inside a
 * transaction; SQLite's driver steps through its result one row at a time anyway) and handed to the
 * caller one by one, never collected, so an export of any size holds one batch in memory. One read
 * transaction (REPEATABLE READ on PostgreSQL) so the rows are one consistent snapshot; it is not
 * retried, since rows already handed on cannot be taken back.
 */
public final class SalesExport {
  public static final int FETCH_SIZE = 500;

  /**
   * One sale: {@code tip} apart from {@code total}; {@code corrections} what was voided of it since
   * (positive; the CSV shows it negative). {@code paid} the amount per method (CASH, CARD, VOUCHER,
   * TRANSFER; 0 when not used).
   */
  public record SaleRow(String id, long closedAt, long shopId, long deviceId, long userId, String name,
      long total, long discount, long tendered, long change, long net, long tax, Map<String, Long> paid, long tip,
      long corrections) {}

  /**
   * One line of a sale. {@code total}: quantity × unit price; {@code discount}: the line's own discount
   * amount ({@link Discount#amountOff}; a receipt discount is in the sale's
   * {@code discount}); {@code modifiers}: the chosen options' names; {@code methods}: the sale's;
   * {@code voided}: what corrections took back of this line (positive; its due after its share of the
   * receipt discount, when voided by itself or with the whole sale; 0 when not), so the lines' export
   * gives the corrections by the lines' VAT rates.
   */
  public record LineRow(String saleId, long closedAt, long shopId, long deviceId, long userId, String lineId,
      Long productId, String name, long quantity, long unitPrice, long total, List<String> modifiers,
      long discount, String discountReason, String vat, List<String> methods, long voided) {}

  private final Database db;

  public SalesExport(Database db) {
    this.db = db;
  }

  /** Every sale matching {@code q}, oldest first, to {@code each}. */
  public void sales(long accountId, SaleRecords.Query q, Consumer<SaleRow> each) {
    String sql = "SELECT s.id, s.closed_at, s.shop_id, s.device_id, s.user_id, s.name, s.total, s.discount,"
        + " s.tendered, s.change_given, s.tip, (SELECT COALESCE(SUM(c.amount), 0) FROM sale_corrections c WHERE c.account_id = s.account_id AND c.sale_id = s.id) AS corrections,"
        + " (SELECT COALESCE(SUM(v.net), 0) FROM sale_vat v WHERE v.account_id = s.account_id AND v.sale_id = s.id)"
        + " AS net,"
        + " (SELECT COALESCE(SUM(v.tax), 0) FROM sale_vat v WHERE v.account_id = s.account_id AND v.sale_id = s.id)"
        + " AS tax, " + paidColumns()
        + " FROM sales s WHERE" + SalesFilter.where(q) + " ORDER BY s.closed_at, s.id";
    stream(accountId, q, sql, (rs, h) -> new SaleRow(rs.getString("id"), rs.getLong("closed_at"), rs.getLong("shop_id"),
        rs.getLong("device_id"), rs.getLong("user_id"), rs.getString("name"), rs.getLong("total"),
        rs.getLong("discount"), rs.getLong("tendered"), rs.getLong("change_given"), rs.getLong("net"),
        rs.getLong("tax"), paid(rs), rs.getLong("tip"), rs.getLong("corrections")), each);
  }

  /** Every line of every sale matching {@code q} (removed lines left out), by sale then position. */
  public void lines(long accountId, SaleRecords.Query q, Consumer<LineRow> each) {
    String sql = "SELECT s.id AS sale_id, s.closed_at, s.shop_id, s.device_id, s.user_id, l.id AS line_id,"
        + " l.product_id, l.name, l.quantity, l.unit_price, l.vat, l.modifiers, l.discount_kind,"
        + " l.discount_value, l.discount_reason, " + paidColumns() + ", EXISTS (SELECT 1 FROM sale_corrections c"
        + " WHERE c.account_id = s.account_id AND c.sale_id = s.id) AS corrected"
        + " FROM sales s JOIN lines l ON l.account_id = s.account_id AND l.receipt_id = s.id"
        + " WHERE" + SalesFilter.where(q) + " AND l.removed = :removed"
        + " ORDER BY s.closed_at, s.id, l.position";
    // A sale's lines come one after another: its voided lines are read once, when its first line comes.
    Map<String, Map<String, Long>> voided = new LinkedHashMap<>();
    stream(accountId, q, sql, (rs, h) -> {
      long total = Money.lineTotal(rs.getLong("unit_price"), rs.getLong("quantity"));
      Map<String, Long> paid = paid(rs);
      List<String> methods = new ArrayList<>();
      paid.forEach((m, amount) -> {
        if (amount != 0) methods.add(m);
      });
      return new LineRow(rs.getString("sale_id"), rs.getLong("closed_at"), rs.getLong("shop_id"),
          rs.getLong("device_id"), rs.getLong("user_id"), rs.getString("line_id"),
          ReceiptStore.longOrNull(rs, "product_id"), rs.getString("name"), rs.getLong("quantity"),
          rs.getLong("unit_price"), total, modifierNames(rs.getString("modifiers")),
          lineDiscount(total, rs.getString("discount_kind"), ReceiptStore.longOrNull(rs, "discount_value")),
          rs.getString("discount_reason"), rs.getString("vat"), methods,
          voided(h, accountId, voided, rs.getString("sale_id"), rs.getBoolean("corrected")).getOrDefault(
              rs.getString("line_id"), 0L));
    }, each);
  }

  private static Map<String, Long> voided(Handle h, long accountId, Map<String, Map<String, Long>> last, String saleId,
      boolean corrected) {
    if (!corrected) return Map.of();
    Map<String, Long> lines = last.get(saleId);
    if (lines == null) {
      last.clear();
      lines = Corrections.voidedLines(h, accountId, saleId);
      last.put(saleId, lines);
    }
    return lines;
  }

  /** A line's own discount amount, by the one rule ({@link Discount#amountOff}); none (NULL) is 0. */
  static long lineDiscount(long total, String kind, Long value) {
    if (kind == null || value == null) return 0;
    return new Discount(Discount.Type.valueOf(kind), value, null).amountOff(total);
  }

  private interface Row<T> {
    T map(ResultSet rs, Handle h) throws SQLException;
  }

  private <T> void stream(long accountId, SaleRecords.Query q, String sql, Row<T> row, Consumer<T> each) {
    org.jdbi.v3.core.HandleConsumer<RuntimeException> read = h -> {
      var query = SalesFilter.bind(h.createQuery(sql), accountId, q).setFetchSize(FETCH_SIZE);
      if (sql.contains(":removed")) query.bind("removed", false);
      try (Stream<T> rows = query.map((rs, ctx) -> row.map(rs, h)).stream()) {
        rows.forEach(each);
      }
    };
    if (db.dialect() == Database.Dialect.POSTGRES) {
      db.jdbi().useTransaction(TransactionIsolationLevel.REPEATABLE_READ, read);
    } else {
      db.jdbi().useTransaction(read);
    }
  }

  private static String paidColumns() {
    List<String> columns = new ArrayList<>();
    for (String m : ServedRules.METHODS) columns.add(SalesFilter.paid(m, "paid_" + m.toLowerCase()));
    return String.join(", ", columns);
  }

  private static Map<String, Long> paid(ResultSet rs) throws SQLException {
    Map<String, Long> paid = new LinkedHashMap<>();
    for (String m : ServedRules.METHODS) paid.put(m, rs.getLong("paid_" + m.toLowerCase()));
    return paid;
  }

  /** The names of a line's modifiers (V40: a JSON array of {group, name, ...}; NULL is none). */
  private static List<String> modifierNames(String json) {
    if (json == null) return List.of();
    JsonNode options = Json.tree(json, "a line's modifiers " + json);
    List<String> names = new ArrayList<>();
    options.forEach(o -> names.add(o.path("name").asText()));
    return names;
  }
}
