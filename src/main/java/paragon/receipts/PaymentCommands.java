package paragon.receipts;

import java.util.List;

/** The payment lease, paying, and the day close. */
final class PaymentCommands {
  private PaymentCommands() {}

  record StartPayment(String receiptId) implements Command, Command.OnReceipt {
    StartPayment {
      receiptId = Command.uuid(receiptId, "receiptId");
    }
  }

  record CancelPayment(String receiptId) implements Command, Command.OnReceipt {
    CancelPayment {
      receiptId = Command.uuid(receiptId, "receiptId");
    }
  }

  record BreakLease(String receiptId) implements Command, Command.OnReceipt {
    BreakLease {
      receiptId = Command.uuid(receiptId, "receiptId");
    }
  }

  /**
   * {@code seq}: the receipt's seq the cashier saw; {@code payments}: the tenders; {@code tip}: optional,
   * recorded apart from revenue ({@link BillCommands.Tip}).
   */
  record Pay(String receiptId, Long seq, List<Tender> payments, BillCommands.Tip tip)
      implements Command, Command.OnReceipt {
    Pay {
      receiptId = Command.uuid(receiptId, "receiptId");
      Command.require(seq, "seq");
      Command.require(payments, "payments");
      if (payments.isEmpty()) throw new InvalidCommand("payments", "refusal.invalid.empty");
      Command.noNulls(payments, "payments");
    }

    Pay(String receiptId, Long seq, List<Tender> payments) {
      this(receiptId, seq, payments, null);
    }
  }

  /** The tender methods; only cash may exceed the amount due, the excess given back as change. */
  enum Method {
    CASH(true), CARD(false), VOUCHER(false), TRANSFER(false);

    private final boolean change;

    Method(boolean change) {
      this.change = change;
    }

    boolean givesChange() {
      return change;
    }
  }

  record Tender(Method method, Long amount) {
    Tender {
      Command.require(method, "payments.method");
      Command.require(amount, "payments.amount");
    }
  }

  record DayClose() implements Command {}
}
