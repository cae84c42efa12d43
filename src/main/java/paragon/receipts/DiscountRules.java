package paragon.receipts;

import paragon.accounts.Permission;
import paragon.receipts.Outcome.Accepted;

/**
 * Give or remove a discount on a line or on the whole receipt (GIVE_DISCOUNTS). A discount on a sent
 * line is allowed: it changes the price, not what the kitchen makes. The amounts are computed where
 * they are read ({@link Discount#amountOff}), so a later quantity or price change keeps them right.
 */
final class DiscountRules {
  private DiscountRules() {}

  static Outcome line(DiscountCommands.SetLineDiscount x, RuleState s, Context c) {
    Receipt r = LineRules.editableLine(x.lineId(), s, c);
    Guards.requirePermission(Permission.GIVE_DISCOUNTS, c);
    Line line = r.line(x.lineId());
    Discount d = discount(x.kind(), x.value(), x.reason(), line.total());
    if (d == null && line.discount() == null) return Accepted.noChange(r.id());
    return Accepted.of(r.withLine(line.id(), l -> l.with(b -> b.discount(d))).touchedAt(c.now()));
  }

  static Outcome receipt(DiscountCommands.SetReceiptDiscount x, RuleState s, Context c) {
    Receipt r = s.receipt(x.receiptId());
    Guards.requireEditable(r, x.receiptId(), c);
    Guards.requirePermission(Permission.GIVE_DISCOUNTS, c);
    Discount d = discount(x.kind(), x.value(), x.reason(), Money.dues(r.lines()));
    if (d == null && r.discount() == null) return Accepted.noChange(r.id());
    return Accepted.of(r.with(b -> b.discount(d)).touchedAt(c.now()));
  }

  /**
   * The discount asked for on {@code base} grosze (a line's total, or a receipt's dues), or null to
   * remove it; throws the refusal of a value or reason out of bounds.
   */
  static Discount discount(Discount.Type kind, Long value, String reason, long base) {
    if (kind == null) return null;
    String why = Guards.reason(reason);
    if (kind == Discount.Type.PERCENT && (value < 1 || value > Limits.MAX_PERCENT)) {
      throw Guards.refuse(Refusals.range(Limits.Name.PERCENT, 1, Limits.MAX_PERCENT, Limits.MAX_PERCENT));
    }
    if (kind == Discount.Type.AMOUNT && (value < 1 || value > base)) {
      throw Guards.refuse(Refusals.range(Limits.Name.DISCOUNT, 1, base, NameArg.money(base)));
    }
    return new Discount(kind, value, why);
  }
}
