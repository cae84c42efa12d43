package paragon.web.terminal;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import paragon.accounts.Permission;
import paragon.configuration.DeviceModel;
import paragon.configuration.LoginMode;
import paragon.configuration.Plan;
import paragon.configuration.Revisions;
import paragon.configuration.Visibility;
import paragon.demo.Seed;
import paragon.storage.Database;
import paragon.testing.MutableClock;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.web.Tokens;

/**
 * A started app with one shop as the terminal tests need it: plan MAX, parking and sharing on, PIN
 * login, visibility {@code visibility}; tables "Stolik 1..3"; waiters "anna" (PIN 1234) and "ola" (PIN
 * 4321) of role Kelner, manager "marek" (PIN 9999, every permission); products in two categories.
 * Devices are registered straight in the table with a known pairing code (the back office's job).
 */
final class Shop implements AutoCloseable {
  /** The app, when this shop started it; null when the test runs its own (to stop and restart it). */
  final TestApp app;
  final Database db;
  final MutableClock clock;
  String base;
  long account;
  long shop;
  long anna;
  long ola;
  long marek;

  Shop(Visibility visibility) {
    this(new TestApp(TestDatabases.sqlite()), visibility);
  }

  Shop(TestApp app, Visibility visibility) {
    this(app, app.db, app.clock, app.url(""), visibility);
  }

  /** A shop in {@code db} served by an app the test starts itself at {@code base}. */
  Shop(Database db, MutableClock clock, String base, Visibility visibility) {
    this(null, db, clock, base, visibility);
  }

  private Shop(TestApp app, Database db, MutableClock clock, String base, Visibility visibility) {
    this.app = app;
    this.db = db;
    this.clock = clock;
    this.base = base;
    long now = clock.millis();
    db.inTransaction(h -> {
      account = Seed.account(h, "Bistro Test", Plan.MAX, "pl", now);
      Seed.settings(h, account, true, visibility, true, LoginMode.PIN);
      Seed.slots(h, account, null, List.of("Stolik 1", "Stolik 2", "Stolik 3"));
      shop = Seed.shop(h, account, "Rynek", true, now);
      long waiter = Seed.role(h, account, "Kelner", Set.of());
      long manager = Seed.role(h, account, "Kierownik", Set.of(Permission.values()));
      anna = Seed.user(h, account, "anna", "Anna Nowak", waiter, "1234", now);
      ola = Seed.user(h, account, "ola", "Ola Wiśniewska", waiter, "4321", now);
      marek = Seed.user(h, account, "marek", "Marek Kowal", manager, "9999", now);
      Seed.product(h, account, "Espresso", 900, "8", "Kawa", 1);
      Seed.product(h, account, "Cappuccino", 1400, "8", "Kawa", 2);
      Seed.product(h, account, "Sernik", 1600, "8", "Ciasta", 3);
      Seed.product(h, account, "Piwo <b>jasne</b>", 1200, "23", "Napoje", 4);
      return Revisions.record(h, account, "test", "setup", clock);
    });
  }

  /** Registers a device with pairing code {@code code} (8 characters of the pairing alphabet). */
  long device(String name, DeviceModel model, String code) {
    return db.inTransaction(h -> h.createQuery("""
            INSERT INTO devices (account_id, shop_id, name, model, pairing_code_hash, pairing_expires_at, created_at)
            VALUES (:a, :s, :n, :m, :c, :e, :t) RETURNING id""")
        .bind("a", account).bind("s", shop).bind("n", name).bind("m", model.name())
        .bind("c", Tokens.hash(code)).bind("e", clock.millis() + 900_000).bind("t", clock.millis())
        .mapTo(Long.class).one());
  }

  /** A new pairing code for {@code device} (the back office's "New code" / "Pair again"). */
  void newCode(long device, String code) {
    db.inTransaction(h -> h.createUpdate("UPDATE devices SET pairing_code_hash = :c, pairing_expires_at = :e WHERE id = :d")
        .bind("c", Tokens.hash(code)).bind("e", clock.millis() + 900_000).bind("d", device).execute());
  }

  /** Adds a cashier (own role, no permissions) in one new revision. */
  long cashier(String identifier, String name, String pin) {
    long[] id = new long[1];
    change(h -> {
      long role = Seed.role(h, account, "Kasjer", Set.of());
      id[0] = Seed.user(h, account, identifier, name, role, pin, clock.millis());
    });
    return id[0];
  }

  /** One back-office save: {@code change} and one new revision. */
  long change(Consumer<Handle> change) {
    return db.inTransaction(h -> {
      change.accept(h);
      return Revisions.record(h, account, "test", "change", clock);
    });
  }

  String url(String path) {
    return base + path;
  }

  @Override
  public void close() {
    if (app != null) app.close();
  }
}
