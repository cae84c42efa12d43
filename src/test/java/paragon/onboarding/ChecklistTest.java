package paragon.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import paragon.configuration.ConfigSnapshot;
import paragon.configuration.LoginMode;
import paragon.configuration.Plan;
import paragon.configuration.Visibility;

class ChecklistTest {

  private static ConfigSnapshot snapshot(List<ConfigSnapshot.User> users) {
    return new ConfigSnapshot(1, 3, "Bistro", "pl", Plan.MAX, false, Visibility.OWN, false, LoginMode.PIN,
        List.of(), List.of(new ConfigSnapshot.Shop(10, "Rynek", true, List.of())), List.of(), users, List.of(),
        List.of(), List.of());
  }

  private static boolean done(Checklist c, String key) {
    return c.items().stream().filter(i -> i.key().equals(key)).findFirst().orElseThrow().done();
  }

  @Test
  void only_a_user_who_can_log_in_ticks_the_users_item() {
    // An archived user stays in the snapshot marked disabled (history), and a disabled one cannot log in.
    var gone = new ConfigSnapshot.User(1, "anna", "Anna", 5, true);
    assertThat(done(Checklist.of(snapshot(List.of(gone)), false), "users")).isFalse();
    var active = new ConfigSnapshot.User(2, "ola", "Ola", 5, false);
    Checklist c = Checklist.of(snapshot(List.of(gone, active)), false);
    assertThat(done(c, "users")).isTrue();
    assertThat(done(c, "products")).isFalse();
    assertThat(done(c, "devices")).isFalse();
    assertThat(c.done()).isEqualTo(1);
  }
}
