package paragon.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import paragon.configuration.LoginMode;
import paragon.configuration.Plan;
import paragon.configuration.Visibility;
import paragon.web.FieldErrors;

class SettingsFormTest {
  private static final AccountSettings OFF = new AccountSettings(false, Visibility.OWN, false, LoginMode.PIN);
  private static final AccountSettings SHARING = new AccountSettings(true, Visibility.OWN, true, LoginMode.PIN);

  private static SettingsForm read(Map<String, List<String>> form, FieldErrors errors) {
    return SettingsForm.read(form, errors);
  }

  @Test
  void ticked_boxes_and_choices_become_settings() {
    FieldErrors errors = new FieldErrors();
    var form = read(Map.of("parkingEnabled", List.of("on"), "visibility", List.of("SAME_ROLE"),
        "sharingEnabled", List.of("on"),
        "loginMode", List.of("IDENTIFIER"), "mergeLines", List.of("on")), errors);
    assertThat(form.validate(Plan.MAX, OFF, errors)).isEqualTo(new AccountSettings(true, Visibility.SAME_ROLE,
        true, LoginMode.IDENTIFIER, true));
    assertThat(errors.isEmpty()).isTrue();
  }

  @Test
  void an_absent_checkbox_is_off() {
    FieldErrors errors = new FieldErrors();
    var form = read(Map.of("visibility", List.of("ALL"), "loginMode", List.of("NONE")), errors);
    assertThat(form.validate(Plan.MAX, SHARING, errors)).isEqualTo(new AccountSettings(false,
        Visibility.ALL, false, LoginMode.NONE, false));
  }

  @Test
  void unknown_choices_are_errors_on_their_fields_and_the_typed_values_are_kept() {
    FieldErrors errors = new FieldErrors();
    var form = read(Map.of("parkingEnabled", List.of("on"), "visibility", List.of("EVERYONE")), errors);
    assertThat(form.validate(Plan.MAX, OFF, errors)).isNull();
    assertThat(errors.all().keySet()).containsExactlyInAnyOrder("visibility", "loginMode");
    assertThat(errors.all().get("visibility").key()).isEqualTo("settings.visibility.invalid");
    assertThat(form.parkingEnabled()).isTrue();
    assertThat(form.visibility()).isEqualTo("EVERYONE");
  }

  @Test
  void a_checkbox_with_a_strange_value_is_an_error() {
    FieldErrors errors = new FieldErrors();
    read(Map.of("parkingEnabled", List.of("maybe")), errors);
    assertThat(errors.has("parkingEnabled")).isTrue();
  }

  @Test
  void sharing_cannot_be_turned_on_below_max() {
    FieldErrors errors = new FieldErrors();
    var form = read(Map.of("sharingEnabled", List.of("on"), "visibility", List.of("OWN"),
        "loginMode", List.of("PIN")), errors);
    assertThat(form.validate(Plan.PREMIUM, OFF, errors)).isNull();
    assertThat(errors.all().get("sharingEnabled").key()).isEqualTo("settings.sharing.plan");
  }

  @Test
  void below_max_the_disabled_toggle_keeps_the_stored_sharing() {
    FieldErrors errors = new FieldErrors();
    var form = read(Map.of("parkingEnabled", List.of("on"), "visibility", List.of("OWN"),
        "loginMode", List.of("PIN")), errors);
    assertThat(form.validate(Plan.START, SHARING, errors).sharingEnabled()).isTrue();
  }

  @Test
  void plan_must_be_one_of_the_four() {
    FieldErrors errors = new FieldErrors();
    assertThat(SettingsForm.plan("MAX", errors)).isEqualTo(Plan.MAX);
    assertThat(SettingsForm.plan("GOLD", errors)).isNull();
    assertThat(SettingsForm.plan(null, errors)).isNull();
    assertThat(errors.all().get("plan").key()).isEqualTo("settings.plan.invalid");
  }

  @Test
  void the_revision_summary_names_what_changed() {
    var after = new AccountSettings(true, Visibility.ALL, false, LoginMode.PIN);
    assertThat(after.changesFrom(OFF)).isEqualTo("parking on; visibility ALL");
    assertThat(OFF.changesFrom(OFF)).isEmpty();
  }
}
