package paragon.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.storage.Database;
import paragon.sync.StreamSettings;
import paragon.testing.MutableClock;
import paragon.testing.StreamClient;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;
import paragon.web.Tokens;

/**
 * The terminals' stream opened by an integrator's API key (docs/api.md, "Live"): read-only, one shop,
 * the snapshot and the live changes over a real WebSocket, refused without the scope or the shop, and
 * cut at once when the key is revoked, on this node and on another one.
 */
class ApiStreamTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The close codes of docs/protocol.md "Close codes" (paragon.sync.CloseCodes). */
  private static final int BAD_MESSAGE = 4400;
  private static final int UNAUTHORIZED = 4401;
  private static final int CUT_OFF = 4403;
  private static final int READ_ONLY = 4405;
  private static final int SCOPE_MISSING = 4406;
  private static final int RECONNECT = 4000;

  private static String hello(String key, Object shop) {
    ObjectNode n = JSON.createObjectNode().put("type", "hello").put("apiKey", key);
    if (shop != null) n.put("shop", String.valueOf(shop));
    return n.toString();
  }

  /** A hello that resumes {@code view}: its viewer fingerprint and cursors. */
  private static String hello(String key, long shop, StreamClient.View view) {
    ObjectNode n = (ObjectNode) JSON.createObjectNode().put("type", "hello").put("apiKey", key)
        .put("shop", shop).put("viewer", view.viewer);
    ObjectNode c = n.putObject("cursors");
    view.cursors.forEach(c::put);
    return n.toString();
  }

  private static StreamClient open(TestApp app, String key, long shop) {
    return StreamClient.connectRaw(app.port(), hello(key, shop));
  }

  private static JsonNode welcomed(StreamClient s) {
    return s.awaitFrame(f -> f.path("type").asText().equals("welcome"), WAIT);
  }

  private static long keyId(Integrator it, String name) {
    return it.app.db.read(h -> h.createQuery("SELECT id FROM api_keys WHERE account_id = :a AND name = :n")
        .bind("a", it.owner.accountId()).bind("n", name).mapTo(Long.class).one());
  }

  private static void revoke(Integrator it, long keyId) {
    WebClient c = it.owner.client();
    c.get("/backoffice/api-keys");
    WebClient.Response r = c.postEncoded("/backoffice/api-keys/" + keyId + "/revoke", "");
    assertThat(r.status()).as(r.body()).isIn(200, 303);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_key_with_receipts_read_gets_the_snapshot_and_the_live_changes_of_its_shop_and_resumes(
      TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Integrator it = new Integrator(app);
      String table = it.table("Stolik 1", 1);
      String key = it.key("receipts:read");
      String shopSpace = "shop:" + it.shopA;
      StreamClient s = open(app, key, it.shopA);
      JsonNode welcome = welcomed(s);
      assertThat(welcome.path("viewer").asText()).isEqualTo("all");
      assertThat(JSON.convertValue(welcome.path("spaces"), String[].class))
          .containsExactly(shopSpace, "device:" + it.device);
      JsonNode snapshot = s.awaitFrame(f -> f.path("type").asText().equals("snapshot")
          && f.path("space").asText().equals(shopSpace), WAIT);
      assertThat(snapshot.path("receipts")).hasSize(1);
      assertThat(snapshot.path("receipts").get(0).path("id").asText()).isEqualTo(table);
      assertThat(snapshot.has("by")).as("no device's own commands on an integrator's stream").isFalse();

      // A change made now on the terminal comes live, whole receipt or delta, with its seq.
      long seq = it.send("addLine", "receiptId", table, "lineId", Integrator.uuid(), "productId", it.espresso)
          .path("seq").asLong();
      s.awaitCursor(shopSpace, seq, WAIT);
      JsonNode held = s.view().all().get(table);
      assertThat(held.path("lines")).hasSize(2);
      assertThat(held.path("total").asLong()).isEqualTo(1800);
      assertThat(s.violations()).isEmpty();
      StreamClient.View view = s.view();
      s.close();

      // Changes while away are replayed after the cursor: no snapshot, nothing lost or repeated.
      long paid = it.send("pay", "receiptId", table, "seq", seq, "payments",
          java.util.List.of(Map.of("method", "CASH", "amount", 1800))).path("seq").asLong();
      StreamClient again = StreamClient.connectRaw(app.port(), hello(key, it.shopA, view), view);
      JsonNode resumed = welcomed(again);
      assertThat(resumed.path("resume").path(shopSpace).asText()).isEqualTo("changes");
      again.awaitCaughtUp(shopSpace, paid, WAIT);
      assertThat(again.view().all()).doesNotContainKey(table);
      assertThat(again.frames("snapshot")).isEmpty();
      assertThat(again.violations()).isEmpty();
      again.close();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_stream_is_read_only_a_ping_is_fine_and_any_command_closes_it(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Integrator it = new Integrator(app);
      String key = it.key("receipts:read");
      StreamClient s = open(app, key, it.shopA);
      welcomed(s);
      s.send("{\"type\":\"ping\"}");
      String table = it.table("Stolik 2", 0);
      s.awaitFrame(f -> f.path("receipt").path("id").asText().equals(table), WAIT);
      s.send("{\"type\":\"command\",\"command\":{\"type\":\"addLine\",\"receiptId\":\"" + table + "\"}}");
      assertThat(s.awaitClose(WAIT)).isEqualTo(READ_ONLY);
      // Nothing was changed by it: the receipt has no line.
      JsonNode r = it.get(key, "/api/v1/receipts/" + table).json();
      assertThat(r.path("lines")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_key_without_the_scope_or_the_shop_is_refused(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Integrator it = new Integrator(app);
      Integrator other = new Integrator(app);

      StreamClient sales = open(app, it.key("Sprzedaż", null, "sales:read", "catalog:read"), it.shopA);
      assertThat(sales.awaitClose(WAIT)).isEqualTo(SCOPE_MISSING);
      assertThat(sales.closeReason()).contains("receipts:read");

      String mokotow = it.key("Mokotów", it.shopB, "receipts:read");
      StreamClient wrongShop = open(app, mokotow, it.shopA);
      assertThat(wrongShop.awaitClose(WAIT)).isEqualTo(CUT_OFF);
      assertThat(wrongShop.closeReason()).isEqualTo("shop not allowed");
      // Left out, the shop is the key's own.
      StreamClient own = StreamClient.connectRaw(app.port(), hello(mokotow, null));
      assertThat(JSON.convertValue(welcomed(own).path("spaces"), String[].class))
          .containsExactly("shop:" + it.shopB);
      own.close();

      String all = it.key("receipts:read");
      StreamClient theirs = open(app, all, other.shopA);
      assertThat(theirs.awaitClose(WAIT)).isEqualTo(CUT_OFF);
      assertThat(theirs.closeReason()).isEqualTo("shop not allowed");
      StreamClient noShop = StreamClient.connectRaw(app.port(), hello(all, null));
      assertThat(noShop.awaitClose(WAIT)).isEqualTo(BAD_MESSAGE);
      StreamClient badShop = StreamClient.connectRaw(app.port(), hello(all, "Rynek"));
      assertThat(badShop.awaitClose(WAIT)).isEqualTo(BAD_MESSAGE);
      assertThat(badShop.closeReason()).contains("shop");
      StreamClient unknown = open(app, "pgk_" + Tokens.fresh(), it.shopA);
      assertThat(unknown.awaitClose(WAIT)).isEqualTo(UNAUTHORIZED);
      assertThat(unknown.closeReason()).isEqualTo("api_key_unknown");
      for (StreamClient s : java.util.List.of(sales, wrongShop, theirs, noShop, badShop, unknown)) {
        assertThat(s.frames()).as("nothing before the refusal").isEmpty();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_revoked_key_is_cut_at_once_and_refused_after(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Integrator it = new Integrator(app);
      String key = it.key("Kuchnia", it.shopA, "receipts:read");
      String other = it.key("Tablica", it.shopA, "receipts:read");
      StreamClient s = open(app, key, it.shopA);
      StreamClient untouched = open(app, other, it.shopA);
      welcomed(s);
      welcomed(untouched);
      long started = System.nanoTime();
      revoke(it, keyId(it, "Kuchnia"));
      assertThat(s.awaitClose(WAIT)).isEqualTo(CUT_OFF);
      assertThat(s.closeReason()).isEqualTo("api key revoked");
      // The heartbeat (15 s) has not come: the revocation itself closed it.
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
      StreamClient after = open(app, key, it.shopA);
      assertThat(after.awaitClose(WAIT)).isEqualTo(UNAUTHORIZED);
      // Another key's stream goes on.
      String table = it.table("Stolik 1", 0);
      untouched.awaitFrame(f -> f.path("receipt").path("id").asText().equals(table), WAIT);
      assertThat(untouched.closeCode()).isNull();
      untouched.close();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_device_of_the_shop_that_logs_in_later_makes_the_stream_reconnect_to_follow_it(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Integrator it = new Integrator(app);
      String key = it.key("receipts:read");
      StreamClient s = open(app, key, it.shopA);
      welcomed(s);
      String token = Tokens.fresh();
      long now = app.clock.millis();
      long device = app.db.inTransaction(h -> h.createQuery("""
              INSERT INTO devices (account_id, shop_id, name, model, token_hash, paired_at, applied_revision, created_at)
              VALUES (:a, :s, 'Kasa 2', 'SMART', :k, :t, (SELECT revision FROM config_heads WHERE account_id = :a), :t)
              RETURNING id""")
          .bind("a", it.owner.accountId()).bind("s", it.shopA).bind("k", Tokens.hash(token)).bind("t", now)
          .mapTo(Long.class).one());
      WebClient.Response login = app.client().postJson("/api/device/login",
          Map.of("identifier", "anna", "pin", "1111"), Map.of("Authorization", "Bearer " + token));
      assertThat(login.status()).as(login.body()).isEqualTo(201);
      assertThat(s.awaitClose(WAIT)).isEqualTo(RECONNECT);
      StreamClient again = open(app, key, it.shopA);
      assertThat(JSON.convertValue(welcomed(again).path("spaces"), String[].class))
          .contains("device:" + device);
      again.close();
    }
  }

  @Test
  void a_key_revoked_on_one_node_cuts_its_stream_on_another_node_over_postgresql() {
    MutableClock clock = new MutableClock();
    Database db = TestDatabases.open(TestDatabases.Kind.POSTGRES);
    try (TestApp nodeA = new TestApp(db, clock);
        TestApp nodeB = new TestApp(Database.open(db.url()), clock,
            new StreamSettings(64, Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofSeconds(5), 1000))) {
      Integrator it = new Integrator(nodeA);
      String key = it.key("Kuchnia", null, "receipts:read");
      StreamClient s = open(nodeB, key, it.shopA);
      welcomed(s);
      // A change committed on node A reaches the stream on node B.
      String table = it.table("Stolik 1", 0);
      s.awaitFrame(f -> f.path("receipt").path("id").asText().equals(table), WAIT);
      long started = System.nanoTime();
      revoke(it, keyId(it, "Kuchnia"));
      assertThat(s.awaitClose(WAIT)).isEqualTo(CUT_OFF);
      assertThat(s.closeReason()).isEqualTo("api key revoked");
      // Node B's heartbeat and its verification are minutes away: only the notification did it.
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
  }
}
