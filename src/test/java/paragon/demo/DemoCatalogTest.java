package paragon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.catalog.Categories;
import paragon.catalog.Products;
import paragon.configuration.ConfigSnapshot;
import paragon.configuration.Revisions;
import paragon.testing.Rows;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

/** The demo's products are made by the catalog's store: categories are rows, in the demo's order. */
class DemoCatalogTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_demo_has_its_twenty_products_in_seven_categories_through_the_catalog(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      long account = Demo.prepare(app.db, app.clock).accountId();
      var categories = new Categories(app.db, app.clock).list(account);
      assertThat(categories).extracting(Categories.Category::name).containsExactly("Kawa i herbata", "Dania",
          "Desery", "Napoje", "Alkohol", "Sklep", "Usługi");
      var products = new Products(app.db, app.clock).list(account);
      assertThat(products).extracting(Products.Product::name)
          .containsExactlyElementsOf(Demo.PRODUCTS.stream().map(Demo.Product::name).toList());
      assertThat(products).allSatisfy(p -> assertThat(p.categoryId()).isNotNull());
      ConfigSnapshot snapshot = app.db.read(h -> Revisions.snapshot(h, account, Rows.revision(app.db, account)));
      assertThat(snapshot.products()).hasSize(20);
      assertThat(snapshot.categories()).hasSize(7);
    }
  }
}
