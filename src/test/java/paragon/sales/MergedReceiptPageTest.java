package paragon.sales;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.LoginMode;
import paragon.configuration.Plan;
import paragon.configuration.Revisions;
import paragon.configuration.Visibility;
import paragon.demo.Seed;
import paragon.devices.TerminalAuth;
import paragon.testing.Owners;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;
import paragon.web.Tokens;

/**
 * A receipt that absorbed another by a merge: reached from Sales, its page names the merged-away
 * receipt in the trail and shows that receipt's own history too. Commands over real HTTP.
 */
class MergedReceiptPageTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_paid_receipts_page_shows_the_history_of_the_receipt_merged_into_it(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Owners.Owner owner = Owners.signedIn(app, Plan.MAX, "pl");
      long a = owner.accountId();
      long now = app.clock.millis();
      String token = Tokens.fresh();
      long[] ids = app.db.inTransaction(h -> {
        Seed.settings(h, a, true, Visibility.ALL, true, LoginMode.PIN);
        Seed.slots(h, a, null, List.of("Stolik 1", "Stolik 2"));
        long shop = Seed.shop(h, a, "Rynek", true, now);
        long role = Seed.role(h, a, "Kelner", Set.of());
        Seed.user(h, a, "anna", "Anna Nowak", role, "1234", now);
        long beer = Seed.product(h, a, "Piwo", 1250, "23", "Bar", 1);
        long revision = Revisions.record(h, a, "test", "setup", app.clock);
        long device = h.createQuery("""
                INSERT INTO devices
                  (account_id, shop_id, name, model, token_hash, paired_at, applied_revision, created_at)
                VALUES (:a, :s, 'Kasa przy barze', 'SMART_PLUS', :k, :t, :r, :t) RETURNING id""")
            .bind("a", a).bind("s", shop).bind("k", Tokens.hash(token)).bind("t", now).bind("r", revision)
            .mapTo(Long.class).one();
        return new long[] {beer, device};
      });
      String slot = app.db.read(h -> h.createQuery(
          "SELECT id FROM receipt_slots WHERE account_id = :a AND name = 'Stolik 2'")
          .bind("a", a).mapTo(String.class).one());
      WebClient http = app.client();
      WebClient.Response login = http.postJson("/api/device/login", Map.of("identifier", "anna", "pin", "1234"),
          Map.of("Authorization", "Bearer " + token));
      assertThat(login.status()).isEqualTo(201);
      Map<String, String> headers = Map.of("Authorization", "Bearer " + token,
          TerminalAuth.SESSION_HEADER, login.json().get("sessionToken").asText());
      long[] n = {0};
      java.util.function.Function<Map<String, Object>, JsonNode> send = c -> {
        Map<String, Object> m = new java.util.LinkedHashMap<>(c);
        m.put("n", ++n[0]);
        WebClient.Response r = http.postJson("/api/terminal/commands", List.of(m), headers);
        assertThat(r.status()).isEqualTo(200);
        JsonNode ack = r.json().get(0);
        assertThat(ack.path("status").asText()).as("%s: %s", c, ack).isEqualTo("accepted");
        return ack;
      };
      String table = send.apply(Map.of("type", "openTable", "slotId", slot)).path("result").path("receiptId").asText();
      send.apply(Map.of("type", "addLine", "receiptId", table, "lineId", UUID.randomUUID().toString(),
          "productId", ids[0]));
      send.apply(Map.of("type", "noteReceipt", "receiptId", table, "note", "alergia: orzechy"));
      String sale = UUID.randomUUID().toString();
      send.apply(Map.of("type", "openAdHoc", "receiptId", sale));
      send.apply(Map.of("type", "addLine", "receiptId", sale, "lineId", UUID.randomUUID().toString(),
          "productId", ids[0]));
      send.apply(Map.of("type", "merge", "receiptId", table, "targetReceiptId", sale));
      long seq = send.apply(Map.of("type", "setGuests", "receiptId", sale, "guests", 1)).path("seq").asLong();
      send.apply(Map.of("type", "pay", "receiptId", sale, "seq", seq,
          "payments", List.of(Map.of("method", "CASH", "amount", 2500))));

      WebClient c = owner.client();
      assertThat(c.get("/backoffice/sales").body()).contains("href=\"/backoffice/receipts/" + sale + "\"");
      String page = c.get("/backoffice/receipts/" + sale).body();
      // The trail's merge row names the source and links to it ...
      String mergeRow = row(page, "Scalenie");
      assertThat(mergeRow).contains("Z rachunku", "dołączono Stolik 2 do tego paragonu",
          "href=\"/backoffice/receipts/" + table + "\"");
      // ... and the source's own history follows on the same page.
      int merged = page.indexOf("data-merged=\"" + table + "\"");
      assertThat(merged).isPositive();
      String history = page.substring(merged);
      assertThat(history).contains("Stolik 2", "Anna Nowak (Kasa przy barze): otwarto stolik",
          "Anna Nowak (Kasa przy barze): dodano 1 x Piwo (12,50\u00a0zł)",
          "Anna Nowak (Kasa przy barze): dodano notatkę do paragonu: „alergia: orzechy”");
      assertThat(page).contains("alergia: orzechy"); // the note came along (appended)

      String source = c.get("/backoffice/receipts/" + table).body();
      assertThat(source).contains("<h1>Stolik 2</h1>", "Usunięty");
      assertThat(row(source, "Scalenie")).contains("Do rachunku", "dołączono ten paragon do Sprzedaż 1",
          "href=\"/backoffice/receipts/" + sale + "\"");
      String english = c.get("/backoffice/receipts/" + sale + "?lang=en").body();
      assertThat(row(english, "Merged")).contains("From receipt", "merged Stolik 2 into this receipt");
      assertThat(english).contains("History of the merged receipt");
    }
  }

  /** The trail row ({@code <tr>...</tr>}) whose action is {@code action}. */
  private static String row(String html, String action) {
    int at = html.indexOf("data-action=\"" + action + "\"");
    assertThat(at).as("a row '%s'", action).isPositive();
    return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
  }
}
