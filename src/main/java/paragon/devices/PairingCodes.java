package paragon.devices;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * One-time pairing codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as
 * {@code ABCD-EFGH} so a person can read it off the back office and type it on a terminal. 31^8 is
 * about 8.5e11 codes, each valid for 15 minutes and once, stored only as a SHA-256.
 */
final class PairingCodes {
  static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  static final int LENGTH = 8;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PairingCodes() {}

  /** A fresh code in its canonical form (8 characters, no separator). */
  static String fresh() {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    return code.toString();
  }

  /** How a code is shown to a person: {@code ABCD-EFGH}. */
  static String display(String code) {
    return code.substring(0, 4) + "-" + code.substring(4);
  }

  /**
   * What a person typed, in canonical form: case, spaces and dashes ignored; O read as 0 is not in the
   * alphabet, so it cannot be mistyped into another valid code. Null when it cannot be a code.
   */
  static String normalize(String typed) {
    if (typed == null) return null;
    String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    if (code.length() != LENGTH) return null;
    for (int i = 0; i < code.length(); i++) {
      if (ALPHABET.indexOf(code.charAt(i)) < 0) return null;
    }
    return code;
  }
}
