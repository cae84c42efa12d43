package paragon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import paragon.accounts.Permission;
import paragon.configuration.DeviceModel;
import paragon.configuration.LoginMode;
import paragon.configuration.Plan;
import paragon.configuration.Revisions;
import paragon.configuration.Visibility;
import paragon.demo.Seed;
import paragon.receipts.ChangeFeed;
import paragon.receipts.ReceiptView;
import paragon.receipts.Viewer;
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

  TestApp app;
  private final StreamSettings settings;
  long account;
  long shop;
  long waiter;
  long cook;
  long manager;
  long anna;
  long bob;
  long kuba;
  long marek;

  Floor(TestDatabases.Kind kind, Visibility visibility) {
    this(TestDatabases.open(kind), new MutableClock(), visibility, FAST);
  }

  Floor(Database db, MutableClock clock, Visibility visibility, StreamSettings settings) {
    this(new TestApp(db, clock, settings), visibility, settings);
  }

  /** On an app started by the test (e.g. over HTTPS). */
  Floor(TestApp app, Visibility visibility, StreamSettings settings) {
    this.app = app;
    this.settings = settings;
    long now = app.clock.millis();
    app.db.inTransaction(h -> {
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
            VALUES (:a, :s, :n, :m, :k, :t, (SELECT revision FROM config_heads WHERE account_id = :a), :t) RETURNING id""")
        .bind("a", account).bind("s", shop).bind("n", "Kasa " + identifier).bind("m", model.name())
        .bind("k", Tokens.hash(token)).bind("t", now).mapTo(Long.class).one());
    Terminal t = new Terminal(this, deviceId, token);
    login(t, identifier);
    return t;
  }

  Terminal terminal(String identifier) {
    return terminal(identifier, DeviceModel.SMART_PLUS);
  }

  /** Logs {@code identifier} in on the terminal's device (ending the previous session there). */
  Terminal login(Terminal t, String identifier) {
    String pin = Map.of("anna", "1111", "bob", "2222", "kuba", "3333", "marek", "9999").get(identifier);
    WebClient.Response r = app.client().postJson("/api/device/login", Map.of("identifier", identifier, "pin", pin),
        Map.of("Authorization", "Bearer " + t.deviceToken));
    if (r.status() != 201) throw new AssertionError("login of " + identifier + " failed: " + r.status() + " " + r.body());
    t.sessionToken = r.json().get("sessionToken").asText();
    t.userId = r.json().at("/user/id").asLong();
    return t;
  }

  String slot(String name) {
    return app.db.read(h -> h.createQuery("SELECT id FROM receipt_slots WHERE account_id = :a AND name = :n")
        .bind("a", account).bind("n", name).mapTo(String.class).one());
  }

  /** The server's state of a space: its open receipts and seq, read as a snapshot is. */
  ChangeFeed.Snapshot server(String space) {
    return new ChangeFeed(app.db).snapshot(account, space);
  }

  StreamClient connect(Terminal t, StreamClient.View view) {
    return StreamClient.connect(app.port(), t.deviceToken, t.sessionToken, view);
  }

  StreamClient connect(Terminal t) {
    return connect(t, new StreamClient.View());
  }

  /** Stops the server and starts a new one on the same database (a restart, or another node). */
  void restart() {
    app.stopServer();
    app = new TestApp(app.db, app.clock, settings);
  }

  /**
   * What a terminal of {@code viewer} must hold for {@code space} once it is up to date: the server's
   * open receipts filtered by visibility (full views as JSON, occupied tables as stubs), by id.
   */
  Map<String, JsonNode> expected(String space, Viewer viewer) {
    Map<String, JsonNode> out = new TreeMap<>();
    for (ReceiptView r : server(space).receipts()) {
      switch (Sight.of(r, viewer)) {
        case Sight.Full f -> out.put(r.id(), reparse(FramedChange.json(r)));
        case Sight.Occupied o -> out.put(r.id(), reparse(Frames.JSON.createObjectNode().put("id", o.id())
            .put("slotId", o.slotId()).put("name", o.name()).put("kind", o.kind().name()).put("state", o.state().name())
            .put("occupied", true).toString()));
        case Sight.Gone g -> { }
      }
    }
    return out;
  }

  /** As a terminal parses it (number nodes compare by kind). */
  private static JsonNode reparse(String json) {
    try {
      return Frames.JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The viewer a terminal's stream filters for (its user, role and permissions, and the account's mode). */
  Viewer viewer(Terminal t) {
    return app.db.read(h -> h.createQuery("""
            SELECT u.role_id, r.permissions, a.visibility FROM users u JOIN roles r ON r.id = u.role_id
            JOIN accounts a ON a.id = u.account_id WHERE u.id = :u""")
        .bind("u", t.userId)
        .map((rs, ctx) -> new Viewer(t.userId, rs.getLong(1), Permission.parse(rs.getString(2)),
            Visibility.valueOf(rs.getString(3))))
        .one());
  }

  /** Waits until the stream's cursor of {@code space} reaches the server's seq, then compares views. */
  void assertUpToDate(StreamClient s, Terminal t, String space) {
    long seq = server(space).seq();
    s.awaitCaughtUp(space, seq, Duration.ofSeconds(20));
    Map<String, JsonNode> held;
    synchronized (s.view()) {
      held = new TreeMap<>(s.view().receipts.getOrDefault(space, Map.of()));
    }
    assertThat(held).as("view of device %s (user %s) of %s", t.deviceId, t.userId, space)
        .isEqualTo(expected(space, viewer(t)));
    assertThat(s.violations()).as("protocol violations").isEmpty();
  }

  @Override
  public void close() {
    app.close();
  }
}
