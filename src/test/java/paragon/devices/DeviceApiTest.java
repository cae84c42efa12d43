package paragon.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.accounts.Cutoffs;
import paragon.configuration.DeviceModel;
import paragon.demo.Seed;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

class DeviceApiTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void pairing_code_gives_a_token_once(TestDatabases.Kind kind) {
    try (World w = new World(kind)) {
      DeviceStore.Code code = w.store.register(w.account, w.shopA, "Kasa 1", DeviceModel.SMART_PLUS);
      assertThat(code.code()).matches("[A-HJ-KM-NP-Z2-9]{4}-[A-HJ-KM-NP-Z2-9]{4}");

      WebClient.Response first = w.http.postJson("/api/device/pair", Map.of("code", code.code().toLowerCase()), Map.of());
      assertThat(first.status()).isEqualTo(201);
      assertThat(first.json().get("token").asText()).hasSizeGreaterThan(40);
      assertThat(first.json().at("/device/model").asText()).isEqualTo("SMART_PLUS");
      assertThat(first.json().get("revision").asLong()).isEqualTo(1);

      WebClient.Response again = w.http.postJson("/api/device/pair", Map.of("code", code.code()), Map.of());
      assertThat(again.status()).isEqualTo(400);
      assertThat(again.json().get("field").asText()).isEqualTo("code");
      assertThat(again.json().get("message").asText()).contains("nieprawidłowy");

      String stored = w.app.db.read(h -> h.createQuery("SELECT token_hash FROM devices WHERE id = :d")
          .bind("d", code.deviceId()).mapTo(String.class).one());
      assertThat(stored).isNotEqualTo(first.json().get("token").asText()).hasSize(64);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void pairing_code_expires_after_15_minutes(TestDatabases.Kind kind) {
    try (World w = new World(kind)) {
      DeviceStore.Code late = w.store.register(w.account, w.shopA, "Kasa 1", DeviceModel.POCKET);
      DeviceStore.Code inTime = w.store.register(w.account, w.shopA, "Kasa 2", DeviceModel.POCKET);
      w.app.clock.advance(Duration.ofMinutes(14).plusSeconds(59));
      assertThat(w.http.postJson("/api/device/pair", Map.of("code", inTime.code()), Map.of()).status()).isEqualTo(201);
      w.app.clock.advance(Duration.ofSeconds(1));
      WebClient.Response expired = w.http.postJson("/api/device/pair", Map.of("code", late.code()),
          Map.of("Accept-Language", "en"));
      assertThat(expired.status()).isEqualTo(400);
      assertThat(expired.json().get("message").asText()).contains("expired");

      DeviceStore.Code fresh = w.store.newCode(w.account, late.deviceId());
      assertThat(w.http.postJson("/api/device/pair", Map.of("code", late.code()), Map.of()).status()).isEqualTo(400);
      assertThat(w.http.postJson("/api/device/pair", Map.of("code", fresh.code()), Map.of()).status()).isEqualTo(201);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void ten_refused_pairings_in_a_minute_are_followed_by_429_with_retry_after(TestDatabases.Kind kind) {
    try (World w = new World(kind)) {
      DeviceStore.Code code = w.store.register(w.account, w.shopA, "Kasa 1", DeviceModel.POCKET);
      for (int i = 0; i < 10; i++) {
        w.app.clock.advance(Duration.ofSeconds(3));
        var wrong = w.http.postJson("/api/device/pair", Map.of("code", i % 2 == 0 ? "ABCD-EFGH" : "x"), Map.of());
        assertThat(wrong.status()).isEqualTo(400);
      }
      var limited = w.http.postJson("/api/device/pair", Map.of("code", code.code()), Map.of("Accept-Language", "en"));
      assertThat(limited.status()).as("even the right code waits").isEqualTo(429);
      assertThat(limited.header("Retry-After")).isEqualTo("33");
      assertThat(limited.json().get("error").asText()).isEqualTo("rate_limited");
      assertThat(limited.json().get("message").asText())
          .isEqualTo("Too many wrong pairing codes from this address. Wait 33 s and try again.");
      assertThat(w.http.postJson("/api/device/pair", Map.of("code", code.code()), Map.of()).json().get("message").asText())
          .isEqualTo("Zbyt wiele błędnych kodów parowania z tego adresu. Odczekaj 33 s i spróbuj ponownie.");
      assertThat(paragon.testing.Rows.count(w.app.db,
          "devices WHERE id = :d AND paired_at IS NOT NULL", "d", code.deviceId()))
          .as("nothing paired").isZero();
      w.app.clock.advance(Duration.ofSeconds(33));
      assertThat(w.http.postJson("/api/device/pair", Map.of("code", code.code()), Map.of()).status()).isEqualTo(201);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void malformed_pairing_requests_name_the_field(TestDatabases.Kind kind) {
    try (World w = new World(kind)) {
      var notJson = w.http.postBody("/api/device/pair", "application/json", "{nope", Map.of());
      assertThat(notJson.status()).isEqualTo(400);
      assertThat(notJson.json().get("field").asText()).isEqualTo("body");
      var shortCode = w.http.postJson("/api/device/pair", Map.of("code", "ABC"), Map.of());
      assertThat(shortCode.json().get("field").asText()).isEqualTo("code");
      var number = w.http.postJson("/api/device/pair", Map.of("code", 12345678), Map.of());
      assertThat(number.status()).isEqualTo(400);
      assertThat(number.json().get("field").asText()).isEqualTo("code");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void config_is_the_current_revision_and_304_when_unchanged(TestDatabases.Kind kind) {
    try (World w = new World(kind)) {
      String token = w.pairedDevice(w.shopA, DeviceModel.SMART_PLUS);
      WebClient.Response r = w.http.get("/api/device/config", World.bearer(token));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json().get("revision").asLong()).isEqualTo(1);
      assertThat(r.json().at("/config/revision").asLong()).isEqualTo(1);
      assertThat(names(r.json().at("/config/slots"))).containsExactly("Stolik 1", "Stolik 2", "Stolik 3");
      assertThat(r.json().at("/config/sharingEffective").asBoolean()).isTrue();
      assertThat(r.json().at("/config/users").toString()).doesNotContain("pin");
      String etag = r.header("ETag");
      assertThat(etag).isEqualTo("\"rev-1\"");

      assertThat(w.http.get("/api/device/config", Map.of("Authorization",
          "Bearer " + token, "If-None-Match", etag)).status())
          .isEqualTo(304);
      assertThat(w.http.get("/api/device/config?known=1", World.bearer(token)).status()).isEqualTo(304);

      long two = w.change(h -> Seed.slots(h, w.account, null, List.of("Stolik 4")));
      assertThat(two).isEqualTo(2);
      WebClient.Response changed = w.http.get("/api/device/config?known=1",
          Map.of("Authorization", "Bearer " + token, "If-None-Match", etag));
      assertThat(changed.status()).isEqualTo(200);
      assertThat(changed.json().get("revision").asLong()).isEqualTo(2);
      assertThat(changed.json().get("appliedRevision").asLong()).isEqualTo(1);
      assertThat(changed.json().get("behind").asBoolean()).isTrue();
      assertThat(names(changed.json().at("/config/slots"))).endsWith("Stolik 4");
      assertThat(w.http.get("/api/device/config?known=x", World.bearer(token)).json().get("field").asText())
          .isEqualTo("known");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void ack_records_the_applied_revision_per_device(TestDatabases.Kind kind) {
    try (World w = new World(kind)) {
      String a = w.pairedDevice(w.shopA, DeviceModel.SMART_PLUS);
      w.change(h -> Seed.slots(h, w.account, null, List.of("Stolik 4")));
      String b = w.pairedDevice(w.shopB, DeviceModel.SMART);
      w.change(h -> Seed.slots(h, w.account, w.shopB, List.of("Bar 2")));

      assertThat(applied(w, a)).isEqualTo(1);
      assertThat(applied(w, b)).isEqualTo(2);
      var ack = w.http.postJson("/api/device/ack", Map.of("revision", 3), World.bearer(a));
      assertThat(ack.status()).isEqualTo(200);
      assertThat(ack.json().get("appliedRevision").asLong()).isEqualTo(3);
      assertThat(ack.json().get("behind").asBoolean()).isFalse();
      assertThat(applied(w, a)).isEqualTo(3);
      assertThat(applied(w, b)).isEqualTo(2);

      var future = w.http.postJson("/api/device/ack", Map.of("revision", 4), World.bearer(b));
      assertThat(future.status()).isEqualTo(400);
      assertThat(future.json().get("field").asText()).isEqualTo("revision");
      assertThat(w.http.postJson("/api/device/ack", Map.of("revision", 0), World.bearer(b)).status()).isEqualTo(400);
      assertThat(w.http.postJson("/api/device/ack", Map.of("revision", "2"), World.bearer(b)).status()).isEqualTo(400);
      assertThat(applied(w, b)).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void sync_request_shows_until_the_current_revision_is_acknowledged(TestDatabases.Kind kind) {
    try (World w = new World(kind)) {
      String token = w.pairedDevice(w.shopA, DeviceModel.POCKET);
      w.change(h -> Seed.slots(h, w.account, null, List.of("Stolik 4")));
      assertThat(w.http.get("/api/device/heartbeat", World.bearer(token)).json().get("syncRequested").asBoolean()).isFalse();
      w.store.requestSync(w.account, w.deviceId(token));
      var beat = w.http.get("/api/device/heartbeat", World.bearer(token)).json();
      assertThat(beat.get("syncRequested").asBoolean()).isTrue();
      assertThat(beat.get("behind").asBoolean()).isTrue();
      assertThat(w.http.get("/api/device/config", World.bearer(token)).json().get("syncRequested").asBoolean()).isTrue();
      w.http.postJson("/api/device/ack", Map.of("revision", 1), World.bearer(token));
      assertThat(w.http.get("/api/device/heartbeat", World.bearer(token)).json().get("syncRequested").asBoolean()).isTrue();
      w.http.postJson("/api/device/ack", Map.of("revision", 2), World.bearer(token));
      assertThat(w.http.get("/api/device/heartbeat", World.bearer(token)).json().get("syncRequested").asBoolean()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void revoked_device_is_refused_at_once_and_listeners_hear_it(TestDatabases.Kind kind) {
    try (World w = new World(kind)) {
      String token = w.pairedDevice(w.shopA, DeviceModel.SMART_PLUS);
      long id = w.deviceId(token);
      List<Long> revoked = new ArrayList<>();
      w.cutoffs.subscribe(new Cutoffs.Listener() {
        @Override
        public void deviceRevoked(long accountId, long deviceId) {
          revoked.add(deviceId);
        }
      });
      assertThat(w.http.get("/api/device/heartbeat", World.bearer(token)).status()).isEqualTo(200);
      w.store.revoke(w.account, id);
      assertThat(revoked).containsExactly(id);
      var refused = w.http.get("/api/device/config", World.bearer(token));
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.json().get("error").asText()).isEqualTo("device_unknown");
      assertThat(w.http.get("/api/device/config", Map.of()).status()).isEqualTo(401);
      assertThat(w.http.get("/api/device/config", World.bearer("made-up")).status()).isEqualTo(401);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void another_accounts_device_is_not_found(TestDatabases.Kind kind) {
    try (World w = new World(kind)) {
      String token = w.pairedDevice(w.shopA, DeviceModel.SMART_PLUS);
      long id = w.deviceId(token);
      long other = w.app.db.inTransaction(h -> Seed.account(h, "Other", paragon.configuration.Plan.MAX, "en", 0));
      assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(paragon.web.Problem.class,
          () -> w.store.revoke(other, id)).status()).isEqualTo(404);
      assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(paragon.web.Problem.class,
          () -> w.store.register(other, w.shopA, "Kasa", DeviceModel.SMART)).field()).isEqualTo("shop");
      assertThat(w.http.get("/api/device/heartbeat", World.bearer(token)).status()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void every_call_records_the_last_contact(TestDatabases.Kind kind) {
    try (World w = new World(kind)) {
      String token = w.pairedDevice(w.shopA, DeviceModel.SMART_PLUS);
      long paired = lastContact(w, token);
      w.app.clock.advance(Duration.ofMinutes(3));
      w.http.get("/api/device/heartbeat", World.bearer(token));
      awaitLastContact(w, token, paired + Duration.ofMinutes(3).toMillis());
      w.app.clock.advance(Duration.ofMinutes(1));
      w.http.get("/api/device/config?known=1", World.bearer(token));
      awaitLastContact(w, token, paired + Duration.ofMinutes(4).toMillis());
    }
  }

  /** The store alone (no HTTP call, so the app's own store has no contact of this device to write). */
  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_timer_writes_a_contact_that_moved_a_minute_and_the_back_office_list_writes_every_one(
      TestDatabases.Kind kind) {
    try (World w = new World(kind)) {
      String token = w.pairedDevice(w.shopA, DeviceModel.SMART_PLUS);
      long id = w.deviceId(token);
      long paired = lastContact(w, token);
      w.app.clock.advance(Duration.ofSeconds(10));
      w.store.contact(id);
      w.store.flushDueContacts(); // never written by this store: due
      assertThat(lastContact(w, token)).isEqualTo(paired + 10_000);
      w.app.clock.advance(Duration.ofSeconds(15));
      w.store.contact(id);
      w.store.flushDueContacts(); // 15 s past the written one: waits in memory
      assertThat(lastContact(w, token)).isEqualTo(paired + 10_000);
      assertThat(w.store.list(w.account)).isNotEmpty(); // the list shows the latest: it writes them all
      assertThat(lastContact(w, token)).isEqualTo(paired + 25_000);
      w.app.clock.advance(Duration.ofSeconds(30));
      w.store.contact(id);
      w.store.flushDueContacts();
      assertThat(lastContact(w, token)).isEqualTo(paired + 25_000);
      w.app.clock.advance(Duration.ofSeconds(30));
      w.store.contact(id);
      w.store.flushDueContacts(); // a minute past the written one
      assertThat(lastContact(w, token)).isEqualTo(paired + 85_000);
    }
  }

  /** Contacts are kept in memory and written in batches every few seconds: wait for the batch. */
  private static void awaitLastContact(World w, String token, long expected) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (lastContact(w, token) != expected && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
    assertThat(lastContact(w, token)).isEqualTo(expected);
  }

  private static long lastContact(World w, String token) {
    long id = w.deviceId(token);
    return w.app.db.read(h -> h.createQuery("SELECT last_contact_at FROM devices WHERE id = :d").bind("d", id)
        .mapTo(Long.class).one());
  }

  private static long applied(World w, String token) {
    return w.http.get("/api/device/heartbeat", World.bearer(token)).json().get("appliedRevision").asLong();
  }

  static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(n -> names.add(n.get("name").asText()));
    return names;
  }
}
