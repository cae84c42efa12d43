package paragon.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.Plan;
import paragon.configuration.Revisions;
import paragon.testing.Owners;
import paragon.testing.Rows;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/**
 * Archiving shops, roles, users and devices from the back office: the rules that refuse it, one
 * revision per archive or restore that terminals see, lists that hide archived rows, and what stops
 * working at once (an archived device's token, an archived user's terminal sessions).
 */
class ArchivingPageTest {
  private static final Pattern CODE = Pattern.compile("data-device=\"(\\d+)\">([^<]+)<");

  private static long revision(TestApp app, long accountId) {
    return Rows.revision(app.db, accountId);
  }

  private static long idOf(TestApp app, String table, String column, String value) {
    return app.db.read(h -> h.createQuery("SELECT id FROM " + table + " WHERE " + column + " = :v")
        .bind("v", value).mapTo(Long.class).one());
  }

  /** Registers a device in the shop from the Devices page and pairs it; returns its token. */
  private static String pairedDevice(TestApp app, WebClient c, long shopId, String name) {
    c.get("/backoffice/devices");
    var page = c.postForm("/backoffice/devices", Map.of("name", name, "model", "SMART_PLUS",
        "shop", String.valueOf(shopId)));
    assertThat(page.status()).as(page.body()).isEqualTo(201);
    Matcher m = CODE.matcher(page.body());
    assertThat(m.find()).isTrue();
    var paired = app.client().postJson("/api/device/pair", Map.of("code", m.group(2).strip()), Map.of());
    assertThat(paired.status()).as(paired.body()).isEqualTo(201);
    return paired.json().get("token").asText();
  }

  private static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_shop_with_devices_in_use_is_not_archived_and_an_archived_device_is_dead(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX, "en");
      var c = owner.client();
      c.get("/backoffice/shops");
      c.postForm("/backoffice/shops", Map.of("name", "Rynek"));
      c.postForm("/backoffice/shops", Map.of("name", "Mokotów"));
      long rynek = idOf(app, "shops", "name", "Rynek");
      String token = pairedDevice(app, c, rynek, "Kasa 1");
      long device = idOf(app, "devices", "name", "Kasa 1");
      assertThat(app.client().get("/api/device/config", bearer(token)).status()).isEqualTo(200);

