package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.testing.TestDatabases;

/** Exact input (issue 8): a number that is not what the field needs is refused naming it, never truncated. */
class ExactInputTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void numbers_that_are_not_exact_integers_are_refused_naming_the_field_and_nothing_is_applied(
      TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      String receipt = a.openAdHoc();
      String line = a.add(receipt, f.espresso, 1000);
      List<JsonNode> acks = a.sendAll(List.of(
          Map.of("type", "addLine", "receiptId", receipt, "lineId", Terminal.uuid(), "name", "Ciasto",
              "unitPrice", 100.7, "vat", "23"),
          Map.of("type", "addLine", "receiptId", receipt, "lineId", Terminal.uuid(), "productId", f.beer,
              "quantity", 1500.9),
          Map.of("type", "addLine", "receiptId", receipt, "lineId", Terminal.uuid(), "productId", f.beer + 0.9),
          Map.of("type", "setGuests", "receiptId", receipt, "guests", 2.5),
          Map.of("type", "adjustQuantity", "lineId", line, "delta", 0.4),
          Map.of("type", "addLine", "receiptId", receipt, "lineId", Terminal.uuid(), "productId", f.beer,
              "quantity", 18446744073709551617.0)));
      assertThat(acks).extracting(ack -> ack.path("code").asText()).containsOnly("invalid");
      assertThat(acks).extracting(ack -> ack.path("details").path("field").asText())
          .containsExactly("unitPrice", "quantity", "productId", "guests", "delta", "quantity");
      assertThat(acks.get(0).path("message").asText()).isEqualTo("Pole unitPrice musi być liczbą całkowitą.");
      ReceiptView v = f.receipt(receipt);
      assertThat(v.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(1000));
      assertThat(v.guests()).isZero();
      // A whole number written with a fraction part is that number.
      JsonNode whole = a.send("setGuests", "receiptId", receipt, "guests", 2.0);
      assertThat(whole.path("status").asText()).as(whole.toString()).isEqualTo("accepted");
      assertThat(f.receipt(receipt).guests()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_unit_price_with_a_product_needs_change_prices_and_then_is_the_price(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal anna = f.terminal("anna");
      String receipt = anna.openAdHoc();
      JsonNode refused = anna.send("addLine", "receiptId", receipt, "lineId", Terminal.uuid(), "productId", f.beer,
          "unitPrice", 100);
      assertThat(refused.path("code").asText()).as(refused.toString()).isEqualTo("permission");
      assertThat(refused.path("details").path("permission").asText()).isEqualTo("CHANGE_PRICES");
      assertThat(f.receipt(receipt).lines()).isEmpty();

      Terminal marek = f.terminal("marek");
      String line = Terminal.uuid();
      JsonNode priced = marek.send("addLine", "receiptId", receipt, "lineId", line, "productId", f.beer,
          "unitPrice", 1000);
      assertThat(priced.path("status").asText()).as(priced.toString()).isEqualTo("accepted");
      assertThat(f.receipt(receipt).lines()).singleElement().satisfies(l -> {
        assertThat(l.productId()).isEqualTo(f.beer);
        assertThat(l.unitPrice()).isEqualTo(1000);
      });
      JsonNode trail = marek.http.get("/api/terminal/receipts/" + receipt + "/audit", marek.headers()).json();
      assertThat(trail.get(trail.size() - 1).toString()).contains("unitPrice", "1000");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void reassigning_to_a_disabled_user_is_refused(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal marek = f.terminal("marek");
      String receipt = marek.openAdHoc();
      // Disabled in the back office after the device applied its revision: a security change, at once.
      f.change(h -> h.createUpdate("UPDATE users SET disabled = :t WHERE id = :u").bind("t", true)
          .bind("u", f.ola).execute());
      JsonNode refused = marek.send("reassign", "receiptId", receipt, "userId", f.ola);
      assertThat(refused.path("status").asText()).as(refused.toString()).isEqualTo("refused");
      assertThat(refused.path("code").asText()).isEqualTo("user_disabled");
      assertThat(refused.path("details").path("userId").asLong()).isEqualTo(f.ola);
      assertThat(f.receipt(receipt).ownerUserId()).isEqualTo(f.marek);
      assertThat(marek.send("reassign", "receiptId", receipt, "userId", f.anna).path("status").asText())
          .isEqualTo("accepted");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_null_item_in_a_list_is_refused_naming_the_list(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      String receipt = a.openAdHoc();
      String other = a.openAdHoc();
      a.add(receipt, f.espresso, 1000);
      List<JsonNode> acks = a.sendAll(List.of(
          Terminal.command("moveLines", "receiptId", receipt, "targetReceiptId", other,
              "lines", java.util.Arrays.asList((Object) null)),
          Terminal.command("pay", "receiptId", receipt, "seq", 1, "payments", java.util.Arrays.asList((Object) null)),
          Terminal.command("markSent", "receiptId", receipt, "lineIds", java.util.Arrays.asList((Object) null))));
      assertThat(acks).extracting(ack -> ack.path("code").asText()).as(acks.toString()).containsOnly("invalid");
      assertThat(acks).extracting(ack -> ack.path("details").path("field").asText())
          .containsExactly("lines", "payments", "lineIds");
    }
  }
}
