package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import paragon.accounts.Permission;
import paragon.configuration.Visibility;

class ViewerTest {
  private static final long ANNA = 1, BOB = 2, CHEF = 3;
  private static final long WAITER = 10, MANAGER = 11;

  private static Viewer viewer(long user, long role, Visibility mode, Permission... permissions) {
    Set<Permission> set = EnumSet.noneOf(Permission.class);
    set.addAll(Set.of(permissions));
    return new Viewer(user, role, set, mode);
  }

  @Test
  void own_mode_sees_only_receipts_the_user_owns() {
    Viewer anna = viewer(ANNA, WAITER, Visibility.OWN);
    assertThat(anna.sees(ANNA, WAITER)).isTrue();
    assertThat(anna.sees(BOB, WAITER)).isFalse();
    assertThat(anna.sees(CHEF, MANAGER)).isFalse();
  }

  @Test
  void same_role_mode_sees_receipts_of_users_with_the_same_role() {
    Viewer anna = viewer(ANNA, WAITER, Visibility.SAME_ROLE);
    assertThat(anna.sees(ANNA, WAITER)).isTrue();
    assertThat(anna.sees(BOB, WAITER)).isTrue();
    assertThat(anna.sees(CHEF, MANAGER)).isFalse();
  }

  @Test
  void all_mode_sees_every_receipt() {
    Viewer anna = viewer(ANNA, WAITER, Visibility.ALL);
    assertThat(anna.sees(BOB, WAITER)).isTrue();
    assertThat(anna.sees(CHEF, MANAGER)).isTrue();
  }

  @Test
  void see_all_permission_wins_over_own_and_same_role() {
    for (Visibility mode : Visibility.values()) {
      Viewer chef = viewer(CHEF, MANAGER, mode, Permission.SEE_ALL_RECEIPTS);
      assertThat(chef.sees(ANNA, WAITER)).as(mode.name()).isTrue();
      assertThat(chef.sees(CHEF, MANAGER)).as(mode.name()).isTrue();
    }
  }

  @Test
  void other_permissions_do_not_widen_visibility() {
    Viewer anna = viewer(ANNA, WAITER, Visibility.OWN, Permission.VOID_LINES, Permission.REASSIGN_RECEIPTS,
        Permission.BREAK_PAYMENT_LOCK, Permission.CHANGE_PRICES);
    assertThat(anna.sees(BOB, WAITER)).isFalse();
  }

  @Test
  void key_changes_exactly_when_the_visible_set_can_change() {
    assertThat(viewer(ANNA, WAITER, Visibility.OWN).key()).isEqualTo("user:1");
    assertThat(viewer(ANNA, WAITER, Visibility.OWN).key()).isNotEqualTo(viewer(BOB, WAITER, Visibility.OWN).key());
    // Two waiters under SAME_ROLE see the same receipts: switching between them needs no snapshot.
    assertThat(viewer(ANNA, WAITER, Visibility.SAME_ROLE).key()).isEqualTo(viewer(BOB, WAITER, Visibility.SAME_ROLE).key());
    assertThat(viewer(ANNA, WAITER, Visibility.SAME_ROLE).key()).isNotEqualTo(viewer(CHEF,
        MANAGER, Visibility.SAME_ROLE).key());
    assertThat(viewer(ANNA, WAITER, Visibility.ALL).key())
        .isEqualTo(viewer(CHEF, MANAGER, Visibility.OWN, Permission.SEE_ALL_RECEIPTS).key());
  }
}
