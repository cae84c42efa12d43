package paragon.receipts;

import paragon.receipts.ReceiptView.Kind;

/**
 * Rule 6, nothing lost: lines that arrive for a receipt that was paid or deleted meanwhile go to a
 * recovery receipt named after it and marked for attention. Its id is derived from the closed
 * receipt's ({@link Ids#recovery}), so every late line of one receipt lands in the same place, from any
 * terminal; if the recovery receipt was itself closed, the chain continues from it.
 */
final class Recovery {
  /** How far a chain is followed; the store loads exactly this many links. */
  static final int MAX_CHAIN = 8;

  private Recovery() {}

  /** The open receipt that takes lines meant for the closed receipt {@code closed}: existing or new. */
  static Receipt target(Receipt closed, RuleState s, Context c) {
    Receipt current = closed;
    for (int i = 0; i < MAX_CHAIN; i++) {
      String id = Ids.recovery(current.id());
      Receipt next = s.receipt(id);
      if (next == null) return create(id, current, c);
      if (next.isOpen()) return next;
      current = next;
    }
    throw new IllegalStateException("recovery chain of " + closed.id() + " is longer than " + MAX_CHAIN);
  }

  private static Receipt create(String id, Receipt from, Context c) {
    DefaultName name = DefaultName.recoveryOf(from.name(), from.defaultName());
    return ReceiptRules.fresh(id, from.space(), null, null, null, name, Kind.AD_HOC, true, from.id(), c);
  }
}
