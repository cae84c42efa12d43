package paragon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.Visibility;
import paragon.demo.Seed;
import paragon.testing.MutableClock;
import paragon.testing.StreamClient;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/** Slow terminals, revoked devices, restarts and a second node: the stream loses and repeats nothing. */
class StreamResilienceTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_revoked_device_is_cut_off_at_once(TestDatabases.Kind kind) {
    // A heartbeat of a minute: the cut-off must come from the revocation itself, not from a re-check.
    StreamSettings slowBeat = new StreamSettings(64, Duration.ofMinutes(1), Duration.ofSeconds(5),
        Duration.ofSeconds(5), 1000);
    try (Floor f = new Floor(TestDatabases.open(kind), new MutableClock(), Visibility.ALL, slowBeat)) {
      Terminal a = f.terminal("anna");
      Terminal b = f.terminal("bob");
      f.app.db.inTransaction(h -> Seed.owner(h, f.account, "szef@bistro.pl", "Szef",
          "correct horse battery", f.app.clock.millis()));
      WebClient owner = f.app.client();
      owner.get("/backoffice/login");
      assertThat(owner.postForm("/backoffice/login", Map.of("email", "szef@bistro.pl", "password", "correct horse battery"))
          .status()).isEqualTo(303);
      assertThat(owner.get("/backoffice/devices").status()).isEqualTo(200);
      try (StreamClient sa = f.connect(a); StreamClient sb = f.connect(b)) {
        StreamScenarioTest.welcomed(sa);
        StreamScenarioTest.welcomed(sb);
        long before = System.nanoTime();
        assertThat(owner.postForm("/backoffice/devices/" + a.deviceId + "/revoke", Map.of()).status()).isIn(200, 303);
        assertThat(sa.awaitClose(Duration.ofSeconds(5))).isEqualTo(CloseCodes.CUT_OFF);
        assertThat(sa.closeReason()).isEqualTo("device revoked");
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
        assertThat(sb.closeCode()).isNull();
        StreamClient again = f.connect(a, sa.view());
        assertThat(again.awaitClose(WAIT)).isEqualTo(CloseCodes.UNAUTHORIZED);
        assertThat(again.closeReason()).isEqualTo("device_unknown");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_terminal_that_stops_reading_is_disconnected_and_then_catches_up(TestDatabases.Kind kind) {
    StreamSettings tiny = new StreamSettings(8, Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(5), 100_000);
    try (Floor f = new Floor(TestDatabases.open(kind), new MutableClock(), Visibility.ALL, tiny)) {
      Terminal a = f.terminal("anna");
      Terminal b = f.terminal("bob");
      String receipt = a.openAdHoc();
      StreamClient slow = f.connect(b);
      f.assertUpToDate(slow, b, b.shopSpace());
      String other = a.openAdHoc();
      String note = "x".repeat(200);
      List<Map<String, Object>> lines = new ArrayList<>();
      List<Map<String, Object>> parts = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        String id = Terminal.uuid();
        lines.add(Terminal.command("addLine", "receiptId", receipt, "lineId", id, "name",
            "Danie z bardzo długą nazwą nr " + i, "unitPrice", 100, "vat", "8", "note", note));
        parts.add(Map.of("lineId", id));
      }
      a.sendAll(lines).forEach(ack -> assertThat(ack.path("status").asText()).isEqualTo("accepted"));
      slow.pause();
      // A change frame is as small as the change (a delta), so each command moves all 100 long lines
      // to the other receipt and back: frames of 100 lines, until the socket is full.
      String from = receipt;
      String to = other;
      for (int batch = 0; batch < 40 && slow.closeCode() == null; batch++) {
        List<Map<String, Object>> moves = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          moves.add(Terminal.command("moveLines", "receiptId", from, "targetReceiptId", to, "lines", parts));
          String was = from;
          from = to;
          to = was;
        }
        a.sendAll(moves).forEach(ack -> assertThat(ack.path("status").asText()).isEqualTo("accepted"));
      }
      slow.resume();
      int code = slow.awaitClose(WAIT);
      assertThat(code).isIn(CloseCodes.TOO_SLOW, 1006);
      assertThat(slow.violations()).isEmpty();
      long cursor = slow.cursor(b.shopSpace());
      assertThat(cursor).isLessThan(f.server(b.shopSpace()).seq());
      try (StreamClient back = f.connect(b, slow.view())) {
        assertThat(StreamScenarioTest.welcomed(back).path("resume").path(b.shopSpace()).asText()).isEqualTo("changes");
        f.assertUpToDate(back, b, b.shopSpace());
        assertThat(back.frames("receipt").get(0).path("seq").asLong()).isEqualTo(cursor + 1);
      }
    }
  }

