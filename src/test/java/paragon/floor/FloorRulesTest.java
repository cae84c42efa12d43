package paragon.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import paragon.web.FieldErrors;

/** The floor plan's pure rules: what a valid plan is, and the editing steps of the plain form. */
class FloorRulesTest {
  private static final Set<String> SLOTS = Set.of("a", "b", "c");

  private static FloorRules.Form form(List<FloorRules.RoomRow> rooms, FloorRules.TableRow... tables) {
    return new FloorRules.Form("90", rooms, List.of(tables));
  }

  private static FloorRules.TableRow at(String slot, String room, int x, int y) {
    return new FloorRules.TableRow(slot, room, String.valueOf(x), String.valueOf(y), "round", "4");
  }

  @Test
  void a_plan_on_the_grid_is_valid_and_unplaced_tables_are_left_out() {
    FieldErrors errors = new FieldErrors();
    FloorRules.Valid v = FloorRules.validate(form(List.of(new FloorRules.RoomRow("", " Sala ")),
        at("a", "0", 0, 0), at("b", "0", 23, 15), new FloorRules.TableRow("c", "", "", "", "oval", "")), SLOTS, errors);
    assertThat(errors.isEmpty()).as("%s", errors).isTrue();
    assertThat(v.rooms()).containsExactly(new FloorRules.ValidRoom(null, "Sala"));
    assertThat(v.tables()).extracting(FloorRules.ValidTable::slotId).containsExactly("a", "b");
    assertThat(v.openTooLongMinutes()).isEqualTo(90);
  }

  @Test
  void the_same_cell_in_two_rooms_is_fine_but_not_twice_in_one() {
    List<FloorRules.RoomRow> rooms = List.of(new FloorRules.RoomRow("", "Sala"), new FloorRules.RoomRow("", "Taras"));
    FieldErrors ok = new FieldErrors();
    assertThat(FloorRules.validate(form(rooms, at("a", "0", 4, 4), at("b", "1", 4, 4)), SLOTS, ok)).isNotNull();
    FieldErrors taken = new FieldErrors();
    assertThat(FloorRules.validate(form(rooms, at("a", "1", 4, 4), at("b", "1", 4, 4)), SLOTS, taken)).isNull();
    assertThat(taken.all()).containsOnlyKeys("tables[1].x");
  }

  @Test
  void a_slot_sent_twice_or_not_on_the_list_is_named() {
    FieldErrors errors = new FieldErrors();
    List<FloorRules.RoomRow> rooms = List.of(new FloorRules.RoomRow("", "Sala"));
    assertThat(FloorRules.validate(form(rooms, at("a", "0", 1, 1), at("a", "0", 2, 2), at("z", "0", 3, 3)), SLOTS,
        errors)).isNull();
    assertThat(errors.all()).containsOnlyKeys("tables[1].slotId", "tables[2].slotId");
  }

  @Test
  void removing_a_room_unplaces_its_tables_and_the_later_rooms_keep_theirs() {
    List<FloorRules.RoomRow> rooms = List.of(new FloorRules.RoomRow("1", "A"), new FloorRules.RoomRow("2", "B"),
        new FloorRules.RoomRow("3", "C"));
    FloorRules.Form f = form(rooms, at("a", "0", 1, 1), at("b", "1", 2, 2), at("c", "2", 3, 3));
    FloorRules.Form removed = FloorRules.edit(f, "removeRoom:1", new FieldErrors());
    assertThat(removed.rooms()).extracting(FloorRules.RoomRow::name).containsExactly("A", "C");
    assertThat(removed.tables()).extracting(FloorRules.TableRow::room).containsExactly("0", "", "1");
    FloorRules.Form up = FloorRules.edit(f, "upRoom:2", new FieldErrors());
    assertThat(up.rooms()).extracting(FloorRules.RoomRow::name).containsExactly("A", "C", "B");
    assertThat(up.tables()).extracting(FloorRules.TableRow::room).containsExactly("0", "2", "1");
    FloorRules.Form first = FloorRules.edit(f, "upRoom:0", new FieldErrors());
    assertThat(first.tables()).extracting(FloorRules.TableRow::room).containsExactly("0", "1", "2");
    assertThat(FloorRules.edit(f, "addRoom", new FieldErrors()).rooms()).hasSize(4);
  }
}
