package paragon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.DeviceModel;
import paragon.configuration.Visibility;
import paragon.testing.StreamClient;
import paragon.testing.TestDatabases;

/** Connecting, saying hello, heartbeats and the ways a stream is closed. */
class StreamConnectTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_new_terminal_gets_welcome_then_a_snapshot_of_every_space_it_follows(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind, Visibility.OWN); StreamClient s = f.connect(f.terminal("anna"))) {
      JsonNode welcome = s.awaitFrame(fr -> fr.path("type").asText().equals("welcome"), WAIT);
      Terminal t = f.terminal("bob");
      assertThat(welcome.path("viewer").asText()).isEqualTo("user:" + f.anna);
      assertThat(welcome.path("spaces")).hasSize(2);
      assertThat(welcome.path("spaces").get(0).asText()).isEqualTo("shop:" + f.shop);
      assertThat(welcome.path("resume").path("shop:" + f.shop).asText()).isEqualTo("snapshot");
      assertThat(welcome.path("heartbeatSeconds").asLong()).isGreaterThanOrEqualTo(0);
      s.awaitFrame(fr -> fr.path("type").asText().equals("heartbeat"), WAIT);
      assertThat(s.frames().get(0).path("type").asText()).isEqualTo("welcome");
      assertThat(s.frames("snapshot")).hasSize(2).allSatisfy(snap -> {
        assertThat(snap.path("seq").asLong()).isZero();
        assertThat(snap.path("receipts")).isEmpty();
      });
      assertThat(s.violations()).isEmpty();
      assertThat(t.userId).isEqualTo(f.bob);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_device_that_cannot_share_follows_only_its_own_space(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind, Visibility.OWN)) {
      Terminal t = f.terminal("anna", DeviceModel.SMART);
      try (StreamClient s = f.connect(t)) {
        JsonNode welcome = s.awaitFrame(fr -> fr.path("type").asText().equals("welcome"), WAIT);
        assertThat(welcome.path("spaces")).hasSize(1);
        assertThat(welcome.path("spaces").get(0).asText()).isEqualTo("device:" + t.deviceId);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void unknown_tokens_are_closed_as_unauthorized(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind, Visibility.OWN)) {
      Terminal t = f.terminal("anna");
      StreamClient wrongDevice = StreamClient.connect(f.app.port(), "nope", t.sessionToken, new StreamClient.View());
      assertThat(wrongDevice.awaitClose(WAIT)).isEqualTo(CloseCodes.UNAUTHORIZED);
      assertThat(wrongDevice.closeReason()).isEqualTo("device_unknown");
      StreamClient wrongSession = StreamClient.connect(f.app.port(), t.deviceToken, "nope", new StreamClient.View());
      assertThat(wrongSession.awaitClose(WAIT)).isEqualTo(CloseCodes.UNAUTHORIZED);
      assertThat(wrongSession.closeReason()).isEqualTo("session_ended");
      assertThat(wrongDevice.frames()).isEmpty();
      assertThat(wrongSession.frames()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_first_message_that_is_not_a_hello_is_refused_and_silence_times_out(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind, Visibility.OWN)) {
      StreamClient garbage = StreamClient.connectRaw(f.app.port(), "{\"type\":\"command\"}");
      assertThat(garbage.awaitClose(WAIT)).isEqualTo(CloseCodes.BAD_MESSAGE);
      StreamClient badCursor = StreamClient.connectRaw(f.app.port(), "{\"type\":\"hello\",\"cursors\":{\"shop:1\":\"x\"}}");
      assertThat(badCursor.awaitClose(WAIT)).isEqualTo(CloseCodes.BAD_MESSAGE);
      assertThat(badCursor.closeReason()).contains("cursors.shop:1");
      StreamClient silent = StreamClient.connectRaw(f.app.port(), null);
      assertThat(silent.awaitClose(WAIT)).isEqualTo(CloseCodes.UNAUTHORIZED);
      assertThat(silent.closeReason()).isEqualTo("no hello");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_newer_stream_of_the_same_device_replaces_the_older(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind, Visibility.OWN)) {
      Terminal t = f.terminal("anna");
      StreamClient first = f.connect(t);
      first.awaitFrame(fr -> fr.path("type").asText().equals("welcome"), WAIT);
      try (StreamClient second = f.connect(t)) {
        assertThat(first.awaitClose(WAIT)).isEqualTo(CloseCodes.REPLACED);
        second.awaitFrame(fr -> fr.path("type").asText().equals("heartbeat"), WAIT);
        assertThat(second.closeCode()).isNull();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_logout_ends_the_stream_and_a_new_login_gets_a_fresh_view(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind, Visibility.OWN)) {
      Terminal anna = f.terminal("anna");
      StreamClient s = f.connect(anna);
      s.awaitFrame(fr -> fr.path("type").asText().equals("welcome"), WAIT);
      Terminal bob = f.login(anna, "bob"); // ends anna's session on this device
      assertThat(s.awaitClose(WAIT)).isEqualTo(CloseCodes.SESSION_ENDED);
      try (StreamClient again = f.connect(bob, s.view())) {
        JsonNode welcome = again.awaitFrame(fr -> fr.path("type").asText().equals("welcome"), WAIT);
        assertThat(welcome.path("viewer").asText()).isEqualTo("user:" + f.bob);
        assertThat(welcome.path("resume").path("shop:" + f.shop).asText()).isEqualTo("snapshot");
      }
    }
  }
}
