package paragon.receipts;

import java.util.function.UnaryOperator;

/**
 * One line of a receipt. {@code unitPrice} grosze, {@code quantity} thousandths of a unit; {@code sent}
 * once the line went to the kitchen or was printed (removing it then needs VOID_LINES).
 */
record Line(String id, Long productId, String name, long unitPrice, long quantity, Vat vat, String note,
    boolean sent) {

  /** round-half-up(unitPrice * quantity / 1000); bounded by {@link Limits} so it cannot overflow. */
  long total() {
    return Money.lineTotal(unitPrice, quantity);
  }

  /** A copy with the fields {@code change} sets (see {@link Builder}). */
  Line with(UnaryOperator<Builder> change) {
    return change.apply(new Builder(this)).build();
  }

  ReceiptView.LineView view() {
    return new ReceiptView.LineView(id, productId, name, unitPrice, quantity, vat.code(), note, sent, total());
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

    private Builder(Line l) {
      id = l.id;
      productId = l.productId;
      name = l.name;
      unitPrice = l.unitPrice;
      quantity = l.quantity;
      vat = l.vat;
      note = l.note;
      sent = l.sent;
    }

    Builder id(String v) { id = v; return this; }
    Builder unitPrice(long v) { unitPrice = v; return this; }
    Builder quantity(long v) { quantity = v; return this; }
    Builder note(String v) { note = v; return this; }
    Builder sent(boolean v) { sent = v; return this; }

    Line build() {
      return new Line(id, productId, name, unitPrice, quantity, vat, note, sent);
    }
  }
}
