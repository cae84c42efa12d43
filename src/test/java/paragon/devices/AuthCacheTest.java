package paragon.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import paragon.testing.MutableClock;

/** The auth cache's rules, without a database: what it keeps, forgets and reads again. */
class AuthCacheTest {
  private final MutableClock clock = new MutableClock();
  private final AuthCache<String, Long> cache = new AuthCache<>(clock, 60_000, 3);

  @Test
  void an_answer_is_kept_until_its_entry_is_forgotten() {
    cache.put("a", 1L, cache.stamp());
    cache.put("b", 2L, cache.stamp());
    assertThat(cache.get("a")).isEqualTo(1L);
    cache.forget(v -> v == 1L);
    assertThat(cache.get("a")).isNull();
    assertThat(cache.get("b")).isEqualTo(2L);
  }

  @Test
  void a_read_that_started_before_an_event_is_not_kept() {
    long stamp = cache.stamp(); // the read begins, sees the row before the change
    cache.forget(v -> true); // the change commits and its event arrives (nothing cached yet)
    cache.put("a", 1L, stamp); // the read ends: its answer may be stale
    assertThat(cache.get("a")).isNull();
    cache.put("a", 1L, cache.stamp());
    assertThat(cache.get("a")).as("a read after the event is kept").isEqualTo(1L);
  }

  @Test
  void an_entry_is_read_again_after_its_maximum_age_or_when_the_clock_goes_back() {
    cache.put("a", 1L, cache.stamp());
    clock.advance(Duration.ofSeconds(59));
    assertThat(cache.get("a")).isEqualTo(1L);
    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.get("a")).isNull();
    cache.put("b", 2L, cache.stamp());
    clock.advance(Duration.ofSeconds(-1));
    assertThat(cache.get("b")).isNull();
  }

  @Test
  void the_cache_never_holds_more_than_its_capacity() {
    for (int i = 0; i < 10; i++) {
      cache.put("k" + i, (long) i, cache.stamp());
      assertThat(cache.size()).isLessThanOrEqualTo(3);
    }
    assertThat(cache.get("k9")).isEqualTo(9L);
  }
}
