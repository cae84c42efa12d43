package paragon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import paragon.testing.MutableClock;

class FailureLimitTest {
  private final MutableClock clock = new MutableClock();

  @Test
  void the_eleventh_attempt_within_a_minute_waits_until_the_oldest_failure_is_a_minute_old() {
    FailureLimit limit = new FailureLimit(clock, 10, Duration.ofMinutes(1), 100);
    for (int i = 0; i < 10; i++) {
      assertThat(limit.retryAfter("a")).isZero();
      limit.failed("a");
      clock.advance(Duration.ofSeconds(2));
    }
    assertThat(limit.retryAfter("a")).isEqualTo(Duration.ofSeconds(40));
    assertThat(limit.retryAfter("b")).as("another key is not limited").isZero();
    clock.advance(Duration.ofSeconds(40));
    assertThat(limit.retryAfter("a")).as("the oldest failure aged out: one more try").isZero();
    limit.failed("a");
    assertThat(limit.retryAfter("a")).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void a_success_forgets_the_failures() {
    FailureLimit limit = new FailureLimit(clock, 3, Duration.ofMinutes(1), 100);
    limit.failed("a");
    limit.failed("a");
    limit.succeeded("a");
    limit.failed("a");
    limit.failed("a");
    assertThat(limit.retryAfter("a")).isZero();
    limit.failed("a");
    assertThat(limit.retryAfter("a")).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void keys_are_bounded_and_aged_out_keys_are_dropped() {
    FailureLimit limit = new FailureLimit(clock, 2, Duration.ofMinutes(1), 50);
    for (int i = 0; i < 1000; i++) limit.failed("ip-" + i);
    assertThat(limit.keys()).isEqualTo(50);
    assertThat(limit.retryAfter("ip-0")).as("evicted first, it only forgot its failure").isZero();
    clock.advance(Duration.ofMinutes(2));
    for (int i = 0; i < 20; i++) limit.failed("late-" + i);
    assertThat(limit.keys()).as("the old keys are swept as new failures come").isLessThan(50);
    assertThat(limit.retryAfter("ip-999")).isZero();
  }
}
