package paragon.receipts;

/**
 * A discount on a line or on a whole receipt (docs/protocol.md, "Modifiers and discounts"):
 * {@code PERCENT} with {@code value} in hundredths of a percent (1..10000), or {@code AMOUNT} with
 * {@code value} in grosze; {@code reason} is what the cashier typed (1..80 characters).
 */
record Discount(Type kind, long value, String reason) {

  enum Type { PERCENT, AMOUNT }

  /** Hundredths of a percent in 100 %. */
  static final long WHOLE = 10_000L;

  /**
   * The grosze this discount takes off {@code base} (a line's total, or the sum of a receipt's dues):
   * round-half-up(base * value / 10000), or the amount, never more than {@code base}. base <= 5 * 10^13
   * and value <= 10^4 ({@link Limits}), so the product stays below 10^18.
   */
  long amountOff(long base) {
    if (base <= 0) return 0;
    long off = kind == Type.PERCENT ? Money.halfUp(Math.multiplyExact(base, value), WHOLE) : value;
    return Math.min(off, base);
  }

  /**
   * The discount of the part of a line split off ({@code moved} of {@code quantity}): a percent as it
   * is, an amount in proportion, round-half-up(value * moved / quantity); null when the share is 0.
   */
  Discount movedPart(long moved, long quantity) {
    if (kind == Type.PERCENT) return this;
    long share = Money.halfUp(Math.multiplyExact(value, moved), quantity);
    return share == 0 ? null : new Discount(kind, share, reason);
  }

  /** The discount left on the line after {@link #movedPart} was split off; null when nothing is left. */
  Discount remainingPart(long moved, long quantity) {
    if (kind == Type.PERCENT) return this;
    Discount part = movedPart(moved, quantity);
    long left = value - (part == null ? 0 : part.value);
    return left == 0 ? null : new Discount(kind, left, reason);
  }

  ReceiptView.DiscountView view(long base) {
    return new ReceiptView.DiscountView(kind.name(), value, reason, amountOff(base));
  }
}
