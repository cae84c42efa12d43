package paragon.sync;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import paragon.accounts.LoginMode;
import paragon.accounts.Permission;
import paragon.accounts.Plan;
import paragon.accounts.Visibility;
import paragon.configuration.Revisions;
import paragon.demo.Seed;
import paragon.devices.DeviceModel;
import paragon.storage.Database;
import paragon.testing.MutableClock;
import paragon.testing.StreamClient;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;
import paragon.web.Tokens;

/**
 * A shop floor for stream tests: a started app and one account (plan MAX, parking and sharing on, PIN
 * login, visibility as given) with a shop "Rynek" holding tables "Stolik 1..3"; waiters anna and bob
 * (role Kelner), cook kuba (role Kucharz) and manager marek (role Kierownik, may see all receipts).
 * Terminals are devices paired straight in the table and logged in over HTTP.
 */
final class Floor implements AutoCloseable {
  static final StreamSettings FAST = new StreamSettings(64, Duration.ofMillis(300), Duration.ofSeconds(3),
      Duration.ofSeconds(2), 1_000);

  final TestApp app;
  long account;
  long shop;
  long waiter;
  long cook;
  long manager;
  long anna;
  long bob;
  long kuba;
  long marek;

  /** A terminal: a paired device and the cashier logged in on it. */
  record Terminal(long deviceId, String deviceToken, String sessionToken, long userId) {
    String shopSpace(Floor f) {
      return "shop:" + f.shop;
    }

    String deviceSpace() {
      return "device:" + deviceId;
    }
  }

  Floor(TestDatabases.Kind kind, Visibility visibility) {
    this(TestDatabases.open(kind), new MutableClock(), visibility, FAST);
  }

  Floor(Database db, MutableClock clock, Visibility visibility, StreamSettings settings) {
    this.app = new TestApp(db, clock, settings);
    long now = clock.millis();
    db.inTransaction(h -> {
      account = Seed.account(h, "Bistro", Plan.MAX, "pl", now);
      Seed.settings(h, account, true, visibility, true, LoginMode.PIN);
      Seed.slots(h, account, null, List.of("Stolik 1", "Stolik 2", "Stolik 3"));
      shop = Seed.shop(h, account, "Rynek", true, now);
      waiter = Seed.role(h, account, "Kelner", Set.of());
      cook = Seed.role(h, account, "Kucharz", Set.of());
      manager = Seed.role(h, account, "Kierownik", Set.of(Permission.values()));
      anna = Seed.user(h, account, "anna", "Anna Nowak", waiter, "1111", now);
      bob = Seed.user(h, account, "bob", "Bob Lis", waiter, "2222", now);
      kuba = Seed.user(h, account, "kuba", "Kuba Wrona", cook, "3333", now);
      marek = Seed.user(h, account, "marek", "Marek Kowal", manager, "9999", now);
      Seed.product(h, account, "Espresso", 900, "8", "Kawa", 1);
      return Revisions.record(h, account, "test", "setup", app.clock);
    });
  }

  /** A device of the shop, paired, with {@code identifier} logged in on it. */
  Terminal terminal(String identifier, DeviceModel model) {
    String token = Tokens.fresh();
    long now = app.clock.millis();
    long deviceId = app.db.inTransaction(h -> h.createQuery("""
            INSERT INTO devices (account_id, shop_id, name, model, token_hash, paired_at, applied_revision, created_at)
            VALUES (:a, :s, :n, :m, :k, :t, (SELECT revision FROM accounts WHERE id = :a), :t) RETURNING id""")
        .bind("a", account).bind("s", shop).bind("n", "Kasa " + identifier).bind("m", model.name())
        .bind("k", Tokens.hash(token)).bind("t", now).mapTo(Long.class).one());
    return login(new Terminal(deviceId, token, null, 0), identifier);
  }

  Terminal terminal(String identifier) {
    return terminal(identifier, DeviceModel.SMART_PLUS);
  }

  /** Logs {@code identifier} in on the terminal's device (ending the previous session there). */
  Terminal login(Terminal t, String identifier) {
    String pin = Map.of("anna", "1111", "bob", "2222", "kuba", "3333", "marek", "9999").get(identifier);
    WebClient.Response r = app.client().postJson("/api/device/login", Map.of("identifier", identifier, "pin", pin),
        Map.of("Authorization", "Bearer " + t.deviceToken()));
    if (r.status() != 201) throw new AssertionError("login of " + identifier + " failed: " + r.status() + " " + r.body());
    return new Terminal(t.deviceId(), t.deviceToken(), r.json().get("sessionToken").asText(), r.json().at("/user/id").asLong());
  }

  StreamClient connect(Terminal t, StreamClient.View view) {
    return StreamClient.connect(app.port(), t.deviceToken(), t.sessionToken(), view);
  }

  StreamClient connect(Terminal t) {
    return connect(t, new StreamClient.View());
  }

  @Override
  public void close() {
    app.close();
  }
}
