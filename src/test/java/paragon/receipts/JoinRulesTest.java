package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import paragon.configuration.EffectiveConfig.SharingBlock;
import paragon.configuration.Visibility;

/** The pure rule of a device's local receipts joining its shop (JoinRules). */
class JoinRulesTest {
  private static final String LOCAL = "device:4";
  private static final String SHOP = "shop:" + Rig.SHOP;
  private static final Context C = new Context(
      Rig.actor(4, 1, Set.of(), Rig.config(true, true, SharingBlock.PLAN, Visibility.ALL)), 1, 5_000, Rig.NAMES);

  private static Line line(String id) {
    return new Line(id, null, "Piwo", 1250, 1000, Vat.of("23"), null, false);
  }

  private static Receipt table(String space, String slot, int lines, String note, int guests) {
    List<Line> ls = new ArrayList<>();
    for (int i = 0; i < lines; i++) ls.add(line(space + "-" + slot + "-" + i));
    return ReceiptRules.fresh(DerivedIds.table(space, slot, 1), space, slot, 1L, null, "Stolik 3", null, Kind.TABLE,
            false, null, C)
        .with(b -> b.lines(ls).note(note).guests(guests));
  }

  /** An ad-hoc receipt numbered {@code number}, called {@code name} by a cashier, or by its default name when null. */
  private static Receipt adHoc(String id, long number, String name) {
    Receipt r = name == null
        ? ReceiptRules.fresh(id, LOCAL, null, null, number, DefaultName.sale(number), Kind.AD_HOC, false, null, C)
        : ReceiptRules.fresh(id, LOCAL, null, null, number, name, null, Kind.AD_HOC, false, null, C);
    return r.with(b -> b.lines(List.of(line(id))));
  }

  @Test
  void a_table_merges_into_the_shops_with_both_notes_and_the_guests_added_up_to_the_limits() {
    Receipt local = table(LOCAL, "t3", 2, "x".repeat(150), 600);
    Receipt shop = table(SHOP, "t3", 1, "y".repeat(100), 500);
    List<JoinRules.Step> steps =
        JoinRules.join(List.of(local), SHOP, Map.of("t3", shop), Map.of("t3", 1L), Set.of(), Rig.NAMES, 9);
    assertThat(steps).hasSize(2);
    Receipt gone = steps.get(0).receipt();
    assertThat(gone.state()).isEqualTo(State.DELETED);
    assertThat(gone.space()).isEqualTo(LOCAL);
    assertThat(steps.get(0).audit()).containsEntry("joinedReceiptId", shop.id());
    Receipt merged = steps.get(1).receipt();
    assertThat(merged.id()).isEqualTo(shop.id());
    assertThat(merged.lines()).hasSize(3);
    assertThat(merged.guests()).isEqualTo(Limits.MAX_GUESTS);
    assertThat(merged.note()).hasSize(Limits.MAX_NOTE).startsWith("y".repeat(100) + " · x");
    assertThat(steps.get(1).audit()).containsEntry("mergedReceiptId", local.id());
  }

  @Test
  void a_table_the_shop_has_not_open_moves_under_the_shops_id_of_its_current_generation() {
    Receipt local = table(LOCAL, "t3", 1, "okno", 2).withLease(new Receipt.Lease(4, 1, "Anna", 99_000));
    List<JoinRules.Step> steps =
        JoinRules.join(List.of(local), SHOP, Map.of(), Map.of("t3", 4L), Set.of(), Rig.NAMES, 9);
    Receipt moved = steps.get(1).receipt();
    assertThat(moved.id()).isEqualTo(DerivedIds.table(SHOP, "t3", 4));
    assertThat(moved.generation()).isEqualTo(4);
    assertThat(moved.state()).as("the lease named the local id").isEqualTo(State.OPEN);
    assertThat(moved.note()).isEqualTo("okno");
    assertThat(moved.guests()).isEqualTo(2);
    assertThat(moved.lines()).isEqualTo(local.lines());
  }

  @Test
  void ad_hoc_receipts_keep_their_id_and_take_free_numbers_and_only_untouched_names_follow_the_number() {
    Receipt untouched = adHoc("a", 1, null);
    Receipt renamed = adHoc("b", 2, "Pan w kapeluszu");
    List<JoinRules.Step> steps = JoinRules.join(List.of(untouched, renamed), SHOP, Map.of(), Map.of(),
        Set.of("Sprzedaż 1", "Sale 3"), Rig.NAMES, 9);
    assertThat(steps).extracting(JoinRules.Step::rowOnly).containsExactly(true, true, false, false);
    assertThat(steps.get(0).receipt().space()).isEqualTo(LOCAL);
    assertThat(steps.get(0).receipt().state()).isEqualTo(State.DELETED);
    Receipt a = steps.get(2).receipt();
    Receipt b = steps.get(3).receipt();
    assertThat(a.id()).isEqualTo("a");
    assertThat(a.space()).isEqualTo(SHOP);
    assertThat(a.number()).isEqualTo(2);
    assertThat(a.name()).isEqualTo("Sprzedaż 2");
    assertThat(a.defaultName()).isEqualTo(DefaultName.sale(2));
    assertThat(b.defaultName()).as("a cashier's name stays theirs").isNull();
    assertThat(b.number()).isEqualTo(4);
    assertThat(b.name()).isEqualTo("Pan w kapeluszu");
  }

  @Test
  void a_table_too_full_to_merge_moves_as_an_ordinary_receipt_under_its_name() {
    Receipt local = table(LOCAL, "t3", 300, null, 0);
    Receipt shop = table(SHOP, "t3", Limits.MAX_LINES - 299, null, 0);
    List<JoinRules.Step> steps =
        JoinRules.join(List.of(local), SHOP, Map.of("t3", shop), Map.of(), Set.of(), Rig.NAMES, 9);
    Receipt moved = steps.get(1).receipt();
    assertThat(moved.id()).isEqualTo(local.id());
    assertThat(moved.kind()).isEqualTo(Kind.AD_HOC);
    assertThat(moved.slotId()).isNull();
    assertThat(moved.name()).isEqualTo("Stolik 3");
    assertThat(moved.lines()).hasSize(300);
  }

  @Test
  void two_notes_meet_by_one_rule_and_only_the_join_cuts_at_the_limit() {
    assertThat(MoveRules.joinNotes("okno", "bez cukru")).isEqualTo("okno · bez cukru");
    assertThat(MoveRules.joinNotes("okno", "okno")).as("not repeated").isEqualTo("okno");
    assertThat(MoveRules.joinNotes("okno", " ")).isEqualTo("okno");
    assertThat(MoveRules.joinNotes(null, "bez cukru")).isEqualTo("bez cukru");
    assertThat(MoveRules.joinNotes(null, null)).isNull();
    assertThat(JoinRules.notes("x".repeat(150), "y".repeat(100))).hasSize(Limits.MAX_NOTE);
    assertThat(JoinRules.notes("okno", "bez cukru")).isEqualTo(MoveRules.joinNotes("okno", "bez cukru"));
  }
}
