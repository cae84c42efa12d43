package paragon.receipts;

/**
 * Discounts on a line or on the whole receipt (docs/protocol.md, "Modifiers and discounts"). A
 * {@code kind} of null removes the discount; otherwise {@code value} and {@code reason} are required
 * (their bounds depend on the line or receipt, so they are rules).
 */
final class DiscountCommands {
  private DiscountCommands() {}

  record SetLineDiscount(String lineId, Discount.Type kind, Long value, String reason)
      implements Command, Command.OnLine {
    SetLineDiscount {
      lineId = Command.uuid(lineId, "lineId");
      if (kind != null) {
        Command.require(value, "value");
        Command.require(reason, "reason");
      }
    }
  }

  record SetReceiptDiscount(String receiptId, Discount.Type kind, Long value, String reason)
      implements Command, Command.OnReceipt {
    SetReceiptDiscount {
      receiptId = Command.uuid(receiptId, "receiptId");
      if (kind != null) {
        Command.require(value, "value");
        Command.require(reason, "reason");
      }
    }
  }
}
