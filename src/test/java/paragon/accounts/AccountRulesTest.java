package paragon.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import paragon.web.Problem;

class AccountRulesTest {

  @Test
  void email_is_trimmed_and_lower_cased() {
    assertThat(AccountRules.email("  Ala@Kot.PL ")).isEqualTo("ala@kot.pl");
  }

  @Test
  void email_without_a_single_at_and_a_domain_is_refused() {
    for (String bad : new String[] {"", "ala", "@kot.pl", "ala@", "a@b@c", "a b@c.pl", null}) {
      assertThatThrownBy(() -> AccountRules.email(bad)).as(String.valueOf(bad))
          .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.field()).isEqualTo("ownerEmail"));
    }
  }

  @Test
  void password_needs_eight_characters_and_at_most_72_bytes() {
    assertThatThrownBy(() -> AccountRules.password("1234567")).isInstanceOf(Problem.class);
    AccountRules.password("12345678");
    assertThatThrownBy(() -> AccountRules.password("ż".repeat(37))).isInstanceOf(Problem.class);
  }

  @Test
  void names_are_trimmed_and_bounded() {
    assertThat(AccountRules.name("  Bistro ")).isEqualTo("Bistro");
    assertThatThrownBy(() -> AccountRules.name("   ")).isInstanceOf(Problem.class);
    assertThatThrownBy(() -> AccountRules.name("x".repeat(81))).isInstanceOf(Problem.class);
  }

  @Test
  void next_after_sign_in_is_only_one_of_our_pages() {
    assertThat(LoginRoutes.safeNext("/backoffice/parking")).isEqualTo("/backoffice/parking");
    assertThat(LoginRoutes.safeNext("https://evil.example/")).isEqualTo("/backoffice");
    assertThat(LoginRoutes.safeNext("//evil.example")).isEqualTo("/backoffice");
    assertThat(LoginRoutes.safeNext("/backoffice/../x")).isEqualTo("/backoffice");
    assertThat(LoginRoutes.safeNext(null)).isEqualTo("/backoffice");
  }
}
