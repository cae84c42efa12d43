package paragon.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {

  @Test
  void a_hash_matches_its_secret_only() {
    String hash = Passwords.hash("correct horse");
    assertThat(Passwords.matches("correct horse", hash)).isTrue();
    assertThat(Passwords.matches("correct hors", hash)).isFalse();
    assertThat(Passwords.matches(null, hash)).isFalse();
  }

  @Test
  void the_unknown_email_check_costs_what_a_real_password_check_does() {
    // The sign-in checks an unknown email's password against LoginRoutes.DUMMY_HASH: at a lower cost
    // than real hashes, the answer's time would tell which emails have an account.
    String cost = Passwords.hash("any").substring(0, "$2a$10$".length());
    assertThat(LoginRoutes.DUMMY_HASH).startsWith(cost);
    assertThat(Passwords.matches("not-a-password-anyone-has", LoginRoutes.DUMMY_HASH)).isTrue();
  }
}
