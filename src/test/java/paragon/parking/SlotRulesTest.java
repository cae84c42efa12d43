package paragon.parking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import paragon.web.FieldErrors;
import paragon.web.Problem;

class SlotRulesTest {
  private static SlotRules.Row row(String name) {
    return new SlotRules.Row("", name);
  }

  @Test
  void names_are_trimmed_and_ids_kept() {
    String id = UUID.randomUUID().toString();
    FieldErrors errors = new FieldErrors();
    var valid = SlotRules.validate(List.of(new SlotRules.Row(id, "  Stolik 1 "), row("Taras")), errors);
    assertThat(valid).containsExactly(new SlotRules.Valid(id, "Stolik 1"), new SlotRules.Valid(null, "Taras"));
  }

  @Test
  void empty_and_too_long_names_are_errors_on_their_rows() {
    FieldErrors errors = new FieldErrors();
    assertThat(SlotRules.validate(List.of(row("ok"), row("   "),
        row("x".repeat(41)), row("y".repeat(40))), errors)).isNull();
    assertThat(errors.all().keySet()).containsExactlyInAnyOrder("slots[1].name", "slots[2].name");
    assertThat(errors.all().get("slots[1].name").key()).isEqualTo("parking.name.length");
  }

  @Test
  void names_must_differ_ignoring_case_and_the_later_one_is_marked() {
    FieldErrors errors = new FieldErrors();
    assertThat(SlotRules.validate(List.of(row("Stolik 1"), row("Bar"), row(" STOLIK 1"),
        row("żółw"), row("ŻÓŁW")), errors)).isNull();
    assertThat(errors.all().keySet()).containsExactlyInAnyOrder("slots[2].name", "slots[4].name");
    assertThat(errors.all().get("slots[2].name").args()).containsExactly("Stolik 1");
  }

  @Test
  void at_most_two_hundred_per_list() {
    List<SlotRules.Row> rows = new ArrayList<>();
    for (int i = 1; i <= 200; i++) rows.add(row("T" + i));
    assertThat(SlotRules.validate(rows, new FieldErrors())).hasSize(200);
    rows.add(row("T201"));
    FieldErrors errors = new FieldErrors();
    assertThat(SlotRules.validate(rows, errors)).isNull();
    assertThat(errors.all().keySet()).containsExactly("slots");
    FieldErrors addErrors = new FieldErrors();
    assertThat(SlotRules.edit(rows.subList(0, 200), "add", addErrors)).hasSize(200);
    assertThat(addErrors.has("slots")).isTrue();
  }

  @Test
  void editing_adds_removes_and_moves_rows_as_typed() {
    var rows = List.of(row("A"), row("B "), row("C"));
    FieldErrors errors = new FieldErrors();
    assertThat(SlotRules.edit(rows, "add", errors)).extracting(SlotRules.Row::name).containsExactly("A", "B ", "C", "");
    assertThat(SlotRules.edit(rows, "remove:1", errors)).extracting(SlotRules.Row::name).containsExactly("A", "C");
    assertThat(SlotRules.edit(rows, "up:2", errors)).extracting(SlotRules.Row::name).containsExactly("A", "C", "B ");
    assertThat(SlotRules.edit(rows, "down:0", errors)).extracting(SlotRules.Row::name).containsExactly("B ", "A", "C");
    assertThat(SlotRules.edit(rows, "up:0", errors)).extracting(SlotRules.Row::name).containsExactly("A", "B ", "C");
    assertThat(SlotRules.edit(rows, "down:2", errors)).extracting(SlotRules.Row::name).containsExactly("A", "B ", "C");
    assertThat(errors.isEmpty()).isTrue();
    for (String bad : new String[] {"remove:3", "up:-1", "jump:1", "remove", "up:x"}) {
      assertThatThrownBy(() -> SlotRules.edit(rows, bad, new FieldErrors())).as(bad).isInstanceOf(Problem.class);
    }
  }

  @Test
  void ids_sent_back_must_be_uuids_and_not_repeated() {
    String id = UUID.randomUUID().toString();
    SlotRules.checkIds(List.of(new SlotRules.Row(id, "a"), row("b")));
    assertThatThrownBy(() -> SlotRules.checkIds(List.of(new SlotRules.Row("1 OR 1=1", "a"))))
        .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
    assertThatThrownBy(() -> SlotRules.checkIds(List.of(new SlotRules.Row(id, "a"), new SlotRules.Row(id, "b"))))
        .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(400));
  }
}
