package paragon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import paragon.testing.MutableClock;

class TokenBucketsTest {

  @Test
  void a_key_spends_its_burst_then_waits_for_the_refill_and_others_are_not_affected() {
    MutableClock clock = new MutableClock();
    TokenBuckets buckets = TokenBuckets.of(clock, 2, 4, 100);
    for (int i = 0; i < 4; i++) assertThat(buckets.take("a")).as("request %d", i).isZero();
    assertThat(buckets.take("a")).as("a token every 500 ms").isEqualTo(500);
    assertThat(buckets.take("b")).as("another key has its own bucket").isZero();
    clock.advance(Duration.ofMillis(499));
    assertThat(buckets.take("a")).isEqualTo(1);
    clock.advance(Duration.ofMillis(1));
    assertThat(buckets.take("a")).isZero();
    clock.advance(Duration.ofDays(365));
    for (int i = 0; i < 4; i++) assertThat(buckets.take("a")).as("a long pause refills the burst, no more").isZero();
    assertThat(buckets.take("a")).isPositive();
  }

  @Test
  void keys_are_bounded_and_an_evicted_key_comes_back_with_a_full_bucket() {
    MutableClock clock = new MutableClock();
    TokenBuckets buckets = TokenBuckets.of(clock, 1, 1, 3);
    assertThat(buckets.take("a")).isZero();
    assertThat(buckets.take("a")).isPositive();
    for (String k : new String[] {"b", "c", "d"}) buckets.take(k);
    assertThat(buckets.keys()).isEqualTo(3);
    assertThat(buckets.take("a")).as("evicted: forgotten, never blocked").isZero();
  }
}
