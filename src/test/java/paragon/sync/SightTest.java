package paragon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import paragon.accounts.Permission;
import paragon.configuration.Visibility;
import paragon.receipts.Kind;
import paragon.receipts.ReceiptView;
import paragon.receipts.State;
import paragon.receipts.Viewer;

class SightTest {
  private static final long ANNA = 1, BOB = 2, CHEF = 3;
  private static final long WAITER = 10, MANAGER = 11;

  static ReceiptView receipt(Kind kind, State state, long owner, long ownerRole) {
    return new ReceiptView("3f1c2e0a-3d4b-5c6d-8e7f-9a0b1c2d3e4f", "shop:1", 1,
        kind == Kind.TABLE ? "slot-4" : null, kind == Kind.TABLE ? 1L : null, kind == Kind.TABLE ? "Stolik 4" : "Sprzedaż 2",
        null, kind, state, owner, ownerRole, 5, false, null, "okno", 2, null,
        List.of(new ReceiptView.LineView("line-1", 12L, "Kawa", 900, 2000, "23", null, false, 1800)),
        1800, 7, 7, 1000, 2000);
  }

  private static Viewer viewer(long user, long role, Visibility mode, Permission... permissions) {
    Set<Permission> set = EnumSet.noneOf(Permission.class);
    set.addAll(Set.of(permissions));
    return new Viewer(user, role, set, mode);
  }

  @Test
  void a_visible_receipt_is_seen_in_full_in_every_state() {
    for (State state : State.values()) {
      for (Kind kind : Kind.values()) {
        ReceiptView r = receipt(kind, state, ANNA, WAITER);
        assertThat(Sight.of(r, viewer(ANNA, WAITER, Visibility.OWN))).isEqualTo(new Sight.Full(r));
      }
    }
  }

  @Test
  void own_mode_shows_another_users_open_table_as_occupied_without_contents() {
    ReceiptView table = receipt(Kind.TABLE, State.OPEN, BOB, WAITER);
    Sight sight = Sight.of(table, viewer(ANNA, WAITER, Visibility.OWN));
    assertThat(sight).isEqualTo(new Sight.Occupied(table.id(), "slot-4", "Stolik 4", Kind.TABLE, State.OPEN));
    assertThat(Sight.of(receipt(Kind.TABLE, State.PAYING, BOB, WAITER), viewer(ANNA, WAITER, Visibility.OWN)))
        .isInstanceOf(Sight.Occupied.class);
  }

  @Test
  void own_mode_hides_another_users_ad_hoc_receipt_entirely() {
    ReceiptView sale = receipt(Kind.AD_HOC, State.OPEN, BOB, WAITER);
    assertThat(Sight.of(sale, viewer(ANNA, WAITER, Visibility.OWN))).isEqualTo(new Sight.Gone(sale.id()));
  }

  @Test
  void a_closed_or_deleted_receipt_the_viewer_may_not_see_is_gone_even_a_table() {
    for (State state : List.of(State.CLOSED, State.DELETED)) {
      for (Kind kind : Kind.values()) {
        ReceiptView r = receipt(kind, state, BOB, WAITER);
        assertThat(Sight.of(r, viewer(ANNA, WAITER, Visibility.OWN))).isEqualTo(new Sight.Gone(r.id()));
      }
    }
  }

  @Test
  void same_role_mode_follows_the_owners_role() {
    Viewer anna = viewer(ANNA, WAITER, Visibility.SAME_ROLE);
    assertThat(Sight.of(receipt(Kind.AD_HOC, State.OPEN, BOB, WAITER), anna)).isInstanceOf(Sight.Full.class);
    assertThat(Sight.of(receipt(Kind.AD_HOC, State.OPEN, CHEF, MANAGER), anna)).isInstanceOf(Sight.Gone.class);
    assertThat(Sight.of(receipt(Kind.TABLE, State.OPEN, CHEF, MANAGER), anna)).isInstanceOf(Sight.Occupied.class);
  }

  @Test
  void all_mode_and_the_see_all_permission_show_everything_in_full() {
    ReceiptView chefs = receipt(Kind.AD_HOC, State.OPEN, CHEF, MANAGER);
    assertThat(Sight.of(chefs, viewer(ANNA, WAITER, Visibility.ALL))).isEqualTo(new Sight.Full(chefs));
    ReceiptView annas = receipt(Kind.TABLE, State.OPEN, ANNA, WAITER);
    for (Visibility mode : Visibility.values()) {
      assertThat(Sight.of(annas, viewer(CHEF, MANAGER, mode, Permission.SEE_ALL_RECEIPTS))).as(mode.name())
          .isEqualTo(new Sight.Full(annas));
    }
  }

  @Test
  void a_reassignment_moves_the_receipt_from_one_viewer_to_the_other() {
    Viewer anna = viewer(ANNA, WAITER, Visibility.OWN);
    Viewer bob = viewer(BOB, WAITER, Visibility.OWN);
    ReceiptView before = receipt(Kind.AD_HOC, State.OPEN, ANNA, WAITER);
    ReceiptView after = receipt(Kind.AD_HOC, State.OPEN, BOB, WAITER);
    assertThat(Sight.of(before, anna)).isInstanceOf(Sight.Full.class);
    assertThat(Sight.of(before, bob)).isInstanceOf(Sight.Gone.class);
    assertThat(Sight.of(after, anna)).isInstanceOf(Sight.Gone.class);
    assertThat(Sight.of(after, bob)).isInstanceOf(Sight.Full.class);
  }
}
