package paragon.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/** The back office's Attention page: open items per shop, resolved with a note (kept, in the trail). */
class AttentionPageTest {

  /** An item as the paying command writes it (receipts' Attention.write), for {@code b}'s Anna on Kasa 1. */
  static void item(TestApp app, Bistro b, String id, long shop, String kind, String receipt, long amount,
      long unsold) {
    app.db.inTransaction(h -> h.createUpdate("""
            INSERT INTO attention_items (id, account_id, shop_id, kind, receipt_id, receipt_name, new_receipt_id,
              sale_id, method, amount, unsold, seen_total, device_id, n, user_id, user_name, paid_at, created_at)
            VALUES (:id, :a, :shop, :kind, :r, 'Stolik 4', NULL, :r, 'CASH', :amount, :unsold, 2500, :d, 7, :u,
              'Anna Nowak', :now, :now)""")
        .bind("id", id).bind("a", b.owner.accountId()).bind("shop", shop).bind("kind", kind).bind("r", receipt)
        .bind("amount", amount).bind("unsold", unsold).bind("d", b.till1).bind("u", b.anna)
        .bind("now", app.clock.millis()).execute());
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void open_items_are_listed_per_shop_and_resolved_with_a_note(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Bistro b = new Bistro(app, "pl");
      String twice = "0b8f6f0e-8c51-4a55-9a8e-1f4a3c0d2a11";
      String gone = "1b8f6f0e-8c51-4a55-9a8e-1f4a3c0d2a12";
      item(app, b, "a1", b.shopA, "PAID_TWICE", twice, 2500, 2500);
      item(app, b, "a2", b.shopB, "GONE", gone, 1200, 1200);
      WebClient c = b.owner.client();

      String page = c.get("/backoffice/attention").body();
      assertThat(page).contains("href=\"/backoffice/attention\"", "Do wyjaśnienia", "data-attention=\"a1\"",
          "data-attention=\"a2\"", "Zapłacono dwa razy", "25,00\u00a0zł", "12,00\u00a0zł", "Anna Nowak", "Rynek",
          "Mokotów", "href=\"/backoffice/receipts/" + twice + "\"");
      assertThat(c.get("/backoffice/attention?lang=en").body()).contains("Paid twice: refund one payment");

      WebClient.Response empty = c.postForm("/backoffice/attention/a1/resolve", Map.of("note", "  "));
      assertThat(empty.status()).isEqualTo(400);
      assertThat(empty.body()).contains("data-attention=\"a1\"", "form-error");
      WebClient.Response done = c.postForm("/backoffice/attention/a1/resolve", Map.of("note", "Zwrócono gotówkę"));
      assertThat(done.status()).isEqualTo(303);
      assertThat(c.get("/backoffice/attention").body()).doesNotContain("data-attention=\"a1\"")
          .contains("data-attention=\"a2\"");
      String note = app.db.read(h -> h.createQuery("SELECT resolved_note FROM attention_items WHERE id = 'a1'")
          .mapTo(String.class).one());
      assertThat(note).isEqualTo("Zwrócono gotówkę");
      long trail = app.db.read(h -> h.createQuery(
          "SELECT COUNT(*) FROM receipt_audit WHERE receipt_id = :r AND type = 'resolveAttention'")
          .bind("r", twice).mapTo(Long.class).one());
      assertThat(trail).isEqualTo(1);
      // Resolved once: again is not found.
      assertThat(c.postForm("/backoffice/attention/a1/resolve", Map.of("note", "x")).status()).isEqualTo(404);
      assertThat(app.client().get("/backoffice/attention").status()).isEqualTo(303);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void another_accounts_item_is_neither_listed_nor_resolved(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Bistro mine = new Bistro(app, "en");
      Bistro theirs = new Bistro(app, "en");
      item(app, theirs, "t1", theirs.shopA, "GONE", "2b8f6f0e-8c51-4a55-9a8e-1f4a3c0d2a13", 100, 100);
      WebClient c = mine.owner.client();
      assertThat(c.get("/backoffice/attention").body()).doesNotContain("data-attention=\"t1\"")
          .contains("Nothing needs attention.");
      assertThat(c.postForm("/backoffice/attention/t1/resolve", Map.of("note", "mine now")).status()).isEqualTo(404);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_shop_filter_shows_one_shops_items_and_refuses_a_shop_not_of_this_account(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Bistro b = new Bistro(app, "pl");
      Bistro theirs = new Bistro(app, "pl");
      item(app, b, "a1", b.shopA, "GONE", "3b8f6f0e-8c51-4a55-9a8e-1f4a3c0d2a14", 2500, 2500);
      item(app, b, "a2", b.shopB, "GONE", "4b8f6f0e-8c51-4a55-9a8e-1f4a3c0d2a15", 1200, 1200);
      item(app, theirs, "t1", theirs.shopA, "GONE", "5b8f6f0e-8c51-4a55-9a8e-1f4a3c0d2a16", 100, 100);
      WebClient c = b.owner.client();

      String all = c.get("/backoffice/attention").body();
      assertThat(all).contains("data-attention=\"a1\"", "data-attention=\"a2\"", "<select id=\"shop\" name=\"shop\">",
          "<option value=\"" + b.shopB + "\">").doesNotContain("data-attention=\"t1\"");
      String shopB = c.get("/backoffice/attention?shop=" + b.shopB).body();
      assertThat(shopB).contains("data-attention=\"a2\"", "<option value=\"" + b.shopB + "\" selected>",
          "name=\"shop\" value=\"" + b.shopB + "\"").doesNotContain("data-attention=\"a1\"");
      assertThat(c.get("/backoffice/attention?shop=").body()).contains("data-attention=\"a1\"");

      WebClient.Response bad = c.get("/backoffice/attention?shop=abc");
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body()).doesNotContain("data-attention=");
      WebClient.Response other = c.get("/backoffice/attention?shop=" + theirs.shopA);
      assertThat(other.status()).isEqualTo(404);
      assertThat(other.body()).doesNotContain("data-attention=");

      // Resolving in a filtered list comes back to it; a bad note keeps the filter.
      WebClient.Response empty = c.postForm("/backoffice/attention/a2/resolve",
          Map.of("note", " ", "shop", String.valueOf(b.shopB)));
      assertThat(empty.status()).isEqualTo(400);
      assertThat(empty.body()).contains("data-attention=\"a2\"").doesNotContain("data-attention=\"a1\"");
      WebClient.Response done = c.postForm("/backoffice/attention/a2/resolve",
          Map.of("note", "Zwrot", "shop", String.valueOf(b.shopB)));
      assertThat(done.status()).isEqualTo(303);
      assertThat(done.header("Location")).isEqualTo("/backoffice/attention?resolved&shop=" + b.shopB);
      assertThat(c.postForm("/backoffice/attention/a1/resolve",
          Map.of("note", "Zwrot", "shop", String.valueOf(theirs.shopA))).status()).isEqualTo(404);
      assertThat(c.get("/backoffice/attention").body()).contains("data-attention=\"a1\"");
    }
  }
}