  /**
   * A terminal that reads, catching up a backlog many times its queue, is not taken for a slow one:
   * heartbeats come every few milliseconds, each taking a place in the queue between the catch-up's
   * reading how much room there is and its filling it (the race that closed a reading terminal with
   * 4408 "send queue full").
   */
  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_reading_terminal_catches_up_a_long_backlog_while_heartbeats_keep_coming(TestDatabases.Kind kind) {
    StreamSettings busy = new StreamSettings(4, Duration.ofMillis(3), Duration.ofSeconds(5), Duration.ofSeconds(5), 100_000);
    try (Floor f = new Floor(TestDatabases.open(kind), new MutableClock(), Visibility.ALL, busy)) {
      Terminal a = f.terminal("anna");
      Terminal b = f.terminal("bob");
      String receipt = a.openAdHoc();
      long cursor;
      StreamClient.View view;
      try (StreamClient first = f.connect(b)) {
        f.assertUpToDate(first, b, b.shopSpace());
        cursor = first.cursor(b.shopSpace());
        view = first.view();
      }
      for (int batch = 0; batch < 4; batch++) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          lines.add(Terminal.command("addLine", "receiptId", receipt, "lineId", Terminal.uuid(), "name",
              "Pozycja " + batch + "/" + i, "unitPrice", 100, "vat", "8"));
        }
        a.sendAll(lines).forEach(ack -> assertThat(ack.path("status").asText()).isEqualTo("accepted"));
      }
      try (StreamClient back = f.connect(b, view)) {
        assertThat(StreamScenarioTest.welcomed(back).path("resume").path(b.shopSpace()).asText()).isEqualTo("changes");
        f.assertUpToDate(back, b, b.shopSpace());
        assertThat(back.closeCode()).as("closed while reading: %s", back.closeReason()).isNull();
        assertThat(back.frames("heartbeat")).as("heartbeats were queued among the changes").isNotEmpty();
        assertThat(back.frames("receipt").stream().map(r -> r.path("seq").asLong()).toList())
            .as("every change once, in order")
            .isEqualTo(java.util.stream.LongStream.rangeClosed(cursor + 1, cursor + 200).boxed().toList());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void after_a_server_restart_terminals_resume_with_no_gap_and_no_duplicate(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind, Visibility.OWN)) {
      Terminal a = f.terminal("anna");
      Terminal b = f.terminal("anna");
      Terminal c = f.terminal("bob");
      String receipt = a.openAdHoc();
      StreamClient sb = f.connect(b);
      StreamClient sc = f.connect(c);
      a.addLine(receipt, "Zupa", 1000);
      f.assertUpToDate(sb, b, b.shopSpace());
      f.assertUpToDate(sc, c, c.shopSpace());

      f.restart();
      assertThat(sb.awaitClose(WAIT)).isIn(CloseCodes.GOING_AWAY, 1006);
      assertThat(sc.awaitClose(WAIT)).isIn(CloseCodes.GOING_AWAY, 1006);
      long cursor = sb.cursor(b.shopSpace());
      for (int i = 0; i < 3; i++) a.addLine(receipt, "Po restarcie " + i, 700);
      String table = a.openTable("Stolik 3");

      try (StreamClient sb2 = f.connect(b, sb.view()); StreamClient sc2 = f.connect(c, sc.view())) {
        assertThat(StreamScenarioTest.welcomed(sb2).path("resume").path(b.shopSpace()).asText()).isEqualTo("changes");
        f.assertUpToDate(sb2, b, b.shopSpace());
        f.assertUpToDate(sc2, c, c.shopSpace());
        List<JsonNode> changes = sb2.frames().stream().filter(fr -> fr.has("seq") && fr.path("space").asText()
            .equals(b.shopSpace()) && !fr.path("type").asText().equals("snapshot")).toList();
        assertThat(changes).extracting(fr -> fr.path("seq").asLong())
            .containsExactly(cursor + 1, cursor + 2, cursor + 3, cursor + 4);
        assertThat(sb2.view().all()).containsKeys(receipt, table);
        assertThat(sc2.view().all().get(table).path("occupied").asBoolean()).isTrue();
        assertThat(sc2.view().all()).doesNotContainKey(receipt);
      }
    }
  }

  @Test
  void a_command_on_one_node_reaches_a_terminal_on_another_node_over_postgresql() {
    MutableClock clock = new MutableClock();
    try (Floor f = new Floor(TestDatabases.open(TestDatabases.Kind.POSTGRES), clock, Visibility.OWN, Floor.FAST)) {
      // Node B: another app on the same database, its own pool and its own LISTEN connection.
      try (TestApp nodeB = new TestApp(paragon.storage.Database.open(f.app.db.url()), clock,
          new StreamSettings(64, Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofSeconds(5), 1000))) {
        Terminal a = f.terminal("anna");  // commands go to node A (f.app)
        Terminal b = f.terminal("anna");
        Terminal c = f.terminal("bob");
        StreamClient sb = StreamClient.connect(nodeB.port(), b.deviceToken, b.sessionToken, new StreamClient.View());
        StreamClient sc = StreamClient.connect(nodeB.port(), c.deviceToken, c.sessionToken, new StreamClient.View());
        StreamScenarioTest.welcomed(sb);
        StreamScenarioTest.welcomed(sc);
        long started = System.nanoTime();
        String receipt = a.openAdHoc();
        String line = a.addLine(receipt, "Żurek", 1600);
        JsonNode frame = sb.awaitFrame(fr -> fr.path("type").asText().equals("receipt")
            && fr.path("receipt").path("lines").size() == 1, Duration.ofSeconds(10));
        // Node B's heartbeat is minutes away: only the NOTIFY can have woken it this fast.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(frame.path("receipt").path("lines").get(0).path("id").asText()).isEqualTo(line);
        f.assertUpToDate(sb, b, b.shopSpace());
        f.assertUpToDate(sc, c, c.shopSpace());
        assertThat(StreamScenarioTest.types(StreamScenarioTest.about(sc, receipt))).containsOnly("gone");
        sb.close();
        sc.close();
      }
    }
  }
}
