package paragon.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The heartbeat's spread (issue 11: no stall at a heartbeat): every stream beaten exactly once per
 * interval, in slices of about 25 ms, and verified exactly once every four intervals, by at most
 * twenty reads per interval however small the slices.
 */
class HeartbeatSlicesTest {
  private static final int STREAMS = 10_000;

  @ParameterizedTest
  @ValueSource(longs = {1, 30, 200, 2_000, 15_000, 60_000})
  void every_stream_beats_once_per_interval_and_is_verified_once_in_four(long heartbeatMillis) {
    HeartbeatSlices s = HeartbeatSlices.of(heartbeatMillis);
    int ticksPerRound = s.slices();
    long rounds = HeartbeatSlices.VERIFY_ROUNDS;
    Map<Long, Integer> beats = new HashMap<>();
    Map<Long, Integer> verified = new HashMap<>();
    int verifyingTicks = 0;
    for (long tick = 0; tick < rounds * ticksPerRound; tick++) {
      if (s.verifiesAny(tick)) verifyingTicks++;
      int largestBeat = 0;
      for (long id = 1; id <= STREAMS; id++) {
        if (s.beats(tick, id)) {
          beats.merge(id, 1, Integer::sum);
          largestBeat++;
        }
        if (s.verifies(tick, id)) {
          assertThat(s.verifiesAny(tick)).as("tick %d verifies %d", tick, id).isTrue();
          verified.merge(id, 1, Integer::sum);
        }
      }
      assertThat(largestBeat).as("streams beaten at tick %d", tick).isLessThanOrEqualTo(Math.ceilDiv(STREAMS, ticksPerRound));
    }
    assertThat(beats).hasSize(STREAMS);
    assertThat(Set.copyOf(beats.values())).as("beats per stream in %d intervals", rounds).containsExactly((int) rounds);
    assertThat(verified).hasSize(STREAMS);
    assertThat(Set.copyOf(verified.values())).as("verifications per stream").containsExactly(1);
    assertThat(verifyingTicks).as("verification reads in %d intervals", rounds)
        .isLessThanOrEqualTo(HeartbeatSlices.VERIFY_GROUPS);
  }

  @ParameterizedTest
  @ValueSource(longs = {100, 2_000, 15_000})
  void a_slice_is_about_25_ms(long heartbeatMillis) {
    HeartbeatSlices s = HeartbeatSlices.of(heartbeatMillis);
    assertThat(s.periodMillis(heartbeatMillis)).isEqualTo(HeartbeatSlices.MIN_SLICE_MS);
    assertThat(s.slices()).isEqualTo((int) (heartbeatMillis / HeartbeatSlices.MIN_SLICE_MS));
  }

  @org.junit.jupiter.api.Test
  void a_long_heartbeat_has_at_most_a_thousand_slices_and_negative_ids_are_served() {
    HeartbeatSlices s = HeartbeatSlices.of(3_600_000);
    assertThat(s.slices()).isEqualTo(HeartbeatSlices.MAX_SLICES);
    assertThat(s.periodMillis(3_600_000)).isEqualTo(3_600);
    Set<Long> ticks = new HashSet<>();
    for (long tick = 0; tick < s.slices(); tick++) if (s.beats(tick, -7)) ticks.add(tick);
    assertThat(ticks).hasSize(1);
    assertThatThrownBy(() -> new HeartbeatSlices(0, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
