package paragon.receipts;

import java.util.List;
import java.util.Map;
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
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.web.Tokens;

/**
 * A started app with one restaurant account (Polish): plan MAX, parking and sharing on, visibility ALL,
 * PIN login; tables "Stolik 1..3" on the default list; shop "Rynek" on the defaults, shop "Mokotów"
 * with its own list; waiters "anna" and "ola" (no permissions), manager "marek" (all permissions);
 * products Espresso 9,00 zł (VAT 8) and Piwo 12,50 zł (VAT 23). Revision 1 is recorded.
 */
final class Floor implements AutoCloseable {
  final TestApp app;
  long account;
  long shop;
  long otherShop;
  long waiterRole;
  long managerRole;
  long anna;
  long ola;
  long marek;
  long espresso;
  long beer;

  Floor(TestDatabases.Kind kind) {
    this(kind, Visibility.ALL);
  }

  Floor(TestDatabases.Kind kind, Visibility visibility) {
    app = TestApp.start(kind);
    long now = app.clock.millis();
    app.db.inTransaction(h -> {
      account = Seed.account(h, "Bistro", Plan.MAX, "pl", now);
      Seed.settings(h, account, true, visibility, true, LoginMode.PIN);
      Seed.slots(h, account, null, List.of("Stolik 1", "Stolik 2", "Stolik 3"));
      shop = Seed.shop(h, account, "Rynek", true, now);
      otherShop = Seed.shop(h, account, "Mokotów", false, now);
      Seed.slots(h, account, otherShop, List.of("Bar 1"));
      waiterRole = Seed.role(h, account, "Kelner", Set.of());
      managerRole = Seed.role(h, account, "Kierownik", Set.of(Permission.values()));
      anna = Seed.user(h, account, "anna", "Anna Nowak", waiterRole, "1234", now);
      ola = Seed.user(h, account, "ola", "Ola Lis", waiterRole, "2222", now);
      marek = Seed.user(h, account, "marek", "Marek Kowal", managerRole, "9999", now);
      espresso = Seed.product(h, account, "Espresso", 900, "8", "Kawa", 1);
      beer = Seed.product(h, account, "Piwo", 1250, "23", "Bar", 2);
      return Revisions.record(h, account, "test", "setup", app.clock);
    });
  }

  /** One back-office save: {@code change}, then exactly one new revision (returned). */
  long change(Consumer<Handle> change) {
    return app.db.inTransaction(h -> {
      change.accept(h);
      return Revisions.record(h, account, "test", "change", app.clock);
    });
  }

  /** A paired device of {@code shopId} (inserted as pairing leaves it) with {@code identifier} logged in. */
  Terminal terminal(long shopId, DeviceModel model, String identifier) {
    String token = Tokens.fresh();
    long revision = app.db.read(h -> Revisions.current(h, account));
    long id = app.db.inTransaction(h -> h.createQuery("""
            INSERT INTO devices (account_id, shop_id, name, model, token_hash, paired_at, applied_revision, created_at)
            VALUES (:a, :s, :n, :m, :k, :t, :r, :t) RETURNING id""")
        .bind("a", account).bind("s", shopId).bind("n", "Kasa " + identifier).bind("m", model.name())
        .bind("k", Tokens.hash(token)).bind("t", app.clock.millis()).bind("r", revision).mapTo(Long.class).one());
    Terminal t = new Terminal(app.client(), id, token);
    t.login(identifier, Map.of("anna", "1234", "ola", "2222", "marek", "9999").get(identifier));
    return t;
  }

  Terminal terminal(String identifier) {
    return terminal(shop, DeviceModel.SMART_PLUS, identifier);
  }

  String slot(String name) {
    return app.db.read(h -> h.createQuery("SELECT id FROM receipt_slots WHERE account_id = :a AND name = :n")
        .bind("a", account).bind("n", name).mapTo(String.class).one());
  }

  /** The receipt as the server holds it now, read whole from its tables. */
  ReceiptView receipt(String id) {
    return new ChangeFeed(app.db).latest(account, id).orElse(null);
  }

  /**
   * A hand edit of a receipt's rows, marked on the receipt's row as every writer must mark a change
   * ({@link LinesCache}; here its update time moves, so that no seq is taken without a change row): no
   * node takes the lines it kept for the receipt's new state.
   */
  void handEdit(String receiptId, Consumer<Handle> edit) {
    app.db.inTransaction(h -> {
      edit.accept(h);
      return h.createUpdate("UPDATE receipts SET updated_at = updated_at + 1 WHERE id = :r").bind("r", receiptId)
          .execute();
    });
  }

  long count(String sqlAfterFrom) {
    return app.db.read(h -> h.createQuery("SELECT COUNT(*) FROM " + sqlAfterFrom).mapTo(Long.class).one());
  }

  @Override
  public void close() {
    app.close();
  }
}
