package paragon.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.Plan;
import paragon.testing.Owners;
import paragon.testing.Rows;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

class ShopsRolesPageTest {

  private static long revision(TestApp app, long accountId) {
    return new Accounts(app.db, app.clock).find(accountId).revision();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void shops_are_added_and_renamed_with_one_revision_each_and_errors_by_the_field(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX, "en");
      var c = owner.client();
      assertThat(c.get("/backoffice/shops?lang=en").body()).contains("No shops yet.");
      assertThat(c.postForm("/backoffice/shops",
          Map.of("name", " Kraków Rynek ")).header("Location")).isEqualTo("/backoffice/shops?saved");
      assertThat(revision(app, owner.accountId())).isEqualTo(2);
      long id = new Shops(app.db, app.clock).list(owner.accountId()).get(0).id();
      assertThat(c.get("/backoffice/shops").body()).contains("value=\"Kraków Rynek\"", "Uses the default list");

      var empty = c.postForm("/backoffice/shops", Map.of("name", "  "));
      assertThat(empty.status()).isEqualTo(400);
      assertThat(empty.body()).contains("aria-describedby=\"error-name\"",
          "id=\"error-name\">The shop name must have 1 to 60 characters.");
      var taken = c.postForm("/backoffice/shops", Map.of("name", "KRAKÓW RYNEK"));
      assertThat(taken.status()).isEqualTo(400);
      assertThat(taken.body()).contains("There is already a shop named", "value=\"KRAKÓW RYNEK\"");
      var tooLong = c.postForm("/backoffice/shops/" + id, Map.of("name", "x".repeat(61)));
      assertThat(tooLong.status()).isEqualTo(400);
      assertThat(tooLong.body()).contains("id=\"shop-name-" + id + "\" name=\"name\" value=\"" + "x".repeat(61) + "\"");
      assertThat(revision(app, owner.accountId())).isEqualTo(2);

      assertThat(c.postForm("/backoffice/shops/" + id,
          Map.of("name", "Kraków Rynek")).header("Location")).isEqualTo("/backoffice/shops?unchanged");
      assertThat(c.postForm("/backoffice/shops/" + id,
          Map.of("name", "Kraków Główny")).header("Location")).isEqualTo("/backoffice/shops?saved");
      assertThat(revision(app, owner.accountId())).isEqualTo(3);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_shops_address_is_kept_and_edited_without_a_revision_and_a_long_one_is_refused_by_its_field(
      TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX, "en");
      var c = owner.client();
      assertThat(c.postForm("/backoffice/shops", Map.of("name", "Rynek", "address", " Rynek Główny 1, Kraków "))
          .header("Location")).isEqualTo("/backoffice/shops?saved");
      var shops = new Shops(app.db, app.clock);
      long id = shops.list(owner.accountId()).get(0).id();
      assertThat(shops.list(owner.accountId()).get(0).address()).isEqualTo("Rynek Główny 1, Kraków");
      assertThat(c.get("/backoffice/shops").body())
          .contains("id=\"shop-address-" + id + "\" name=\"address\" value=\"Rynek Główny 1, Kraków\"");
      long before = revision(app, owner.accountId());

      assertThat(c.postForm("/backoffice/shops/" + id, Map.of("name", "Rynek", "address", "Floriańska 3"))
          .header("Location")).isEqualTo("/backoffice/shops?saved");
      assertThat(shops.list(owner.accountId()).get(0).address()).isEqualTo("Floriańska 3");
      assertThat(revision(app, owner.accountId())).as("no terminal applies the address").isEqualTo(before);
      // A rename without the field (an older form) keeps the address.
      c.postForm("/backoffice/shops/" + id, Map.of("name", "Rynek 2"));
      assertThat(shops.list(owner.accountId()).get(0).address()).isEqualTo("Floriańska 3");
      assertThat(revision(app, owner.accountId())).isEqualTo(before + 1);

      var tooLong = c.postForm("/backoffice/shops/" + id, Map.of("name", "Rynek 3", "address", "x".repeat(201)));
      assertThat(tooLong.status()).isEqualTo(400);
      assertThat(tooLong.body()).contains("id=\"error-address\"", "value=\"Rynek 3\"");
      assertThat(shops.list(owner.accountId()).get(0).name()).isEqualTo("Rynek 2");
      assertThat(shops.list(owner.accountId()).get(0).address()).isEqualTo("Floriańska 3");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void another_accounts_shop_and_role_are_not_found_and_forms_need_the_csrf_token(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX);
      var other = Owners.signedIn(app, Plan.MAX);
      long theirShop = new Shops(app.db, app.clock).create(other.accountId(), "t", "Obcy");
      long theirRole = new Roles(app.db, app.clock).create(other.accountId(), "t", "Obca", java.util.Set.of());
      var c = owner.client();
      c.get("/backoffice/shops");
      assertThat(c.postForm("/backoffice/shops/" + theirShop, Map.of("name", "Mój")).status()).isEqualTo(404);
      assertThat(c.postForm("/backoffice/shops/" + theirShop, Map.of("name", "")).status()).isEqualTo(404);
      assertThat(c.postForm("/backoffice/shops/abc", Map.of("name", "Mój")).status()).isEqualTo(404);
      assertThat(c.postForm("/backoffice/roles/" + theirRole, Map.of("name", "Moja")).status()).isEqualTo(404);
      assertThat(c.postForm("/backoffice/roles/" + theirRole, Map.of("name", "")).status()).isEqualTo(404);
      assertThat(Rows.count(app.db, "shops WHERE name = 'Obcy'")).isEqualTo(1);
      assertThat(Rows.count(app.db, "roles WHERE name = 'Obca'")).isEqualTo(1);
      assertThat(c.postFormRaw("/backoffice/shops", Map.of("name", "Nowy")).status()).isEqualTo(403);
      assertThat(c.postFormRaw("/backoffice/roles", Map.of("name", "Nowa")).status()).isEqualTo(403);
      assertThat(revision(app, owner.accountId())).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void roles_carry_permissions_with_one_revision_per_change(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX);
      var c = owner.client();
      c.get("/backoffice/roles");
      var added = c.postEncoded("/backoffice/roles",
          "name=Kierownik&permissions=SEE_ALL_RECEIPTS&permissions=BREAK_PAYMENT_LOCK");
      assertThat(added.header("Location")).isEqualTo("/backoffice/roles?saved");
      assertThat(revision(app, owner.accountId())).isEqualTo(2);
      var role = new Roles(app.db, app.clock).list(owner.accountId()).get(0);
      assertThat(role.permissions()).containsExactlyInAnyOrder(Permission.SEE_ALL_RECEIPTS, Permission.BREAK_PAYMENT_LOCK);
      var page = c.get("/backoffice/roles");
      assertThat(page.body()).containsPattern("id=\"role-" + role.id() + "-SEE_ALL_RECEIPTS\"[^>]*checked")
          .doesNotContainPattern("id=\"role-" + role.id() + "-VOID_LINES\"[^>]*checked")
          .contains("Widzi wszystkie paragony", "Storno pozycji", "Zmiana cen", "Przekazywanie paragonów");
      var same = c.postEncoded("/backoffice/roles/" + role.id(),
          "name=Kierownik&permissions=BREAK_PAYMENT_LOCK&permissions=SEE_ALL_RECEIPTS");
      assertThat(same.header("Location")).isEqualTo("/backoffice/roles?unchanged");
      var changed = c.postEncoded("/backoffice/roles/" + role.id(),
          "name=Kierownik&permissions=VOID_LINES&permissions=CHANGE_PRICES&permissions=REASSIGN_RECEIPTS");
      assertThat(changed.header("Location")).isEqualTo("/backoffice/roles?saved");
      assertThat(revision(app, owner.accountId())).isEqualTo(3);

      var bad = c.postEncoded("/backoffice/roles/" + role.id(), "name=&permissions=FLY");
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body()).contains("id=\"error-name\">Nazwa roli musi mieć od 1 do 40 znaków.",
          "id=\"error-permissions\">Nieznane uprawnienie: FLY");
      c.postEncoded("/backoffice/roles", "name=Kelner");
      var dup = c.postEncoded("/backoffice/roles", "name=kelner");
      assertThat(dup.status()).isEqualTo(400);
      assertThat(dup.body()).contains("Rola o nazwie „kelner” już istnieje.", "value=\"kelner\"");
      assertThat(revision(app, owner.accountId())).isEqualTo(4);
    }
  }
}
