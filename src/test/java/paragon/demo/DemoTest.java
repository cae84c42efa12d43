package paragon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.accounts.Accounts;
import paragon.configuration.Plan;
import paragon.testing.Rows;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

class DemoTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void demo_on_an_empty_database_is_a_working_bistro(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Demo.Report report = Demo.prepare(app.db, app.clock);
      assertThat(report.created()).isTrue();
      assertThat(report.devices().stream().map(d -> d.model().name()).toList())
          .containsExactly("SMART_PLUS", "POCKET", "SMART", "DUET");
      assertThat(Rows.count(app.db, "products WHERE account_id = :a", "a", report.accountId())).isBetween(18L, 24L);
      List<String> rates = app.db.read(h -> h.createQuery("SELECT DISTINCT vat FROM products").mapTo(String.class).list());
      assertThat(rates).containsExactlyInAnyOrder("23", "8", "5", "0", "ZW");
      Accounts.Account account = new Accounts(app.db, app.clock).find(report.accountId());
      assertThat(account.name()).isEqualTo("Bistro Demo");
      assertThat(account.plan()).isEqualTo(Plan.MAX);
      assertThat(account.parkingEnabled()).isTrue();
      assertThat(account.sharingEnabled()).isTrue();

      JsonNode krakow = config(app, report.devices().get(0).code());
      assertThat(names(krakow.at("/config/slots"))).containsExactly("Stolik 1", "Stolik 2", "Stolik 3",
          "Stolik 4", "Stolik 5", "Stolik 6");
      assertThat(krakow.at("/config/shopName").asText()).isEqualTo("Kraków Rynek");
      assertThat(krakow.at("/config/sharingEffective").asBoolean()).isTrue();
      JsonNode warszawa = config(app, report.devices().get(2).code());
      assertThat(names(warszawa.at("/config/slots"))).containsExactly("Bar 1", "Bar 2", "Bar 3", "Taras 1", "Taras 2");
      assertThat(warszawa.at("/config/sharingBlockedBy").asText()).isEqualTo("MODEL");
      List<String> roles = new ArrayList<>();
      krakow.at("/config/roles").forEach(r -> roles.add(r.get("name").asText()));
      assertThat(roles).containsExactlyInAnyOrder("Kelner", "Kasjer", "Kierownik");
      krakow.at("/config/roles").forEach(r -> {
        if (r.get("name").asText().equals("Kierownik")) assertThat(r.get("permissions").toString())
            .contains("SEE_ALL_RECEIPTS");
      });
      assertThat(krakow.at("/config/users").size()).isEqualTo(4);

      String device = login(app, report.devices().get(1).code());
      assertThat(device).isNotNull();

      var signIn = app.client();
      signIn.get("/backoffice/login");
      assertThat(signIn.postForm("/backoffice/login", Map.of("email", Demo.OWNER_EMAIL,
          "password", Demo.OWNER_PASSWORD)).status())
          .isEqualTo(303);

      String text = Demo.describe(report, "http://localhost:8080", app.db);
      assertThat(text).contains("http://localhost:8080/backoffice", Demo.OWNER_EMAIL + " / " + Demo.OWNER_PASSWORD,
          report.devices().get(3).code(), "anna   / 1111");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void demo_again_only_reports_with_fresh_codes_for_unpaired_devices(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Demo.Report first = Demo.prepare(app.db, app.clock);
      String pairedCode = first.devices().get(0).code();
      config(app, pairedCode);
      long accounts = Rows.count(app.db, "accounts");
      long revisions = Rows.count(app.db, "config_revisions");

      Demo.Report again = Demo.prepare(app.db, app.clock);
      assertThat(again.created()).isFalse();
      assertThat(again.existed()).isTrue();
      assertThat(Rows.count(app.db, "accounts")).isEqualTo(accounts);
      assertThat(Rows.count(app.db, "config_revisions")).isEqualTo(revisions);
      assertThat(Rows.count(app.db, "devices")).isEqualTo(4);
      assertThat(again.devices().get(0).code()).isNull();
      assertThat(Demo.describe(again, "http://x", app.db)).contains("paired", "exists");
      String oldCode = first.devices().get(1).code();
      String newCode = again.devices().get(1).code();
      assertThat(newCode).isNotNull().isNotEqualTo(oldCode);
      assertThat(app.client().postJson("/api/device/pair", Map.of("code", oldCode), Map.of()).status()).isEqualTo(400);
      assertThat(app.client().postJson("/api/device/pair", Map.of("code", newCode), Map.of()).status()).isEqualTo(201);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void demo_never_touches_a_database_with_other_accounts(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      new Accounts(app.db, app.clock).create(new Accounts.NewAccount("Real shop", Plan.START, "pl", "real@example.com",
          "Real", "secret-password"));
      Demo.Report report = Demo.prepare(app.db, app.clock);
      assertThat(report.created()).isFalse();
      assertThat(report.existed()).isFalse();
      assertThat(Rows.count(app.db, "accounts")).isEqualTo(1);
      assertThat(Demo.describe(report, "http://x", app.db)).contains("nothing was created");
    }
  }

  /** Pairs with {@code code} and fetches the configuration. */
  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_demo_shops_have_a_floor_plan_with_every_table_placed(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Demo.Report report = Demo.prepare(app.db, app.clock);
      JsonNode floor = config(app, report.devices().get(0).code()).path("config").path("floor");
      assertThat(floor.path("openTooLongMinutes").asInt()).isEqualTo(90);
      assertThat(floor.path("rooms")).hasSize(2);
      assertThat(floor.path("rooms").get(0).path("name").asText()).isEqualTo("Sala");
      int placed = 0;
      for (JsonNode room : floor.path("rooms")) placed += room.path("tables").size();
      assertThat(placed).isEqualTo(Demo.KRAKOW_DEFAULTS.size());
    }
  }

  private static JsonNode config(TestApp app, String code) {
    WebClient http = app.client();
    var paired = http.postJson("/api/device/pair", Map.of("code", code), Map.of());
    assertThat(paired.status()).as(paired.body()).isEqualTo(201);
    return http.get("/api/device/config", Map.of("Authorization", "Bearer " + paired.json().get("token").asText())).json();
  }

  /** Pairs with {@code code} and logs the waiter anna in with her printed PIN; returns the session token. */
  private static String login(TestApp app, String code) {
    WebClient http = app.client();
    String token = http.postJson("/api/device/pair", Map.of("code", code), Map.of()).json().get("token").asText();
    var in = http.postJson("/api/device/login", Map.of("identifier", "anna", "pin", "1111"),
        Map.of("Authorization", "Bearer " + token));
    assertThat(in.status()).as(in.body()).isEqualTo(201);
    assertThat(in.json().at("/user/roleName").asText()).isEqualTo("Kelner");
    return in.json().get("sessionToken").asText();
  }

  private static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(n -> names.add(n.get("name").asText()));
    return names;
  }
}
