package paragon.receipts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import paragon.storage.Database;

/**
 * Sales for the integrator API (docs/api.md, "Sales"): pages in a stable order, oldest first by
 * ({@code closed_at}, {@code id}), with a keyset cursor: the page after ({@code closedAt}, {@code id})
 * holds exactly the sales ordered after it, so a sale recorded while a client pages (always closed
 * "now", at the end) is neither skipped nor repeated, whatever the page size. Scoped by the account.
 */
public final class SalePages {
  /** Where a page ends: the last sale's close time (epoch ms) and id. */
  public record Cursor(long closedAt, String id) {}

  /** {@code next}: the cursor of the page after this one, null when this one is the last. */
  public record Page(List<SaleRecords.Sale> sales, Cursor next) {}

  private final Database db;

  public SalePages(Database db) {
    this.db = db;
  }

  /** At most {@code limit} sales matching {@code q} after {@code after} (null: from the first). */
  public Page page(long accountId, SaleRecords.Query q, Cursor after, int limit) {
    List<SaleRecords.Sale> rows = db.read(h -> {
      var query = h.createQuery(SaleRecords.SELECT + "WHERE" + SalesFilter.where(q)
          + (after == null ? "" : " AND (s.closed_at > :afterAt OR (s.closed_at = :afterAt AND s.id > :afterId))")
          + " ORDER BY s.closed_at, s.id LIMIT :limit");
      SalesFilter.bind(query, accountId, q).bind("limit", limit + 1);
      if (after != null) query.bind("afterAt", after.closedAt()).bind("afterId", after.id());
      return query.map((rs, ctx) -> SaleRecords.sale(rs)).list();
    });
    if (rows.size() <= limit) return new Page(rows, null);
    List<SaleRecords.Sale> page = rows.subList(0, limit);
    SaleRecords.Sale last = page.getLast();
    return new Page(List.copyOf(page), new Cursor(last.closedAt(), last.id()));
  }

  /** One sale of this account, if there is one. */
  public Optional<SaleRecords.Sale> one(long accountId, String id) {
    return db.read(h -> h.createQuery(SaleRecords.SELECT + "WHERE s.account_id = :a AND s.id = :id")
        .bind("a", accountId).bind("id", id).map((rs, ctx) -> SaleRecords.sale(rs)).findOne());
  }

  /** The recorded VAT shares of these sales (as written at payment), by sale id, by rate. */
  public Map<String, List<DayReport.VatRow>> vat(long accountId, List<String> saleIds) {
    Map<String, List<DayReport.VatRow>> out = new LinkedHashMap<>();
    if (saleIds.isEmpty()) return out;
    db.read(h -> h.createQuery("""
            SELECT sale_id, vat, gross, net, tax FROM sale_vat
            WHERE account_id = :a AND sale_id IN (<ids>) ORDER BY sale_id, vat""")
        .bind("a", accountId).bindList("ids", saleIds)
        .map((rs, ctx) -> Map.entry(rs.getString("sale_id"), new DayReport.VatRow(rs.getString("vat"),
            rs.getLong("gross"), rs.getLong("net"), rs.getLong("tax"))))
        .list())
        .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return out;
  }
}
