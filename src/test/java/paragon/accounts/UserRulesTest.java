package paragon.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import paragon.web.FieldErrors;

class UserRulesTest {

  @Test
  void details_are_trimmed() {
    FieldErrors errors = new FieldErrors();
    assertThat(UserRules.validate(new UserRules.Draft(" anna.k ", " Anna Kowalska ", "7"), errors))
        .isEqualTo(new UserRules.Details("anna.k", "Anna Kowalska", 7));
  }

  @Test
  void each_bad_field_is_named() {
    FieldErrors errors = new FieldErrors();
    assertThat(UserRules.validate(new UserRules.Draft("anna kowalska", "", "x"), errors)).isNull();
    assertThat(errors.all().keySet()).containsExactlyInAnyOrder("identifier", "name", "roleId");
    FieldErrors long21 = new FieldErrors();
    UserRules.validate(new UserRules.Draft("a".repeat(21), "n".repeat(61), "1"), long21);
    assertThat(long21.all().keySet()).containsExactlyInAnyOrder("identifier", "name");
    FieldErrors polish = new FieldErrors();
    assertThat(UserRules.validate(new UserRules.Draft("łucja_2", "Łucja", "1"), polish)).isNotNull();
  }

  @Test
  void pin_is_four_to_eight_digits() {
    for (String ok : List.of("1234", "12345678", "0000")) {
      assertThat(UserRules.pin(ok, "pin", new FieldErrors())).isEqualTo(ok);
    }
    for (String bad : new String[] {"123", "123456789", "12a4", " 1234", "", null, "１２３４"}) {
      FieldErrors errors = new FieldErrors();
      assertThat(UserRules.pin(bad, "pin", errors)).as(String.valueOf(bad)).isNull();
      assertThat(errors.all().get("pin").key()).isEqualTo("users.pin.invalid");
    }
  }

  @Test
  void role_names_and_permissions_are_checked() {
    FieldErrors errors = new FieldErrors();
    var role = Roles.validate(0, new Roles.Draft(" Kelner ", List.of("VOID_LINES", "SEE_ALL_RECEIPTS")), errors);
    assertThat(role.name()).isEqualTo("Kelner");
    assertThat(role.permissions()).containsExactlyInAnyOrder(Permission.VOID_LINES, Permission.SEE_ALL_RECEIPTS);
    FieldErrors bad = new FieldErrors();
    assertThat(Roles.validate(0, new Roles.Draft("", List.of("FLY")), bad)).isNull();
    assertThat(bad.all().keySet()).containsExactlyInAnyOrder("name", "permissions");
  }
}
