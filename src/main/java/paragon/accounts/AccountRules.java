package paragon.accounts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import paragon.web.FieldErrors;
import paragon.web.Problem;
import paragon.web.Storable;

/** Pure checks of what an owner types for accounts and logins; each failure names its field. */
final class AccountRules {
  static final int MAX_NAME = 80;
  static final int MIN_PASSWORD = 8;
  static final int MAX_ADDRESS = 200;
  /** The weights of the Polish NIP checksum, for its first nine digits. */
  private static final int[] NIP_WEIGHTS = {6, 5, 7, 2, 3, 4, 5, 6, 7};

  private AccountRules() {}

  /** Every check of a new account, in the order its form shows the fields. */
  private static List<Runnable> checks(Accounts.NewAccount a) {
    return List.of(
        () -> name(a.name()),
        () -> nip(a.nip()),
        () -> language(a.language()),
        () -> shopName(a.shopName()),
        () -> address(a.shopAddress()),
        () -> personName("ownerName", a.ownerName()),
        () -> email(a.ownerEmail()),
        () -> password(a.ownerPassword()),
        () -> {
          if (a.plan() == null) throw Problem.invalid("plan", "account.plan.required");
        });
  }

  /** All errors of {@code a}, each by its field (a form shows them all at once). */
  static FieldErrors check(Accounts.NewAccount a, FieldErrors errors) {
    for (Runnable check : checks(a)) {
      try {
        check.run();
      } catch (Problem p) {
        if (p.field() == null) throw p;
        errors.add(p.field(), p.messageKey(), p.args());
      }
    }
    return errors;
  }

  /** Throws the first error of {@code a} as a {@link Problem} naming its field. */
  static void require(Accounts.NewAccount a) {
    checks(a).forEach(Runnable::run);
  }

  static String name(String raw) {
    String name = raw == null ? "" : Storable.require("name", raw).strip();
    if (name.isEmpty() || name.length() > MAX_NAME) throw Problem.invalid("name", "account.name.length", MAX_NAME);
    return name;
  }

  static String personName(String field, String raw) {
    String name = raw == null ? "" : Storable.require(field, raw).strip();
    if (name.isEmpty() || name.length() > MAX_NAME) throw Problem.invalid(field, "person.name.length", MAX_NAME);
    return name;
  }

  /** Trimmed and lower-cased, so one address is one login however it is typed. */
  static String email(String raw) {
    String email = raw == null ? "" : Storable.require("ownerEmail", raw).strip().toLowerCase(Locale.ROOT);
    int at = email.indexOf('@');
    if (email.length() > 254 || at < 1 || at != email.lastIndexOf('@') || at == email.length() - 1
        || email.contains(" ")) {
      throw Problem.invalid("ownerEmail", "account.email.invalid");
    }
    return email;
  }

  static void password(String raw) {
    if (raw == null || raw.length() < MIN_PASSWORD || raw.getBytes(StandardCharsets.UTF_8).length > 72) {
      throw Problem.invalid("ownerPassword", "account.password.length", MIN_PASSWORD, 72);
    }
  }

  static String language(String raw) {
    if (!"pl".equals(raw) && !"en".equals(raw)) throw Problem.invalid("language", "account.language.invalid");
    return raw;
  }

  /**
   * The Polish tax number as its 10 digits, or null when none is given (blank). Dashes and spaces are
   * allowed as typed ("123-456-32-18"); the checksum is the sum of the first nine digits times
   * {@link #NIP_WEIGHTS}, modulo 11, which must equal the tenth digit (a remainder of 10 is never valid).
   */
  static String nip(String raw) {
    if (raw == null || raw.isBlank()) return null;
    String digits = raw.replaceAll("[\\s-]", "");
    if (!digits.matches("[0-9]{10}")) throw Problem.invalid("nip", "account.nip.format");
    int sum = 0;
    for (int i = 0; i < 9; i++) sum += (digits.charAt(i) - '0') * NIP_WEIGHTS[i];
    if (sum % 11 != digits.charAt(9) - '0') throw Problem.invalid("nip", "account.nip.checksum");
    return digits;
  }

  /** The first shop's name: null (no shop made) when the caller gives none, else as {@link Shops}' rule. */
  static String shopName(String raw) {
    if (raw == null) return null;
    String name = Storable.require("shopName", raw).strip();
    if (name.isEmpty() || name.length() > Shops.NAME_MAX) {
      throw Problem.invalid("shopName", "shops.name.length", Shops.NAME_MAX);
    }
    return name;
  }

  /** A shop's address: optional (blank is null), at most {@value #MAX_ADDRESS} characters. */
  static String address(String raw) {
    return address("shopAddress", raw);
  }

  /** The same, its error at {@code field} (the Shops page calls it {@code address}). */
  static String address(String field, String raw) {
    if (raw == null || raw.isBlank()) return null;
    String address = Storable.require(field, raw).strip();
    if (address.length() > MAX_ADDRESS) throw Problem.invalid(field, "shops.address.length", MAX_ADDRESS);
    return address;
  }
}
