package paragon.receipts;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One line of a receipt. {@code unitPrice} grosze (the modifiers' deltas included), {@code quantity}
 * thousandths of a unit; {@code sent} once the line went to the kitchen or was printed (removing it
 * then needs VOID_LINES); {@code modifiers} the options chosen when it was added (never null);
 * {@code discount} its own discount, or null. Restaurant service (issue 12): {@code course} the course the
 * line belongs to (1, 2, 3 ...; null: none), {@code seat} the guest's seat (1 ...; null: none),
 * {@code sentAt} when it was sent to the kitchen (epoch ms; null while not sent, or sent before V44).
 */
record Line(String id, Long productId, String name, long unitPrice, long quantity, Vat vat, String note,
    boolean sent, List<Modifier> modifiers, Discount discount, Integer course, Integer seat, Long sentAt) {

  Line {
    modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
  }

  /** A line without course, seat or time sent (the shape before issue 12). */
  Line(String id, Long productId, String name, long unitPrice, long quantity, Vat vat, String note, boolean sent,
      List<Modifier> modifiers, Discount discount) {
    this(id, productId, name, unitPrice, quantity, vat, note, sent, modifiers, discount, null, null, null);
  }

  /** A line without modifiers or discount. */
  Line(String id, Long productId, String name, long unitPrice, long quantity, Vat vat, String note, boolean sent) {
    this(id, productId, name, unitPrice, quantity, vat, note, sent, List.of(), null);
  }

  /** round-half-up(unitPrice * quantity / 1000); bounded by {@link Limits} so it cannot overflow. */
  long total() {
    return Money.lineTotal(unitPrice, quantity);
  }

  /** The grosze the line's own discount takes off its total (0 without one). */
  long discountAmount() {
    return discount == null ? 0 : discount.amountOff(total());
  }

  /** What the line costs after its own discount: total - discount amount, never negative. */
  long due() {
    return total() - discountAmount();
  }

  /** A copy with the fields {@code change} sets (see {@link Builder}). */
  Line with(UnaryOperator<Builder> change) {
    return change.apply(new Builder(this)).build();
  }

  ReceiptView.LineView view() {
    return new ReceiptView.LineView(id, productId, name, unitPrice, quantity, vat.code(), note, sent, total(),
        modifiers, discount == null ? null : discount.view(total()), course, seat, sentAt);
  }

  /** A copy of a line field by field, by name: the one place a line is restated from another. */
  static final class Builder {
    private String id;
    private Long productId;
    private String name;
    private long unitPrice;
    private long quantity;
    private Vat vat;
    private String note;
    private boolean sent;
    private List<Modifier> modifiers;
    private Discount discount;
    private Integer course;
    private Integer seat;
    private Long sentAt;

    private Builder(Line l) {
      id = l.id;
      productId = l.productId;
      name = l.name;
      unitPrice = l.unitPrice;
      quantity = l.quantity;
      vat = l.vat;
      note = l.note;
      sent = l.sent;
      modifiers = l.modifiers;
      discount = l.discount;
      course = l.course;
      seat = l.seat;
      sentAt = l.sentAt;
    }

    Builder id(String v) { id = v; return this; }
    Builder unitPrice(long v) { unitPrice = v; return this; }
    Builder quantity(long v) { quantity = v; return this; }
    Builder note(String v) { note = v; return this; }
    Builder sent(boolean v) { sent = v; return this; }
    Builder discount(Discount v) { discount = v; return this; }
    Builder course(Integer v) { course = v; return this; }
    Builder seat(Integer v) { seat = v; return this; }
    Builder sentAt(Long v) { sentAt = v; return this; }

    Line build() {
      return new Line(id, productId, name, unitPrice, quantity, vat, note, sent, modifiers, discount, course, seat,
          sentAt);
    }
  }
}
