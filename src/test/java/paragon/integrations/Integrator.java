package paragon.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import paragon.configuration.LoginMode;
import paragon.configuration.Plan;
import paragon.configuration.Revisions;
import paragon.configuration.Visibility;
import paragon.demo.Seed;
import paragon.devices.TerminalAuth;
import paragon.testing.Owners;
import paragon.testing.TestApp;
import paragon.testing.WebClient;
import paragon.web.Tokens;

/**
 * One account seen by an integrator: its owner signed in to the back office (who makes the API keys),
 * shops "Rynek" (tables Stolik 1, 2, a paired terminal with waiter anna logged in) and "Mokotów", a
 * product Espresso 9,00 VAT 8. Receipts and sales are made by real terminal commands.
 */
final class Integrator {
  private static final Pattern SECRET = Pattern.compile("<code>(pgk_[A-Za-z0-9_-]+)</code>");

  final TestApp app;
  final Owners.Owner owner;
  final long shopA;
  final long shopB;
  final long anna;
  final long espresso;
  final long device;
  private final String deviceToken;
  private final String session;
  private long n;

  Integrator(TestApp app) {
    this.app = app;
    this.owner = Owners.signedIn(app, Plan.MAX, "en");
    long a = owner.accountId();
    long now = app.clock.millis();
    deviceToken = Tokens.fresh();
    long[] ids = app.db.inTransaction(h -> {
      Seed.settings(h, a, true, Visibility.ALL, true, LoginMode.PIN);
      Seed.slots(h, a, null, List.of("Stolik 1", "Stolik 2"));
      long shopA = Seed.shop(h, a, "Rynek", true, now);
      long shopB = Seed.shop(h, a, "Mokotów", true, now);
      long role = Seed.role(h, a, "Kelner", Set.of());
      long anna = Seed.user(h, a, "anna", "Anna Nowak", role, "1111", now);
      long espresso = Seed.product(h, a, "Espresso", 900, "8", "Kawa", 1);
      Revisions.record(h, a, "test", "setup", app.clock);
      long device = h.createQuery("""
              INSERT INTO devices (account_id, shop_id, name, model, token_hash, paired_at, applied_revision, created_at)
              VALUES (:a, :s, 'Kasa 1', 'SMART_PLUS', :k, :t, (SELECT revision FROM config_heads WHERE account_id = :a),
                :t) RETURNING id""")
          .bind("a", a).bind("s", shopA).bind("k", Tokens.hash(deviceToken)).bind("t", now).mapTo(Long.class).one();
      return new long[] {shopA, shopB, anna, espresso, device};
    });
    shopA = ids[0];
    shopB = ids[1];
    anna = ids[2];
    espresso = ids[3];
    device = ids[4];
    WebClient.Response login = app.client().postJson("/api/device/login", Map.of("identifier", "anna", "pin", "1111"),
        Map.of("Authorization", "Bearer " + deviceToken));
    assertThat(login.status()).as(login.body()).isEqualTo(201);
    session = login.json().get("sessionToken").asText();
  }

  /** Creates an API key in the back office; answers its secret (shown once). */
  String key(String name, Long shop, String... scopes) {
    WebClient c = owner.client();
    c.get("/backoffice/api-keys");
    StringBuilder body = new StringBuilder("name=" + WebClient.enc(name));
    for (String s : scopes) body.append("&scopes=").append(WebClient.enc(s));
    if (shop != null) body.append("&shop=").append(shop);
    WebClient.Response r = c.postEncoded("/backoffice/api-keys", body.toString());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    Matcher m = SECRET.matcher(r.body());
    assertThat(m.find()).as("secret in %s", r.body()).isTrue();
    return m.group(1);
  }

  String key(String scope) {
    return key("Księgowość", null, scope);
  }

  WebClient.Response get(String secret, String path) {
    return app.client().get(path, Map.of("Authorization", "Bearer " + secret));
  }

  /** Sends one terminal command that must be accepted; answers its ack. */
  JsonNode send(String type, Object... fields) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    for (int i = 0; i < fields.length; i += 2) m.put((String) fields[i], fields[i + 1]);
    m.put("n", ++n);
    WebClient.Response r = app.client().postJson("/api/terminal/commands", List.of(m),
        Map.of("Authorization", "Bearer " + deviceToken, TerminalAuth.SESSION_HEADER, session));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode ack = r.json().get(0);
    assertThat(ack.path("status").asText()).as("%s: %s", type, ack).isEqualTo("accepted");
    return ack;
  }

  String slot(String name) {
    return app.db.read(h -> h.createQuery("SELECT id FROM receipt_slots WHERE account_id = :a AND name = :n")
        .bind("a", owner.accountId()).bind("n", name).mapTo(String.class).one());
  }

  /** Opens table {@code name} with {@code espressos} espressos; answers the receipt id. */
  String table(String name, int espressos) {
    String id = send("openTable", "slotId", slot(name)).path("result").path("receiptId").asText();
    for (int i = 0; i < espressos; i++) send("addLine", "receiptId", id, "lineId", uuid(), "productId", espresso);
    return id;
  }

  /** An ad-hoc receipt with one espresso, paid in cash; answers the sale's id. */
  String sale() {
    String id = uuid();
    send("openAdHoc", "receiptId", id);
    long seq = send("addLine", "receiptId", id, "lineId", uuid(), "productId", espresso).path("seq").asLong();
    send("pay", "receiptId", id, "seq", seq, "payments", List.of(Map.of("method", "CASH", "amount", 900)));
    return id;
  }

  static String uuid() {
    return UUID.randomUUID().toString();
  }
}
