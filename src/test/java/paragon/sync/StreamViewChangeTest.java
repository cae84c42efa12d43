package paragon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.LoginMode;
import paragon.configuration.Revisions;
import paragon.configuration.Visibility;
import paragon.demo.Seed;
import paragon.devices.TerminalAuth;
import paragon.testing.MutableClock;
import paragon.testing.StreamClient;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/**
 * DESIGN rule 2 says "never": the moment a device's view changes (it applied a revision with another
 * visibility, its cashier logged out, another cashier logged in on it, a receipt was reassigned away),
 * its open stream carries nothing more for the old view. The heartbeat is five minutes here, so only
 * the event itself can be what re-filters or closes the stream.
 */
class StreamViewChangeTest {
  private static final StreamSettings SLOW_BEAT = new StreamSettings(64, Duration.ofMinutes(5), Duration.ofSeconds(3),
      Duration.ofSeconds(2), 1_000);
  /** Far below the heartbeat: what arrives within it was sent because of the event. */
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static Floor floor(TestDatabases.Kind kind, Visibility visibility) {
    return new Floor(TestDatabases.open(kind), new MutableClock(), visibility, SLOW_BEAT);
  }

  /** One back-office save of the visibility mode; answers the new revision. */
  private static long visibility(Floor f, Visibility mode) {
    return f.app.db.inTransaction(h -> {
      Seed.settings(h, f.account, true, mode, true, LoginMode.PIN);
      return Revisions.record(h, f.account, "test", "visibility " + mode, f.app.clock);
    });
  }

  private static void ack(Floor f, Terminal t, long revision) {
    WebClient.Response r = f.app.client().postJson("/api/device/ack", Map.of("revision", revision),
        Map.of("Authorization", "Bearer " + t.deviceToken));
    assertThat(r.status()).as("ack: %s", r.body()).isEqualTo(200);
  }

  /** {@code seller} keeps adding lines to {@code receipts} until stopped: changes race every event. */
  private static final class Selling implements AutoCloseable {
    private final AtomicBoolean stop = new AtomicBoolean();
    private final CompletableFuture<Integer> done;

    Selling(Terminal seller, List<String> receipts) {
      done = CompletableFuture.supplyAsync(() -> {
        int i = 0;
        while (!stop.get() && i < 300) seller.addLine(receipts.get(i++ % receipts.size()), "Kawa " + i, 900);
        return i;
      });
    }

    @Override
    public void close() {
      stop.set(true);
      assertThat(done.join()).isPositive();
    }
  }

