package paragon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.Visibility;
import paragon.demo.Seed;
import paragon.testing.MutableClock;
import paragon.testing.StreamClient;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/** Archiving a device or a user in the back office closes their streams at once, as revoking does. */
class StreamArchivingTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void archiving_a_device_or_a_user_closes_their_streams_at_once(TestDatabases.Kind kind) {
    // A heartbeat of a minute: the cut-off must come from the archiving itself, not from a re-check.
    StreamSettings slowBeat = new StreamSettings(64, Duration.ofMinutes(1), Duration.ofSeconds(5),
        Duration.ofSeconds(5), 1000);
    try (Floor f = new Floor(TestDatabases.open(kind), new MutableClock(), Visibility.ALL, slowBeat)) {
      Terminal a = f.terminal("anna");
      Terminal b = f.terminal("bob");
      f.app.db.inTransaction(h -> Seed.owner(h, f.account, "szef@bistro.pl", "Szef",
          "correct horse battery", f.app.clock.millis()));
      WebClient owner = f.app.client();
      owner.get("/backoffice/login");
      assertThat(owner.postForm("/backoffice/login", Map.of("email", "szef@bistro.pl",
          "password", "correct horse battery")).status()).isEqualTo(303);
      owner.get("/backoffice/devices");
      try (StreamClient sa = f.connect(a); StreamClient sb = f.connect(b)) {
        StreamScenarioTest.welcomed(sa);
        StreamScenarioTest.welcomed(sb);
        assertThat(owner.postForm("/backoffice/devices/" + a.deviceId + "/archive", Map.of()).status())
            .isEqualTo(303);
        assertThat(sa.awaitClose(Duration.ofSeconds(5))).isEqualTo(CloseCodes.CUT_OFF);
        assertThat(sa.closeReason()).isEqualTo("device revoked");
        assertThat(sb.closeCode()).isNull();

        assertThat(owner.postForm("/backoffice/users/" + b.userId + "/archive", Map.of()).status())
            .isEqualTo(303);
        assertThat(sb.awaitClose(Duration.ofSeconds(5))).isEqualTo(CloseCodes.CUT_OFF);
        assertThat(sb.closeReason()).isEqualTo("user cut off");
      }
    }
  }
}
