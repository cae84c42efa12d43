package paragon.receipts;

/**
 * The receipt rules: {@code apply(command, state, context)} is a pure function to the accepted changes
 * or a refusal with its reason. One family of commands per class. A rule returns its outcome; a check
 * it shares with others ({@link Guards}) throws its refusal as a {@link Refusal}, which is caught here,
 * once, and returned as the {@link Outcome.Refused}.
 */
final class Rules {
  private Rules() {}

  static Outcome apply(Command command, RuleState state, Context c) {
    try {
      return BillRules.keepParts(rule(command, state, c));
    } catch (Refusal no) {
      return no.refused();
    }
  }

  private static Outcome rule(Command command, RuleState state, Context c) {
    return switch (command) {
      case ReceiptCommands.OpenAdHoc x -> ReceiptRules.openAdHoc(x, state, c);
      case ReceiptCommands.OpenTable x -> ReceiptRules.openTable(x, state, c);
      case ReceiptCommands.Rename x -> ReceiptRules.rename(x, state, c);
      case ReceiptCommands.Delete x -> ReceiptRules.delete(x, state, c);
      case ReceiptCommands.NoteReceipt x -> ReceiptRules.note(x, state, c);
      case ReceiptCommands.SetGuests x -> ReceiptRules.guests(x, state, c);
      case ReceiptCommands.Reassign x -> ReceiptRules.reassign(x, state, c);
      case LineCommands.AddLine x -> LineRules.add(x, state, c);
      case LineCommands.AdjustQuantity x -> LineRules.adjust(x, state, c);
      case LineCommands.RemoveLine x -> LineRules.remove(x, state, c);
      case LineCommands.MarkSent x -> LineRules.markSent(x, state, c);
      case LineCommands.ChangePrice x -> LineRules.changePrice(x, state, c);
      case LineCommands.NoteLine x -> LineRules.note(x, state, c);
      case LineCommands.SetLineCourse x -> LineRules.course(x, state, c);
      case LineCommands.SetLineSeat x -> LineRules.seat(x, state, c);
      case DiscountCommands.SetLineDiscount x -> DiscountRules.line(x, state, c);
      case DiscountCommands.SetReceiptDiscount x -> DiscountRules.receipt(x, state, c);
      case MoveCommands.MoveLines x -> MoveRules.move(x, state, c);
      case MoveCommands.Merge x -> MoveRules.merge(x, state, c);
      case MoveCommands.MoveReceipt x -> TableMoveRules.move(x, state, c);
      case PaymentCommands.StartPayment x -> PaymentRules.start(x, state, c);
      case PaymentCommands.CancelPayment x -> PaymentRules.cancel(x, state, c);
      case PaymentCommands.BreakLease x -> PaymentRules.breakLease(x, state, c);
      case PaymentCommands.Pay x -> BillRules.pay(x, state, c);
      case BillCommands.PayPart x -> BillRules.payPart(x, state, c);
      case PaymentCommands.DayClose x -> PaymentRules.dayClose(x, state, c);
      case OfflineCommands.PayOffline x -> OfflineRules.pay(x, state, c);
    };
  }
}
