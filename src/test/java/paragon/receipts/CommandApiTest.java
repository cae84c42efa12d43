package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/** The command API over real HTTP: acks, numbering (duplicates, gaps), refusals, on both databases. */
class CommandApiTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void ad_hoc_receipts_take_the_next_free_number_and_lines_are_priced_by_the_server(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      String first = a.openAdHoc();
      String second = a.openAdHoc();
      assertThat(f.receipt(first).name()).isEqualTo("Sprzedaż 1");
      assertThat(f.receipt(second).name()).isEqualTo("Sprzedaż 2");
      String line = a.add(second, f.beer, 1500);
      ReceiptView v = f.receipt(second);
      assertThat(v.lines()).singleElement().satisfies(l -> {
        assertThat(l.id()).isEqualTo(line);
        assertThat(l.unitPrice()).isEqualTo(1250);
        assertThat(l.total()).isEqualTo(1875);
        assertThat(l.vat()).isEqualTo("23");
      });
      assertThat(v.total()).isEqualTo(1875);
      assertThat(v.space()).isEqualTo("shop:" + f.shop);
      JsonNode deleted = a.send("delete", "receiptId", first);
      assertThat(deleted.path("status").asText()).isEqualTo("accepted");
      assertThat(a.openAdHoc()).satisfies(third -> assertThat(f.receipt(third).name()).isEqualTo("Sprzedaż 1"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_next_ad_hoc_receipt_takes_the_lowest_number_whose_name_is_free(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      a.openAdHoc();
      String second = a.openAdHoc();
      a.send("rename", "receiptId", second, "name", "Sprzedaż 3");
      assertThat(f.receipt(a.openAdHoc()).name()).as("2 is free again, 3 is taken by the renamed one")
          .isEqualTo("Sprzedaż 2");
      assertThat(f.receipt(a.openAdHoc()).name()).isEqualTo("Sprzedaż 4");
      String english = a.openAdHoc();
      a.send("rename", "receiptId", english, "name", "Sale 5");
      assertThat(f.receipt(a.openAdHoc()).name()).as("a name in any language takes its number").isEqualTo("Sprzedaż 6");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_batch_of_50_commands_sent_twice_is_applied_once(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      String receipt = Terminal.uuid();
      List<Map<String, Object>> batch = new ArrayList<>();
      batch.add(Map.of("n", 1, "type", "openAdHoc", "receiptId", receipt));
      for (int i = 2; i <= 50; i++) {
        batch.add(Map.of("n", i, "type", "addLine", "receiptId", receipt, "lineId", Terminal.uuid(),
            "productId", f.espresso, "quantity", 1000));
      }
      List<JsonNode> first = a.post(batch);
      assertThat(first).extracting(ack -> ack.path("status").asText()).containsOnly("accepted");
      List<JsonNode> again = a.post(batch);
      assertThat(again).extracting(ack -> ack.path("status").asText()).containsOnly("duplicate");
      assertThat(again).extracting(ack -> ack.path("original").asText()).containsOnly("accepted");
      for (int i = 0; i < 50; i++) assertThat(again.get(i).path("seq")).isEqualTo(first.get(i).path("seq"));
      assertThat(f.receipt(receipt).lines()).hasSize(49);
      assertThat(f.receipt(receipt).total()).isEqualTo(49 * 900);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_gap_is_refused_with_the_expected_number_and_a_refusal_never_blocks(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      String receipt = a.openAdHoc();
      List<JsonNode> acks = a.post(List.of(Map.of("n", 5, "type", "rename", "receiptId", receipt, "name", "Taras")));
      assertThat(acks.get(0).path("status").asText()).isEqualTo("refused");
      assertThat(acks.get(0).path("code").asText()).isEqualTo("gap");
      assertThat(acks.get(0).path("details").path("expected").asLong()).isEqualTo(2);
      assertThat(f.receipt(receipt).name()).isEqualTo("Sprzedaż 1");
      // A refused command (name too long) is recorded, so the next number goes through.
      JsonNode tooLong = a.send("rename", "receiptId", receipt, "name", "x".repeat(41));
      assertThat(tooLong.path("code").asText()).isEqualTo("limit");
      assertThat(tooLong.path("details").path("limit").asText()).isEqualTo("name");
      assertThat(tooLong.path("message").asText()).isEqualTo("Nazwa musi mieć od 1 do 40 znaków.");
      assertThat(a.send("rename", "receiptId", receipt, "name", "Taras").path("status").asText()).isEqualTo("accepted");
      assertThat(f.receipt(receipt).name()).isEqualTo("Taras");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_number_reused_for_another_command_is_refused_with_the_next_number_and_changes_nothing(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      String receipt = f.terminal("ola").openAdHoc();
      Terminal a = f.terminal("anna");
      String lineA = Terminal.uuid();
      String lineB = Terminal.uuid();
      Map<String, Object> addA = numbered(1, "addLine", "receiptId", receipt, "lineId", lineA, "productId", f.espresso,
          "quantity", 1000);
      Map<String, Object> addB = numbered(1, "addLine", "receiptId", receipt, "lineId", lineB, "productId", f.beer,
          "quantity", 2000);
      assertThat(a.post(List.of(addA)).get(0).path("status").asText()).isEqualTo("accepted");
      String state = written(f, a);

      // Another command under number 1 (a second tab, or an outbox write that never landed).
      JsonNode reused = a.post(List.of(addB)).get(0);
      assertThat(reused.path("status").asText()).as(reused.toString()).isEqualTo("refused");
      assertThat(reused.path("code").asText()).isEqualTo("number_reused");
      assertThat(reused.path("details").path("expected").asLong()).isEqualTo(2);
      assertThat(reused.path("message").asText())
          .isEqualTo("Numer polecenia 1 jest już użyty przez inne polecenie tego urządzenia; wyślij to polecenie jako 2.");
      assertThat(f.receipt(receipt).lines()).extracting(ReceiptView.LineView::id).containsExactly(lineA);
      assertThat(written(f, a)).isEqualTo(state);

      // The same command again, its fields in another order and a number spelled otherwise: a resend.
      Map<String, Object> resendA = numbered(1, "addLine", "quantity", 1000.0, "productId", f.espresso,
          "lineId", lineA, "receiptId", receipt);
      JsonNode duplicate = a.post(List.of(resendA)).get(0);
      assertThat(duplicate.path("status").asText()).as(duplicate.toString()).isEqualTo("duplicate");
      assertThat(duplicate.path("original").asText()).isEqualTo("accepted");
      assertThat(written(f, a)).isEqualTo(state);

      Map<String, Object> addBAs2 = new LinkedHashMap<>(addB);
      addBAs2.put("n", 2);
      assertThat(a.post(List.of(addBAs2)).get(0).path("status").asText()).isEqualTo("accepted");
      assertThat(f.receipt(receipt).lines()).extracting(ReceiptView.LineView::id).containsExactly(lineA, lineB);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void after_a_reused_number_the_rest_of_the_batch_is_not_applied_so_the_order_holds(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      String receipt = a.openAdHoc();
      String lineA = a.add(receipt, f.espresso, 1000); // number 2
      String lineB = Terminal.uuid();
      String lineC = Terminal.uuid();
      String state = written(f, a);
      WebClient.Response answer = a.http.postJson("/api/terminal/commands?lang=en", List.of(
          numbered(2, "addLine", "receiptId", receipt, "lineId", lineB, "productId", f.beer),
          numbered(3, "adjustQuantity", "lineId", lineB, "delta", 1000)), a.headers());
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      List<JsonNode> acks = new ArrayList<>();
      answer.json().forEach(acks::add);
      assertThat(acks).extracting(ack -> ack.path("code").asText()).containsExactly("number_reused", "number_reused");
      assertThat(acks).extracting(ack -> ack.path("details").path("expected").asLong()).containsExactly(3L, 3L);
      assertThat(acks.get(0).path("message").asText())
          .isEqualTo("Command number 2 is already used by another command of this device; send this command as 3.");
      assertThat(acks.get(1).path("message").asText())
          .isEqualTo("Command 3 was not applied because command 2 before it used a taken number; send the commands from 3.");
      assertThat(written(f, a)).isEqualTo(state);
      List<JsonNode> renumbered = a.post(List.of(
          numbered(3, "addLine", "receiptId", receipt, "lineId", lineB, "productId", f.beer),
          numbered(4, "adjustQuantity", "lineId", lineB, "delta", 1000)));
      assertThat(renumbered).extracting(ack -> ack.path("status").asText()).containsExactly("accepted", "accepted");
      assertThat(f.receipt(receipt).lines()).extracting(ReceiptView.LineView::id, ReceiptView.LineView::quantity)
          .containsExactly(tuple(lineA, 1000L), tuple(lineB, 2000L));
    }
  }

  private static Map<String, Object> numbered(long n, String type, Object... fields) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", n);
    m.putAll(Terminal.command(type, fields));
    return m;
  }

  /** Everything a command can write, as text: change, audit, sale and command-log rows, cursors, receipts, lines. */
  private static String written(Floor f, Terminal t) {
    return f.app.db.read(h -> String.join("\n",
        h.createQuery("SELECT space, seq, receipt_id, payload FROM changes ORDER BY space, seq").mapToMap().list()
            .toString(),
        h.createQuery("SELECT receipt_id, device_id FROM receipt_audit ORDER BY id").mapToMap().list().toString(),
        h.createQuery("SELECT COUNT(*) FROM sales").mapTo(Long.class).one().toString(),
        h.createQuery("SELECT n, type, status, code, seq, body, result FROM commands WHERE device_id = :d ORDER BY n")
            .bind("d", t.deviceId).mapToMap().list().toString(),
        h.createQuery("SELECT device_id, last_n FROM command_cursors ORDER BY device_id").mapToMap().list().toString(),
        h.createQuery("SELECT id, seq FROM receipts ORDER BY id").mapToMap().list().toString(),
        h.createQuery("SELECT id, quantity, removed FROM lines ORDER BY id").mapToMap().list().toString()));
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void malformed_commands_are_refused_naming_the_field_and_a_malformed_batch_changes_nothing(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      JsonNode noId = a.send("openAdHoc");
      assertThat(noId.path("code").asText()).isEqualTo("invalid");
      assertThat(noId.path("details").path("field").asText()).isEqualTo("receiptId");
      JsonNode unknown = a.send("teleport", "receiptId", Terminal.uuid());
      assertThat(unknown.path("details").path("field").asText()).isEqualTo("type");
      JsonNode extra = a.send("openAdHoc", "receiptId", Terminal.uuid(), "colour", "red");
      assertThat(extra.path("details").path("field").asText()).isEqualTo("colour");
      var noNumber = a.http.postJson("/api/terminal/commands", List.of(Map.of("type", "dayClose")), a.headers());
      assertThat(noNumber.status()).isEqualTo(400);
      assertThat(noNumber.json().path("field").asText()).isEqualTo("commands[0].n");
      var notJson = a.http.postBody("/api/terminal/commands", "application/json", "{nope", a.headers());
      assertThat(notJson.status()).isEqualTo(400);
      var noSession = a.http.postJson("/api/terminal/commands", List.of(), Map.of("Authorization", "Bearer " + a.token));
      assertThat(noSession.status()).isEqualTo(401);
      assertThat(f.count("receipts")).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void pairing_and_login_answer_where_the_device_numbering_stands_also_after_pairing_again(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      String receipt = a.openAdHoc();
      a.add(receipt, f.espresso, 1000);
      a.send("rename", "receiptId", receipt, "name", "x".repeat(41)); // refused, but recorded: it takes number 3
      f.app.db.inTransaction(h -> h.createUpdate(
              "UPDATE devices SET pairing_code_hash = :c, pairing_expires_at = :e WHERE id = :d")
          .bind("c", paragon.web.Tokens.hash("ABCDEFGH")).bind("e",
              f.app.clock.millis() + 60_000).bind("d", a.deviceId).execute());
      WebClient.Response paired = f.app.client().postJson("/api/device/pair", Map.of("code", "ABCDEFGH"), Map.of());
      assertThat(paired.status()).as(paired.body()).isEqualTo(201);
      assertThat(paired.json().path("nextCommand").asLong()).isEqualTo(4);
      String token = paired.json().path("token").asText();
      WebClient.Response login = f.app.client().postJson("/api/device/login", Map.of("identifier", "ola", "pin", "2222"),
          Map.of("Authorization", "Bearer " + token));
      assertThat(login.json().path("nextCommand").asLong()).isEqualTo(4);

      Terminal fresh = f.terminal("marek");
      f.app.db.inTransaction(h -> h.createUpdate(
              "UPDATE devices SET pairing_code_hash = :c, pairing_expires_at = :e WHERE id = :d")
          .bind("c", paragon.web.Tokens.hash("HGFEDCBA")).bind("e",
              f.app.clock.millis() + 60_000).bind("d", fresh.deviceId).execute());
      assertThat(f.app.client().postJson("/api/device/pair",
          Map.of("code", "HGFEDCBA"), Map.of()).json().path("nextCommand").asLong())
          .isEqualTo(1);
    }
  }
}
