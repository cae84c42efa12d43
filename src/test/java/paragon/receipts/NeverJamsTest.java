package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/**
 * A command never jams a terminal's outbox: whatever it carries, it is answered accepted or refused
 * and recorded, so the device's next command applies (issue 8), on both databases.
 */
class NeverJamsTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_nul_in_a_note_is_refused_invalid_naming_the_field_and_the_next_command_applies(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      String receipt = a.openAdHoc();
      JsonNode nul = a.send("noteReceipt", "receiptId", receipt, "note", "a\u0000b");
      assertThat(nul.path("status").asText()).as(nul.toString()).isEqualTo("refused");
      assertThat(nul.path("code").asText()).isEqualTo("invalid");
      assertThat(nul.path("details").path("field").asText()).isEqualTo("note");
      assertThat(nul.path("message").asText()).contains("note");
      assertThat(f.receipt(receipt).note()).isNull();
      // A resend of the same command is that command again, not another one under its number.
      List<JsonNode> again = a.post(List.of(Map.of("n", a.nextNumber() - 1, "type", "noteReceipt",
          "receiptId", receipt, "note", "a\u0000b")));
      assertThat(again.get(0).path("status").asText()).as(again.toString()).isEqualTo("duplicate");
      assertThat(a.send("noteReceipt", "receiptId", receipt, "note", "ok").path("status").asText()).isEqualTo("accepted");
      assertThat(f.receipt(receipt).note()).isEqualTo("ok");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_nul_or_a_lone_surrogate_anywhere_in_a_command_is_refused_and_recorded(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      String receipt = a.openAdHoc();
      // Written as JSON escapes, as a client sends them: a lone surrogate has no UTF-8 form on the wire.
      long n = a.nextNumber();
      String batch = """
          [{"n": %d, "type": "x\\u0000"},
           {"n": %d, "type": "rename", "receiptId": "%s", "na\\u0000me": "Taras"},
           {"n": %d, "type": "rename", "receiptId": "%s", "name": "Ta\\ud800ras"},
           {"n": %d, "type": "addLine", "receiptId": "%s", "lineId": "%s", "name": "\\udc00", "unitPrice": 100,
            "vat": "23"},
           {"n": %d, "type": "rename", "receiptId": "%s", "name": "Taras"}]"""
          .formatted(n, n + 1, receipt, n + 2, receipt, n + 3, receipt, Terminal.uuid(), n + 4, receipt);
      a.skipNumbers(5);
      WebClient.Response r = a.http.postBody("/api/terminal/commands", "application/json", batch, a.headers());
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      List<JsonNode> acks = new java.util.ArrayList<>();
      r.json().forEach(acks::add);
      assertThat(acks).extracting(ack -> ack.path("status").asText())
          .containsExactly("refused", "refused", "refused", "refused", "accepted");
      assertThat(acks.subList(0, 4)).extracting(ack -> ack.path("code").asText()).containsOnly("invalid");
      assertThat(acks.subList(0, 4)).extracting(ack -> ack.path("details").path("field").asText())
          .containsExactly("type", "na\uFFFDme", "name", "name");
      assertThat(f.receipt(receipt).name()).isEqualTo("Taras");
      assertThat(f.receipt(receipt).lines()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_line_for_a_receipt_whose_recovery_chain_is_long_still_lands_in_a_recovery_receipt(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      String original = a.openAdHoc();
      a.add(original, f.espresso, 1000);
      String paying = original;
      for (int link = 0; link < 12; link++) {
        JsonNode paid = a.send("pay", "receiptId", paying, "seq", f.receipt(paying).seq(),
            "payments", List.of(Map.of("method", "CASH", "amount", 100_000)));
        assertThat(paid.path("status").asText()).as("pay %d: %s", link, paid).isEqualTo("accepted");
        JsonNode late = a.send("addLine", "receiptId", original, "lineId", Terminal.uuid(), "productId", f.espresso);
        assertThat(late.path("status").asText()).as("late line %d: %s", link, late).isEqualTo("accepted");
        assertThat(late.path("result").path("recovered").asBoolean()).isTrue();
        paying = late.path("result").path("receiptId").asText();
        assertThat(f.receipt(paying).recoveredFrom()).isNotNull();
      }
      assertThat(f.receipt(paying).lines()).hasSize(1);
      assertThat(a.send("rename", "receiptId", paying, "name", "Taras").path("status").asText()).isEqualTo("accepted");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_command_number_beyond_the_largest_long_is_refused_not_wrapped(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      // 2^64 + 1 wraps to 1, the device's next number.
      String body = "[{\"n\": 18446744073709551617, \"type\": \"openAdHoc\", \"receiptId\": \"" + Terminal.uuid() + "\"}]";
      WebClient.Response r = a.http.postBody("/api/terminal/commands", "application/json", body, a.headers());
      assertThat(r.status()).as(r.body()).isEqualTo(400);
      assertThat(r.json().path("field").asText()).isEqualTo("commands[0].n");
      assertThat(f.count("receipts")).isZero();
      assertThat(f.count("commands")).isZero();
      assertThat(a.openAdHoc()).isNotNull();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_command_whose_rules_throw_is_refused_internal_with_the_request_id_and_the_next_applies(
      TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      String broken = a.openAdHoc();
      String line = a.add(broken, f.espresso, 1000);
      String fine = a.openAdHoc();
      // A line whose amount overflows a long (written by hand): any change of its receipt throws.
      f.handEdit(broken, h -> h.createUpdate("UPDATE lines SET unit_price = :p WHERE id = :id")
          .bind("p", Long.MAX_VALUE / 10).bind("id", line).execute());
      // Its rows, not its view: the view cannot be computed from the broken line any more.
      String state = rows(f, broken);
      Map<String, String> headers = new java.util.HashMap<>(a.headers());
      headers.put("X-Request-Id", "req-jam-1");
      Map<String, Object> add = Map.of("n", a.nextNumber(), "type", "addLine", "receiptId", broken,
          "lineId", Terminal.uuid(), "productId", f.beer);
      WebClient.Response r = a.http.postJson("/api/terminal/commands", List.of(add,
          Map.of("n", a.nextNumber() + 1, "type", "rename", "receiptId", fine, "name", "Taras")), headers);
      a.skipNumbers(2);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JsonNode internal = r.json().get(0);
      assertThat(internal.path("status").asText()).as(internal.toString()).isEqualTo("refused");
      assertThat(internal.path("code").asText()).isEqualTo("internal");
      assertThat(internal.path("details").path("requestId").asText()).isEqualTo("req-jam-1");
      assertThat(internal.path("message").asText()).contains("req-jam-1");
      assertThat(r.json().get(1).path("status").asText()).isEqualTo("accepted");
      assertThat(rows(f, broken)).isEqualTo(state);
      assertThat(f.count("lines WHERE receipt_id = '" + broken + "'")).isEqualTo(1);
      assertThat(f.receipt(fine).name()).isEqualTo("Taras");
      // Its resend is answered from the log, like any refusal.
      JsonNode again = a.post(List.of(add)).get(0);
      assertThat(again.path("status").asText()).isEqualTo("duplicate");
      assertThat(again.path("original").asText()).isEqualTo("refused");
      assertThat(again.path("code").asText()).isEqualTo("internal");
    }
  }

  /** The receipt's row and its lines' rows, as text. */
  private static String rows(Floor f, String receiptId) {
    return f.app.db.read(h -> h.createQuery("SELECT * FROM receipts WHERE id = :id").bind("id", receiptId)
        .mapToMap().list() + " " + h.createQuery("SELECT * FROM lines WHERE receipt_id = :id ORDER BY id")
        .bind("id", receiptId).mapToMap().list());
  }

  @Test
  void a_database_connection_lost_under_a_command_fails_the_request_so_the_terminal_sends_it_again()
      throws Exception {
    try (Floor f = new Floor(TestDatabases.Kind.POSTGRES)) {
      Terminal a = f.terminal("anna");
      String receipt = a.openAdHoc();
      Map<String, Object> rename = Map.of("n", a.nextNumber(), "type", "rename", "receiptId", receipt, "name", "Taras");
      try (Connection lock = DriverManager.getConnection(f.app.db.url())) {
        // Hold the device's cursor row, so the command waits in its transaction; then cut its connection.
        lock.setAutoCommit(false);
        try (Statement st = lock.createStatement()) {
          st.execute("SELECT last_n FROM command_cursors WHERE device_id = " + a.deviceId + " FOR UPDATE");
        }
        CompletableFuture<WebClient.Response> answer = CompletableFuture.supplyAsync(
            () -> a.http.postJson("/api/terminal/commands", List.of(rename), a.headers()));
        int waiting = waitingBackend(lock);
        try (Statement st = lock.createStatement()) {
          st.execute("SELECT pg_terminate_backend(" + waiting + ")");
        }
        WebClient.Response r = answer.get(30, TimeUnit.SECONDS);
        assertThat(r.status()).as(r.body()).isGreaterThanOrEqualTo(500);
        lock.rollback();
      }
      assertThat(f.count("commands WHERE device_id = " + a.deviceId)).isEqualTo(1);
      // Nothing was decided: the same command again is applied, not answered as a recorded refusal.
      JsonNode again = a.post(List.of(rename)).get(0);
      assertThat(again.path("status").asText()).as(again.toString()).isEqualTo("accepted");
      assertThat(f.receipt(receipt).name()).isEqualTo("Taras");
    }
  }

  /** The pid of the other backend of this database that waits for a lock (the app's command). */
  private static int waitingBackend(Connection c) throws Exception {
    for (int i = 0; i < 200; i++) {
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
          SELECT pid FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()""")) {
        if (rs.next()) return rs.getInt(1);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the command never waited for the cursor row");
  }
}
