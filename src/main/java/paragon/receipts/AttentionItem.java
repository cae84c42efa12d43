package paragon.receipts;

/**
 * A payment the server kept for the manager instead of (or beside) a sale (docs/protocol.md "Paying
 * offline"). {@code amount}: the cash the cashier took; {@code unsold}: the part of it in no sale
 * (amount minus the sale's total; negative when less was taken than the sale's total), so that every
 * grosz paid is in exactly one sale or attention item. {@code seenTotal}: the total of what the
 * cashier saw, when the receipt was there to see.
 */
record AttentionItem(String id, Kind kind, String receiptId, String receiptName, String newReceiptId, String saleId,
    long amount, long unsold, Long seenTotal, long paidAt) {

  enum Kind {
    /** The receipt changed after the cashier's seq: sold as seen, the difference in {@code newReceiptId}. */
    CHANGED,
    /** The receipt was paid already: {@code saleId} is the first payment, this the second, to refund. */
    PAID_TWICE,
    /** Deleted, merged away or not found: the whole payment waits for the manager. */
    GONE,
    /** Unchanged, but the amount taken is not the total. */
    AMOUNT
  }
}
