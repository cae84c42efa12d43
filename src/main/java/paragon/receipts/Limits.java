package paragon.receipts;

/**
 * Bounds on everything a terminal sends, chosen so that no sum can overflow a {@code long}: the
 * largest receipt total is MAX_LINES * MAX_UNIT_PRICE * MAX_QUANTITY / 1000 = 500 * 10^8 * 10^6 / 10^3
 * = 5 * 10^13 grosze, and the largest intermediate product MAX_UNIT_PRICE * MAX_QUANTITY = 10^14,
 * both far below 9.2 * 10^18. A breach is a refusal with code {@code limit} naming the limit.
 */
final class Limits {
  private Limits() {}

  /** Lines per receipt. */
  static final int MAX_LINES = 500;
  /** Receipt and line names, in characters (code points). */
  static final int MIN_NAME = 1;
  static final int MAX_NAME = 40;
  /** Notes, in characters. */
  static final int MAX_NOTE = 200;
  /** Unit price in grosze: 1 000 000,00 zł. */
  static final long MAX_UNIT_PRICE = 100_000_000L;
  /** Quantity in thousandths: 1000 units, and at least 0.001. */
  static final long MAX_QUANTITY = 1_000_000L;
  static final long MIN_QUANTITY = 1L;
  /** Guests per receipt. */
  static final int MAX_GUESTS = 999;
  /** Tenders per payment, and the largest single tender (10^12 grosze = 10 bln zł). */
  static final int MAX_TENDERS = 10;
  static final long MAX_TENDER = 1_000_000_000_000L;
  /** A discount's reason, in characters (code points) after trimming. */
  static final int MAX_REASON = 80;
  /** A percent discount in hundredths of a percent: 0.01 % to 100 %. */
  static final long MAX_PERCENT = Discount.WHOLE;
  /** An amount discount: at most the line's or receipt's total, so at most the largest receipt total. */
  static final long MAX_DISCOUNT = MAX_LINES * MAX_UNIT_PRICE * MAX_QUANTITY / 1000;

  /** The limit names used in refusals ({@code details.limit}) and their maxima. */
  enum Name {
    LINES(MAX_LINES), NAME(MAX_NAME), NOTE(MAX_NOTE), UNIT_PRICE(MAX_UNIT_PRICE), QUANTITY(MAX_QUANTITY),
    GUESTS(MAX_GUESTS), TENDERS(MAX_TENDERS), TENDER(MAX_TENDER), REASON(MAX_REASON), PERCENT(MAX_PERCENT),
    DISCOUNT(MAX_DISCOUNT);

    final long max;

    Name(long max) {
      this.max = max;
    }

    String key() {
      return name().toLowerCase();
    }
  }
}
