package paragon.receipts;

import java.util.List;

/** Paying a bill in parts (split evenly or by amount) and tips (issue 12, docs/protocol.md "The bill"). */
final class BillCommands {
  private BillCommands() {}

  /**
   * One part of {@code receiptId}'s bill: the server computes its amount from {@code split} and what is
   * left to pay; {@code seq} and {@code payments} as for {@code pay}; {@code tip} optional.
   */
  record PayPart(String receiptId, Long seq, Split split, List<PaymentCommands.Tender> payments, Tip tip)
      implements Command, Command.OnReceipt {
    PayPart {
      receiptId = Command.uuid(receiptId, "receiptId");
      Command.require(seq, "seq");
      Command.require(split, "split");
      Command.require(payments, "payments");
      if (payments.isEmpty()) throw new Command.InvalidCommand("payments", "refusal.invalid.empty");
      Command.noNulls(payments, "payments");
    }
  }

  /** How the part is cut: {@code EVEN} with {@code parts}, {@code AMOUNT} with {@code amount}. */
  record Split(By by, Integer parts, Long amount) {
    Split {
      Command.require(by, "split.by");
      if (by == By.EVEN) Command.require(parts, "split.parts");
      if (by == By.AMOUNT) Command.require(amount, "split.amount");
    }
  }

  /**
   * {@code EVEN}: {@code parts} is how many equal parts what is left is cut into, this one included
   * (3, then 2, then 1 for a bill in three); {@code AMOUNT}: the guest names the amount.
   */
  enum By { EVEN, AMOUNT }

  /**
   * A tip: {@code amount} in grosze, or {@code percent} in hundredths of a percent (1000 = 10 %) of what
   * is paid; {@code method} the tender it is part of (default: the first tender's).
   */
  record Tip(PaymentCommands.Method method, Long amount, Long percent) {
    Tip {
      if ((amount == null) == (percent == null)) throw new Command.InvalidCommand("tip.amount", "refusal.invalid.tip");
    }
  }
}
