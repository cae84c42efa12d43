package paragon.receipts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonSubTypes.Type;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * What a terminal asks the server to do to its receipts (docs/protocol.md, "Command reference").
 * The JSON field {@code type} picks the record; the device's command number {@code n} travels beside
 * it in the envelope. Records validate their own shape (required fields, id syntax) in their compact
 * constructors by throwing {@link InvalidCommand}; everything that depends on state is a rule.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @Type(value = ReceiptCommands.OpenAdHoc.class, name = "openAdHoc"),
    @Type(value = ReceiptCommands.OpenTable.class, name = "openTable"),
    @Type(value = ReceiptCommands.Rename.class, name = "rename"),
    @Type(value = ReceiptCommands.Delete.class, name = "delete"),
    @Type(value = ReceiptCommands.NoteReceipt.class, name = "noteReceipt"),
    @Type(value = ReceiptCommands.SetGuests.class, name = "setGuests"),
    @Type(value = ReceiptCommands.Reassign.class, name = "reassign"),
    @Type(value = LineCommands.AddLine.class, name = "addLine"),
    @Type(value = LineCommands.AdjustQuantity.class, name = "adjustQuantity"),
    @Type(value = LineCommands.RemoveLine.class, name = "removeLine"),
    @Type(value = LineCommands.MarkSent.class, name = "markSent"),
    @Type(value = LineCommands.ChangePrice.class, name = "changePrice"),
    @Type(value = LineCommands.NoteLine.class, name = "noteLine"),
    @Type(value = LineCommands.SetLineCourse.class, name = "setLineCourse"),
    @Type(value = LineCommands.SetLineSeat.class, name = "setLineSeat"),
    @Type(value = DiscountCommands.SetLineDiscount.class, name = "setLineDiscount"),
    @Type(value = DiscountCommands.SetReceiptDiscount.class, name = "setReceiptDiscount"),
    @Type(value = MoveCommands.MoveLines.class, name = "moveLines"),
    @Type(value = MoveCommands.Merge.class, name = "merge"),
    @Type(value = MoveCommands.MoveReceipt.class, name = "moveReceipt"),
    @Type(value = PaymentCommands.StartPayment.class, name = "startPayment"),
    @Type(value = PaymentCommands.CancelPayment.class, name = "cancelPayment"),
    @Type(value = PaymentCommands.Pay.class, name = "pay"),
    @Type(value = BillCommands.PayPart.class, name = "payPart"),
    @Type(value = PaymentCommands.BreakLease.class, name = "breakLease"),
    @Type(value = PaymentCommands.DayClose.class, name = "dayClose"),
    @Type(value = OfflineCommands.PayOffline.class, name = "payOffline"),
})
public sealed interface Command permits
    ReceiptCommands.OpenAdHoc, ReceiptCommands.OpenTable, ReceiptCommands.Rename, ReceiptCommands.Delete,
    ReceiptCommands.NoteReceipt, ReceiptCommands.SetGuests, ReceiptCommands.Reassign,
    LineCommands.AddLine, LineCommands.AdjustQuantity, LineCommands.RemoveLine, LineCommands.MarkSent,
    LineCommands.ChangePrice, LineCommands.NoteLine, LineCommands.SetLineCourse, LineCommands.SetLineSeat,
    DiscountCommands.SetLineDiscount, DiscountCommands.SetReceiptDiscount,
    MoveCommands.MoveLines, MoveCommands.Merge, MoveCommands.MoveReceipt,
    PaymentCommands.StartPayment, PaymentCommands.CancelPayment, PaymentCommands.Pay, PaymentCommands.BreakLease,
    PaymentCommands.DayClose, BillCommands.PayPart, OfflineCommands.PayOffline {

  /** Receipts this command names (the store loads them before the rules run). */
  default List<String> receiptRefs() {
    return this instanceof OnReceipt r ? List.of(r.receiptId()) : List.of();
  }

  /** Lines this command names (the store loads the receipts that hold them). */
  default List<String> lineRefs() {
    return this instanceof OnLine l ? List.of(l.lineId()) : List.of();
  }

  /** A command about one receipt, named by {@code receiptId}. */
  interface OnReceipt {
    String receiptId();
  }

  /** A command about one line, named by {@code lineId} alone. */
  interface OnLine {
    String lineId();
  }

  /** A malformed command: {@code field} names the culprit, {@code key} says how (i18n). */
  final class InvalidCommand extends RuntimeException {
    final String field;
    final String key;

    InvalidCommand(String field, String key) {
      super(field + ": " + key);
      this.field = field;
      this.key = key;
    }
  }

  static <T> T require(T value, String field) {
    if (value == null) throw new InvalidCommand(field, "refusal.invalid.missing");
    return value;
  }

  /** A list item given as JSON null (a part, a tender) is missing, like a missing field. */
  static <T> void noNulls(List<T> values, String field) {
    for (T value : values) if (value == null) throw new InvalidCommand(field, "refusal.invalid.missing");
  }

  static String uuid(String value, String field) {
    require(value, field);
    if (!DerivedIds.isUuid(value)) throw new InvalidCommand(field, "refusal.invalid.uuid");
    return value.toLowerCase();
  }
}
