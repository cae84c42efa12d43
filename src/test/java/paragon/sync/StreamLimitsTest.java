package paragon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.Visibility;
import paragon.metrics.Scrape;
import paragon.settings.Limits;
import paragon.testing.MutableClock;
import paragon.testing.StreamClient;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

/** The stream's caps (StreamLimits): past each a clean 4429 and a count, and room again once others close. */
class StreamLimitsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final StreamSettings HELLO_IN_2S = new StreamSettings(64, Duration.ofSeconds(1), Duration.ofSeconds(3),
      Duration.ofSeconds(2), 1_000);

  /**
   * For the pending cap: the three sockets must all connect before the first two's deadline (under a
   * loaded CI a 2 s deadline passed first, freeing a slot, and the third was let in).
   */
  private static final StreamSettings HELLO_IN_5S = new StreamSettings(64, Duration.ofSeconds(1),
      Duration.ofSeconds(3), Duration.ofSeconds(5), 1_000);

  private static Floor floor(TestDatabases.Kind kind, Limits limits) {
    return floor(kind, limits, HELLO_IN_2S);
  }

  private static Floor floor(TestDatabases.Kind kind, Limits limits, StreamSettings settings) {
    return new Floor(new TestApp(TestDatabases.open(kind), new MutableClock(), settings, limits), Visibility.ALL,
        settings);
  }

  private static double refused(Floor f, String reason) {
    return new Scrape(f.app.client().get("/metrics").body()).value("paragon_stream_refused_total", "reason", reason);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void sockets_past_the_pending_cap_are_closed_4429_and_the_silent_ones_4401_after_the_hello_deadline(
      TestDatabases.Kind kind) throws InterruptedException {
    try (Floor f = floor(kind, new Limits(1_000, 100, 2, 0, 0), HELLO_IN_5S)) {
      Terminal a = f.terminal("anna");
      List<StreamClient> sockets = new ArrayList<>();
      for (int i = 0; i < 3; i++) sockets.add(StreamClient.connectRaw(f.app.port(), null));
      // The one past the cap is the third the server opened, which need not be the third one asked
      // for: a client's handshake can complete before the server has counted its socket.
      long deadline = System.nanoTime() + WAIT.toNanos();
      List<StreamClient> closed = new ArrayList<>();
      while (closed.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
        for (StreamClient c : sockets) if (c.closeCode() != null) closed.add(c);
      }
      assertThat(closed).as("closed at once").hasSize(1);
      assertThat(closed.get(0).closeCode()).isEqualTo(CloseCodes.TRY_LATER);
      assertThat(refused(f, "pending")).isEqualTo(1.0);
      long before = System.nanoTime();
      List<StreamClient> silent = new ArrayList<>(sockets);
      silent.removeAll(closed);
      for (StreamClient c : silent) {
        assertThat(c.awaitClose(WAIT)).isEqualTo(CloseCodes.UNAUTHORIZED);
        assertThat(c.closeReason()).isEqualTo("no hello");
      }
      assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(6));
      try (StreamClient s = f.connect(a)) {
        StreamScenarioTest.welcomed(s);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_stream_past_the_node_cap_is_closed_4429_and_gets_in_once_another_closes(TestDatabases.Kind kind)
      throws InterruptedException {
    try (Floor f = floor(kind, new Limits(1_000, 1, 100, 0, 0))) {
      Terminal a = f.terminal("anna");
      Terminal b = f.terminal("bob");
      StreamClient sa = f.connect(a);
      StreamScenarioTest.welcomed(sa);
      StreamClient sb = f.connect(b);
      assertThat(sb.awaitClose(WAIT)).isEqualTo(CloseCodes.TRY_LATER);
      assertThat(sb.closeReason()).isEqualTo("too many streams on this node");
      assertThat(refused(f, "node")).isEqualTo(1.0);
      assertThat(sa.closeCode()).as("the stream inside the cap is kept").isNull();
      sa.close();
      // As the terminal does: reconnect with a backoff until there is room.
      for (int attempt = 0; ; attempt++) {
        StreamClient again = f.connect(b);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (again.frames().isEmpty() && again.closeCode() == null && System.nanoTime() < deadline) Thread.sleep(20);
        if (again.closeCode() == null) {
          StreamScenarioTest.welcomed(again);
          again.close();
          break;
        }
        assertThat(again.closeCode()).isEqualTo(CloseCodes.TRY_LATER);
        assertThat(attempt).as("room comes back once the other stream closed").isLessThan(20);
        Thread.sleep(100);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_device_opening_streams_in_a_loop_is_closed_4429(TestDatabases.Kind kind) {
    try (Floor f = floor(kind, new Limits(1_000, 100, 100, 0, 0))) {
      Terminal a = f.terminal("anna");
      Terminal b = f.terminal("bob");
      StreamClient last = null;
      // The clock stands still: no token comes back, so exactly the burst is admitted.
      for (int i = 0; i < StreamLimits.DEVICE_BURST; i++) {
        StreamClient s = f.connect(a);
        StreamScenarioTest.welcomed(s);
        if (last != null) assertThat(last.awaitClose(WAIT)).isEqualTo(CloseCodes.REPLACED);
        last = s;
      }
      StreamClient loop = f.connect(a);
      assertThat(loop.awaitClose(WAIT)).isEqualTo(CloseCodes.TRY_LATER);
      assertThat(loop.closeReason()).isEqualTo("too many streams opened by this device");
      assertThat(refused(f, "device")).isEqualTo(1.0);
      assertThat(last.closeCode()).as("the refused one replaced nothing").isNull();
      try (StreamClient other = f.connect(b)) {
        StreamScenarioTest.welcomed(other);
      }
      f.app.clock.advance(Duration.ofSeconds(1));
      try (StreamClient later = f.connect(a)) {
        StreamScenarioTest.welcomed(later);
      }
    }
  }
}
