package paragon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.Visibility;
import paragon.demo.Seed;
import paragon.devices.TerminalAuth;
import paragon.testing.MutableClock;
import paragon.testing.StreamClient;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/**
 * Terminal sessions are cached in memory (devices.AuthCache): each kind of cut-off must still refuse
 * a cached session at once, on the HTTP API and on the stream. Every case first uses the session
 * twice over HTTP and opens its stream, so the refusal below can only come from the event forgetting
 * the cache. The heartbeat is five minutes: no periodic re-check can be what closes a stream.
 */
class CachedSessionCutoffTest {
  private static final StreamSettings SLOW_BEAT = new StreamSettings(64, Duration.ofMinutes(5), Duration.ofSeconds(5),
      Duration.ofSeconds(5), 1000);
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static Floor floor(TestDatabases.Kind kind, StreamSettings settings) {
    return new Floor(TestDatabases.open(kind), new MutableClock(), Visibility.ALL, settings);
  }

  private static WebClient.Response session(Floor f, Terminal t) {
    return f.app.client().get("/api/device/session",
        Map.of("Authorization", "Bearer " + t.deviceToken, TerminalAuth.SESSION_HEADER, t.sessionToken));
  }

  private static WebClient.Response commands(Floor f, Terminal t) {
    return f.app.client().postJson("/api/terminal/commands",
        java.util.List.of(Terminal.command("openAdHoc", "receiptId", Terminal.uuid())),
        Map.of("Authorization", "Bearer " + t.deviceToken, TerminalAuth.SESSION_HEADER, t.sessionToken));
  }

  /** The session used (and so cached) over HTTP, and its stream open. */
  private static StreamClient warm(Floor f, Terminal t) {
    t.openAdHoc();
    t.openAdHoc();
    assertThat(session(f, t).status()).isEqualTo(200);
    StreamClient s = f.connect(t);
    StreamScenarioTest.welcomed(s);
    return s;
  }

  private static void assertRefused(Floor f, Terminal t, String error) {
    WebClient.Response r = session(f, t);
    assertThat(r.status()).as(r.body()).isEqualTo(401);
    assertThat(r.json().path("error").asText()).isEqualTo(error);
    assertThat(commands(f, t).status()).isEqualTo(401);
  }

  private static WebClient owner(Floor f) {
    f.app.db.inTransaction(h -> Seed.owner(h, f.account, "szef@bistro.pl", "Szef", "correct horse battery",
        f.app.clock.millis()));
    WebClient owner = f.app.client();
    owner.get("/backoffice/login");
    assertThat(owner.postForm("/backoffice/login", Map.of("email", "szef@bistro.pl",
        "password", "correct horse battery")).status()).isEqualTo(303);
    owner.get("/backoffice/users");
    return owner;
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_revoked_device_is_refused_at_once(TestDatabases.Kind kind) {
    try (Floor f = floor(kind, SLOW_BEAT)) {
      Terminal a = f.terminal("anna");
      WebClient owner = owner(f);
      try (StreamClient s = warm(f, a)) {
        assertThat(owner.postForm("/backoffice/devices/" + a.deviceId + "/revoke", Map.of()).status()).isIn(200, 303);
        assertRefused(f, a, "device_unknown");
        assertThat(s.awaitClose(WAIT)).isEqualTo(CloseCodes.CUT_OFF);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_disabled_user_is_refused_at_once(TestDatabases.Kind kind) {
    try (Floor f = floor(kind, SLOW_BEAT)) {
      Terminal a = f.terminal("anna");
      Terminal b = f.terminal("bob");
      WebClient owner = owner(f);
      try (StreamClient s = warm(f, a); StreamClient other = warm(f, b)) {
        assertThat(owner.postForm("/backoffice/users/" + a.userId + "/disable", Map.of()).status()).isEqualTo(303);
        assertRefused(f, a, "session_ended");
        assertThat(s.awaitClose(WAIT)).isEqualTo(CloseCodes.CUT_OFF);
        assertThat(session(f, b).status()).as("another user's session stays").isEqualTo(200);
        assertThat(other.closeCode()).isNull();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_changed_pin_is_refused_at_once(TestDatabases.Kind kind) {
    try (Floor f = floor(kind, SLOW_BEAT)) {
      Terminal a = f.terminal("anna");
      WebClient owner = owner(f);
      try (StreamClient s = warm(f, a)) {
        owner.get("/backoffice/users/" + a.userId);
        assertThat(owner.postForm("/backoffice/users/" + a.userId + "/pin", Map.of("pin", "4444")).status())
            .isEqualTo(303);
        assertRefused(f, a, "session_ended");
        assertThat(s.awaitClose(WAIT)).isEqualTo(CloseCodes.CUT_OFF);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_logged_out_session_is_refused_at_once(TestDatabases.Kind kind) {
    try (Floor f = floor(kind, SLOW_BEAT)) {
      Terminal a = f.terminal("anna");
      try (StreamClient s = warm(f, a)) {
        assertThat(f.app.client().postJson("/api/device/logout", Map.of(),
            Map.of("Authorization", "Bearer " + a.deviceToken, TerminalAuth.SESSION_HEADER, a.sessionToken))
            .status()).isEqualTo(204);
        assertRefused(f, a, "session_ended");
        assertThat(s.awaitClose(WAIT)).isEqualTo(CloseCodes.SESSION_ENDED);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_session_ended_by_another_login_is_refused_at_once(TestDatabases.Kind kind) {
    try (Floor f = floor(kind, SLOW_BEAT)) {
      Terminal a = f.terminal("anna");
      String annas = a.sessionToken;
      try (StreamClient s = warm(f, a)) {
        f.login(a, "bob");
        assertThat(session(f, a).status()).as("bob's new session").isEqualTo(200);
        String bobs = a.sessionToken;
        a.sessionToken = annas;
        assertRefused(f, a, "session_ended");
        assertThat(s.awaitClose(WAIT)).isEqualTo(CloseCodes.SESSION_ENDED);
        a.sessionToken = bobs;
      }
    }
  }

  /**
   * A cut-off whose event never arrived (as when another node's notification is lost): the stream's
   * periodic verification, one batched read, closes it within a few heartbeats and makes the HTTP API
   * refuse the cached session too.
   */
  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_cut_off_whose_event_was_lost_is_caught_by_the_verification(TestDatabases.Kind kind) {
    try (Floor f = floor(kind, Floor.FAST)) {
      Terminal a = f.terminal("anna");
      try (StreamClient s = warm(f, a)) {
        f.app.db.inTransaction(h -> {
          Seed.disableUser(h, f.account, a.userId, true);
          return null;
        });
        assertThat(session(f, a).status()).as("cached, and no event came").isEqualTo(200);
        assertThat(s.awaitClose(WAIT)).isEqualTo(CloseCodes.SESSION_ENDED);
        assertRefused(f, a, "session_ended");
      }
    }
  }

  /** Without a stream, a cached session whose event was lost is read again after a minute at most. */
  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_cached_session_is_read_again_after_a_minute(TestDatabases.Kind kind) {
    try (Floor f = floor(kind, SLOW_BEAT)) {
      Terminal a = f.terminal("anna");
      a.openAdHoc();
      f.app.db.inTransaction(h -> {
        Seed.disableUser(h, f.account, a.userId, true);
        return null;
      });
      assertThat(session(f, a).status()).as("cached, and no event came").isEqualTo(200);
      f.app.clock.advance(Duration.ofSeconds(61));
      assertRefused(f, a, "session_ended");
    }
  }
}
