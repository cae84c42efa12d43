package paragon.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.Plan;
import paragon.configuration.Revisions;
import paragon.demo.Seed;
import paragon.testing.Owners;
import paragon.testing.Rows;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

class DevicesPageTest {
  private static final Pattern CODE = Pattern.compile("data-device=\"(\\d+)\">([A-Z0-9]{4}-[A-Z0-9]{4})<");

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void register_shows_a_code_that_pairs_and_the_list_tracks_the_device(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Owners.Owner owner = Owners.signedIn(app, Plan.MAX);
      long shop = shop(app, owner, "Rynek");
      WebClient web = owner.client();
      assertThat(web.get("/backoffice/devices").body()).contains("Nie ma jeszcze urządzeń");

      var created = web.postForm("/backoffice/devices", form("Kasa 1", "SMART_PLUS", shop));
      assertThat(created.status()).isEqualTo(201);
      Matcher m = CODE.matcher(created.body());
      assertThat(m.find()).as(created.body()).isTrue();
      long id = Long.parseLong(m.group(1));
      assertThat(created.body()).contains("Kod parowania dla Kasa 1", "Czeka na sparowanie");

      var paired = app.client().postJson("/api/device/pair", Map.of("code", m.group(2)), Map.of());
      assertThat(paired.status()).isEqualTo(201);
      String token = paired.json().get("token").asText();
      String list = row(web.get("/backoffice/devices").body(), id);
      assertThat(list).contains("Sparowane", "aktualna", "2026-11-23 11:00");

      long current = app.db.inTransaction(h -> {
        Seed.slots(h, owner.accountId(), null, java.util.List.of("Stolik 1"));
        return Revisions.record(h, owner.accountId(), "test", "slots", app.clock);
      });
      assertThat(row(web.get("/backoffice/devices").body(), id)).contains("nieaktualna: aktualna to " + current);

      assertThat(web.postForm("/backoffice/devices/" + id + "/sync", Map.of()).status()).isEqualTo(303);
      assertThat(web.get("/backoffice/devices?sync=" + id).body())
          .contains("Urządzenie Kasa 1 zostało poproszone o synchronizację",
          "Synchronizacja zlecona");
      assertThat(app.client().get("/api/device/heartbeat", World.bearer(token)).json().get("syncRequested").asBoolean())
          .isTrue();
      app.client().postJson("/api/device/ack", Map.of("revision", current), World.bearer(token));
      String after = row(web.get("/backoffice/devices").body(), id);
      assertThat(after).containsPattern("<td class=\"revision\">\\s*" + current + "\\s*<span class=\"badge on\">aktualna<")
          .doesNotContain("Synchronizacja zlecona", "nieaktualna");

      assertThat(web.postForm("/backoffice/devices/" + id + "/revoke", Map.of()).status()).isEqualTo(303);
      assertThat(row(web.get("/backoffice/devices").body(), id)).contains("Odłączone");
      assertThat(app.client().get("/api/device/heartbeat", World.bearer(token)).status()).isEqualTo(401);
      assertThat(web.postForm("/backoffice/devices/" + id + "/code", Map.of()).status()).isEqualTo(409);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void every_field_error_is_shown_and_nothing_is_stored(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Owners.Owner owner = Owners.signedIn(app, Plan.MAX, "en");
      long shop = shop(app, owner, "Rynek");
      Owners.Owner other = Owners.signedIn(app, Plan.MAX);
      long foreignShop = shop(app, other, "Obcy");
      WebClient web = owner.client();
      web.get("/backoffice/devices");

      var all = web.postForm("/backoffice/devices", form("  ", "TOASTER", foreignShop));
      assertThat(all.status()).isEqualTo(400);
      assertThat(all.body()).contains("Give the device a name of 1 to 40 characters.", "Choose the device model.",
          "Choose one of your shops.", "id=\"error-name\"", "id=\"error-model\"", "id=\"error-shop\"");
      var tooLong = web.postForm("/backoffice/devices", form("x".repeat(41), "POCKET", shop));
      assertThat(tooLong.status()).isEqualTo(400);
      assertThat(tooLong.body()).contains("value=\"" + "x".repeat(41) + "\"", "<option value=\"POCKET\" selected>");
      assertThat(Rows.count(app.db, "devices")).isZero();

      var noCsrf = web.postFormRaw("/backoffice/devices", form("Kasa", "POCKET", shop));
      assertThat(noCsrf.status()).isEqualTo(403);
      assertThat(Rows.count(app.db, "devices")).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void another_accounts_device_is_not_found(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Owners.Owner owner = Owners.signedIn(app, Plan.MAX);
      Owners.Owner other = Owners.signedIn(app, Plan.MAX);
      long otherShop = shop(app, other, "Obcy");
      var created = other.client().postForm("/backoffice/devices", form("Cudza", "POCKET", otherShop));
      Matcher m = CODE.matcher(created.body());
      assertThat(m.find()).isTrue();
      String id = m.group(1);
      WebClient web = owner.client();
      web.get("/backoffice/devices");
      for (String action : new String[] {"code", "sync", "revoke"}) {
        assertThat(web.postForm("/backoffice/devices/" + id + "/" + action, Map.of()).status()).as(action).isEqualTo(404);
      }
      assertThat(web.postForm("/backoffice/devices/abc/revoke", Map.of()).status()).isEqualTo(404);
      assertThat(web.get("/backoffice/devices?revoked=" + id).body()).doesNotContain("Cudza");
      assertThat(Rows.count(app.db, "devices WHERE revoked_at IS NULL")).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_new_code_replaces_the_old_one(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Owners.Owner owner = Owners.signedIn(app, Plan.MAX, "en");
      long shop = shop(app, owner, "Rynek");
      WebClient web = owner.client();
      web.get("/backoffice/devices");
      Matcher first = CODE.matcher(web.postForm("/backoffice/devices", form("Till", "DUET", shop)).body());
      assertThat(first.find()).isTrue();
      var again = web.postForm("/backoffice/devices/" + first.group(1) + "/code", Map.of());
      assertThat(again.status()).isEqualTo(200);
      Matcher second = CODE.matcher(again.body());
      assertThat(second.find()).isTrue();
      assertThat(second.group(2)).isNotEqualTo(first.group(2));
      assertThat(app.client().postJson("/api/device/pair",
          Map.of("code", first.group(2)), Map.of()).status()).isEqualTo(400);
      assertThat(app.client().postJson("/api/device/pair",
          Map.of("code", second.group(2)), Map.of()).status()).isEqualTo(201);
      assertThat(web.get("/backoffice/devices").body()).contains("Paired", "Duet", "Pair again");
    }
  }

  private static long shop(TestApp app, Owners.Owner owner, String name) {
    return app.db.inTransaction(h -> {
      long id = Seed.shop(h, owner.accountId(), name, true, app.clock.millis());
      Revisions.record(h, owner.accountId(), "test", "shop", app.clock);
      return id;
    });
  }

  private static Map<String, String> form(String name, String model, long shop) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("name", name);
    form.put("model", model);
    form.put("shop", String.valueOf(shop));
    return form;
  }

  /** The table row of one device. */
  private static String row(String page, long id) {
    int start = page.indexOf("<tr id=\"device-" + id + "\"");
    assertThat(start).as("row of device %s", id).isNotNegative();
    return page.substring(start, page.indexOf("</tr>", start));
  }
}
