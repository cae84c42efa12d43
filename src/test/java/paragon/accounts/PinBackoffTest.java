package paragon.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PinBackoffTest {

  @Test
  void three_attempts_are_free_then_the_wait_doubles_up_to_five_minutes() {
    List<Long> seconds = new ArrayList<>();
    for (long failures = 1; failures <= 14; failures++) seconds.add(PinBackoff.waitMillis(failures) / 1000);
    assertThat(seconds).containsExactly(0L, 0L, 1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L, 300L);
    assertThat(PinBackoff.waitMillis(Long.MAX_VALUE)).as("no overflow at any count").isEqualTo(300_000);
  }
}
