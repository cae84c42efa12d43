package paragon.receipts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import paragon.storage.Database;

/**
 * Summaries of the sales a filter selects ({@link SaleRecords.Query}), over the whole range however
 * many sales it holds: the database groups (by method, VAT rate, cashier, product); days are counted
 * from a stream of (time, total) pairs, since a shop's calendar day is a time zone's, not UTC's.
 */
public final class SalesQueries {
  /** {@code tips}: apart from {@code total}; {@code corrections}: voided after payment (sale_corrections), positive. */
  public record Totals(long sales, long total, long discounts, long tips, long corrections) {}

  public record DaySum(LocalDate day, long sales, long total) {}

  public record MethodSum(String method, long amount) {}

  public record VatSum(String vat, long gross, long net, long tax) {}

  public record CashierSum(long userId, long sales, long total) {}

  /** {@code total}: the lines' quantity × unit price, before discounts. {@code productId} null: a free item. */
  public record ProductSum(Long productId, String name, long quantity, long total) {}

  public record Summary(Totals totals, List<DaySum> days, List<MethodSum> methods, List<VatSum> vat,
      List<CashierSum> cashiers, List<ProductSum> products) {}

  private final Database db;

  public SalesQueries(Database db) {
    this.db = db;
  }

  public Summary summary(long accountId, SaleRecords.Query q, ZoneId zone) {
    return db.read(h -> {
      String where = " WHERE" + SalesFilter.where(q);
      Totals totals = SalesFilter.bind(h.createQuery("SELECT COUNT(*) AS n, COALESCE(SUM(s.total), 0) AS total,"
              + " COALESCE(SUM(s.discount), 0) AS discounts, COALESCE(SUM(s.tip), 0) AS tips,"
              + " (SELECT COALESCE(SUM(c.amount), 0) FROM sale_corrections c JOIN sales s"
              + " ON s.account_id = c.account_id AND s.id = c.sale_id" + where + ") AS corrections"
              + " FROM sales s" + where), accountId, q)
          .map((rs, ctx) -> new Totals(rs.getLong("n"), rs.getLong("total"), rs.getLong("discounts"),
              rs.getLong("tips"), rs.getLong("corrections"))).one();
      Map<LocalDate, long[]> byDay = new TreeMap<>();
      try (var rows = SalesFilter.bind(h.createQuery("SELECT s.closed_at, s.total FROM sales s" + where), accountId, q)
          .setFetchSize(SalesExport.FETCH_SIZE)
          .map((rs, ctx) -> new long[] {rs.getLong("closed_at"), rs.getLong("total")}).stream()) {
        rows.forEach(r -> {
          long[] sum = byDay.computeIfAbsent(LocalDate.ofInstant(Instant.ofEpochMilli(r[0]), zone), d -> new long[2]);
          sum[0]++;
          sum[1] += r[1];
        });
      }
      List<DaySum> days = byDay.entrySet().stream()
          .map(e -> new DaySum(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
      List<MethodSum> methods = SalesFilter.bind(h.createQuery("SELECT p.method, SUM(p.amount) AS amount"
              + " FROM payments p JOIN sales s ON s.account_id = p.account_id AND s.id = p.sale_id" + where
              + " GROUP BY p.method"), accountId, q)
          .map((rs, ctx) -> new MethodSum(rs.getString("method"), rs.getLong("amount"))).list().stream()
          .sorted(Comparator.comparing(m -> ServedRules.METHODS.indexOf(m.method()))).toList();
      List<VatSum> vat = SalesFilter.bind(h.createQuery("SELECT v.vat, SUM(v.gross) AS gross, SUM(v.net) AS net,"
              + " SUM(v.tax) AS tax FROM sale_vat v JOIN sales s ON s.account_id = v.account_id AND s.id = v.sale_id"
              + where + " GROUP BY v.vat"), accountId, q)
          .map((rs, ctx) -> new VatSum(rs.getString("vat"), rs.getLong("gross"), rs.getLong("net"), rs.getLong("tax")))
          .list().stream()
          .sorted(Comparator.comparing((VatSum v) -> Vat.of(v.vat()), Comparator.nullsLast(Comparator.naturalOrder())))
          .toList();
      List<CashierSum> cashiers = SalesFilter.bind(h.createQuery("SELECT s.user_id, COUNT(*) AS n,"
              + " SUM(s.total) AS total FROM sales s" + where + " GROUP BY s.user_id ORDER BY total DESC, s.user_id"),
              accountId, q)
          .map((rs, ctx) -> new CashierSum(rs.getLong("user_id"), rs.getLong("n"), rs.getLong("total"))).list();
      // round-half-up(unit_price × quantity / 1000) per line, as Money.lineTotal: integers, non-negative.
      List<ProductSum> products = SalesFilter.bind(h.createQuery("SELECT l.product_id, l.name,"
              + " SUM(l.quantity) AS quantity, SUM((l.unit_price * l.quantity + 500) / 1000) AS total"
              + " FROM lines l JOIN sales s ON s.account_id = l.account_id AND s.id = l.receipt_id" + where
              + " AND l.removed = :removed GROUP BY l.product_id, l.name ORDER BY total DESC, l.name"), accountId, q)
          .bind("removed", false)
          .map((rs, ctx) -> new ProductSum(ReceiptStore.longOrNull(rs, "product_id"), rs.getString("name"),
              rs.getLong("quantity"), rs.getLong("total")))
          .list();
      return new Summary(totals, days, methods, vat, cashiers, products);
    });
  }
}
