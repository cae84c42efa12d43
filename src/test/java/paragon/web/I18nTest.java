package paragon.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.MissingResourceException;
import org.junit.jupiter.api.Test;

class I18nTest {

  @Test
  void polish_and_english_carry_the_same_keys() {
    assertThat(I18n.of("pl").keys()).isNotEmpty().isEqualTo(I18n.of("en").keys());
  }

  @Test
  void every_translation_is_non_blank_in_both_languages() {
    for (String lang : I18n.LANGUAGES) {
      I18n i18n = I18n.of(lang);
      for (String key : i18n.keys()) {
        assertThat(i18n.t(key)).as(lang + ":" + key).isNotBlank();
      }
    }
  }

  @Test
  void a_missing_key_is_an_error_not_a_placeholder() {
    assertThatThrownBy(() -> I18n.of("en").t("no.such.key")).isInstanceOf(MissingResourceException.class);
  }

  @Test
  void arguments_are_formatted() {
    assertThat(I18n.of("en").t("error.not_found", "shop 7")).isEqualTo("Not found: shop 7");
    assertThat(I18n.of("pl").t("error.not_found", "sklep 7")).isEqualTo("Nie znaleziono: sklep 7");
  }
}
