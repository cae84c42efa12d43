package paragon.devices;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import paragon.accounts.Cutoffs;
import paragon.accounts.Permission;
import paragon.configuration.DeviceModel;
import paragon.configuration.LoginMode;
import paragon.configuration.Plan;
import paragon.configuration.Revisions;
import paragon.configuration.Visibility;
import paragon.demo.Seed;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/**
 * A started app with one account: plan MAX, parking and sharing on, PIN login; the default list
 * "Stolik 1..3"; shop A on the defaults, shop B with its own list "Bar 1"; a waiter "anna" (PIN 1234)
 * and a manager "marek" (PIN 9999, every permission). Revision 1 is recorded.
 */
final class World implements AutoCloseable {
  final TestApp app;
  final Cutoffs cutoffs;
  final DeviceStore store;
  final WebClient http;
  long account;
  long shopA;
  long shopB;
  long waiterRole;
  long managerRole;
  long anna;
  long marek;

  World(TestDatabases.Kind kind) {
    this.app = TestApp.start(kind);
    this.cutoffs = app.cutoffs; // the app's own: a revocation here is one the app hears
    this.store = new DeviceStore(app.db, app.clock, cutoffs);
    this.http = app.client();
    long now = app.clock.millis();
    app.db.inTransaction(h -> {
      account = Seed.account(h, "Bistro", Plan.MAX, "pl", now);
      Seed.settings(h, account, true, Visibility.OWN, true, LoginMode.PIN);
      Seed.slots(h, account, null, List.of("Stolik 1", "Stolik 2", "Stolik 3"));
      shopA = Seed.shop(h, account, "Rynek", true, now);
      shopB = Seed.shop(h, account, "Mokotów", false, now);
      Seed.slots(h, account, shopB, List.of("Bar 1"));
      waiterRole = Seed.role(h, account, "Kelner", Set.of());
      managerRole = Seed.role(h, account, "Kierownik", Set.of(Permission.values()));
      anna = Seed.user(h, account, "anna", "Anna Nowak", waiterRole, "1234", now);
      marek = Seed.user(h, account, "marek", "Marek Kowal", managerRole, "9999", now);
      Seed.product(h, account, "Espresso", 900, "8", "Kawa", 1);
      return Revisions.record(h, account, "test", "setup", app.clock);
    });
  }

  /** One save: {@code change} and exactly one new revision, as a back-office save does. */
  long change(Consumer<Handle> change) {
    return app.db.inTransaction(h -> {
      change.accept(h);
      return Revisions.record(h, account, "test", "change", app.clock);
    });
  }

  Clock clock() {
    return app.clock;
  }

  /** Registers and pairs a device over HTTP; returns its token. */
  String pairedDevice(long shopId, DeviceModel model) {
    DeviceStore.Code code = store.register(account, shopId, "Kasa " + model, model);
    WebClient.Response r = http.postJson("/api/device/pair", Map.of("code", code.code()), Map.of());
    if (r.status() != 201) throw new AssertionError("pairing failed: " + r.status() + " " + r.body());
    return r.json().get("token").asText();
  }

  static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }

  static Map<String, String> session(String deviceToken, String sessionToken) {
    return Map.of("Authorization", "Bearer " + deviceToken, TerminalAuth.SESSION_HEADER, sessionToken);
  }

  /** The device's id, read without authenticating (which would record a contact). */
  long deviceId(String token) {
    return app.db.read(h -> h.createQuery("SELECT id FROM devices WHERE token_hash = :k")
        .bind("k", paragon.web.Tokens.hash(token)).mapTo(Long.class).one());
  }

  @Override
  public void close() {
    app.close();
  }
}
