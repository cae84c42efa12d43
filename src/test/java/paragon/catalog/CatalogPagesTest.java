package paragon.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.accounts.Shops;
import paragon.configuration.Plan;
import paragon.configuration.Revisions;
import paragon.testing.Owners;
import paragon.testing.Rows;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

class CatalogPagesTest {

  /** A multipart form with one file field {@code file}, as a browser posts the import form. */
  static WebClient.Response upload(WebClient c, String path, String fileName, String content, String csrf) {
    String boundary = "----paragon" + System.nanoTime();
    StringBuilder body = new StringBuilder();
    if (csrf != null) {
      body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n")
          .append(csrf).append("\r\n");
    }
    body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
        .append(fileName).append("\"\r\nContent-Type: text/csv\r\n\r\n").append(content).append("\r\n--")
        .append(boundary).append("--\r\n");
    return c.postBody(path, "multipart/form-data; boundary=" + boundary, body.toString(), Map.of());
  }

  static Map<String, String> form(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
    return m;
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_product_is_added_with_errors_by_the_fields_first_and_one_revision(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX, "en");
      var c = owner.client();
      long shop = new Shops(app.db, app.clock).create(owner.accountId(), "t", "Kraków");
      assertThat(c.get("/backoffice/products/categories").body()).contains("No categories yet.");
      assertThat(c.postForm("/backoffice/products/categories", form("name", " Kawa ")).header("Location"))
          .isEqualTo("/backoffice/products/categories?saved");
      var dup = c.postForm("/backoffice/products/categories", form("name", "KAWA"));
      assertThat(dup.status()).isEqualTo(400);
      assertThat(dup.body()).contains("id=\"error-name\">There is already a category named \"KAWA\".",
          "value=\"KAWA\"");
      long category = new Categories(app.db, app.clock).list(owner.accountId()).get(0).id();
      long revision = Rows.revision(app.db, owner.accountId());

      assertThat(c.get("/backoffice/products/new").body()).contains("<option value=\"" + category + "\"", "Kraków");
      var bad = c.postForm("/backoffice/products", form("name", "  ", "price", "12,505", "vat", "7",
          "categoryId", "", "code", "A-1", "active", "on", "position", "",
          "shop." + shop + ".sent", "1", "shop." + shop + ".price", "abc", "shop." + shop + ".available", "on"));
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body()).contains("Nothing was saved", "id=\"error-name\">The name must have 1 to 60 characters.",
          "id=\"error-price\">Enter a price from 0", "id=\"error-vat\"", "id=\"error-categoryId\">Choose a category.",
          "id=\"error-code\"", "id=\"error-shop-" + shop + "-price\"", "value=\"12,505\"", "value=\"A-1\"",
          "value=\"abc\"");
      assertThat(Rows.revision(app.db, owner.accountId())).isEqualTo(revision);
      assertThat(Rows.count(app.db, "products WHERE account_id = :a", "a", owner.accountId())).isZero();

      var saved = c.postForm("/backoffice/products", form("name", "Latte", "price", "15.00", "vat", "8",
          "categoryId", String.valueOf(category), "code", "LAT", "active", "on", "position", "",
          "shop." + shop + ".sent", "1", "shop." + shop + ".price", "16,50", "shop." + shop + ".available", "on"));
      assertThat(saved.status()).isEqualTo(303);
      assertThat(saved.header("Location")).matches("/backoffice/products/\\d+\\?saved");
      assertThat(Rows.revision(app.db, owner.accountId())).isEqualTo(revision + 1);
      var snapshot = app.db.read(h -> Revisions.snapshot(h, owner.accountId(), revision + 1));
      assertThat(snapshot.products().get(0).priceIn(shop)).isEqualTo(1650);
      var page = c.get(saved.header("Location"));
      assertThat(page.body()).contains("value=\"Latte\"", "value=\"15,00\"", "value=\"16,50\"", "Saved.");

      var taken = c.postForm("/backoffice/products", form("name", "Latte 2", "price", "1", "vat", "8",
          "categoryId", String.valueOf(category), "code", "lat"));
      assertThat(taken.status()).isEqualTo(400);
      assertThat(taken.body()).contains("id=\"error-code\">The code \"lat\" is already used by \"Latte\".");

      var nul = c.postForm("/backoffice/products", form("name", "La\u0000tte", "price", "1", "vat", "8",
          "categoryId", String.valueOf(category)));
      assertThat(nul.status()).isEqualTo(400);
      assertThat(nul.body()).contains("id=\"error-name\">This field contains a character that cannot be stored");
      var nulCategory = c.postForm("/backoffice/products/categories", form("name", "K\u0000"));
      assertThat(nulCategory.status()).isEqualTo(400);
      assertThat(nulCategory.body()).contains("id=\"error-name\">This field contains a character");
      assertThat(Rows.revision(app.db, owner.accountId())).isEqualTo(revision + 1);