  /** Waits until {@code space} reached {@code seq} on the server (another terminal's commands). */
  private static void awaitServer(Floor f, String space, long seq) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (f.server(space).seq() < seq) {
      assertThat(System.nanoTime()).as("%s reaching seq %s", space, seq).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private static int indexOf(StreamClient s, int from, Predicate<JsonNode> match) {
    List<JsonNode> frames = s.frames();
    for (int i = from; i < frames.size(); i++) if (match.test(frames.get(i))) return i;
    return -1;
  }

  private static boolean fullOf(JsonNode frame, long owner) {
    return frame.path("type").asText().equals("receipt") && frame.path("receipt").path("ownerUserId").asLong() == owner;
  }

  private static boolean changeAfter(JsonNode frame, String space, long seq) {
    return List.of("receipt", "occupied", "gone").contains(frame.path("type").asText())
        && frame.path("space").asText().equals(space) && frame.path("seq").asLong() > seq;
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_narrowing_revision_hides_what_the_user_may_no_longer_see_at_the_ack(TestDatabases.Kind kind) {
    try (Floor f = floor(kind, Visibility.SAME_ROLE)) {
      Terminal anna = f.terminal("anna");
      Terminal bob = f.terminal("bob");
      String sale = bob.openAdHoc();
      bob.addLine(sale, "Tatar", 4200);
      String table = bob.openTable("Stolik 1");
      bob.addLine(table, "Piwo", 1250);
      String annas = anna.openAdHoc();
      try (StreamClient s = f.connect(anna)) {
        f.assertUpToDate(s, anna, anna.shopSpace());
        assertThat(s.view().all().get(sale).path("lines").size()).isEqualTo(1); // same role: seen in full
        long revision = visibility(f, Visibility.OWN);
        int before;
        long acked;
        try (Selling selling = new Selling(bob, List.of(sale, table))) {
          // Still SAME_ROLE: anna's device has not synced.
          s.awaitFrame(fr -> fullOf(fr, f.bob) && fr.path("receipt").path("lines").size() > 2, WAIT);
          before = s.frames().size();
          ack(f, anna, revision);
          acked = f.server(anna.shopSpace()).seq();
          s.awaitFrame(fr -> fr.path("seq").asLong() > acked + 5, WAIT); // bob sells on meanwhile
        }
        f.assertUpToDate(s, anna, anna.shopSpace());
        f.assertUpToDate(s, anna, anna.deviceSpace());

        // The stream started over in place for the new view: a welcome naming it, then snapshots.
        int welcome = indexOf(s, before, fr -> fr.path("type").asText().equals("welcome"));
        assertThat(welcome).as("a welcome for the new view").isNotNegative();
        assertThat(s.frames().get(welcome).path("viewer").asText()).isEqualTo("user:" + f.anna);
        assertThat(s.frames().get(welcome).path("resume").path(anna.shopSpace()).asText()).isEqualTo("snapshot");
        int snapshot = indexOf(s, welcome, fr -> fr.path("type").asText().equals("snapshot")
            && fr.path("space").asText().equals(anna.shopSpace()));
        JsonNode snap = s.frames().get(snapshot);
        assertThat(snap.path("receipts").findValuesAsText("id")).contains(annas).doesNotContain(sale, table);
        assertThat(snap.path("occupied").findValuesAsText("id")).containsExactly(table);
        // Before every change committed after the ack, and nothing of bob's in full after it.
        int firstAfterAck = indexOf(s, before, fr -> changeAfter(fr, anna.shopSpace(), acked));
        assertThat(firstAfterAck).isGreaterThan(snapshot);
        assertThat(indexOf(s, welcome, fr -> fullOf(fr, f.bob))).as("a full frame of bob's after the ack").isNegative();
        assertThat(s.view().all()).doesNotContainKey(sale);
        assertThat(s.view().all().get(table).path("occupied").asBoolean()).isTrue();
        assertThat(s.view().viewer).isEqualTo("user:" + f.anna);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_widening_revision_shows_the_newly_visible_receipts_at_the_ack(TestDatabases.Kind kind) {
    try (Floor f = floor(kind, Visibility.OWN)) {
      Terminal anna = f.terminal("anna");
      Terminal bob = f.terminal("bob");
      String sale = bob.openAdHoc();
      bob.addLine(sale, "Tatar", 4200);
      try (StreamClient s = f.connect(anna)) {
        f.assertUpToDate(s, anna, anna.shopSpace());
        assertThat(s.view().all()).doesNotContainKey(sale);
        ack(f, anna, visibility(f, Visibility.ALL));
        s.awaitFrame(fr -> fr.path("type").asText().equals("snapshot")
            && fr.path("receipts").findValuesAsText("id").contains(sale), WAIT);
        f.assertUpToDate(s, anna, anna.shopSpace());
        assertThat(s.view().viewer).isEqualTo("all");
        assertThat(s.view().all().get(sale).path("lines").get(0).path("name").asText()).isEqualTo("Tatar");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void an_ack_that_changes_nothing_the_user_sees_leaves_the_stream_as_it_is(TestDatabases.Kind kind) {
    try (Floor f = floor(kind, Visibility.OWN)) {
      Terminal anna = f.terminal("anna");
      try (StreamClient s = f.connect(anna)) {
        f.assertUpToDate(s, anna, anna.shopSpace());
        f.assertUpToDate(s, anna, anna.deviceSpace());
        int before = s.frames().size();
        long revision = f.app.db.inTransaction(h -> Revisions.record(h, f.account, "test", "nothing", f.app.clock));
        ack(f, anna, revision);
        String sale = anna.openAdHoc();
        s.awaitFrame(fr -> fr.path("receipt").path("id").asText().equals(sale), WAIT);
        assertThat(s.frames().subList(before, s.frames().size())).extracting(fr -> fr.path("type").asText())
            .containsOnly("receipt");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_logout_closes_the_stream_at_once(TestDatabases.Kind kind) throws InterruptedException {
    try (Floor f = floor(kind, Visibility.ALL)) {
      Terminal anna = f.terminal("anna");
      Terminal bob = f.terminal("bob");
      String sale = bob.openAdHoc();
      try (StreamClient s = f.connect(anna)) {
        f.assertUpToDate(s, anna, anna.shopSpace());
        long loggedOut;
        try (Selling selling = new Selling(bob, List.of(sale))) {
          s.awaitFrame(fr -> fr.path("type").asText().equals("receipt")
              && fr.path("receipt").path("lines").size() > 2, WAIT);
          WebClient.Response r = f.app.client().postJson("/api/device/logout", Map.of(),
              Map.of("Authorization", "Bearer " + anna.deviceToken, TerminalAuth.SESSION_HEADER, anna.sessionToken));
          assertThat(r.status()).isEqualTo(204);
          loggedOut = f.server(anna.shopSpace()).seq();
          assertThat(s.awaitClose(WAIT)).isEqualTo(CloseCodes.SESSION_ENDED);
          awaitServer(f, anna.shopSpace(), loggedOut + 3); // bob sells on after the logout
        }
        assertThat(indexOf(s, 0, fr -> changeAfter(fr, anna.shopSpace(), loggedOut))).as("a change after the logout")
            .isNegative();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void another_cashiers_login_on_the_device_closes_the_old_stream_at_once(TestDatabases.Kind kind)
      throws InterruptedException {
    try (Floor f = floor(kind, Visibility.OWN)) {
      Terminal till = f.terminal("anna");
      Terminal other = f.terminal("anna");
      String annas = other.openAdHoc();
      try (StreamClient s = f.connect(till)) {
        f.assertUpToDate(s, till, till.shopSpace());
        assertThat(s.view().all()).containsKey(annas);
        long switched;
        try (Selling selling = new Selling(other, List.of(annas))) {
          s.awaitFrame(fr -> fr.path("type").asText().equals("receipt")
              && fr.path("receipt").path("lines").size() > 2, WAIT);
          f.login(till, "bob");
          switched = f.server(till.shopSpace()).seq();
          assertThat(s.awaitClose(WAIT)).isEqualTo(CloseCodes.SESSION_ENDED);
          awaitServer(f, till.shopSpace(), switched + 3); // the other till sells on after the login
        }
        assertThat(indexOf(s, 0, fr -> changeAfter(fr, till.shopSpace(), switched))).as("a change after the login")
            .isNegative();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_receipt_reassigned_away_is_gone_from_the_old_owners_stream_with_that_change(TestDatabases.Kind kind) {
    try (Floor f = floor(kind, Visibility.OWN)) {
      Terminal anna = f.terminal("anna");
      Terminal bob = f.terminal("bob");
      Terminal marek = f.terminal("marek");
      String sale = anna.openAdHoc();
      anna.addLine(sale, "Tatar", 4200);
      try (StreamClient s = f.connect(anna)) {
        f.assertUpToDate(s, anna, anna.shopSpace());
        long seq = marek.accepted("reassign", "receiptId", sale, "userId", f.bob).path("seq").asLong();
        bob.addLine(sale, "Piwo", 1250);
        f.assertUpToDate(s, anna, anna.shopSpace());
        JsonNode reassigned = s.frames().stream().filter(fr -> fr.path("seq").asLong() == seq
            && fr.path("space").asText().equals(anna.shopSpace())).findFirst().orElseThrow();
        assertThat(reassigned.path("type").asText()).isEqualTo("gone");
        assertThat(reassigned.path("id").asText()).isEqualTo(sale);
        assertThat(indexOf(s, s.frames().indexOf(reassigned), fr -> fullOf(fr, f.bob))).isNegative();
        assertThat(s.view().all()).doesNotContainKey(sale);
      }
    }
  }

  @Test
  void a_revision_acknowledged_on_one_node_refilters_the_stream_on_another_over_postgresql() {
    MutableClock clock = new MutableClock();
    try (Floor f = new Floor(TestDatabases.open(TestDatabases.Kind.POSTGRES), clock, Visibility.ALL, SLOW_BEAT);
        TestApp nodeB = new TestApp(paragon.storage.Database.open(f.app.db.url()), clock, SLOW_BEAT)) {
      Terminal anna = f.terminal("anna");
      Terminal bob = f.terminal("bob");
      String sale = bob.openAdHoc();
      try (StreamClient s = StreamClient.connect(nodeB.port(), anna.deviceToken, anna.sessionToken,
          new StreamClient.View())) {
        f.assertUpToDate(s, anna, anna.shopSpace());
        assertThat(s.view().all()).containsKey(sale);
        ack(f, anna, visibility(f, Visibility.OWN)); // on node A; the stream is on node B
        s.awaitFrame(fr -> fr.path("type").asText().equals("welcome") && fr.path("viewer").asText().startsWith("user:"),
            WAIT);
        s.awaitFrame(fr -> fr.path("type").asText().equals("snapshot") && fr.path("space").asText().equals(anna.shopSpace())
            && !fr.path("receipts").findValuesAsText("id").contains(sale), WAIT);
        f.assertUpToDate(s, anna, anna.shopSpace());
        assertThat(s.view().all()).doesNotContainKey(sale);
      }
    }
  }
}
