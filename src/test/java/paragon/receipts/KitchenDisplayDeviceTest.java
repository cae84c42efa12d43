package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.DeviceModel;
import paragon.configuration.Plan;
import paragon.demo.Seed;
import paragon.devices.DeviceStore;
import paragon.testing.Owners;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/**
 * A kitchen display as a paired device (issue 12), on both databases: the model KITCHEN_DISPLAY is
 * stored (V59 widened V1's CHECK, which still refuses an unknown model) and registered in the back
 * office; its code pairs only the kitchen's page and a terminal's code only a terminal, neither used
 * up by the refusal; its token shows its own shop's tickets at {@code /kitchen/board} and marks them
 * done, and is refused every cashier call (login, commands, void) with {@code kitchen_display}; a
 * terminal's token is refused the board; a revoked display is refused (401).
 */
class KitchenDisplayDeviceTest {

  private static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token, "Accept-Language", "pl");
  }

  private static String pairCode(Floor f, long shopId, String name, DeviceModel model) {
    return new DeviceStore(f.app.db, f.app.clock, f.app.cutoffs).register(f.account, shopId, name, model).code();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_kitchen_display_pairs_on_the_kitchen_page_shows_its_shops_tickets_and_cannot_sell(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      WebClient http = f.app.client();
      String kitchenCode = pairCode(f, f.shop, "Kuchnia", DeviceModel.KITCHEN_DISPLAY);
      String tillCode = pairCode(f, f.shop, "Kasa 9", DeviceModel.SMART);
      assertThat(f.count("devices WHERE model = 'KITCHEN_DISPLAY'")).isEqualTo(1);
      assertThatThrownBy(() -> f.app.db.inTransaction(h -> h.createUpdate("""
              INSERT INTO devices (account_id, shop_id, name, model, created_at) VALUES (:a, :s, 'X', 'TOASTER', 1)""")
          .bind("a", f.account).bind("s", f.shop).execute())).message().containsIgnoringCase("CHECK constraint");

      // Each code pairs its own kind of screen only, and stays usable after a refusal on the other.
      WebClient.Response wrong = http.postJson("/api/device/pair", Map.of("code", kitchenCode), bearer("x"));
      assertThat(wrong.status()).isEqualTo(400);
      assertThat(wrong.json().path("field").asText()).isEqualTo("code");
      assertThat(wrong.json().path("message").asText()).contains("/kitchen");
      WebClient.Response wrongToo = http.postJson("/api/device/pair", Map.of("code", tillCode, "screen", "kitchen"),
          Map.of());
      assertThat(wrongToo.status()).isEqualTo(400);
      assertThat(wrongToo.json().path("message").asText()).contains("terminal");
      assertThat(http.postJson("/api/device/pair", Map.of("code", tillCode, "screen", "oven"), Map.of()).json()
          .path("field").asText()).isEqualTo("screen");
      assertThat(http.postJson("/api/device/pair", Map.of("code", tillCode), Map.of()).status()).isEqualTo(201);
      WebClient.Response paired = http.postJson("/api/device/pair", Map.of("code", kitchenCode, "screen", "kitchen"),
          Map.of());
      assertThat(paired.status()).as(paired.body()).isEqualTo(201);
      assertThat(paired.json().path("device").path("model").asText()).isEqualTo("KITCHEN_DISPLAY");
      String display = paired.json().path("token").asText();
      long displayId = paired.json().path("device").path("id").asLong();

      // No cashier on a kitchen display: login, commands and a void are refused before any rule runs.
      WebClient.Response login = http.postJson("/api/device/login", Map.of("identifier", "anna", "pin", "1234"),
          bearer(display));
      assertThat(login.status()).as(login.body()).isEqualTo(403);
      assertThat(login.json().path("error").asText()).isEqualTo("kitchen_display");
      Map<String, String> asCashier = Map.of("Authorization", "Bearer " + display, "X-Paragon-Session", "any");
      WebClient.Response command = http.postJson("/api/terminal/commands",
          List.of(Terminal.command("openAdHoc", "receiptId", Terminal.uuid(), "n", 1)), asCashier);
      assertThat(command.status()).as(command.body()).isEqualTo(403);
      assertThat(command.json().path("error").asText()).isEqualTo("kitchen_display");
      assertThat(http.postJson("/api/terminal/sales/" + Terminal.uuid() + "/void", Map.of("reason", "x"), asCashier)
          .json().path("error").asText()).isEqualTo("kitchen_display");
      assertThat(f.count("commands")).isZero();

      // A waiter sends to the kitchen: the display's board shows it (its shop only), live by polling.
      Terminal anna = f.terminal("anna");
      String table = anna.send("openTable", "slotId", f.slot("Stolik 1")).path("result").path("receiptId").asText();
      anna.add(table, f.espresso, 2000);
      anna.send("markSent", "receiptId", table);
      Terminal bar = f.terminal(f.otherShop, DeviceModel.SMART_PLUS, "ola");
      String other = bar.send("openTable", "slotId", f.slot("Bar 1")).path("result").path("receiptId").asText();
      bar.add(other, f.beer, 1000);
      bar.send("markSent", "receiptId", other);
      List<KitchenStore.Ticket> open = new KitchenStore(f.app.db).open(f.account, f.shop);
      assertThat(open).hasSize(1);
      long ticket = open.get(0).id();
      long foreign = new KitchenStore(f.app.db).open(f.account, f.otherShop).get(0).id();

      WebClient.Response board = http.get("/kitchen/board", bearer(display));
      assertThat(board.status()).isEqualTo(200);
      assertThat(board.body()).contains("Stolik 1", "2 ×", "Espresso", "Anna Nowak", "data-ticket=\"" + ticket + "\"",
              "hx-get=\"/kitchen/board\"", "hx-trigger=\"every 2s\"", "hx-post=\"/kitchen/tickets/" + ticket + "/done\"",
              "Gotowe")
          .doesNotContain("Bar 1", "Piwo", "_csrf", "/print", "/backoffice/");
      assertThat(http.get("/kitchen/board", Map.of("Authorization", "Bearer " + display, "Accept-Language", "en"))
          .body()).contains("Done");

      // Done: only its own shop's tickets; who is the display's name.
      assertThat(http.postBody("/kitchen/tickets/" + foreign + "/done", "text/plain", "", bearer(display)).status())
          .isEqualTo(404);
      WebClient.Response done = http.postBody("/kitchen/tickets/" + ticket + "/done", "text/plain", "", bearer(display));
      assertThat(done.status()).isEqualTo(200);
      assertThat(done.body()).doesNotContain("data-ticket=\"" + ticket + "\"").contains("id=\"board\"");
      assertThat(new KitchenStore(f.app.db).find(f.account, ticket).orElseThrow().doneBy()).isEqualTo("Kuchnia");
      assertThat(new KitchenStore(f.app.db).find(f.account, foreign).orElseThrow().doneAt()).isNull();

      // A table holding a later course back: its tickets say which course waits, until it is fired.
      String held = anna.send("openTable", "slotId", f.slot("Stolik 2")).path("result").path("receiptId").asText();
      String soup = anna.add(held, f.espresso, 1000);
      String steak = anna.add(held, f.beer, 1000);
      anna.send("setLineCourse", "lineId", soup, "course", 1);
      anna.send("setLineCourse", "lineId", steak, "course", 2);
      anna.send("markSent", "receiptId", held, "upToCourse", 1);
      assertThat(http.get("/kitchen/board", bearer(display)).body()).contains("Stolik 2", "data-waiting>Czeka danie 2<")
          .doesNotContain("Piwo");
      anna.send("markSent", "receiptId", held, "upToCourse", 2);
      assertThat(http.get("/kitchen/board", bearer(display)).body()).contains("Piwo").doesNotContain("data-waiting");

      // The board is a kitchen display's: a terminal's token, none, or a revoked display's is refused.
      WebClient.Response till = http.get("/kitchen/board", bearer(anna.token));
      assertThat(till.status()).as(till.body()).isEqualTo(403);
      assertThat(till.json().path("error").asText()).isEqualTo("not_kitchen_display");
      assertThat(http.postBody("/kitchen/tickets/" + foreign + "/done", "text/plain", "", bearer(anna.token)).status())
          .isEqualTo(403);
      assertThat(http.get("/kitchen/board").status()).isEqualTo(401);
      f.app.db.inTransaction(h -> h.createUpdate("UPDATE devices SET revoked_at = 1 WHERE id = :d")
          .bind("d", displayId).execute());
      f.app.cutoffs.deviceRevoked(f.account, displayId);
      WebClient.Response revoked = http.get("/kitchen/board", bearer(display));
      assertThat(revoked.status()).isEqualTo(401);
      assertThat(revoked.json().path("error").asText()).isEqualTo("device_unknown");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_back_office_registers_a_kitchen_display_and_kitchen_is_the_displays_page(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Owners.Owner owner = Owners.signedIn(app, Plan.START, "pl");
      long shop = app.db.inTransaction(h -> Seed.shop(h, owner.accountId(), "Rynek", true, app.clock.millis()));
      WebClient c = owner.client();
      assertThat(c.get("/backoffice/devices").body()).contains("<option value=\"KITCHEN_DISPLAY\"", "Ekran kuchni");
      WebClient.Response registered = c.postForm("/backoffice/devices",
          Map.of("name", "Kuchnia", "model", "KITCHEN_DISPLAY", "shop", String.valueOf(shop)));
      assertThat(registered.status()).isEqualTo(201);
      assertThat(registered.body()).contains("Kuchnia", "Ekran kuchni");
      String model = app.db.read(h -> h.createQuery("SELECT model FROM devices WHERE account_id = :a")
          .bind("a", owner.accountId()).mapTo(String.class).one());
      assertThat(model).isEqualTo("KITCHEN_DISPLAY");
      // Not a terminal: never listed among the terminals that park locally only.
      assertThat(new DeviceStore(app.db, app.clock, app.cutoffs).localOnly(owner.accountId())).isEmpty();

      WebClient.Response page = app.client().get("/kitchen?lang=pl");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("/assets/kitchen-display.js", "/assets/kitchen.js", "id=\"pairing\"",
          "Sparuj ten ekran kuchni", "/backoffice/kitchen").doesNotContain("<script>", "onclick");
      assertThat(app.client().get("/kitchen?lang=en").body()).contains("Pair this kitchen display", "Pairing code");
      assertThat(app.client().get("/assets/kitchen-display.js").body()).contains("screen: 'kitchen'",
          "'Bearer '");
    }
  }

  /** A kitchen display has no configuration to apply: never "behind", no sync, not in the behind gauges. */
  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_kitchen_display_is_never_behind_the_configuration(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Owners.Owner owner = Owners.signedIn(app, Plan.START, "en");
      long shop = app.db.inTransaction(h -> Seed.shop(h, owner.accountId(), "Rynek", true, app.clock.millis()));
      DeviceStore store = new DeviceStore(app.db, app.clock, app.cutoffs);
      WebClient http = app.client();
      String kitchen = store.register(owner.accountId(), shop, "Kuchnia", DeviceModel.KITCHEN_DISPLAY).code();
      String till = store.register(owner.accountId(), shop, "Kasa 1", DeviceModel.SMART).code();
      assertThat(http.postJson("/api/device/pair", Map.of("code", kitchen, "screen", "kitchen"), Map.of()).status())
          .isEqualTo(201);
      assertThat(http.postJson("/api/device/pair", Map.of("code", till), Map.of()).status()).isEqualTo(201);
      paragon.devices.BehindDevices behind = new paragon.devices.BehindDevices(app.db, app.clock);
      long before = behind.count(false);
      app.db.inTransaction(h -> paragon.configuration.Revisions.record(h, owner.accountId(), "test", "a change",
          app.clock));

      // The till is behind the new revision; the display is not, in the list and in the gauge.
      Map<String, paragon.devices.DeviceStatus> byName = new java.util.HashMap<>();
      store.list(owner.accountId()).forEach(d -> byName.put(d.name(), d));
      assertThat(byName.get("Kasa 1").behind()).isTrue();
      assertThat(byName.get("Kuchnia").behind()).isFalse();
      assertThat(byName.get("Kuchnia").syncs()).isFalse();
      assertThat(behind.count(false)).isEqualTo(before + 1);
      String page = owner.client().get("/backoffice/devices").body();
      String row = page.substring(page.indexOf("<strong>Kuchnia</strong>"));
      row = row.substring(0, row.indexOf("</tr>"));
      assertThat(row).contains("no configuration to apply (kitchen display)").doesNotContain("/sync", "behind");
      String tillRow = page.substring(page.indexOf("<strong>Kasa 1</strong>"));
      assertThat(tillRow.substring(0, tillRow.indexOf("</tr>"))).contains("/sync", "behind");
    }
  }
}
