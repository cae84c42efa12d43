package paragon.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/** The read routes of /api/v1 over receipts and sales made by a real terminal (docs/api.md), on both databases. */
class ApiReadTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void open_receipts_come_with_lines_table_waiter_totals_and_vat_and_one_with_its_audit_trail(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Integrator it = new Integrator(app);
      String table = it.table("Stolik 1", 2);
      it.sale();
      String secret = it.key("receipts:read");

      WebClient.Response open = it.get(secret, "/api/v1/receipts?state=open&shop=" + it.shopA);
      assertThat(open.status()).as(open.body()).isEqualTo(200);
      JsonNode receipts = open.json().path("receipts");
      assertThat(receipts).hasSize(1);
      JsonNode r = receipts.get(0);
      assertThat(r.path("id").asText()).isEqualTo(table);
      assertThat(r.path("state").asText()).isEqualTo("open");
      assertThat(r.path("table").path("name").asText()).isEqualTo("Stolik 1");
      assertThat(r.path("waiter").path("name").asText()).isEqualTo("Anna Nowak");
      assertThat(r.path("lines")).hasSize(2);
      assertThat(r.path("lines").get(0).path("name").asText()).isEqualTo("Espresso");
      assertThat(r.path("lines").get(0).path("unitPrice").asLong()).isEqualTo(900);
      assertThat(r.path("total").asLong()).isEqualTo(1800);
      assertThat(r.path("vat").get(0).path("vat").asText()).isEqualTo("8");
      assertThat(r.path("vat").get(0).path("gross").asLong()).isEqualTo(1800);
      assertThat(r.path("vat").get(0).path("tax").asLong()).isEqualTo(133);
      assertThat(r.path("createdAt").asText()).endsWith("Z");
      // Without shop, every shop of the account: the same one receipt.
      assertThat(it.get(secret, "/api/v1/receipts").json().path("receipts")).hasSize(1);

      JsonNode one = it.get(secret, "/api/v1/receipts/" + table).json();
      assertThat(one.path("total").asLong()).isEqualTo(1800);
      List<String> types = new ArrayList<>();
      one.path("audit").forEach(e -> types.add(e.path("type").asText()));
      assertThat(types).containsExactly("openTable", "addLine", "addLine");
      assertThat(one.path("audit").get(0).path("userName").asText()).isEqualTo("Anna Nowak");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void sales_page_by_cursor_in_a_stable_order_without_skipping_one_recorded_meanwhile(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Integrator it = new Integrator(app);
      List<String> made = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        made.add(it.sale());
        app.clock.advance(Duration.ofSeconds(i == 0 ? 0 : 5));
      }
      String secret = it.key("sales:read");
      WebClient.Response first = it.get(secret, "/api/v1/sales?limit=2");
      assertThat(first.status()).as(first.body()).isEqualTo(200);
      List<String> seen = new ArrayList<>(first.json().path("sales").findValuesAsText("id"));
      assertThat(seen).hasSize(2);
      String next = first.json().path("next").asText();
      assertThat(next).isNotBlank();
      made.add(it.sale()); // recorded while the client pages: it comes at the end
      WebClient.Response second = it.get(secret, "/api/v1/sales?limit=2&cursor=" + next);
      seen.addAll(second.json().path("sales").findValuesAsText("id"));
      assertThat(second.json().path("next").isNull()).as(second.body()).isTrue();
      // The first two share their close time: the id orders them.
      List<String> expected = new ArrayList<>(made.subList(0, 2).stream().sorted().toList());
      expected.addAll(made.subList(2, 4));
      assertThat(seen).containsExactlyElementsOf(expected);

      JsonNode sale = it.get(secret, "/api/v1/sales/" + made.get(0)).json();
      assertThat(sale.path("total").asLong()).isEqualTo(900);
      assertThat(sale.path("payments").get(0).path("method").asText()).isEqualTo("CASH");
      assertThat(sale.path("vat").get(0).path("vat").asText()).isEqualTo("8");
      assertThat(sale.path("closedAt").asText()).endsWith("Z");

      // A range that ends before today holds none; today's date holds all four.
      assertThat(it.get(secret, "/api/v1/sales?to=2000-01-01").json().path("sales")).isEmpty();
      String today = java.time.LocalDate.ofInstant(java.time.Instant.ofEpochMilli(app.clock.millis()),
          ApiParams.DAYS).toString();
      assertThat(it.get(secret, "/api/v1/sales?from=" + today + "&to=" + today).json().path("sales")).hasSize(4);

      it.send("dayClose");
      JsonNode closes = it.get(secret, "/api/v1/day-closes").json().path("dayCloses");
      assertThat(closes).hasSize(1);
      assertThat(closes.get(0).path("sales").asLong()).isEqualTo(4);
      assertThat(closes.get(0).path("total").asLong()).isEqualTo(3600);
      assertThat(closes.get(0).path("methods").path("CASH").asLong()).isEqualTo(3600);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void bad_query_parameters_are_400_naming_the_field(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Integrator it = new Integrator(app);
      String secret = it.key("Wszystko", null, "receipts:read", "sales:read");
      String[][] cases = {
          {"/api/v1/sales?limit=0", "limit"}, {"/api/v1/sales?limit=201", "limit"}, {"/api/v1/sales?limit=x", "limit"},
          {"/api/v1/sales?cursor=%25%25", "cursor"}, {"/api/v1/sales?cursor=bm9wZQ", "cursor"},
          {"/api/v1/sales?from=yesterday", "from"}, {"/api/v1/sales?from=2026-12-02&to=2026-12-01", "to"},
          {"/api/v1/sales?shop=abc", "shop"}, {"/api/v1/receipts?state=closed", "state"},
          {"/api/v1/day-closes?to=13:00", "to"}};
      for (String[] k : cases) {
        WebClient.Response r = it.get(secret, k[0]);
        assertThat(r.status()).as(k[0] + " " + r.body()).isEqualTo(400);
        assertThat(r.json().path("field").asText()).as(k[0]).isEqualTo(k[1]);
        assertThat(r.json().path("message").asText()).as(k[0]).startsWith(k[1] + ": ");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void another_accounts_ids_and_a_shop_limited_keys_other_shop_are_404(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Integrator ours = new Integrator(app);
      Integrator theirs = new Integrator(app);
      String table = theirs.table("Stolik 1", 1);
      String sale = theirs.sale();
      String secret = ours.key("Wszystko", null, "receipts:read", "sales:read");
      assertThat(ours.get(secret, "/api/v1/receipts/" + table).status()).isEqualTo(404);
      assertThat(ours.get(secret, "/api/v1/receipts/" + sale).status()).isEqualTo(404);
      assertThat(ours.get(secret, "/api/v1/sales/" + sale).status()).isEqualTo(404);
      assertThat(ours.get(secret, "/api/v1/receipts?shop=" + theirs.shopA).status()).isEqualTo(404);
      assertThat(ours.get(secret, "/api/v1/sales?shop=" + theirs.shopA).status()).isEqualTo(404);
      assertThat(ours.get(secret, "/api/v1/receipts").json().path("receipts")).isEmpty();
      assertThat(ours.get(secret, "/api/v1/sales").json().path("sales")).isEmpty();
      assertThat(ours.get(secret, "/api/v1/shops").json().path("shops").findValuesAsText("id"))
          .doesNotContain(String.valueOf(theirs.shopA));

      // Their key limited to their other shop sees neither the receipt nor the sale of shop A.
      String limited = theirs.key("Mokotów", theirs.shopB, "receipts:read", "sales:read");
      assertThat(theirs.get(limited, "/api/v1/receipts/" + table).status()).isEqualTo(404);
      assertThat(theirs.get(limited, "/api/v1/sales/" + sale).status()).isEqualTo(404);
      assertThat(theirs.get(limited, "/api/v1/receipts?shop=" + theirs.shopA).status()).isEqualTo(404);
      assertThat(theirs.get(limited, "/api/v1/receipts").json().path("receipts")).isEmpty();
      assertThat(theirs.get(limited, "/api/v1/sales").json().path("sales")).isEmpty();
      assertThat(theirs.get(limited, "/api/v1/shops").json().path("shops").findValuesAsText("name"))
          .containsExactly("Mokotów");
      String rynek = theirs.key("Rynek", theirs.shopA, "receipts:read", "sales:read");
      assertThat(theirs.get(rynek, "/api/v1/receipts").json().path("receipts")).hasSize(1);
      assertThat(theirs.get(rynek, "/api/v1/sales/" + sale).status()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_catalog_lists_categories_products_and_modifier_groups(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Integrator it = new Integrator(app);
      String secret = it.key("catalog:read");
      WebClient.Response r = it.get(secret, "/api/v1/catalog");
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JsonNode p = r.json().path("products").get(0);
      assertThat(p.path("name").asText()).isEqualTo("Espresso");
      assertThat(p.path("price").asLong()).isEqualTo(900);
      assertThat(p.path("vat").asText()).isEqualTo("8");
      assertThat(r.json().has("categories")).isTrue();
      assertThat(r.json().path("modifierGroups").isArray()).isTrue();
    }
  }
}
