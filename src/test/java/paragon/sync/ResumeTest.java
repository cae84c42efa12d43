package paragon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResumeTest {
  @Test
  void a_known_recent_cursor_for_the_same_viewer_resumes_with_changes() {
    assertThat(Resume.decide(40L, true, 42, 1000, true)).isEqualTo(Resume.CHANGES);
    assertThat(Resume.decide(42L, true, 42, 1000, false)).isEqualTo(Resume.CHANGES);
    assertThat(Resume.decide(0L, true, 0, 1000, false)).isEqualTo(Resume.CHANGES);
  }

  @Test
  void no_cursor_gets_a_snapshot() {
    assertThat(Resume.decide(null, true, 42, 1000, true)).isEqualTo(Resume.SNAPSHOT);
  }

  @Test
  void a_cursor_filtered_for_another_viewer_gets_a_snapshot() {
    assertThat(Resume.decide(42L, false, 42, 1000, false)).isEqualTo(Resume.SNAPSHOT);
  }

  @Test
  void a_cursor_in_the_future_gets_a_snapshot() {
    assertThat(Resume.decide(43L, true, 42, 1000, false)).isEqualTo(Resume.SNAPSHOT);
  }

  @Test
  void a_cursor_too_far_behind_gets_a_snapshot() {
    assertThat(Resume.decide(41L, true, 1041, 1000, true)).isEqualTo(Resume.CHANGES);
    assertThat(Resume.decide(41L, true, 1042, 1000, true)).isEqualTo(Resume.SNAPSHOT);
  }

  @Test
  void a_cursor_whose_next_change_is_gone_gets_a_snapshot() {
    assertThat(Resume.decide(40L, true, 42, 1000, false)).isEqualTo(Resume.SNAPSHOT);
  }
}
