package paragon.receipts;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import paragon.accounts.Users;

/**
 * A day close's report: the device's sales since its previous close, totalled by payment method, by
 * VAT rate and by cashier, with the discounts given. Computed by the server in the day close's
 * transaction from the sale records (never from what the terminal says) and kept as JSON in
 * {@code day_closes.report}, so the back office shows the same report years later.
 *
 * <p>{@code methods}: payment method to amount (cash net of change), in the order CASH, CARD,
 * VOUCHER, TRANSFER; {@code vat}: one row per rate in the order 23, 8, 5, 0, ZW, each the sum of the
 * sales' recorded shares; {@code cashiers}: by name, the user who took the payment;
 * {@code firstSaleAt}/{@code lastSaleAt}: epoch ms, null when there were no sales; {@code tips}: the
 * sales' tips, apart from {@code total} and the methods (issue 12); {@code corrections}: what was voided
 * of these sales by the close (positive; shown negative), and {@code correctionsVat} the same by VAT
 * rate (the voided lines' rates; positive). A report kept before issue 12 reads 0 for both, and one
 * kept before the corrections were by rate reads no rows.
 */
public record DayReport(long sales, long total, long discounts, Map<String, Long> methods, List<VatRow> vat,
    List<CashierRow> cashiers, Long firstSaleAt, Long lastSaleAt, long tips, long corrections,
    List<VatRow> correctionsVat) {

  public DayReport(long sales, long total, long discounts, Map<String, Long> methods, List<VatRow> vat,
      List<CashierRow> cashiers, Long firstSaleAt, Long lastSaleAt) {
    this(sales, total, discounts, methods, vat, cashiers, firstSaleAt, lastSaleAt, 0, 0, List.of());
  }

  public DayReport {
    methods = Collections.unmodifiableMap(new LinkedHashMap<>(methods));
    vat = List.copyOf(vat);
    cashiers = List.copyOf(cashiers);
    correctionsVat = correctionsVat == null ? List.of() : List.copyOf(correctionsVat);
  }

  public record VatRow(String vat, long gross, long net, long tax) {}

  public record CashierRow(long userId, String name, long sales, long total) {}

  private record Totals(long sales, long total, long discounts, Long first, Long last, long tips,
      long corrections) {}

  /** The report of the device's sales not yet stamped by a day close. */
  static DayReport unclosed(Handle h, long accountId, long deviceId) {
    String open = "s.account_id = :a AND s.device_id = :d AND s.day_close_id IS NULL";
    Totals t = h.createQuery("SELECT COUNT(*) AS n, COALESCE(SUM(s.total), 0) AS total,"
            + " COALESCE(SUM(s.discount), 0) AS discounts, MIN(s.closed_at) AS first, MAX(s.closed_at) AS last,"
            + " COALESCE(SUM(s.tip), 0) AS tips, (SELECT COALESCE(SUM(c.amount), 0) FROM sale_corrections c"
            + " JOIN sales s ON s.account_id = c.account_id AND s.id = c.sale_id WHERE " + open + ") AS corrections"
            + " FROM sales s WHERE " + open)
        .bind("a", accountId).bind("d", deviceId)
        .map((rs, ctx) -> new Totals(rs.getLong("n"), rs.getLong("total"), rs.getLong("discounts"),
            ReceiptStore.longOrNull(rs, "first"), ReceiptStore.longOrNull(rs, "last"), rs.getLong("tips"),
            rs.getLong("corrections")))
        .one();
    Map<String, Long> found = new LinkedHashMap<>();
    h.createQuery("SELECT p.method, SUM(p.amount) AS amount FROM payments p"
            + " JOIN sales s ON s.account_id = p.account_id AND s.id = p.sale_id WHERE " + open
            + " GROUP BY p.method")
        .bind("a", accountId).bind("d", deviceId)
        .map((rs, ctx) -> found.put(rs.getString("method"), rs.getLong("amount"))).list();
    Map<String, Long> methods = new LinkedHashMap<>();
    for (String m : ServedRules.METHODS) if (found.containsKey(m)) methods.put(m, found.get(m));
    List<VatRow> vat = h.createQuery("SELECT v.vat, SUM(v.gross) AS gross, SUM(v.net) AS net, SUM(v.tax) AS tax"
            + " FROM sale_vat v JOIN sales s ON s.account_id = v.account_id AND s.id = v.sale_id WHERE " + open
            + " GROUP BY v.vat")
        .bind("a", accountId).bind("d", deviceId)
        .map((rs, ctx) -> new VatRow(rs.getString("vat"), rs.getLong("gross"), rs.getLong("net"), rs.getLong("tax")))
        .list().stream().sorted(Comparator.comparing((VatRow r) -> Vat.of(r.vat()),
            Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    Map<Long, String> names = new LinkedHashMap<>();
    Users.names(h, accountId).forEach(u -> names.put(u.id(), u.name()));
    List<CashierRow> cashiers = h.createQuery("SELECT s.user_id, COUNT(*) AS n, SUM(s.total) AS total"
            + " FROM sales s WHERE " + open + " GROUP BY s.user_id")
        .bind("a", accountId).bind("d", deviceId)
        .map((rs, ctx) -> new CashierRow(rs.getLong("user_id"),
            names.getOrDefault(rs.getLong("user_id"), "#" + rs.getLong("user_id")), rs.getLong("n"),
            rs.getLong("total")))
        .list().stream().sorted(Comparator.comparing(CashierRow::name).thenComparing(CashierRow::userId)).toList();
    List<String> corrected = h.createQuery("SELECT DISTINCT c.sale_id FROM sale_corrections c"
            + " JOIN sales s ON s.account_id = c.account_id AND s.id = c.sale_id WHERE " + open + " ORDER BY c.sale_id")
        .bind("a", accountId).bind("d", deviceId).mapTo(String.class).list();
    return new DayReport(t.sales(), t.total(), t.discounts(), methods, vat, cashiers, t.first(), t.last(), t.tips(),
        t.corrections(), Corrections.byVat(h, accountId, corrected));
  }
}
