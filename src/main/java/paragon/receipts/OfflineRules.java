package paragon.receipts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Set;
import paragon.receipts.Outcome.Accepted;
import paragon.receipts.Outcome.Payment;
import paragon.receipts.Outcome.Sale;

/**
 * A cash payment taken offline ({@link OfflineCommands.PayOffline}), applied in the device's order
 * when it comes back (docs/protocol.md "Paying offline"). The cash is in the drawer already, so it is
 * never refused for what happened meanwhile: 1. the receipt is gone (not found where the device
 * reaches, deleted, merged away): an attention item GONE holds the payment; 2. it was paid already
 * (online by a colleague, or offline twice): the first sale stays, an attention item PAID_TWICE holds
 * this payment to refund; 3. it is open and unchanged since what the cashier saw ({@code seen}, the
 * store's {@link OfflineSeen}): an ordinary cash sale; 4. it changed: the sale is what was seen (each
 * seen line that is still there, as seen), and what colleagues added (new lines, raised quantities)
 * moves to an open receipt marked for attention ({@link Recovery}), with an attention item CHANGED.
 * A lease of another device does not stop it (its own pay is refused {@code closed} afterwards). The
 * receipt is never closed twice: only an open one closes here. Money: the sale counts
 * min(amount, total); the item's {@code unsold} holds amount - total, so sale + unsold = amount.
 */
final class OfflineRules {
  private OfflineRules() {}

  static Outcome pay(OfflineCommands.PayOffline x, RuleState s, Context c) {
    if (x.amount() > Limits.MAX_TENDER) return Refusals.limit(Limits.Name.TENDER);
    Receipt r = s.receipt(x.receiptId());
    if (r == null || !c.actor().reaches(r.space())) return only(x, AttentionItem.Kind.GONE, null, null, c);
    if (r.state() == State.CLOSED) return only(x, AttentionItem.Kind.PAID_TWICE, r, r.id(), c);
    if (!r.isOpen()) return only(x, AttentionItem.Kind.GONE, r, null, c);
    Receipt seen = s.seen() != null ? s.seen() : r;
    Receipt sold = asSeen(r, seen);
    if (sold.lines().isEmpty()) {
      // Nothing the cashier saw is left to sell: the receipt stays open, marked for attention (the
      // floor colours it), and the payment waits in the item.
      Outcome.Accepted gone = (Outcome.Accepted) only(x, AttentionItem.Kind.GONE, r, null, c);
      Receipt marked = r.with(b -> b.attention(true)).touchedAt(c.now());
      return new Accepted(List.of(marked), Set.of(), r.id(), gone.result(), null, false, null, gone.attention());
    }
    List<Line> added = added(r, seen, c);
    boolean changed = !added.isEmpty() || !sold.charged().equals(r.charged());
    Receipt closed = sold.withState(State.CLOSED).touchedAt(c.now());
    long total = closed.total();
    List<Receipt> touched = new ArrayList<>(List.of(closed));
    String newReceiptId = null;
    if (!added.isEmpty()) {
      Receipt target = Recovery.target(closed, s, c);
      for (Line l : added) target = target.plusLine(l);
      touched.add(target.touchedAt(c.now()));
      newReceiptId = target.id();
    }
    AttentionItem item = null;
    if (changed || x.amount() != total) {
      AttentionItem.Kind kind = changed ? AttentionItem.Kind.CHANGED : AttentionItem.Kind.AMOUNT;
      item = new AttentionItem(id(c), kind, r.id(), r.name(), newReceiptId, r.id(), x.amount(), x.amount() - total,
          seen.total(), x.paidAt());
    }
    long counted = Math.min(x.amount(), total);
    Sale sale = new Sale(r.id(), total, Money.total(closed.lines()) - total, x.amount(), 0,
        List.of(new Payment(PaymentCommands.Method.CASH, counted, x.amount())), closed.vat());
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("saleId", r.id());
    result.put("total", total);
    result.put("amount", x.amount());
    result.put("unsold", x.amount() - total);
    result.put("attention", item == null ? null : item.kind().name());
    result.put("newReceiptId", newReceiptId);
    return new Accepted(touched, Set.of(), r.id(), result, sale, false, null, item);
  }

  /** The receipt now with each line the cashier saw as they saw it, lines they did not see left out. */
  private static Receipt asSeen(Receipt now, Receipt seen) {
    List<Line> lines = new ArrayList<>();
    for (Line l : now.lines()) {
      Line was = seen.line(l.id());
      if (was != null) lines.add(was.with(b -> b.note(l.note()).sent(l.sent()).sentAt(l.sentAt())));
    }
    return now.with(b -> b.lines(lines).discount(seen.discount()));
  }

  /** What colleagues added: lines the cashier did not see, and the raised part of lines they did. */
  private static List<Line> added(Receipt now, Receipt seen, Context c) {
    List<Line> out = new ArrayList<>();
    for (Line l : now.lines()) {
      Line was = seen.line(l.id());
      if (was == null) {
        out.add(l);
      } else if (l.quantity() > was.quantity()) {
        long more = l.quantity() - was.quantity();
        String id = DerivedIds.recoveredLine(l.id(), c.actor().deviceId(), c.n());
        out.add(l.with(b -> b.id(id).quantity(more)
            .discount(l.discount() == null ? null : l.discount().movedPart(more, l.quantity()))));
      }
    }
    return out;
  }

  /** Steps 1 and 2: nothing closes; the payment waits in an attention item. */
  private static Outcome only(OfflineCommands.PayOffline x, AttentionItem.Kind kind, Receipt r, String saleId,
      Context c) {
    AttentionItem item = new AttentionItem(id(c), kind, x.receiptId(), r == null ? null : r.name(), null, saleId,
        x.amount(), x.amount(), r == null ? null : r.total(), x.paidAt());
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("attention", kind.name());
    result.put("attentionId", item.id());
    result.put("amount", x.amount());
    result.put("unsold", x.amount());
    if (saleId != null) result.put("saleId", saleId);
    return new Accepted(List.of(), Set.of(), x.receiptId(), result, null, false, null, item);
  }

  /** One item per command: derived from the device and its command number. */
  private static String id(Context c) {
    return DerivedIds.uuid5("attention/" + c.actor().deviceId() + "/" + c.n()).toString();
  }
}