      assertThat(c.get("/backoffice/parking").body()).contains("id=\"shop-" + rynek + "\"");
      long rev = revision(app, owner.accountId());
      c.get("/backoffice/shops");
      var refused = c.postForm("/backoffice/shops/" + rynek + "/archive", Map.of());
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.body()).contains("id=\"archive-refusal\">This shop still has devices: Kasa 1.");
      assertThat(revision(app, owner.accountId())).isEqualTo(rev);

      c.get("/backoffice/devices");
      assertThat(c.postForm("/backoffice/devices/" + device + "/archive", Map.of()).header("Location"))
          .isEqualTo("/backoffice/devices?archived_device=" + device);
      assertThat(app.client().get("/api/device/config", bearer(token)).status()).isEqualTo(401);
      var devices = c.get("/backoffice/devices?lang=en").body();
      assertThat(devices).contains("Show archived (1)").doesNotContain("<strong>Kasa 1</strong>");
      assertThat(c.get("/backoffice/devices?archived").body()).contains("<strong>Kasa 1</strong>", "Restore");
      assertThat(revision(app, owner.accountId())).as("devices are not in the revision").isEqualTo(rev);

      c.get("/backoffice/shops");
      assertThat(c.postForm("/backoffice/shops/" + rynek + "/archive", Map.of()).header("Location"))
          .isEqualTo("/backoffice/shops?saved");
      assertThat(revision(app, owner.accountId())).isEqualTo(rev + 1);
      assertThat(c.postForm("/backoffice/shops/" + rynek + "/archive", Map.of()).header("Location"))
          .isEqualTo("/backoffice/shops?unchanged");
      assertThat(revision(app, owner.accountId())).isEqualTo(rev + 1);
      var shops = c.get("/backoffice/shops").body();
      assertThat(shops).contains("Show archived (1)", "value=\"Mokotów\"").doesNotContain("value=\"Rynek\"");
      assertThat(c.get("/backoffice/shops?archived").body()).contains("value=\"Rynek\"", "Archived");
      assertThat(c.get("/backoffice/parking").body()).doesNotContain("id=\"shop-" + rynek + "\"");
      // The revision still has the shop, so a device that named it keeps working by its snapshot.
      var snapshot = app.db.read(h -> Revisions.snapshot(h, owner.accountId(), rev + 1));
      assertThat(snapshot.shop(rynek).name()).isEqualTo("Rynek");
      // No new device in an archived shop; the archived device comes back only with its shop.
      var register = c.postForm("/backoffice/devices", Map.of("name", "Kasa 2", "model", "SMART_PLUS",
          "shop", String.valueOf(rynek)));
      assertThat(register.status()).isEqualTo(400);
      assertThat(register.body()).contains("id=\"error-shop\"");
      var early = c.postForm("/backoffice/devices/" + device + "/restore", Map.of());
      assertThat(early.status()).isEqualTo(409);
      assertThat(early.body()).contains("The shop Rynek of this device is archived");

      assertThat(c.postForm("/backoffice/shops/" + rynek + "/restore", Map.of()).header("Location"))
          .isEqualTo("/backoffice/shops?saved&archived");
      assertThat(revision(app, owner.accountId())).isEqualTo(rev + 2);
      assertThat(c.postForm("/backoffice/devices/" + device + "/restore", Map.of()).status()).isEqualTo(303);
      assertThat(c.get("/backoffice/devices").body()).contains("<strong>Kasa 1</strong>", "Revoked");
      assertThat(app.client().get("/api/device/config", bearer(token)).status()).isEqualTo(401);

      // Another account's shop and device are not found.
      var other = Owners.signedIn(app, Plan.MAX, "en");
      other.client().get("/backoffice/shops");
      assertThat(other.client().postForm("/backoffice/shops/" + rynek + "/archive", Map.of()).status())
          .isEqualTo(404);
      assertThat(other.client().postForm("/backoffice/devices/" + device + "/archive", Map.of()).status())
          .isEqualTo(404);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_role_given_to_active_users_is_kept_and_an_archived_user_is_cut_off(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX, "en");
      var c = owner.client();
      c.get("/backoffice/shops");
      c.postForm("/backoffice/shops", Map.of("name", "Rynek"));
      c.get("/backoffice/roles");
      var made = c.postForm("/backoffice/roles", Map.of("name", "Kelner"));
      assertThat(made.status()).as(made.body()).isEqualTo(303);
      c.postForm("/backoffice/roles", Map.of("name", "Kasjer"));
      long kelner = idOf(app, "roles", "name", "Kelner");
      long kasjer = idOf(app, "roles", "name", "Kasjer");
      c.get("/backoffice/users");
      var added = c.postForm("/backoffice/users", Map.of("identifier", "anna", "name", "Anna Nowak",
          "roleId", String.valueOf(kelner), "pin", "1234"));
      assertThat(added.status()).as(added.body()).isEqualTo(303);
      long anna = idOf(app, "users", "identifier", "anna");
      String token = pairedDevice(app, c, idOf(app, "shops", "name", "Rynek"), "Kasa 1");
      var session = app.client().postJson("/api/device/login", Map.of("identifier", "anna", "pin", "1234"),
          bearer(token));
      assertThat(session.status()).isEqualTo(201);
      String sessionToken = session.json().get("sessionToken").asText();
      Map<String, String> both = Map.of("Authorization", "Bearer " + token, "X-Paragon-Session", sessionToken);
      assertThat(app.client().get("/api/device/session", both).status()).isEqualTo(200);

      long rev = revision(app, owner.accountId());
      c.get("/backoffice/roles");
      var refused = c.postForm("/backoffice/roles/" + kelner + "/archive", Map.of());
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.body()).contains("This role is still given to users: anna.");
      assertThat(revision(app, owner.accountId())).isEqualTo(rev);

      c.get("/backoffice/users/" + anna);
      assertThat(c.postForm("/backoffice/users/" + anna + "/archive", Map.of()).header("Location"))
          .isEqualTo("/backoffice/users/" + anna + "?saved");
      assertThat(revision(app, owner.accountId())).isEqualTo(rev + 1);
      assertThat(app.client().get("/api/device/session", both).status()).isEqualTo(401);
      assertThat(app.client().postJson("/api/device/login", Map.of("identifier", "anna", "pin", "1234"),
          bearer(token)).status()).isEqualTo(403);
      var snapshot = app.db.read(h -> Revisions.snapshot(h, owner.accountId(), rev + 1));
      assertThat(snapshot.users()).singleElement().satisfies(u -> assertThat(u.disabled()).isTrue());
      var users = c.get("/backoffice/users?lang=en").body();
      assertThat(users).contains("Show archived (1)").doesNotContain("<td>anna</td>");
      assertThat(c.get("/backoffice/users?archived").body()).contains("<td>anna</td>", "Archived");

      c.get("/backoffice/roles");
      assertThat(c.postForm("/backoffice/roles/" + kelner + "/archive", Map.of()).header("Location"))
          .isEqualTo("/backoffice/roles?saved");
      assertThat(revision(app, owner.accountId())).isEqualTo(rev + 2);
      assertThat(c.get("/backoffice/roles").body()).contains("Show archived (1)", "value=\"Kasjer\"")
          .doesNotContain("value=\"Kelner\"");
      assertThat(c.get("/backoffice/users").body()).contains(">Kasjer</option>").doesNotContain(">Kelner</option>");
      var withArchived = c.postForm("/backoffice/users", Map.of("identifier", "ewa", "name", "Ewa",
          "roleId", String.valueOf(kelner), "pin", "1234"));
      assertThat(withArchived.status()).isEqualTo(400);
      assertThat(withArchived.body()).contains("id=\"error-roleId\">This role is archived", "value=\"ewa\"");

      c.get("/backoffice/users/" + anna);
      var early = c.postForm("/backoffice/users/" + anna + "/restore", Map.of());
      assertThat(early.status()).isEqualTo(409);
      assertThat(early.body()).contains("The role Kelner of this user is archived");
      assertThat(revision(app, owner.accountId())).isEqualTo(rev + 2);
      c.get("/backoffice/roles");
      assertThat(c.postForm("/backoffice/roles/" + kelner + "/restore", Map.of()).status()).isEqualTo(303);
      assertThat(c.postForm("/backoffice/users/" + anna + "/restore", Map.of()).status()).isEqualTo(303);
      assertThat(revision(app, owner.accountId())).isEqualTo(rev + 4);
      assertThat(Rows.count(app.db, "users WHERE archived_at IS NULL AND role_id = :r", "r", kelner)).isEqualTo(1);
      assertThat(kasjer).isPositive();
    }
  }
}
