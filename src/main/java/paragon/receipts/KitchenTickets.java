package paragon.receipts;

import java.util.ArrayList;
import java.util.List;
import paragon.receipts.Outcome.Accepted;

/**
 * What a command tells the kitchen (issue 12), a pure function of the command, the state before it and
 * what it accepted. "A kitchen ticket is a view of sent lines" (DESIGN, Not now): a {@code markSent}
 * that sent lines makes a {@code send} ticket of the lines it sent, in the receipt's order; an
 * {@code adjustQuantity} lowering, a {@code removeLine} or a {@code delete} of lines already sent makes a
 * {@code cancel} ticket of what was taken back. Moving and merging lines tell the kitchen nothing (the
 * dishes are the same, on another bill), nor does anything done to lines not sent yet.
 */
final class KitchenTickets {
  private KitchenTickets() {}

  /** A ticket's kind, as stored and shown. */
  enum Kind {
    SEND("send"), CANCEL("cancel");

    final String code;

    Kind(String code) {
      this.code = code;
    }
  }

  /** A ticket about one receipt, named as it was at the command. */
  record Draft(String receiptId, long shopId, String receiptName, Kind kind, List<KitchenStore.Item> items) {}

  static List<Draft> of(Command command, RuleState state, Accepted accepted) {
    List<Draft> drafts = new ArrayList<>();
    boolean sends = command instanceof LineCommands.MarkSent;
    boolean cancels = command instanceof LineCommands.AdjustQuantity || command instanceof LineCommands.RemoveLine
        || command instanceof ReceiptCommands.Delete;
    if (!sends && !cancels) return drafts;
    for (Receipt after : accepted.touched()) {
      Receipt before = state.receipt(after.id());
      if (before == null) continue;
      List<KitchenStore.Item> items = new ArrayList<>();
      if (sends) {
        for (Line l : after.lines()) {
          Line was = before.line(l.id());
          if (l.sent() && was != null && !was.sent()) items.add(item(l, l.quantity()));
        }
      } else {
        for (Line was : before.lines()) {
          if (!was.sent()) continue;
          Line now = after.line(was.id());
          long gone = now == null || accepted.removedLines().contains(was.id())
              ? was.quantity() : was.quantity() - now.quantity();
          if (gone > 0) items.add(item(was, gone));
        }
      }
      if (!items.isEmpty()) {
        drafts.add(new Draft(after.id(), after.shopId(), after.name(), sends ? Kind.SEND : Kind.CANCEL, items));
      }
    }
    return drafts;
  }

  private static KitchenStore.Item item(Line l, long quantity) {
    return new KitchenStore.Item(l.id(), l.name(), quantity, l.modifiers().stream().map(Modifier::name).toList(),
        l.note(), l.course(), l.seat());
  }
}
