package paragon.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.accounts.Accounts;
import paragon.accounts.Shops;
import paragon.configuration.ConfigSnapshot;
import paragon.configuration.Plan;
import paragon.configuration.Revisions;
import paragon.storage.Database;
import paragon.testing.MutableClock;
import paragon.testing.Rows;
import paragon.testing.TestDatabases;
import paragon.web.Problem;

class CatalogStoreTest {

  static long account(Database db, MutableClock clock, String language) {
    return new Accounts(db, clock).create(new Accounts.NewAccount("Kawiarnia", Plan.MAX, language,
        "o" + System.nanoTime() + "@b.pl", "Olga", "password1")).accountId();
  }

  static ProductRules.Valid product(String name, long price, long category, String code) {
    return new ProductRules.Valid(name, price, "8", category, code, true, null, List.of(), List.of());
  }

  static ModifierRules.Valid group(String name, int min, int max, long... deltas) {
    List<ModifierRules.ValidOption> options = new java.util.ArrayList<>();
    for (int i = 0; i < deltas.length; i++) {
      options.add(new ModifierRules.ValidOption(null, name + i, deltas[i], false));
    }
    return new ModifierRules.Valid(name, min, max, options);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void categories_are_ordered_renamed_and_archived_with_one_revision_each(TestDatabases.Kind kind) {
    try (Database db = TestDatabases.open(kind)) {
      var clock = new MutableClock();
      long a = account(db, clock, "en");
      Categories categories = new Categories(db, clock);
      long coffee = categories.create(a, "t", " Kawa ");
      long cakes = categories.create(a, "t", "Desery");
      assertThatThrownBy(() -> categories.create(a, "t", "KAWA")).isInstanceOfSatisfying(Problem.class,
          p -> assertThat(p.messageKey()).isEqualTo("catalog.category.taken"));
      long espresso = new Products(db, clock).save(a, "t", null, product("Espresso", 900, coffee, null)).id();
      assertThat(Rows.revision(db, a)).isEqualTo(4);

      assertThat(categories.rename(a, "t", coffee, "Kawa i herbata")).isTrue();
      assertThat(categories.rename(a, "t", coffee, "Kawa i herbata")).isFalse();
      String column = db.read(h -> h.createQuery("SELECT category FROM products WHERE id = :id")
          .bind("id", espresso).mapTo(String.class).one());
      assertThat(column).isEqualTo("Kawa i herbata");
      assertThat(categories.move(a, "t", cakes, -1)).isTrue();
      assertThat(categories.move(a, "t", cakes, -1)).isFalse();
      assertThat(categories.list(a)).extracting(Categories.Category::name).containsExactly("Desery", "Kawa i herbata");
      assertThat(Rows.revision(db, a)).isEqualTo(6);
      var summary = db.read(h -> h.createQuery("SELECT summary FROM config_revisions WHERE account_id = :a"
          + " AND revision = 5").bind("a", a).mapTo(String.class).one());
      assertThat(summary).isEqualTo("category renamed: Kawa -> Kawa i herbata");

      assertThat(categories.archive(a, "t", coffee, true)).isTrue();
      var snapshot = db.read(h -> Revisions.snapshot(h, a, 7));
      assertThat(snapshot.categories()).extracting(ConfigSnapshot.Category::name).containsExactly("Desery");
      assertThat(snapshot.products()).isEmpty();
      assertThat(categories.archive(a, "t", coffee, false)).isTrue();
      assertThat(db.read(h -> Revisions.snapshot(h, a, 8)).products()).extracting(ConfigSnapshot.Product::name)
          .containsExactly("Espresso");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_saved_product_reaches_the_snapshot_with_its_shop_price_and_modifier_groups(TestDatabases.Kind kind) {
    try (Database db = TestDatabases.open(kind)) {
      var clock = new MutableClock();
      long a = account(db, clock, "pl");
      long krakow = new Shops(db, clock).create(a, "t", "Kraków");
      long gdansk = new Shops(db, clock).create(a, "t", "Gdańsk");
      long coffee = new Categories(db, clock).create(a, "t", "Kawa");
      ModifierGroups groups = new ModifierGroups(db, clock);
      long size = groups.save(a, "t", null, group("Rozmiar", 1, 1, 0, 200)).id();
      long extras = groups.save(a, "t", null, group("Dodatki", 0, 0, 100, 150)).id();
      Products products = new Products(db, clock);
      long before = Rows.revision(db, a);
      var latte = new ProductRules.Valid("Latte", 1500, "8", coffee, "LAT", true, null,
          List.of(new ProductRules.ShopPrice(krakow, 1700L, true), new ProductRules.ShopPrice(gdansk, null, false)),
          List.of(extras, size));
      var saved = products.save(a, "o@b.pl", null, latte);
      assertThat(saved.changed()).isTrue();
      long revision = Rows.revision(db, a);
      assertThat(revision).isEqualTo(before + 1);

      ConfigSnapshot snapshot = db.read(h -> Revisions.snapshot(h, a, revision));
      ConfigSnapshot.Product p = snapshot.products().get(0);
      assertThat(p.name()).isEqualTo("Latte");
      assertThat(p.code()).isEqualTo("LAT");
      assertThat(p.categoryId()).isEqualTo(coffee);
      assertThat(p.groups()).containsExactly(extras, size);
      assertThat(p.priceIn(krakow)).isEqualTo(1700);
      assertThat(p.availableIn(gdansk)).isFalse();
      assertThat(p.priceIn(gdansk)).isEqualTo(1500);
      assertThat(snapshot.group(size).options()).extracting(ConfigSnapshot.Option::delta).containsExactly(0L, 200L);
      String summary = db.read(h -> h.createQuery("SELECT summary FROM config_revisions WHERE account_id = :a"
          + " AND revision = :r").bind("a", a).bind("r", revision).mapTo(String.class).one());
      assertThat(summary).isEqualTo("dodano produkt: Latte");

      assertThat(products.save(a, "t", saved.id(), latte).changed()).isFalse();
      assertThat(Rows.revision(db, a)).isEqualTo(revision);
      var cheaper = new ProductRules.Valid("Latte", 1400, "8", coffee, "LAT", true, null, List.of(), List.of(size));
      assertThat(products.save(a, "t", saved.id(), cheaper).changed()).isTrue();
      ConfigSnapshot after = db.read(h -> Revisions.snapshot(h, a, revision + 1));
      assertThat(after.products().get(0).shops()).isEmpty();
      assertThat(after.products().get(0).groups()).containsExactly(size);
      assertThat(Rows.count(db, "product_shops WHERE account_id = :a", "a", a)).isZero();

      assertThat(groups.archive(a, "t", size, true)).isTrue();
      assertThat(db.read(h -> Revisions.snapshot(h, a, revision + 2)).products().get(0).groups()).isEmpty();
      var renamed = new ProductRules.Valid("Latte duże", 1400, "8", coffee, "LAT", true, null, List.of(),
          List.of(size));
      assertThat(products.save(a, "t", saved.id(), renamed).changed()).isTrue();
      assertThat(products.find(a, saved.id()).groups()).containsExactly(size);
      assertThatThrownBy(() -> products.save(a, "t", null, new ProductRules.Valid("Mocha", 1400, "8", coffee, null,
          true, null, List.of(), List.of(size)))).isInstanceOfSatisfying(Problem.class,
          p2 -> assertThat(p2.messageKey()).isEqualTo("catalog.groups.archived"));
      assertThat(groups.archive(a, "t", size, false)).isTrue();
      assertThat(db.read(h -> Revisions.snapshot(h, a, revision + 4)).products().get(0).groups())
          .containsExactly(size);

      assertThat(products.archive(a, "t", saved.id(), true)).isTrue();
      assertThat(db.read(h -> Revisions.snapshot(h, a, revision + 5)).products()).isEmpty();
      assertThat(products.find(a, saved.id()).archived()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void codes_are_unique_and_no_modifier_takes_a_price_below_zero(TestDatabases.Kind kind) {
    try (Database db = TestDatabases.open(kind)) {
      var clock = new MutableClock();
      long a = account(db, clock, "pl");
      long cat = new Categories(db, clock).create(a, "t", "Kawa");
      Products products = new Products(db, clock);
      ModifierGroups groups = new ModifierGroups(db, clock);
      long espresso = products.save(a, "t", null, product("Espresso", 900, cat, "ESP")).id();
      assertThatThrownBy(() -> products.save(a, "t", null, product("Doppio", 1200, cat, "esp")))
          .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.field()).isEqualTo("code"));
      long discount = groups.save(a, "t", null, group("Bez mleka", 0, 1, -500, -1000)).id();
      assertThatThrownBy(() -> products.save(a, "t", espresso, new ProductRules.Valid("Espresso", 900, "8", cat,
          "ESP", true, null, List.of(), List.of(discount))))
          .isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.field()).isEqualTo("groups");
            assertThat(p.messageKey()).isEqualTo("catalog.price.below_zero");
          });
      long half = groups.save(a, "t", null, group("Mniej", 0, 1, -400)).id();
      products.save(a, "t", espresso, new ProductRules.Valid("Espresso", 900, "8", cat, "ESP", true, null, List.of(),
          List.of(half)));
      long revision = Rows.revision(db, a);
      var deeper = new ModifierRules.Valid("Mniej", 0, 1, List.of(new ModifierRules.ValidOption(
          groups.find(a, half).options().get(0).id(), "Mniej0", -1000, false)));
      assertThatThrownBy(() -> groups.save(a, "t", half, deeper)).isInstanceOfSatisfying(Problem.class,
          p -> assertThat(p.messageKey()).isEqualTo("catalog.options.below_zero"));
      assertThat(groups.find(a, half).options().get(0).delta()).isEqualTo(-400);
      assertThat(Rows.revision(db, a)).isEqualTo(revision);
      assertThat(products.archive(a, "t", espresso, true)).isTrue();
      assertThat(products.save(a, "t", null, product("Doppio", 1200, cat, "esp")).changed()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void another_accounts_category_group_shop_and_product_are_not_found(TestDatabases.Kind kind) {
    try (Database db = TestDatabases.open(kind)) {
      var clock = new MutableClock();
      long mine = account(db, clock, "pl");
      long theirs = account(db, clock, "pl");
      long myCat = new Categories(db, clock).create(mine, "t", "Kawa");
      long theirCat = new Categories(db, clock).create(theirs, "t", "Obca");
      long theirShop = new Shops(db, clock).create(theirs, "t", "Obcy");
      long theirGroup = new ModifierGroups(db, clock).save(theirs, "t", null, group("Obca", 0, 0, 100)).id();
      long theirProduct = new Products(db, clock).save(theirs, "t", null, product("Obcy", 100, theirCat, null)).id();
      Products products = new Products(db, clock);
      long revision = Rows.revision(db, mine);
      List<Runnable> attempts = List.of(
          () -> products.save(mine, "t", null, product("X", 100, theirCat, null)),
          () -> products.save(mine, "t", null, new ProductRules.Valid("X", 100, "8", myCat, null, true, null,
              List.of(new ProductRules.ShopPrice(theirShop, 50L, true)), List.of())),
          () -> products.save(mine, "t", null, new ProductRules.Valid("X", 100, "8", myCat, null, true, null,
              List.of(), List.of(theirGroup))),
          () -> products.save(mine, "t", theirProduct, product("X", 100, myCat, null)),
          () -> products.archive(mine, "t", theirProduct, true),
          () -> new Categories(db, clock).rename(mine, "t", theirCat, "Moja"),
          () -> new ModifierGroups(db, clock).archive(mine, "t", theirGroup, true));
      for (Runnable attempt : attempts) {
        assertThatThrownBy(attempt::run).isInstanceOfSatisfying(Problem.class,
            p -> assertThat(p.status()).isEqualTo(404));
      }
      assertThat(Rows.revision(db, mine)).isEqualTo(revision);
      assertThat(Rows.count(db, "products WHERE account_id = :a", "a", mine)).isZero();
    }
  }
}
