package paragon.accounts;

import java.util.Locale;
import paragon.web.Problem;

/** Pure checks of what an owner types for accounts and logins; each failure names its field. */
final class AccountRules {
  static final int MAX_NAME = 80;
  static final int MIN_PASSWORD = 8;

  private AccountRules() {}

  static String name(String raw) {
    String name = raw == null ? "" : raw.strip();
    if (name.isEmpty() || name.length() > MAX_NAME) throw Problem.invalid("name", "account.name.length", MAX_NAME);
    return name;
  }

  static String personName(String field, String raw) {
    String name = raw == null ? "" : raw.strip();
    if (name.isEmpty() || name.length() > MAX_NAME) throw Problem.invalid(field, "person.name.length", MAX_NAME);
    return name;
  }

  /** Trimmed and lower-cased, so one address is one login however it is typed. */
  static String email(String raw) {
    String email = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    int at = email.indexOf('@');
    if (email.length() > 254 || at < 1 || at != email.lastIndexOf('@') || at == email.length() - 1 || email.contains(" ")) {
      throw Problem.invalid("ownerEmail", "account.email.invalid");
    }
    return email;
  }

  static void password(String raw) {
    if (raw == null || raw.length() < MIN_PASSWORD || raw.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
      throw Problem.invalid("ownerPassword", "account.password.length", MIN_PASSWORD, 72);
    }
  }
}
