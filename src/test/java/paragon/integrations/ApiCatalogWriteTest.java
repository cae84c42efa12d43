package paragon.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.catalog.Categories;
import paragon.configuration.ConfigSnapshot;
import paragon.configuration.Revisions;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/**
 * The catalog writes of /api/v1 (docs/api.md, "Catalog writes"): each one a configuration revision as the
 * back office records it (archive and restore as its buttons do), Idempotency-Key answered once, bad input 400 naming the field, other
 * accounts' ids 404; on both databases.
 */
class ApiCatalogWriteTest {

  private static WebClient.Response send(Integrator it, String key, String method, String path, String body,
      String idempotencyKey) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Authorization", "Bearer " + key);
    if (idempotencyKey != null) headers.put("Idempotency-Key", idempotencyKey);
    return it.app.client().sendBody(method, path, "application/json", body, headers);
  }

  private static WebClient.Response send(Integrator it, String key, String method, String path, String body) {
    return send(it, key, method, path, body, null);
  }

  private static long revision(Integrator it) {
    return it.app.db.read(h -> Revisions.current(h, it.owner.accountId()));
  }

  /** The author and summary of the account's latest revision. */
  private static String[] latest(Integrator it) {
    return it.app.db.read(h -> h.createQuery("""
            SELECT author, summary FROM config_revisions WHERE account_id = :a ORDER BY revision DESC LIMIT 1""")
        .bind("a", it.owner.accountId()).map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).one());
  }

  private static long products(Integrator it) {
    return it.app.db.read(h -> h.createQuery("SELECT COUNT(*) FROM products WHERE account_id = :a")
        .bind("a", it.owner.accountId()).mapTo(Long.class).one());
  }

  private static long category(Integrator it, String key, String name) {
    WebClient.Response r = send(it, key, "POST", "/api/v1/catalog/categories", "{\"name\":\"" + name + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void categories_and_products_are_created_changed_and_archived_each_a_revision_as_in_the_back_office(
      TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Integrator it = new Integrator(app);
      String key = it.key("Sklep internetowy", null, "catalog:write", "catalog:read");
      long r0 = revision(it);

      WebClient.Response cat = send(it, key, "POST", "/api/v1/catalog/categories", "{\"name\":\"Desery\"}");
      assertThat(cat.status()).as(cat.body()).isEqualTo(201);
      long desery = cat.json().path("id").asLong();
      assertThat(cat.json().path("name").asText()).isEqualTo("Desery");
      assertThat(cat.json().path("archived").asBoolean()).isFalse();
      assertThat(revision(it)).isEqualTo(r0 + 1);
      String[] rev = latest(it);
      assertThat(rev[0]).startsWith("API key ").endsWith("(Sklep internetowy)");
      assertThat(rev[1]).contains("Desery");

      WebClient.Response made = send(it, key, "POST", "/api/v1/catalog/products", """
          {"name":"Sernik","price":1400,"vat":"8","categoryId":%d,"code":"SER",
           "shops":[{"shopId":%d,"price":1500},{"shopId":%d,"available":false}]}""".formatted(desery, it.shopA,
          it.shopB));
      assertThat(made.status()).as(made.body()).isEqualTo(201);
      JsonNode p = made.json();
      long sernik = p.path("id").asLong();
      assertThat(p.path("price").asLong()).isEqualTo(1400);
      assertThat(p.path("vat").asText()).isEqualTo("8");
      assertThat(p.path("categoryId").asLong()).isEqualTo(desery);
      assertThat(p.path("code").asText()).isEqualTo("SER");
      assertThat(p.path("active").asBoolean()).isTrue();
      assertThat(p.path("shops")).hasSize(2);
      assertThat(revision(it)).isEqualTo(r0 + 2);
      assertThat(latest(it)[1]).contains("Sernik");

      // A change names only what changes; the rest stays. A change that changes nothing records nothing.
      WebClient.Response changed = send(it, key, "PATCH", "/api/v1/catalog/products/" + sernik, "{\"price\":1600}");
      assertThat(changed.status()).as(changed.body()).isEqualTo(200);
      assertThat(changed.json().path("price").asLong()).isEqualTo(1600);
      assertThat(changed.json().path("name").asText()).isEqualTo("Sernik");
      assertThat(changed.json().path("code").asText()).isEqualTo("SER");
      assertThat(changed.json().path("shops")).hasSize(2);
      assertThat(revision(it)).isEqualTo(r0 + 3);
      assertThat(send(it, key, "PATCH", "/api/v1/catalog/products/" + sernik, "{\"price\":1600}").status())
          .isEqualTo(200);
      assertThat(revision(it)).isEqualTo(r0 + 3);

      // The category: renamed (the product's category name follows) and given a course, one revision each.
      WebClient.Response renamed = send(it, key, "PATCH", "/api/v1/catalog/categories/" + desery,
          "{\"name\":\"Ciasta\",\"course\":3}");
      assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
      assertThat(renamed.json().path("name").asText()).isEqualTo("Ciasta");
      assertThat(renamed.json().path("course").asInt()).isEqualTo(3);
      assertThat(revision(it)).isEqualTo(r0 + 5);

      // The back office shows what the API wrote.
      it.owner.client().get("/backoffice/products");
      assertThat(it.owner.client().get("/backoffice/products").body()).contains("Sernik").contains("Ciasta");

      WebClient.Response archived = send(it, key, "POST", "/api/v1/catalog/products/" + sernik + "/archive", "");
      assertThat(archived.status()).as(archived.body()).isEqualTo(200);
      assertThat(archived.json().path("archived").asBoolean()).isTrue();
      assertThat(revision(it)).isEqualTo(r0 + 6);
      WebClient.Response catArchived = send(it, key, "POST", "/api/v1/catalog/categories/" + desery + "/archive", "");
      assertThat(catArchived.status()).as(catArchived.body()).isEqualTo(200);
      assertThat(catArchived.json().path("archived").asBoolean()).isTrue();
      assertThat(revision(it)).isEqualTo(r0 + 7);

      JsonNode catalog = it.get(key, "/api/v1/catalog").json();
      JsonNode listed = null;
      for (JsonNode x : catalog.path("products")) if (x.path("id").asLong() == sernik) listed = x;
      assertThat(listed).isNotNull();
      assertThat(listed.path("archived").asBoolean()).isTrue();
      assertThat(listed.path("price").asLong()).isEqualTo(1600);
    }
  }

  /** The names of the products the account's terminals get at its current revision. */
  private static List<String> onTerminals(Integrator it) {
    return it.app.db.read(h -> Revisions.snapshot(h, it.owner.accountId(), Revisions.current(h, it.owner.accountId()))
        .products().stream().map(ConfigSnapshot.Product::name).toList());
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void archived_categories_and_products_are_restored_as_the_back_office_restores_them(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Integrator it = new Integrator(app);
      String key = it.key("Sklep internetowy", null, "catalog:write");
      long desery = category(it, key, "Desery");
      long napoje = category(it, key, "Napoje");
      WebClient.Response made = send(it, key, "POST", "/api/v1/catalog/products",
          "{\"name\":\"Sernik\",\"price\":1400,\"vat\":\"8\",\"categoryId\":" + desery + ",\"code\":\"SER\"}");
      assertThat(made.status()).as(made.body()).isEqualTo(201);
      long sernik = made.json().path("id").asLong();
      String product = "/api/v1/catalog/products/" + sernik;
      String category = "/api/v1/catalog/categories/" + desery;
      long r0 = revision(it);

      // Restoring what is not archived answers it as it is and records nothing (the back office's "unchanged").
      WebClient.Response notArchived = send(it, key, "POST", product + "/restore", "");
      assertThat(notArchived.status()).as(notArchived.body()).isEqualTo(200);
      assertThat(notArchived.json().path("archived").asBoolean()).isFalse();
      assertThat(send(it, key, "POST", category + "/restore", "").json().path("archived").asBoolean()).isFalse();
      assertThat(revision(it)).isEqualTo(r0);

      assertThat(send(it, key, "POST", product + "/archive", "").status()).isEqualTo(200);
      assertThat(send(it, key, "POST", category + "/archive", "").status()).isEqualTo(200);
      assertThat(onTerminals(it)).doesNotContain("Sernik");
      long r1 = revision(it);
      assertThat(r1).isEqualTo(r0 + 2);

      // A product restored in an archived category is restored, as the back office does, one revision, and
      // stays off the terminals until its category is restored.
      WebClient.Response restored = send(it, key, "POST", product + "/restore", "", "przywroc-sernik");
      assertThat(restored.status()).as(restored.body()).isEqualTo(200);
      assertThat(restored.json().path("archived").asBoolean()).isFalse();
      assertThat(restored.json().path("code").asText()).isEqualTo("SER");
      assertThat(revision(it)).isEqualTo(r1 + 1);
      String[] rev = latest(it);
      assertThat(rev[0]).startsWith("API key ").endsWith("(Sklep internetowy)");
      assertThat(rev[1]).contains("Sernik");
      assertThat(onTerminals(it)).doesNotContain("Sernik");
      WebClient.Response replayed = send(it, key, "POST", product + "/restore", "", "przywroc-sernik");
      assertThat(replayed.json()).isEqualTo(restored.json());
      assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
      // The same Idempotency-Key on archive is another request.
      WebClient.Response otherRoute = send(it, key, "POST", product + "/archive", "", "przywroc-sernik");
      assertThat(otherRoute.status()).as(otherRoute.body()).isEqualTo(422);
      assertThat(revision(it)).isEqualTo(r1 + 1);

      // The category restored goes to the end of the order and brings its product back to the terminals.
      WebClient.Response back = send(it, key, "POST", category + "/restore", "");
      assertThat(back.status()).as(back.body()).isEqualTo(200);
      assertThat(back.json().path("archived").asBoolean()).isFalse();
      int napojePosition = app.db.read(h -> Categories.find(h, it.owner.accountId(), napoje)).position();
      assertThat(back.json().path("position").asInt()).isGreaterThan(napojePosition);
      assertThat(revision(it)).isEqualTo(r1 + 2);
      assertThat(latest(it)[1]).contains("Desery");
      assertThat(onTerminals(it)).contains("Sernik");
      JsonNode listed = null;
      for (JsonNode x : it.get(it.key("catalog:read"), "/api/v1/catalog").json().path("products")) {
        if (x.path("id").asLong() == sernik) listed = x;
      }
      assertThat(listed).isNotNull();
      assertThat(listed.path("archived").asBoolean()).isFalse();

      // Restoring a code another product took since is 409; a name another active category took, 400 name.
      assertThat(send(it, key, "POST", product + "/archive", "").status()).isEqualTo(200);
      assertThat(send(it, key, "POST", "/api/v1/catalog/products", "{\"name\":\"Sernik nowy\",\"price\":1500,"
          + "\"vat\":\"8\",\"categoryId\":" + desery + ",\"code\":\"SER\"}").status()).isEqualTo(201);
      assertThat(send(it, key, "POST", category + "/archive", "").status()).isEqualTo(200);
      category(it, key, "desery");
      long r2 = revision(it);
      WebClient.Response codeTaken = send(it, key, "POST", product + "/restore", "");
      assertThat(codeTaken.status()).as(codeTaken.body()).isEqualTo(409);
      assertThat(codeTaken.json().path("error").asText()).isEqualTo("code_taken");
      assertThat(codeTaken.json().path("message").asText()).contains("SER");
      WebClient.Response nameTaken = send(it, key, "POST", category + "/restore", "");
      assertThat(nameTaken.status()).as(nameTaken.body()).isEqualTo(400);
      assertThat(nameTaken.json().path("field").asText()).isEqualTo("name");
      assertThat(revision(it)).isEqualTo(r2);
      assertThat(app.db.read(h -> Categories.find(h, it.owner.accountId(), desery)).archived()).isTrue();

      // catalog:write is needed, as for archive.
      WebClient.Response readOnly = send(it, it.key("catalog:read"), "POST", category + "/restore", "");
      assertThat(readOnly.status()).isEqualTo(403);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void an_idempotency_key_answers_the_first_result_and_refuses_another_body(TestDatabases.Kind kind)
      throws Exception {
    try (TestApp app = TestApp.start(kind)) {
      Integrator it = new Integrator(app);
      String key = it.key("catalog:write");
      long kawa = category(it, key, "Kawa");
      String body = "{\"name\":\"Latte\",\"price\":1200,\"vat\":\"8\",\"categoryId\":" + kawa + "}";
      long before = products(it);
      long r0 = revision(it);

      WebClient.Response first = send(it, key, "POST", "/api/v1/catalog/products", body, "zamowienie-1");
      assertThat(first.status()).as(first.body()).isEqualTo(201);
      // The same request again, its fields in another order: the first answer, and no second product.
      String reordered = "{ \"categoryId\": " + kawa + ", \"vat\": \"8\", \"price\": 1200, \"name\": \"Latte\" }";
      WebClient.Response again = send(it, key, "POST", "/api/v1/catalog/products", reordered, "zamowienie-1");
      assertThat(again.status()).isEqualTo(201);
      assertThat(again.json()).isEqualTo(first.json());
      assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
      assertThat(products(it)).isEqualTo(before + 1);
      assertThat(revision(it)).isEqualTo(r0 + 1);

      // The same key with another body (or route) is refused, and writes nothing.
      WebClient.Response other = send(it, key, "POST", "/api/v1/catalog/products",
          body.replace("1200", "1300"), "zamowienie-1");
      assertThat(other.status()).as(other.body()).isEqualTo(422);
      assertThat(other.json().path("error").asText()).isEqualTo("idempotency_mismatch");
      assertThat(other.json().path("message").asText()).contains("Idempotency-Key");
      WebClient.Response otherRoute = send(it, key, "POST", "/api/v1/catalog/categories", body, "zamowienie-1");
      assertThat(otherRoute.status()).isEqualTo(422);
      assertThat(products(it)).isEqualTo(before + 1);

      // Keys are per API key: another key's same Idempotency-Key is another write.
      String second = it.key("Drugi", null, "catalog:write");
      WebClient.Response theirs = send(it, second, "POST", "/api/v1/catalog/products",
          body.replace("Latte", "Flat white"), "zamowienie-1");
      assertThat(theirs.status()).as(theirs.body()).isEqualTo(201);
      assertThat(products(it)).isEqualTo(before + 2);

      // A refused write stores nothing: the same key then works with the corrected body.
      WebClient.Response refused = send(it, key, "POST", "/api/v1/catalog/products",
          body.replace("\"8\"", "\"7\""), "zamowienie-2");
      assertThat(refused.status()).isEqualTo(400);
      assertThat(send(it, key, "POST", "/api/v1/catalog/products", body.replace("Latte", "Cortado"), "zamowienie-2")
          .status()).isEqualTo(201);

      WebClient.Response badKey = send(it, key, "POST", "/api/v1/catalog/products", body, "x".repeat(256));
      assertThat(badKey.status()).isEqualTo(400);
      assertThat(badKey.json().path("field").asText()).isEqualTo("Idempotency-Key");

      // Eight requests racing with one key: one product, eight equal answers.
      long racedBefore = products(it);
      String raced = body.replace("Latte", "Americano");
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Callable<WebClient.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          calls.add(() -> send(it, key, "POST", "/api/v1/catalog/products", raced, "wyscig"));
        }
        List<JsonNode> answers = new ArrayList<>();
        for (Future<WebClient.Response> f : pool.invokeAll(calls)) {
          assertThat(f.get().status()).as(f.get().body()).isEqualTo(201);
          answers.add(f.get().json());
        }
        assertThat(answers).allSatisfy(a -> assertThat(a).isEqualTo(answers.get(0)));
      } finally {
        pool.shutdownNow();
      }
      assertThat(products(it)).isEqualTo(racedBefore + 1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void bad_input_is_400_naming_the_field_and_other_accounts_ids_are_404(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Integrator it = new Integrator(app);
      Integrator other = new Integrator(app);
      String key = it.key("catalog:write");
      long kawa = category(it, key, "Kawa");
      String theirKey = other.key("catalog:write");
      long theirCategory = category(other, theirKey, "Herbata");
      long theirProduct = send(other, theirKey, "POST", "/api/v1/catalog/products",
          "{\"name\":\"Earl Grey\",\"price\":800,\"vat\":\"8\",\"categoryId\":" + theirCategory + "}").json()
          .path("id").asLong();
      long before = products(it);
      long r0 = revision(it);

      String ok = "\"name\":\"Mocha\",\"price\":1500,\"vat\":\"8\",\"categoryId\":" + kawa;
      Map<String, String> cases = new LinkedHashMap<>();
      cases.put("{\"price\":1500,\"vat\":\"8\",\"categoryId\":" + kawa + "}", "name");
      cases.put("{" + ok.replace("\"Mocha\"", "123") + "}", "name");
      cases.put("{" + ok.replace("\"Mocha\"", "\"\"") + "}", "name");
      cases.put("{" + ok.replace("1500", "-1") + "}", "price");
      cases.put("{" + ok.replace("1500", "\"15,00\"") + "}", "price");
      cases.put("{" + ok.replace("1500", "15.5") + "}", "price");
      cases.put("{" + ok.replace("1500", "100000001") + "}", "price");
      cases.put("{" + ok.replace("\"8\"", "\"7\"") + "}", "vat");
      cases.put("{\"name\":\"Mocha\",\"price\":1500,\"vat\":\"8\"}", "categoryId");
      cases.put("{" + ok.replace("\"categoryId\":" + kawa, "\"categoryId\":\"x\"") + "}", "categoryId");
      cases.put("{" + ok + ",\"code\":\"!!\"}", "code");
      cases.put("{" + ok + ",\"active\":\"yes\"}", "active");
      cases.put("{" + ok + ",\"position\":-3}", "position");
      cases.put("{" + ok + ",\"shops\":\"x\"}", "shops");
      cases.put("{" + ok + ",\"shops\":[{\"shopId\":\"a\"}]}", "shops");
      cases.put("{" + ok + ",\"shops\":[{\"shopId\":" + it.shopA + ",\"price\":-5}]}", "shops");
      cases.put("{" + ok + ",\"modifierGroupIds\":[\"x\"]}", "modifierGroupIds");
      cases.put("[1,2]", "body");
      cases.put("not json", "body");
      for (Map.Entry<String, String> c : cases.entrySet()) {
        WebClient.Response r = send(it, key, "POST", "/api/v1/catalog/products", c.getKey());
        assertThat(r.status()).as(c.getKey() + " " + r.body()).isEqualTo(400);
        assertThat(r.json().path("field").asText()).as(c.getKey()).isEqualTo(c.getValue());
        assertThat(r.json().path("message").asText()).as(c.getKey()).isNotBlank();
      }
      // Only money is in grosze: an id or a position is just a whole number.
      assertThat(send(it, key, "POST", "/api/v1/catalog/products", "{\"name\":\"Mocha\",\"price\":1500,\"vat\":\"8\"}")
          .json().path("message").asText()).startsWith("categoryId:").doesNotContain("grosz");
      assertThat(send(it, key, "POST", "/api/v1/catalog/products", "{" + ok.replace("1500", "\"15,00\"") + "}")
          .json().path("message").asText()).startsWith("price:").contains("grosz");
      WebClient.Response emptyName = send(it, key, "POST", "/api/v1/catalog/categories", "{\"name\":\" \"}");
      assertThat(emptyName.json().path("field").asText()).isEqualTo("name");
      WebClient.Response taken = send(it, key, "POST", "/api/v1/catalog/categories", "{\"name\":\"kawa\"}");
      assertThat(taken.status()).isEqualTo(400);
      assertThat(taken.json().path("field").asText()).isEqualTo("name");
      WebClient.Response course = send(it, key, "PATCH", "/api/v1/catalog/categories/" + kawa, "{\"course\":12}");
      assertThat(course.status()).isEqualTo(400);
      assertThat(course.json().path("field").asText()).isEqualTo("course");

      // Another account's category, product, shop: 404, and nothing written.
      String[][] notFound = {
          {"POST", "/api/v1/catalog/products", "{\"name\":\"Mocha\",\"price\":1500,\"vat\":\"8\",\"categoryId\":"
              + theirCategory + "}"},
          {"POST", "/api/v1/catalog/products", "{" + ok + ",\"shops\":[{\"shopId\":" + other.shopA + "}]}"},
          {"PATCH", "/api/v1/catalog/products/" + theirProduct, "{\"price\":1}"},
          {"POST", "/api/v1/catalog/products/" + theirProduct + "/archive", ""},
          {"PATCH", "/api/v1/catalog/categories/" + theirCategory, "{\"name\":\"Moja\"}"},
          {"POST", "/api/v1/catalog/categories/" + theirCategory + "/archive", ""},
          {"POST", "/api/v1/catalog/categories/" + theirCategory + "/restore", ""},
          {"POST", "/api/v1/catalog/products/" + theirProduct + "/restore", ""},
          {"POST", "/api/v1/catalog/products/abc/restore", ""},
          {"PATCH", "/api/v1/catalog/products/abc", "{\"price\":1}"},
          {"POST", "/api/v1/catalog/products/" + Long.MAX_VALUE + "/archive", ""}};
      for (String[] c : notFound) {
        WebClient.Response r = send(it, key, c[0], c[1], c[2]);
        assertThat(r.status()).as(c[0] + " " + c[1] + " " + c[2] + ": " + r.body()).isEqualTo(404);
      }
      // The 404 names the thing in the caller's language, the Polish noun declined.
      WebClient.Response pl = send(it, key, "PATCH", "/api/v1/catalog/products/" + theirProduct, "{\"price\":1}");
      assertThat(pl.json().path("message").asText()).isEqualTo("Nie znaleziono produktu " + theirProduct + ".");
      WebClient.Response en = it.app.client().sendBody("PATCH", "/api/v1/catalog/categories/abc", "application/json",
          "{\"name\":\"Moja\"}", Map.of("Authorization", "Bearer " + key, "Accept-Language", "en"));
      assertThat(en.status()).isEqualTo(404);
      assertThat(en.json().path("message").asText()).isEqualTo("Category abc not found.");
      assertThat(products(it)).isEqualTo(before);
      assertThat(revision(it)).isEqualTo(r0);
      JsonNode theirs = other.get(other.key("catalog:read"), "/api/v1/catalog").json();
      assertThat(theirs.path("products").findValuesAsText("name")).contains("Earl Grey");
      assertThat(theirs.path("categories").findValuesAsText("name")).contains("Herbata").doesNotContain("Moja");

      // A key limited to a shop sets that shop's price only; a key without catalog:write is refused.
      String limited = it.key("Rynek", it.shopA, "catalog:write");
      WebClient.Response otherShop = send(it, limited, "POST", "/api/v1/catalog/products",
          "{" + ok + ",\"shops\":[{\"shopId\":" + it.shopB + ",\"price\":100}]}");
      assertThat(otherShop.status()).isEqualTo(404);
      WebClient.Response ownShop = send(it, limited, "POST", "/api/v1/catalog/products",
          "{" + ok + ",\"shops\":[{\"shopId\":" + it.shopA + ",\"price\":1700}]}");
      assertThat(ownShop.status()).as(ownShop.body()).isEqualTo(201);
      WebClient.Response readOnly = send(it, it.key("catalog:read"), "POST", "/api/v1/catalog/categories",
          "{\"name\":\"Soki\"}");
      assertThat(readOnly.status()).isEqualTo(403);
    }
  }
}
