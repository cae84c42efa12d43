package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.Visibility;
import paragon.testing.TestDatabases;

/** The audit trail endpoint, the day close per device, and limits over HTTP, on both databases. */
class AuditAndDayCloseTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void every_accepted_command_is_in_the_receipts_audit_trail_with_who_where_and_when(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind, Visibility.OWN)) {
      Terminal a = f.terminal("anna");
      Terminal b = f.terminal("ola");
      Terminal boss = f.terminal("marek");
      String receipt = a.openAdHoc();
      String line = a.add(receipt, f.beer, 1000);
      a.send("rename", "receiptId", receipt, "name", "x".repeat(41)); // refused: not in the trail
      f.app.clock.advance(java.time.Duration.ofMinutes(2));
      boss.send("changePrice", "lineId", line, "unitPrice", 1000);
      var trail = a.http.get("/api/terminal/receipts/" + receipt + "/audit", a.headers());
      assertThat(trail.status()).isEqualTo(200);
      JsonNode entries = trail.json();
      assertThat(entries).hasSize(3);
      assertThat(entries.get(0).path("type").asText()).isEqualTo("openAdHoc");
      assertThat(entries.get(0).path("userName").asText()).isEqualTo("Anna Nowak");
      assertThat(entries.get(0).path("deviceId").asLong()).isEqualTo(a.deviceId);
      assertThat(entries.get(2).path("type").asText()).isEqualTo("changePrice");
      assertThat(entries.get(2).path("userName").asText()).isEqualTo("Marek Kowal");
      assertThat(entries.get(2).path("command").path("unitPrice").asLong()).isEqualTo(1000);
      assertThat(entries.get(2).path("at").asLong() - entries.get(0).path("at").asLong()).isEqualTo(120_000);
      // Visibility OWN: Ola may not read Anna's receipt, nor can an unknown id be told apart.
      assertThat(b.http.get("/api/terminal/receipts/" + receipt + "/audit", b.headers()).status()).isEqualTo(404);
      assertThat(a.http.get("/api/terminal/receipts/" + Terminal.uuid() + "/audit", a.headers()).status()).isEqualTo(404);
      assertThat(new Audit(f.app.db).trail(f.account + 1, receipt)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void day_close_totals_the_devices_sales_since_its_previous_close(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      Terminal b = f.terminal("ola");
      for (Terminal t : List.of(a, a, b)) {
        String r = t.openAdHoc();
        t.add(r, f.beer, 2000);
        JsonNode paid = t.send("pay", "receiptId", r, "seq", f.receipt(r).seq(),
            "payments", List.of(Map.of("method", "CASH", "amount", 3000)));
        assertThat(paid.path("status").asText()).isEqualTo("accepted");
      }
      String open = a.openAdHoc();
      a.add(open, f.espresso, 1000);
      a.send("startPayment", "receiptId", open);
      assertThat(a.send("dayClose").path("code").asText()).isEqualTo("paying");
      a.send("cancelPayment", "receiptId", open);
      JsonNode close = a.send("dayClose");
      assertThat(close.path("status").asText()).isEqualTo("accepted");
      assertThat(close.path("result").path("sales").asLong()).isEqualTo(2);
      assertThat(close.path("result").path("total").asLong()).isEqualTo(5000);
      assertThat(close.path("result").path("methods").path("CASH").asLong()).isEqualTo(5000);
      assertThat(a.send("dayClose").path("result").path("sales").asLong()).isZero();
      assertThat(b.send("dayClose").path("result").path("total").asLong()).isEqualTo(2500);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void limits_are_refused_with_the_limit_named(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      String receipt = a.openAdHoc();
      List<Map<String, Object>> lines = new ArrayList<>();
      for (int i = 0; i < Limits.MAX_LINES; i++) {
        lines.add(Terminal.command("addLine", "receiptId", receipt, "lineId", Terminal.uuid(), "name", "Poz " + i,
            "unitPrice", Limits.MAX_UNIT_PRICE, "vat", "23", "quantity", Limits.MAX_QUANTITY));
      }
      assertThat(a.sendAll(lines)).extracting(ack -> ack.path("status").asText()).containsOnly("accepted");
      assertThat(f.receipt(receipt).total()).isEqualTo(500L * 100_000_000_000L);
      JsonNode full = a.send("addLine", "receiptId", receipt, "lineId", Terminal.uuid(), "productId", f.beer);
      assertThat(full.path("code").asText()).isEqualTo("limit");
      assertThat(full.path("details").path("limit").asText()).isEqualTo("lines");
      assertThat(full.path("details").path("max").asLong()).isEqualTo(500);
      assertThat(full.path("message").asText()).isEqualTo("Paragon może mieć najwyżej 500 pozycji.");
      String other = a.openAdHoc();
      JsonNode price = a.send("addLine", "receiptId", other, "lineId", Terminal.uuid(), "name", "Złoto",
          "unitPrice", Limits.MAX_UNIT_PRICE + 1, "vat", "23");
      assertThat(price.path("details").path("limit").asText()).isEqualTo("unit_price");
      JsonNode qty = a.send("addLine", "receiptId", other, "lineId", Terminal.uuid(), "productId", f.beer,
          "quantity", Limits.MAX_QUANTITY + 1);
      assertThat(qty.path("details").path("limit").asText()).isEqualTo("quantity");
      JsonNode tenders = a.send("pay", "receiptId", receipt, "seq", f.receipt(receipt).seq(), "payments",
          List.of(Map.of("method", "CARD", "amount", Limits.MAX_TENDER + 1)));
      assertThat(tenders.path("details").path("limit").asText()).isEqualTo("tender");
      assertThat(f.count("lines")).isEqualTo(500);
    }
  }
}
