package paragon.web;

/**
 * Text that every database Paragon runs on can store. PostgreSQL's {@code text} (UTF-8) refuses NUL,
 * and a lone UTF-16 surrogate has no UTF-8 form at all, so both are refused at the edge as bad input
 * naming the field, for commands ({@code receipts.CommandParser}) and for every back-office form
 * ({@link #check}): never a database error (a 500) halfway through a write.
 */
public final class Storable {
  /** What an unstorable character is written as where it must be shown or logged (U+FFFD). */
  static final char REPLACEMENT = '\uFFFD';
  private static final String KEY = "form.unstorable";

  private Storable() {}

  /** True when {@code s} (null counts as storable) has no NUL and no unpaired surrogate. */
  public static boolean is(String s) {
    return s == null || firstBad(s) < 0;
  }

  /** {@code s} with every NUL and unpaired surrogate replaced by U+FFFD: safe to store, log or show. */
  public static String clean(String s) {
    if (is(s)) return s;
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(++i));
      } else {
        b.append(c == 0 || Character.isSurrogate(c) ? REPLACEMENT : c);
      }
    }
    return b.toString();
  }

  /**
   * The check every back-office form runs on each typed text before its own rules: false, with the
   * error recorded for {@code field} (so it shows next to that field and wins over later errors of it),
   * when {@code value} cannot be stored.
   */
  public static boolean check(FieldErrors errors, String field, String value) {
    if (is(value)) return true;
    errors.add(field, KEY);
    return false;
  }

  /** The same check where a store refuses by throwing (a {@link Problem} naming {@code field}). */
  public static String require(String field, String value) {
    if (!is(value)) throw Problem.invalid(field, KEY);
    return value;
  }

  private static int firstBad(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0) return i;
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }
}
