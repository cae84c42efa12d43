package paragon.receipts;


/**
 * Rule 6, nothing lost: lines that arrive for a receipt that was paid or deleted meanwhile go to a
 * recovery receipt named after it and marked for attention. Its id is derived from the closed
 * receipt's ({@link DerivedIds#recovery}), so every late line of one receipt lands in the same place, from any
 * terminal; if the recovery receipt was itself closed, the chain continues from it, as far as it goes
 * (the store loads the whole chain: {@code StateLoader}).
 */
final class Recovery {
  private Recovery() {}

  /** The open receipt that takes lines meant for the closed receipt {@code closed}: existing or new. */
  static Receipt target(Receipt closed, RuleState s, Context c) {
    Receipt current = closed;
    while (true) {
      String id = DerivedIds.recovery(current.id());
      Receipt next = s.receipt(id);
      if (next == null) return create(id, current, c);
      if (next.isOpen()) return next;
      current = next;
    }
  }

  private static Receipt create(String id, Receipt from, Context c) {
    DefaultName name = DefaultName.recoveryOf(from.name(), from.defaultName());
    return ReceiptRules.fresh(id, space(from, c), null, null, null, name, Kind.AD_HOC, true, from.id(), c);
  }

  /**
   * The closed receipt's space, where late lines of every terminal meet; but when that is the sender's
   * own device space (nobody else reaches it) and the sender creates receipts in its shop now (its
   * receipts joined the shop, {@link SharingJoin}), the shop's: a late line is not parked where only
   * one terminal sees it. The shop space is locked by the command, being the sender's current one.
   */
  private static String space(Receipt from, Context c) {
    boolean ownDeviceSpace = from.space().equals(Actor.deviceSpace(c.actor().deviceId()));
    return ownDeviceSpace ? c.actor().space() : from.space();
  }
}