      assertThat(c.get("/backoffice/products/categories").body())
          .contains("<a href=\"/backoffice/products#category-" + category + "\">1</a>");
      var list = c.get("/backoffice/products?q=lat");
      assertThat(list.body())
          .contains("id=\"category-" + category + "\"", "<h2>Kawa</h2>", ">Latte</a>", "15.00\u00a0zł");
      assertThat(c.get("/backoffice/products?q=zzz").body()).contains("No product matches this search.");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_modifier_group_with_options_is_attached_and_archived_products_hide_unless_asked(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX);
      var c = owner.client();
      long category = new Categories(app.db, app.clock).create(owner.accountId(), "t", "Kawa");
      c.get("/backoffice/products/modifiers/new");
      var bad = c.postForm("/backoffice/products/modifiers", form("name", "Rozmiar", "min", "2", "max", "1",
          "rows", "3", "options[0].id", "", "options[0].name", "Mały", "options[0].delta", "0",
          "options[1].id", "", "options[1].name", "Duży", "options[1].delta", "2,0x",
          "options[2].id", "", "options[2].name", "", "options[2].delta", ""));
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body()).contains("id=\"error-options-1--delta\"", "value=\"2,0x\"");
      var saved = c.postForm("/backoffice/products/modifiers", form("name", "Rozmiar", "min", "1", "max", "1",
          "rows", "2", "options[0].id", "", "options[0].name", "Mały", "options[0].delta", "0",
          "options[1].id", "", "options[1].name", "Duży", "options[1].delta", "2,00"));
      assertThat(saved.header("Location")).matches("/backoffice/products/modifiers/\\d+\\?saved");
      long group = new ModifierGroups(app.db, app.clock).list(owner.accountId()).get(0).id();
      assertThat(c.get("/backoffice/products/modifiers").body()).contains("Rozmiar", "Duży (+2,00\u00a0zł)",
          "wymagane, co najmniej 1");

      var product = c.postEncoded("/backoffice/products", "name=Latte&price=15&vat=8&categoryId=" + category
          + "&active=on&groups=" + group);
      assertThat(product.status()).isEqualTo(303);
      long id = Long.parseLong(product.header("Location").replaceAll("\\D+(\\d+)\\D*", "$1"));
      long revision = Rows.revision(app.db, owner.accountId());
      var snapshot = app.db.read(h -> Revisions.snapshot(h, owner.accountId(), revision));
      assertThat(snapshot.products().get(0).groups()).containsExactly(group);
      assertThat(snapshot.group(group).min()).isEqualTo(1);

      assertThat(c.postForm("/backoffice/products/" + id + "/archive", Map.of()).header("Location"))
          .isEqualTo("/backoffice/products/" + id + "?saved");
      assertThat(c.get("/backoffice/products").body()).doesNotContain(">Latte</a>");
      assertThat(c.get("/backoffice/products?archived=1").body()).contains(">Latte</a>", "Zarchiwizowany");
      assertThat(Rows.revision(app.db, owner.accountId())).isEqualTo(revision + 1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_csv_is_previewed_with_its_bad_row_and_imported_only_on_confirm(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX, "en");
      var c = owner.client();
      c.get("/backoffice/products/import");
      long revision = Rows.revision(app.db, owner.accountId());
      String csv = "\uFEFFname;price;vat;category;code\nEspresso;9,00;8;Kawa;ESP\nZupa;dużo;8;Dania;\n"
          + "Sernik;18.50;5;Desery;\n";
      var preview = upload(c, "/backoffice/products/import", "menu.csv", csv, c.csrf());
      assertThat(preview.status()).isEqualTo(200);
      assertThat(preview.body()).contains(
          "File menu.csv (separator ;): 3 rows, 2 to add, 0 to update, 0 unchanged, 1 with errors.",
          "Line 3, column price: Enter a price from 0", "New categories: Kawa, Desery");
      assertThat(Rows.count(app.db, "products WHERE account_id = :a", "a", owner.accountId())).isZero();
      assertThat(Rows.revision(app.db, owner.accountId())).isEqualTo(revision);
      String token = preview.body().replaceAll("(?s).*name=\"token\" value=\"([^\"]+)\".*", "$1");

      var other = Owners.signedIn(app, Plan.MAX);
      other.client().get("/backoffice/products/import");
      var stolen = other.client().postForm("/backoffice/products/import/confirm", form("token", token));
      assertThat(stolen.status()).isEqualTo(400);
      assertThat(Rows.count(app.db, "products")).isZero();

      var done = c.postForm("/backoffice/products/import/confirm", form("token", token));
      assertThat(done.status()).isEqualTo(200);
      assertThat(done.body()).contains("Imported: 2 added, 0 updated, 0 unchanged, 1 rows skipped.");
      assertThat(Rows.revision(app.db, owner.accountId())).isEqualTo(revision + 1);
      assertThat(Rows.count(app.db, "products WHERE account_id = :a", "a", owner.accountId())).isEqualTo(2);
      var again = c.postForm("/backoffice/products/import/confirm", form("token", token));
      assertThat(again.status()).isEqualTo(400);
      assertThat(again.body()).contains("The preview has expired or was already used.");
      assertThat(Rows.revision(app.db, owner.accountId())).isEqualTo(revision + 1);

      var export = c.get("/backoffice/products/export.csv");
      assertThat(export.header("Content-Type")).startsWith("text/csv");
      assertThat(export.body()).isEqualTo("\uFEFFname;price;vat;category;code;active;sort\r\n"
          + "Espresso;9,00;8;Kawa;ESP;1;0\r\nSernik;18,50;5;Desery;;1;1\r\n");

      var broken = upload(c, "/backoffice/products/import", "x.csv", "nazwa;koszt\n", c.csrf());
      assertThat(broken.status()).isEqualTo(400);
      assertThat(broken.body()).contains("id=\"error-file\">Unknown column \"koszt\"");
      var huge = upload(c, "/backoffice/products/import", "big.csv",
          "name;price;vat;category\n" + "Espresso;9,00;8;Kawa\n".repeat(110_000), c.csrf());
      assertThat(huge.status()).isEqualTo(400);
      assertThat(huge.body()).contains("id=\"error-file\">The file is larger than 2 MB.");
      var forged = upload(c, "/backoffice/products/import", "x.csv", csv, null);
      assertThat(forged.status()).isEqualTo(403);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void another_accounts_catalog_is_not_found_and_forms_need_the_csrf_token(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX);
      var other = Owners.signedIn(app, Plan.MAX);
      long theirCat = new Categories(app.db, app.clock).create(other.accountId(), "t", "Obca");
      long myCat = new Categories(app.db, app.clock).create(owner.accountId(), "t", "Moja");
      long theirProduct = new Products(app.db, app.clock).save(other.accountId(), "t", null,
          CatalogStoreTest.product("Obcy", 100, theirCat, null)).id();
      long theirGroup = new ModifierGroups(app.db, app.clock).save(other.accountId(), "t", null,
          CatalogStoreTest.group("Obca", 0, 0, 100)).id();
      var c = owner.client();
      c.get("/backoffice/products");
      long revision = Rows.revision(app.db, owner.accountId());
      WebClient.Response theirs = c.get("/backoffice/products/" + theirProduct);
      assertThat(theirs.status()).isEqualTo(404);
      assertThat(theirs.body()).contains("Nie znaleziono produktu " + theirProduct + ".");
      assertThat(c.get("/backoffice/products/abc").status()).isEqualTo(404);
      assertThat(c.get("/backoffice/products/modifiers/" + theirGroup).status()).isEqualTo(404);
      assertThat(c.postForm("/backoffice/products/" + theirProduct, form("name", "X", "price", "1", "vat", "8",
          "categoryId", String.valueOf(myCat))).status()).isEqualTo(404);
      assertThat(c.postForm("/backoffice/products/" + theirProduct + "/archive", Map.of()).status()).isEqualTo(404);
      assertThat(c.postForm("/backoffice/products", form("name", "X", "price", "1", "vat", "8",
          "categoryId", String.valueOf(theirCat))).status()).isEqualTo(404);
      assertThat(c.postEncoded("/backoffice/products", "name=X&price=1&vat=8&categoryId=" + myCat
          + "&groups=" + theirGroup).status()).isEqualTo(404);
      assertThat(c.postForm("/backoffice/products/categories/" + theirCat, form("name", "Moja2")).status())
          .isEqualTo(404);
      assertThat(c.postForm("/backoffice/products/categories/" + theirCat + "/archive", Map.of()).status())
          .isEqualTo(404);
      assertThat(c.postForm("/backoffice/products/modifiers/" + theirGroup + "/archive", Map.of()).status())
          .isEqualTo(404);
      assertThat(c.postForm("/backoffice/products/modifiers/" + theirGroup, form("name", "Moja", "min", "0",
          "max", "0", "rows", "1", "options[0].name", "a", "options[0].delta", "1")).status()).isEqualTo(404);
      long theirOption = new ModifierGroups(app.db, app.clock).find(other.accountId(), theirGroup)
          .options().get(0).id();
      assertThat(c.postForm("/backoffice/products/modifiers", form("name", "Moja", "min", "0", "max", "0",
          "rows", "1", "options[0].id", String.valueOf(theirOption), "options[0].name", "a",
          "options[0].delta", "1")).status()).isEqualTo(404);
      assertThat(c.postFormRaw("/backoffice/products", form("name", "X", "price", "1", "vat", "8",
          "categoryId", String.valueOf(myCat))).status()).isEqualTo(403);
      assertThat(c.postFormRaw("/backoffice/products/categories", form("name", "Nowa")).status()).isEqualTo(403);
      assertThat(Rows.revision(app.db, owner.accountId())).isEqualTo(revision);
      assertThat(Rows.count(app.db, "products WHERE account_id = :a", "a", owner.accountId())).isZero();
      assertThat(new Categories(app.db, app.clock).list(other.accountId()).get(0).name()).isEqualTo("Obca");
    }
  }
}
