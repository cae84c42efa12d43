package paragon.web;

/**
 * The one rule for writing an amount for a person, in the back office and (as
 * {@code public/terminal/money.js formatMoney}) on the terminal: both are held to
 * {@code src/test/resources/money-fixture.json}.
 * <ul>
 *   <li>Polish: {@code "1 234,50 zł"}: thousands grouped with a non-breaking space, decimal comma.
 *   <li>English: {@code "1,234.50 zł"}: thousands grouped with a comma, decimal point; the currency
 *       stays "zł" after the amount, as on the shop's receipts and price tags.
 * </ul>
 * Grouping starts at four digits in both; the number and "zł" are joined by a non-breaking space;
 * a negative amount starts with "-". Integer arithmetic only: grosze never touch a double.
 */
public final class MoneyText {
  static final char NBSP = '\u00a0';

  private MoneyText() {}

  /**
   * An amount as a message argument ({@link I18n#t}): written by this rule in the language the message
   * is rendered in, so a validation message says "-1,50 zł" in Polish and "-1.50 zł" in English.
   */
  public record Amount(long grosze) {
    @Override
    public String toString() {
      return grosze + " gr";
    }
  }

  public static Amount amount(long grosze) {
    return new Amount(grosze);
  }

  /** {@code grosze} as {@code language} ("pl", anything else is English) writes it. */
  public static String format(long grosze, String language) {
    boolean pl = "pl".equals(language);
    // Long.MIN_VALUE has no positive counterpart; work on the unsigned magnitude.
    String digits = Long.toUnsignedString(grosze < 0 ? -grosze : grosze);
    if (digits.length() < 3) digits = "0".repeat(3 - digits.length()) + digits;
    String whole = digits.substring(0, digits.length() - 2);
    String cents = digits.substring(digits.length() - 2);
    StringBuilder out = new StringBuilder(grosze < 0 ? "-" : "");
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) out.append(pl ? NBSP : ',');
      out.append(whole.charAt(i));
    }
    return out.append(pl ? ',' : '.').append(cents).append(NBSP).append("zł").toString();
  }
}
