package paragon.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import paragon.web.FieldErrors;

/** The pure checks of the invitation form and of a new password typed twice. */
class InvitationRulesTest {

  @Test
  void a_good_invitation_is_trimmed_and_lower_cased() {
    FieldErrors errors = new FieldErrors();
    var v = Invitations.validate(new Invitations.Draft("  Ada@Example.COM ", "  Ada Admin ", "OWNER"), errors);
    assertThat(errors.isEmpty()).isTrue();
    assertThat(v).isEqualTo(new Invitations.Valid("ada@example.com", "Ada Admin", AdminRole.OWNER));
  }

  @Test
  void every_bad_field_of_an_invitation_is_named() {
    FieldErrors errors = new FieldErrors();
    assertThat(Invitations.validate(new Invitations.Draft("ada@", " ", "KING"), errors)).isNull();
    assertThat(errors.all().keySet()).containsExactlyInAnyOrder("email", "name", "role");
    FieldErrors missing = new FieldErrors();
    assertThat(Invitations.validate(new Invitations.Draft(null, "x".repeat(81), null), missing)).isNull();
    assertThat(missing.all().keySet()).containsExactlyInAnyOrder("email", "name", "role");
    FieldErrors nul = new FieldErrors();
    Invitations.validate(new Invitations.Draft("a@b.c", "Ada\u0000", "ADMIN"), nul);
    assertThat(nul.all().get("name").key()).isEqualTo("form.unstorable");
  }

  @Test
  void a_new_password_needs_8_to_72_bytes_typed_twice_the_same() {
    FieldErrors short7 = new FieldErrors();
    assertThat(Admins.newPassword("1234567", "1234567", short7)).isNull();
    assertThat(short7.has("password")).isTrue();
    FieldErrors tooLong = new FieldErrors();
    assertThat(Admins.newPassword("ą".repeat(37), "ą".repeat(37), tooLong)).isNull();
    assertThat(tooLong.has("password")).as("74 bytes in UTF-8").isTrue();
    FieldErrors differ = new FieldErrors();
    assertThat(Admins.newPassword("12345678", "12345679", differ)).isNull();
    assertThat(differ.all().keySet()).containsExactly("again");
    FieldErrors ok = new FieldErrors();
    String hash = Admins.newPassword("12345678", "12345678", ok);
    assertThat(ok.isEmpty()).isTrue();
    assertThat(Passwords.matches("12345678", hash)).isTrue();
  }
}
