package paragon.receipts;

import org.jdbi.v3.core.Handle;

/**
 * Catalog rows for the receipts' tests, inserted as the catalog store would leave them (modifier
 * groups, their options, a product's groups, a shop's own price): test code only, so these tests do
 * not wait on the catalog package.
 */
final class CatalogRows {
  private CatalogRows() {}

  static long group(Handle h, long account, String name, int min, int max, int position) {
    return h.createQuery("""
            INSERT INTO modifier_groups (account_id, name, min_choices, max_choices, position, archived, created_at)
            VALUES (:a, :n, :min, :max, :p, :f, 0) RETURNING id""")
        .bind("a", account).bind("n", name).bind("min", min).bind("max", max).bind("p", position).bind("f", false)
        .mapTo(Long.class).one();
  }

  static long option(Handle h, long account, long group, String name, long delta, int position) {
    return h.createQuery("""
            INSERT INTO modifier_options (account_id, group_id, name, price_delta, position, archived)
            VALUES (:a, :g, :n, :d, :p, :f) RETURNING id""")
        .bind("a", account).bind("g", group).bind("n", name).bind("d", delta).bind("p", position).bind("f", false)
        .mapTo(Long.class).one();
  }

  static void attach(Handle h, long account, long product, long group, int position) {
    h.createUpdate("""
            INSERT INTO product_modifier_groups (account_id, product_id, group_id, position)
            VALUES (:a, :pr, :g, :p)""")
        .bind("a", account).bind("pr", product).bind("g", group).bind("p", position).execute();
  }

  static void shopPrice(Handle h, long account, long product, long shop, long price) {
    h.createUpdate("""
            INSERT INTO product_shops (account_id, product_id, shop_id, price, available)
            VALUES (:a, :pr, :s, :p, :t)""")
        .bind("a", account).bind("pr", product).bind("s", shop).bind("p", price).bind("t", true).execute();
  }
}
