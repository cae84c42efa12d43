package paragon.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.accounts.Cutoffs;
import paragon.accounts.PinBackoff;
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
  void wrong_pins_slow_down_only_the_terminal_they_were_typed_on(TestDatabases.Kind kind) {
    try (World w = new World(kind)) {
      String a = w.pairedDevice(w.shopA, DeviceModel.SMART_PLUS);
      String b = w.pairedDevice(w.shopB, DeviceModel.POCKET);
      for (int i = 1; i <= 2; i++) {
        var wrong = login(w, a, Map.of("identifier", "anna", "pin", "0000"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").asText()).isEqualTo("wrong_pin");
        assertThat(wrong.json().get("message").asText()).isEqualTo("Błędny PIN.");
        assertThat(wrong.header("Retry-After")).as("the first attempts are free").isNull();
      }
      var third = login(w, a, Map.of("identifier", "anna", "pin", "0000"));
      assertThat(third.json().get("message").asText()).isEqualTo("Błędny PIN. Spróbuj ponownie za 1 s.");
      assertThat(third.header("Retry-After")).isEqualTo("1");

      var waiting = login(w, a, Map.of("identifier", "anna", "pin", "1234"));
      assertThat(waiting.status()).as("even the right PIN waits, unchecked").isEqualTo(429);
      assertThat(waiting.json().get("error").asText()).isEqualTo("locked");
      assertThat(waiting.header("Retry-After")).isEqualTo("1");
      assertThat(waiting.json().get("message").asText())
          .isEqualTo("Za dużo błędnych PIN-ów użytkownika Anna Nowak na tym terminalu. Spróbuj ponownie za 1 s.");
      var english = w.app.client().postJson("/api/device/login?lang=en",
          Map.of("identifier", "anna", "pin", "1234"), World.bearer(a));
      assertThat(english.json().get("message").asText())
          .isEqualTo("Too many wrong PINs for Anna Nowak on this terminal. Try again in 1 s.");

      assertThat(login(w, b, Map.of("identifier", "anna", "pin", "1234")).status())
          .as("another terminal is not slowed down by this one's wrong PINs").isEqualTo(201);
      assertThat(login(w, a, Map.of("identifier", "marek", "pin", "9999")).status())
          .as("nor another user on this terminal").isEqualTo(201);

      // The wait doubles per wrong PIN up to five minutes.
      long wait = 1;
      for (int attempt = 4; attempt <= 13; attempt++) {
        w.app.clock.advance(Duration.ofSeconds(wait));
        var wrong = login(w, a, Map.of("identifier", "anna", "pin", "0000"));
        assertThat(wrong.status()).as("attempt %d", attempt).isEqualTo(401);
        wait = Math.min(300, wait * 2);
        assertThat(wrong.header("Retry-After")).as("attempt %d", attempt).isEqualTo(String.valueOf(wait));
      }
      assertThat(wait).isEqualTo(300);
      w.app.clock.advance(Duration.ofSeconds(299));
      assertThat(login(w, a, Map.of("identifier", "anna", "pin", "1234")).header("Retry-After")).isEqualTo("1");
      w.app.clock.advance(Duration.ofSeconds(1));
      assertThat(login(w, a, Map.of("identifier", "anna", "pin", "1234")).status()).isEqualTo(201);
      assertThat(login(w, a, Map.of("identifier", "anna", "pin", "0000")).json().get("message").asText())
          .as("a right PIN starts the count again").isEqualTo("Błędny PIN.");
    }
  }

  /**
   * 20 wrong PINs at once from one terminal: each takes its attempt in the same row upsert as the wait
   * check, so exactly the three free ones are evaluated (the clock stands still) and the other 17 are
   * refused without a look at the PIN; the same user logs in on another terminal meanwhile.
   */
  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_burst_of_parallel_wrong_pins_evaluates_only_the_free_attempts(TestDatabases.Kind kind) throws Exception {
    try (World w = new World(kind)) {
      String a = w.pairedDevice(w.shopA, DeviceModel.SMART_PLUS);
      String b = w.pairedDevice(w.shopB, DeviceModel.POCKET);
      List<WebClient.Response> answers = new ArrayList<>();
      var start = new java.util.concurrent.CountDownLatch(1);
      try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
        List<java.util.concurrent.Future<WebClient.Response>> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          WebClient client = w.app.client();
          sent.add(pool.submit(() -> {
            start.await();
            return client.postJson("/api/device/login", Map.of("identifier", "anna", "pin", "0000"), World.bearer(a));
          }));
        }
        start.countDown();
        for (var f : sent) answers.add(f.get());
      }
      Map<String, Long> byError = new java.util.TreeMap<>();
      for (var r : answers) byError.merge(r.status() + " " + r.json().get("error").asText(), 1L, Long::sum);
      assertThat(byError).isEqualTo(Map.of("401 wrong_pin", (long) PinBackoff.FREE, "429 locked", 20L - PinBackoff.FREE));
      assertThat(answers).filteredOn(r -> r.status() == 429).allMatch(r -> "1".equals(r.header("Retry-After")));
      assertThat(login(w, b, Map.of("identifier", "anna", "pin", "1234")).status())
          .as("the other terminal logs the user in meanwhile").isEqualTo(201);
      assertThat(login(w, a, Map.of("identifier", "anna", "pin", "1234")).status())
          .as("the right PIN waits on the guessing terminal").isEqualTo(429);
      var scrape = new paragon.metrics.Scrape(w.app.client().get("/metrics").body());
      assertThat(scrape.value("paragon_logins_total", "kind", "pin", "outcome", "locked"))
          .as("every refusal to wait is counted as a lockout").isEqualTo(20 - PinBackoff.FREE + 1);
      w.app.clock.advance(Duration.ofSeconds(1));
      assertThat(login(w, a, Map.of("identifier", "anna", "pin", "1234")).status()).isEqualTo(201);
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
