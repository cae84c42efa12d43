package paragon.sales;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
 * One Polish account on plan MAX with parking and sharing on, shop "Rynek" with table "Stolik 1",
 * waiters "anna" (PIN 1234) and "ola" (PIN 2222), product Espresso 9,00 zł, and the owner signed in to
 * the back office; {@link #till} pairs a terminal ("Kasa 1", "Kasa 2", ...) that sends real commands.
 */
final class Tills {
  final TestApp app;
  final Owners.Owner owner;
  final long account;
  final long shop;
  final long anna;
  final long ola;
  final long espresso;
  private int tills;

  Tills(TestApp app) {
    this.app = app;
    this.owner = Owners.signedIn(app, Plan.MAX, "pl");
    this.account = owner.accountId();
    long now = app.clock.millis();
    long[] ids = app.db.inTransaction(h -> {
      Seed.settings(h, account, true, Visibility.ALL, true, LoginMode.PIN);
      Seed.slots(h, account, null, List.of("Stolik 1"));
      long s = Seed.shop(h, account, "Rynek", true, now);
      long role = Seed.role(h, account, "Kelner", Set.of());
      long a = Seed.user(h, account, "anna", "Anna Nowak", role, "1234", now);
      long o = Seed.user(h, account, "ola", "Ola Lis", role, "2222", now);
      long p = Seed.product(h, account, "Espresso", 900, "8", "Kawa", 1);
      Revisions.record(h, account, "test", "setup", app.clock);
      return new long[] {s, a, o, p};
    });
    shop = ids[0];
    anna = ids[1];
    ola = ids[2];
    espresso = ids[3];
  }

  /** The next paired terminal of the shop, "Kasa N", with {@code identifier} logged in. */
  Till till(String identifier) {
    return till(identifier, shop);
  }

  /** The next paired terminal, "Kasa N", of shop {@code shopId} of this account, with {@code identifier} logged in. */
  Till till(String identifier, long shopId) {
    String token = Tokens.fresh();
    String name = "Kasa " + (++tills);
    long now = app.clock.millis();
    long id = app.db.inTransaction(h -> h.createQuery("""
            INSERT INTO devices (account_id, shop_id, name, model, token_hash, paired_at, applied_revision, created_at)
            VALUES (:a, :s, :n, 'SMART_PLUS', :k, :t, :r, :t) RETURNING id""")
        .bind("a", account).bind("s", shopId).bind("n", name).bind("k", Tokens.hash(token)).bind("t", now)
        .bind("r", Revisions.current(h, account)).mapTo(Long.class).one());
    WebClient http = app.client();
    WebClient.Response login = http.postJson("/api/device/login",
        Map.of("identifier", identifier, "pin", identifier.equals("anna") ? "1234" : "2222"),
        Map.of("Authorization", "Bearer " + token));
    assertThat(login.status()).as("login: %s", login.body()).isEqualTo(201);
    return new Till(id, name, http, Map.of("Authorization", "Bearer " + token,
        TerminalAuth.SESSION_HEADER, login.json().get("sessionToken").asText()));
  }

  /** A paired terminal with a cashier logged in; numbers its commands. */
  static final class Till {
    final long id;
    final String name;
    private final WebClient http;
    private final Map<String, String> headers;
    private long n;

    Till(long id, String name, WebClient http, Map<String, String> headers) {
      this.id = id;
      this.name = name;
      this.http = http;
      this.headers = headers;
    }

    /** Sends one command (type and fields), asserts it was accepted and answers its ack. */
    JsonNode send(String type, Object... fields) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", type);
      for (int i = 0; i < fields.length; i += 2) m.put((String) fields[i], fields[i + 1]);
      m.put("n", ++n);
      WebClient.Response r = http.postJson("/api/terminal/commands", List.of(m), headers);
      assertThat(r.status()).as("commands: %s", r.body()).isEqualTo(200);
      JsonNode ack = r.json().get(0);
      assertThat(ack.path("status").asText()).as("%s: %s", m, ack).isEqualTo("accepted");
      return ack;
    }

    /** GET {@code path} as this terminal, in {@code language} (Accept-Language, as the terminal sends it). */
    WebClient.Response get(String path, String language) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put("Accept-Language", language);
      return http.get(path, h);
    }

    /** Opens an ad-hoc receipt; answers its id. */
    String openAdHoc() {
      String id = UUID.randomUUID().toString();
      send("openAdHoc", "receiptId", id);
      return id;
    }

    /** Adds {@code product} once; answers the line id. */
    String add(String receiptId, long product) {
      String line = UUID.randomUUID().toString();
      send("addLine", "receiptId", receiptId, "lineId", line, "productId", product);
      return line;
    }
  }
}
