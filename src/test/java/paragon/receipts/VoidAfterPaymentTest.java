package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/**
 * A void after payment is a correction beside the sale, never an edit of it; it needs VOID_SALES, a
 * reason, and is applied once. Over HTTP, on both databases (issue 12).
 */
class VoidAfterPaymentTest {

  private static WebClient.Response voidSale(Terminal t, String sale, String id, List<String> lines, String reason) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("correctionId", id);
    if (lines != null) body.put("lineIds", lines);
    body.put("reason", reason);
    return t.http.postJson("/api/terminal/sales/" + sale + "/void", body, t.headers());
  }

  private static long one(Floor f, String sql, String id) {
    return f.app.db.read(h -> h.createQuery(sql).bind("id", id).mapTo(Long.class).one());
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_void_creates_a_correction_leaves_the_sale_and_is_refused_without_the_permission(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal anna = f.terminal("anna");
      String sale = anna.openAdHoc();
      String beer = anna.add(sale, f.beer, 2000);
      anna.add(sale, f.espresso, 1000);
      JsonNode paid = anna.send("pay", "receiptId", sale, "seq", f.receipt(sale).seq(),
          "payments", List.of(Map.of("method", "CASH", "amount", 3400)));
      assertThat(paid.path("status").asText()).as("%s", paid).isEqualTo("accepted");

      // Anna has no VOID_SALES.
      WebClient.Response refused = voidSale(anna, sale, Terminal.uuid(), null, "Zwrot");
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.json().path("error").asText()).isEqualTo("permission");
      assertThat(f.count("sale_corrections")).isZero();

      Terminal marek = f.terminal("marek");
      assertThat(voidSale(marek, sale, Terminal.uuid(), null, "  ").status()).isEqualTo(400);
      String first = Terminal.uuid();
      WebClient.Response line = voidSale(marek, sale, first, List.of(beer), "Piwo wylane");
      assertThat(line.status()).as(line.body()).isEqualTo(200);
      assertThat(line.json().path("amount").asLong()).isEqualTo(2500);
      // Applied once: the same id answers the same correction.
      assertThat(voidSale(marek, sale, first, List.of(beer), "Piwo wylane").json().path("amount").asLong())
          .isEqualTo(2500);
      assertThat(f.count("sale_corrections")).isEqualTo(1);
      // A line is voided once.
      WebClient.Response again = voidSale(marek, sale, Terminal.uuid(), List.of(beer), "Znowu");
      assertThat(again.status()).isEqualTo(409);
      assertThat(again.json().path("error").asText()).isEqualTo("already_voided");
      // The rest of the sale: its total less what was voided.
      WebClient.Response rest = voidSale(marek, sale, Terminal.uuid(), null, "Klient odszedł");
      assertThat(rest.json().path("amount").asLong()).isEqualTo(900);
      assertThat(voidSale(marek, sale, Terminal.uuid(), null, "Jeszcze raz").status()).isEqualTo(409);

      // The sale is as it was; the corrections are beside it, and on the receipt's trail.
      assertThat(one(f, "SELECT total FROM sales WHERE id = :id", sale)).isEqualTo(3400);
      assertThat(one(f, "SELECT SUM(amount) FROM sale_corrections WHERE sale_id = :id", sale)).isEqualTo(3400);
      JsonNode trail = marek.http.get("/api/terminal/receipts/" + sale + "/audit", marek.headers()).json();
      assertThat(trail.get(trail.size() - 1).path("type").asText()).isEqualTo("voidSale");
      assertThat(trail.get(trail.size() - 1).path("command").path("reason").asText()).isEqualTo("Klient odszedł");
      // A sale nobody has is not found.
      assertThat(voidSale(marek, Terminal.uuid(), Terminal.uuid(), null, "x").status()).isEqualTo(404);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_void_screen_lists_the_shops_last_sales_with_their_lines_and_what_was_voided(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal anna = f.terminal("anna");
      String first = anna.openAdHoc();
      String beer = anna.add(first, f.beer, 2000);
      anna.add(first, f.espresso, 1000);
      anna.send("pay", "receiptId", first, "seq", f.receipt(first).seq(),
          "payments", List.of(Map.of("method", "CASH", "amount", 3400)));
      f.app.clock.advance(java.time.Duration.ofMinutes(1));
      String second = anna.openAdHoc();
      anna.add(second, f.espresso, 1000);
      anna.send("pay", "receiptId", second, "seq", f.receipt(second).seq(),
          "payments", List.of(Map.of("method", "CARD", "amount", 900)));
      Terminal bar = f.terminal(f.otherShop, paragon.configuration.DeviceModel.SMART_PLUS, "ola");
      String elsewhere = bar.openAdHoc();
      bar.add(elsewhere, f.beer, 1000);
      bar.send("pay", "receiptId", elsewhere, "seq", f.receipt(elsewhere).seq(),
          "payments", List.of(Map.of("method", "CASH", "amount", 1250)));

      WebClient.Response refused = anna.http.get("/api/terminal/sales", anna.headers());
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.json().path("error").asText()).isEqualTo("permission");

      Terminal marek = f.terminal("marek");
      assertThat(voidSale(marek, first, Terminal.uuid(), List.of(beer), "Piwo wylane").status()).isEqualTo(200);
      JsonNode sales = marek.http.get("/api/terminal/sales", marek.headers()).json().path("sales");
      assertThat(sales).hasSize(2); // newest first, this shop's only
      assertThat(sales.get(0).path("id").asText()).isEqualTo(second);
      assertThat(sales.get(0).path("corrected").asLong()).isZero();
      JsonNode old = sales.get(1);
      assertThat(old.path("id").asText()).isEqualTo(first);
      assertThat(old.path("total").asLong()).isEqualTo(3400);
      assertThat(old.path("corrected").asLong()).isEqualTo(2500);
      assertThat(old.path("voided").asBoolean()).isFalse();
      assertThat(old.path("lines").get(0).path("id").asText()).isEqualTo(beer);
      assertThat(old.path("lines").get(0).path("name").asText()).isEqualTo("Piwo");
      assertThat(old.path("lines").get(0).path("quantity").asLong()).isEqualTo(2000);
      assertThat(old.path("lines").get(0).path("amount").asLong()).isEqualTo(2500);
      assertThat(old.path("lines").get(0).path("vat").asText()).isEqualTo("23");
      assertThat(old.path("lines").get(0).path("voided").asBoolean()).isTrue();
      assertThat(old.path("lines").get(1).path("voided").asBoolean()).isFalse();

      assertThat(voidSale(marek, second, Terminal.uuid(), null, "Pomyłka").status()).isEqualTo(200);
      JsonNode after = marek.http.get("/api/terminal/sales", marek.headers()).json().path("sales").get(0);
      assertThat(after.path("voided").asBoolean()).isTrue();
      assertThat(after.path("lines").get(0).path("voided").asBoolean()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_day_report_gives_the_corrections_by_vat_rate_of_the_voided_lines(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal marek = f.terminal("marek");
      String first = marek.openAdHoc();
      String beer = marek.add(first, f.beer, 2000);
      marek.add(first, f.espresso, 1000);
      marek.send("pay", "receiptId", first, "seq", f.receipt(first).seq(),
          "payments", List.of(Map.of("method", "CASH", "amount", 3400)));
      String second = marek.openAdHoc();
      marek.add(second, f.espresso, 1000);
      marek.send("pay", "receiptId", second, "seq", f.receipt(second).seq(),
          "payments", List.of(Map.of("method", "CASH", "amount", 900)));
      // One line of the first (beer, 23 %), the whole second (espresso, 8 %).
      assertThat(voidSale(marek, first, Terminal.uuid(), List.of(beer), "Piwo wylane").status()).isEqualTo(200);
      assertThat(voidSale(marek, second, Terminal.uuid(), null, "Pomyłka").status()).isEqualTo(200);

      JsonNode report = marek.send("dayClose").path("result").path("report");
      assertThat(report.path("corrections").asLong()).isEqualTo(3400);
      JsonNode byVat = report.path("correctionsVat");
      assertThat(byVat).hasSize(2);
      assertThat(byVat.get(0).path("vat").asText()).isEqualTo("23");
      assertThat(byVat.get(0).path("gross").asLong()).isEqualTo(2500);
      assertThat(byVat.get(0).path("net").asLong()).isEqualTo(2033);
      assertThat(byVat.get(0).path("tax").asLong()).isEqualTo(467);
      assertThat(byVat.get(1).path("vat").asText()).isEqualTo("8");
      assertThat(byVat.get(1).path("gross").asLong()).isEqualTo(900);
      assertThat(byVat.get(1).path("net").asLong()).isEqualTo(833);
      assertThat(byVat.get(1).path("tax").asLong()).isEqualTo(67);
      // The rest of the first sale later: by the close, only what was voided then is in its report.
      assertThat(voidSale(marek, first, Terminal.uuid(), null, "Klient odszedł").status()).isEqualTo(200);
      String kept = f.app.db.read(h -> h.createQuery("SELECT report FROM day_closes").mapTo(String.class).one());
      assertThat(kept).contains("\"correctionsVat\":[{\"vat\":\"23\",\"gross\":2500");
    }
  }
}
