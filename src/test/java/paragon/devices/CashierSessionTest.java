package paragon.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.accounts.Cutoffs;
import paragon.configuration.DeviceModel;
import paragon.configuration.LoginMode;
import paragon.configuration.Visibility;
import paragon.demo.Seed;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

class CashierSessionTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void pin_mode_needs_identifier_and_the_right_pin(TestDatabases.Kind kind) {
    try (World w = new World(kind)) {
      String device = w.pairedDevice(w.shopA, DeviceModel.SMART_PLUS);
      var noPin = login(w, device, Map.of("identifier", "anna"));
      assertThat(noPin.status()).isEqualTo(400);
      assertThat(noPin.json().get("field").asText()).isEqualTo("pin");
      var noId = login(w, device, Map.of("pin", "1234"));
      assertThat(noId.json().get("field").asText()).isEqualTo("identifier");
      assertThat(login(w, device, Map.of("identifier", "nobody", "pin", "1234")).json().get("error").asText())
          .isEqualTo("unknown_user");

      var ok = login(w, device, Map.of("identifier", "ANNA", "pin", "1234"));
      assertThat(ok.status()).isEqualTo(201);
      assertThat(ok.json().at("/user/id").asLong()).isEqualTo(w.anna);
      assertThat(ok.json().at("/user/roleName").asText()).isEqualTo("Kelner");
      assertThat(ok.json().get("loginMode").asText()).isEqualTo("PIN");
      String session = ok.json().get("sessionToken").asText();

      var me = w.http.get("/api/device/session", World.session(device, session));
      assertThat(me.status()).isEqualTo(200);
      assertThat(me.json().at("/user/name").asText()).isEqualTo("Anna Nowak");

      var manager = login(w, device, Map.of("identifier", "marek", "pin", "9999"));
      assertThat(manager.json().at("/user/permissions").toString()).contains("SEE_ALL_RECEIPTS", "VOID_LINES");
      assertThat(w.http.get("/api/device/session", World.session(device, session)).json().get("error").asText())
          .as("a new login on the terminal ends the previous session").isEqualTo("session_ended");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void identifier_mode_needs_no_pin(TestDatabases.Kind kind) {
    try (World w = new World(kind)) {
      w.change(h -> Seed.settings(h, w.account, true, Visibility.OWN, true, LoginMode.IDENTIFIER));
      String device = w.pairedDevice(w.shopA, DeviceModel.POCKET);
      var ok = login(w, device, Map.of("identifier", "marek"));
      assertThat(ok.status()).isEqualTo(201);
      assertThat(ok.json().at("/user/id").asLong()).isEqualTo(w.marek);
      assertThat(login(w, device, Map.of()).json().get("field").asText()).isEqualTo("identifier");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void no_login_mode_works_as_the_first_created_active_user(TestDatabases.Kind kind) {
    try (World w = new World(kind)) {
      w.change(h -> Seed.settings(h, w.account, true, Visibility.OWN, true, LoginMode.NONE));
      String device = w.pairedDevice(w.shopA, DeviceModel.SMART);
      var ok = login(w, device, Map.of());
      assertThat(ok.status()).isEqualTo(201);
      assertThat(ok.json().at("/user/id").asLong()).isEqualTo(w.anna);
      assertThat(ok.json().get("loginMode").asText()).isEqualTo("NONE");

      w.change(h -> Seed.disableUser(h, w.account, w.anna, true));
      assertThat(login(w, device, Map.of()).status()).as("applied revision still names anna, who is disabled now")
          .isEqualTo(403);
      w.http.postJson("/api/device/ack", Map.of("revision", 3), World.bearer(device));
      assertThat(login(w, device, Map.of()).json().at("/user/id").asLong()).isEqualTo(w.marek);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void login_follows_the_applied_revision_not_the_current_one(TestDatabases.Kind kind) {
    try (World w = new World(kind)) {
      String device = w.pairedDevice(w.shopA, DeviceModel.SMART_PLUS);
      long three = w.change(h -> Seed.settings(h, w.account, true, Visibility.OWN, true, LoginMode.IDENTIFIER));
      assertThat(login(w, device, Map.of("identifier", "anna")).json().get("field").asText()).isEqualTo("pin");
      w.http.postJson("/api/device/ack", Map.of("revision", three), World.bearer(device));
      assertThat(login(w, device, Map.of("identifier", "anna")).status()).isEqualTo(201);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void five_wrong_pins_lock_the_user_out_for_five_minutes(TestDatabases.Kind kind) {
    try (World w = new World(kind)) {
      String a = w.pairedDevice(w.shopA, DeviceModel.SMART_PLUS);
      String b = w.pairedDevice(w.shopB, DeviceModel.POCKET);
      for (int i = 1; i <= 4; i++) {
        var wrong = login(w, i % 2 == 0 ? a : b, Map.of("identifier", "anna", "pin", "0000"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").asText()).isEqualTo("wrong_pin");
        assertThat(wrong.json().get("message").asText()).contains(String.valueOf(5 - i));
      }
      var fifth = login(w, a, Map.of("identifier", "anna", "pin", "0000"));
      assertThat(fifth.status()).isEqualTo(429);
      assertThat(fifth.json().get("error").asText()).isEqualTo("locked");
      assertThat(fifth.json().get("message").asText()).isEqualTo(
          "Użytkownik Anna Nowak jest zablokowany po 5 błędnych PIN-ach. Spróbuj ponownie za 5 minut.");

      var right = w.http.postJson("/api/device/login", Map.of("identifier", "anna", "pin", "1234"),
          Map.of("Authorization", "Bearer " + b, "Accept-Language", "en"));
      assertThat(right.status()).as("the lock holds on every terminal, even with the right PIN").isEqualTo(429);
      var english = w.app.client().postJson("/api/device/login?lang=en",
          Map.of("identifier", "anna", "pin", "1234"), World.bearer(b));
      assertThat(english.json().get("message").asText())
          .isEqualTo("Anna Nowak is locked out after 5 wrong PINs. Try again in 5 minutes.");
      assertThat(login(w, a,
          Map.of("identifier", "marek", "pin", "9999")).status()).as("other users are not locked").isEqualTo(201);

      w.app.clock.advance(Duration.ofMinutes(4));
      assertThat(login(w, a,
          Map.of("identifier", "anna", "pin", "1234")).json().get("message").asText()).contains("1 minutę");
      w.app.clock.advance(Duration.ofMinutes(1));
      assertThat(login(w, a, Map.of("identifier", "anna", "pin", "1234")).status()).isEqualTo(201);
      var countReset = login(w, a, Map.of("identifier", "anna", "pin", "0000"));
      assertThat(countReset.json().get("message").asText()).contains("Zostały 4 próby");
    }
  }

  /**
   * 100 wrong PINs at once from two terminals: the count is taken in the same row update as the lock
   * check, so exactly five are evaluated (four answered wrong_pin, the fifth locks) and the other 95 are
   * refused as locked without a look at the PIN; the right PIN is refused while the lock holds.
   */
  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_burst_of_parallel_wrong_pins_evaluates_at_most_five(TestDatabases.Kind kind) throws Exception {
    try (World w = new World(kind)) {
      String a = w.pairedDevice(w.shopA, DeviceModel.SMART_PLUS);
      String b = w.pairedDevice(w.shopB, DeviceModel.POCKET);
      List<WebClient.Response> answers = new ArrayList<>();
      var start = new java.util.concurrent.CountDownLatch(1);
      try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
        List<java.util.concurrent.Future<WebClient.Response>> sent = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          String device = i % 2 == 0 ? a : b;
          WebClient client = w.app.client();
          sent.add(pool.submit(() -> {
            start.await();
            return client.postJson("/api/device/login", Map.of("identifier", "anna", "pin", "0000"), World.bearer(device));
          }));
        }
        start.countDown();
        for (var f : sent) answers.add(f.get());
      }
      Map<String, Long> byError = new java.util.TreeMap<>();
      for (var r : answers) byError.merge(r.status() + " " + r.json().get("error").asText(), 1L, Long::sum);
      assertThat(byError).isEqualTo(Map.of("401 wrong_pin", 4L, "429 locked", 96L));
      var right = login(w, a, Map.of("identifier", "anna", "pin", "1234"));
      assertThat(right.status()).as("the right PIN is refused while locked").isEqualTo(429);
      w.app.clock.advance(Duration.ofMinutes(5));
      assertThat(login(w, b, Map.of("identifier", "anna", "pin", "1234")).status()).isEqualTo(201);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void disabled_user_is_cut_off_at_once(TestDatabases.Kind kind) {
    try (World w = new World(kind)) {
      String device = w.pairedDevice(w.shopA, DeviceModel.SMART_PLUS);
      String session = login(w, device, Map.of("identifier", "anna", "pin", "1234")).json().get("sessionToken").asText();
      w.app.db.inTransaction(h -> {
        Seed.disableUser(h, w.account, w.anna, true);
        return null;
      });
      w.cutoffs.userCutOff(w.account, w.anna); // as the back office does after its commit
      var refused = w.http.get("/api/device/session", World.session(device, session));
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.json().get("error").asText()).isEqualTo("session_ended");
      assertThat(refused.json().get("message").asText()).contains("wyłączone");
      assertThat(login(w, device, Map.of("identifier", "anna", "pin", "1234")).status()).isEqualTo(403);
      w.app.db.inTransaction(h -> {
        Seed.disableUser(h, w.account, w.anna, false);
        return null;
      });
      assertThat(w.http.get("/api/device/session", World.session(device, session)).status())
          .as("the refused session stays ended after re-enabling").isEqualTo(401);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void changed_pin_ends_the_session(TestDatabases.Kind kind) {
    try (World w = new World(kind)) {
      String device = w.pairedDevice(w.shopA, DeviceModel.SMART_PLUS);
      String session = login(w, device, Map.of("identifier", "anna", "pin", "1234")).json().get("sessionToken").asText();
      w.app.db.inTransaction(h -> {
        Seed.pin(h, w.account, w.anna, "4321");
        return null;
      });
      w.cutoffs.userCutOff(w.account, w.anna); // as the back office does after its commit
      assertThat(w.http.get("/api/device/session", World.session(device, session)).json().get("message").asText())
          .contains("PIN");
      assertThat(login(w, device, Map.of("identifier", "anna", "pin", "4321")).status()).isEqualTo(201);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void revoked_device_ends_its_sessions_and_logout_ends_one(TestDatabases.Kind kind) {
    try (World w = new World(kind)) {
      String a = w.pairedDevice(w.shopA, DeviceModel.SMART_PLUS);
      String b = w.pairedDevice(w.shopA, DeviceModel.SMART_PLUS);
      String sa = login(w, a, Map.of("identifier", "anna", "pin", "1234")).json().get("sessionToken").asText();
      String sb = login(w, b, Map.of("identifier", "marek", "pin", "9999")).json().get("sessionToken").asText();
      assertThat(w.http.get("/api/device/session", World.session(a, sb)).status()).as("a session is bound to its device")
          .isEqualTo(401);

      assertThat(w.http.postJson("/api/device/logout", Map.of(), World.session(b, sb)).status()).isEqualTo(204);
      assertThat(w.http.get("/api/device/session", World.session(b, sb)).status()).isEqualTo(401);
      assertThat(w.http.postJson("/api/device/logout", Map.of(), World.session(b, sb)).status()).isEqualTo(204);

      List<Long> revoked = new ArrayList<>();
      w.cutoffs.subscribe(new Cutoffs.Listener() {
        @Override
        public void deviceRevoked(long accountId, long deviceId) {
          revoked.add(deviceId);
        }
      });
      w.store.revoke(w.account, w.deviceId(a));
      assertThat(revoked).hasSize(1);
      var refused = w.http.get("/api/device/session", World.session(a, sa));
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.json().get("error").asText()).isEqualTo("device_unknown");
      assertThat(paragon.testing.Rows.count(w.app.db, "terminal_sessions")).isZero();
    }
  }

  private static WebClient.Response login(World w, String device, Map<String, String> body) {
    return w.http.postJson("/api/device/login", body, World.bearer(device));
  }
}
