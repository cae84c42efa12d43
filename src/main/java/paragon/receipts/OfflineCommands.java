package paragon.receipts;

/** Paying without the network (issue 12; docs/protocol.md "Paying offline"). */
final class OfflineCommands {
  private OfflineCommands() {}

  /**
   * A cash payment a terminal took while offline, sent from its outbox: {@code seenSeq} the receipt's
   * seq the terminal held, {@code amount} the grosze the cashier charged and kept (change given back
   * not counted), {@code method} cash only, {@code paidAt} when the cashier took it (epoch ms, the
   * terminal's clock).
   */
  record PayOffline(String receiptId, Long seenSeq, Long amount, String method, Long paidAt)
      implements Command, Command.OnReceipt {
    PayOffline {
      receiptId = Command.uuid(receiptId, "receiptId");
      Command.require(seenSeq, "seenSeq");
      Command.require(amount, "amount");
      Command.require(method, "method");
      Command.require(paidAt, "paidAt");
      if (!method.equalsIgnoreCase("cash")) throw new InvalidCommand("method", "refusal.invalid.cash_only");
      if (amount <= 0) throw new InvalidCommand("amount", "refusal.invalid.positive");
      if (seenSeq < 0) throw new InvalidCommand("seenSeq", "refusal.invalid.negative");
      if (paidAt <= 0) throw new InvalidCommand("paidAt", "refusal.invalid.positive");
    }
  }
}
