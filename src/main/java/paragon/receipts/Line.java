package paragon.receipts;

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

  Line withQuantity(long q) {
    return new Line(id, productId, name, unitPrice, q, vat, note, sent);
  }

  Line withPrice(long p) {
    return new Line(id, productId, name, p, quantity, vat, note, sent);
  }

  Line withNote(String n) {
    return new Line(id, productId, name, unitPrice, quantity, vat, n, sent);
  }

  Line asSent() {
    return new Line(id, productId, name, unitPrice, quantity, vat, note, true);
  }

  Line withId(String newId) {
    return new Line(newId, productId, name, unitPrice, quantity, vat, note, sent);
  }

  ReceiptView.LineView view() {
    return new ReceiptView.LineView(id, productId, name, unitPrice, quantity, vat.code(), note, sent, total());
  }
}
