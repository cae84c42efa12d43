package paragon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.accounts.Permission;
import paragon.accounts.Roles;
import paragon.configuration.Plan;
import paragon.testing.Owners;
import paragon.testing.Rows;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/**
 * Every back-office form refuses a character the database cannot store (NUL) next to its field and
 * stores nothing; PostgreSQL answered these forms with 500 before.
 */
class UnstorableFormsTest {
  private static final String MESSAGE = "This field contains a character that cannot be stored (such as NUL).";

  private static long revisions(TestApp app, long accountId) {
    return Rows.count(app.db, "config_revisions WHERE account_id = :a", "a", accountId);
  }

  private static void refusedAt(WebClient.Response r, String errorId) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("id=\"" + errorId + "\">" + MESSAGE);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_nul_in_a_shop_role_user_device_or_list_name_is_shown_at_its_field_and_nothing_is_stored(
      TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX, "en");
      var c = owner.client();
      long role = new Roles(app.db, app.clock).create(owner.accountId(), "t", "Kelner", EnumSet.noneOf(Permission.class));
      c.get("/backoffice/shops");
      assertThat(c.postForm("/backoffice/shops", Map.of("name", "Rynek")).status()).isEqualTo(303);
      long shop = app.db.read(h -> h.createQuery("SELECT id FROM shops WHERE account_id = :a")
          .bind("a", owner.accountId()).mapTo(Long.class).one());
      long before = revisions(app, owner.accountId());

      refusedAt(c.postForm("/backoffice/shops", Map.of("name", "Ry\u0000nek 2")), "error-name");
      refusedAt(c.postForm("/backoffice/shops/" + shop, Map.of("name", "Ry\u0000nek")), "error-name");
      c.get("/backoffice/roles");
      refusedAt(c.postForm("/backoffice/roles", Map.of("name", "Sza\u0000f")), "error-name");
      refusedAt(c.postForm("/backoffice/roles/" + role, Map.of("name", "Kel\u0000ner")), "error-name");
      c.get("/backoffice/users");
      refusedAt(c.postForm("/backoffice/users", Map.of("identifier", "ola", "name", "O\u0000la", "roleId",
          String.valueOf(role), "pin", "1234")), "error-name");
      c.get("/backoffice/devices");
      refusedAt(c.postForm("/backoffice/devices", Map.of("name", "Ka\u0000sa", "model", "POCKET", "shop",
          String.valueOf(shop))), "error-name");
      c.get("/backoffice/parking");
      refusedAt(c.postEncoded("/backoffice/parking/lists/default",
          "id=&name=Stolik+1&id=&name=" + WebClient.enc("Stolik\u00002") + "&action=save"), "error-slots-1--name");

      assertThat(revisions(app, owner.accountId())).isEqualTo(before);
      assertThat(Rows.count(app.db, "shops WHERE account_id = :a", "a", owner.accountId())).isEqualTo(1);
      assertThat(Rows.count(app.db, "users WHERE account_id = :a", "a", owner.accountId())).isZero();
      assertThat(Rows.count(app.db, "devices WHERE account_id = :a", "a", owner.accountId())).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_nul_in_the_sign_in_email_is_a_failed_sign_in(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX, "en");
      WebClient c = app.client();
      c.get("/backoffice/login");
      var r = c.postForm("/backoffice/login", Map.of("email", "o\u0000" + owner.email().substring(1),
          "password", Owners.PASSWORD));
      assertThat(r.status()).as(r.body()).isEqualTo(401);
    }
  }
}
