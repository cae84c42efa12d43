package paragon.sales;

import java.util.UUID;
import org.jdbi.v3.core.statement.PreparedBatch;
import paragon.testing.TestApp;

/**
 * Paid receipts written in bulk straight into the receipt tables (receipts, lines, sales, payments,
 * sale_vat) in the shapes the receipt service writes them, for the sales summaries and exports.
 */
final class Ledger {
  private final TestApp app;
  private final Bistro b;

  Ledger(TestApp app, Bistro b) {
    this.app = app;
    this.b = b;
  }

  /** One line of a sale to write: VAT 23 unless said; modifiers JSON and a discount may be null. */
  record L(Long productId, String name, long unitPrice, long quantity, String vat, String modifiers,
      String discountKind, Long discountValue, String discountReason) {
    static L of(String name, long unitPrice, long quantity) {
      return new L(null, name, unitPrice, quantity, "23", null, null, null, null);
    }
  }

  /**
   * {@code count} sales of {@code shop}/{@code device}/{@code user}, one every {@code stepMillis} from
   * {@code at}, each with {@code lines}, paid by {@code method} for its total (less {@code discount});
   * one transaction, batched. Returns the first sale's id.
   */
  String sales(int count, long shop, long device, long user, long at, long stepMillis, L[] lines, String method,
      long discount) {
    long a = b.owner.accountId();
    return app.db.inTransaction(h -> {
      PreparedBatch receipts = h.prepareBatch("""
          INSERT INTO receipts (id, account_id, space, shop_id, name, kind, state, owner_user_id, owner_role_id,
            created_by_user_id, created_on_device, attention, guests, seq, content_seq, created_at, updated_at,
            closed_at)
          VALUES (:id, :a, :space, :shop, :name, 'AD_HOC', 'CLOSED', :u, :role, :u, :d, :f, 0, 1, 1, :t, :t, :t)""");
      PreparedBatch lineRows = h.prepareBatch("""
          INSERT INTO lines (id, account_id, receipt_id, position, product_id, name, unit_price, quantity, vat, note,
            sent, removed, created_at, modifiers, discount_kind, discount_value, discount_reason)
          VALUES (:id, :a, :r, :pos, :product, :name, :price, :qty, :vat, NULL, :f, :f, :t, :mods, :dk, :dv, :dr)""");
      PreparedBatch sales = h.prepareBatch("""
          INSERT INTO sales (id, account_id, shop_id, space, device_id, user_id, owner_user_id, name, total, tendered,
            change_given, seq, closed_at, discount)
          VALUES (:id, :a, :shop, :space, :d, :u, :u, :name, :total, :total, 0, 1, :t, :discount)""");
      PreparedBatch payments = h.prepareBatch("""
          INSERT INTO payments (account_id, sale_id, position, method, amount, tendered)
          VALUES (:a, :s, 0, :m, :amount, :amount)""");
      PreparedBatch vat = h.prepareBatch("""
          INSERT INTO sale_vat (account_id, sale_id, vat, gross, net, tax) VALUES (:a, :s, :vat, :g, :n, :x)""");
      String first = null;
      for (int i = 0; i < count; i++) {
        String id = UUID.randomUUID().toString();
        if (first == null) first = id;
        long t = at + i * stepMillis;
        long gross = 0;
        java.util.Map<String, Long> perRate = new java.util.LinkedHashMap<>();
        receipts.bind("id", id).bind("a", a).bind("space", "shop:" + shop).bind("shop", shop)
            .bind("name", "Sprzedaż " + (i + 1)).bind("u", user).bind("role", b.role).bind("d", device)
            .bind("f", false).bind("t", t).add();
        for (int p = 0; p < lines.length; p++) {
          L l = lines[p];
          gross += (l.unitPrice() * l.quantity() + 500) / 1000;
          perRate.merge(l.vat(), (l.unitPrice() * l.quantity() + 500) / 1000, Long::sum);
          lineRows.bind("id", UUID.randomUUID().toString()).bind("a", a).bind("r", id).bind("pos", p)
              .bind("product", l.productId()).bind("name", l.name()).bind("price", l.unitPrice())
              .bind("qty", l.quantity()).bind("vat", l.vat()).bind("f", false).bind("t", t)
              .bind("mods", l.modifiers()).bind("dk", l.discountKind()).bind("dv", l.discountValue())
              .bind("dr", l.discountReason()).add();
        }
        long total = gross - discount;
        perRate.merge(lines[0].vat(), -discount, Long::sum);
        sales.bind("id", id).bind("a", a).bind("shop", shop).bind("space", "shop:" + shop).bind("d", device)
            .bind("u", user).bind("name", "Sprzedaż " + (i + 1)).bind("total", total).bind("t", t)
            .bind("discount", discount).add();
        payments.bind("a", a).bind("s", id).bind("m", method).bind("amount", total).add();
        perRate.forEach((rate, g) -> {
          long r = "ZW".equals(rate) ? 0 : Long.parseLong(rate);
          long net = Math.floorDiv(g * 200 + 100 + r, 2 * (100 + r));
          vat.bind("a", a).bind("s", id).bind("vat", rate).bind("g", g).bind("n", net).bind("x", g - net).add();
        });
      }
      receipts.execute();
      lineRows.execute();
      sales.execute();
      payments.execute();
      vat.execute();
      return first;
    });
  }

}
