package paragon.receipts;

import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The WHERE clause of the sales filters ({@link SaleRecords.Query}) over {@code sales s}: one place,
 * so the list, the summaries and the exports select the same sales.
 */
final class SalesFilter {
  private SalesFilter() {}

  static String where(SaleRecords.Query q) {
    StringBuilder sql = new StringBuilder(" s.account_id = :a AND s.closed_at >= :from AND s.closed_at < :to");
    if (q.shopId() != null) sql.append(" AND s.shop_id = :shop");
    if (q.userId() != null) sql.append(" AND s.user_id = :user");
    if (q.method() != null) {
      sql.append(" AND EXISTS (SELECT 1 FROM payments pm WHERE pm.account_id = s.account_id AND pm.sale_id = s.id"
          + " AND pm.method = :method)");
    }
    return sql.toString();
  }

  static <S extends SqlStatement<S>> S bind(S statement, long accountId, SaleRecords.Query q) {
    statement.bind("a", accountId).bind("from", q.from()).bind("to", q.to());
    if (q.shopId() != null) statement.bind("shop", q.shopId());
    if (q.userId() != null) statement.bind("user", q.userId());
    if (q.method() != null) statement.bind("method", q.method());
    return statement;
  }

  /** The amount a sale's tenders of {@code method} count towards its total, as column {@code alias}. */
  static String paid(String method, String alias) {
    return "(SELECT COALESCE(SUM(p.amount), 0) FROM payments p WHERE p.account_id = s.account_id"
        + " AND p.sale_id = s.id AND p.method = '" + method + "') AS " + alias;
  }
}
