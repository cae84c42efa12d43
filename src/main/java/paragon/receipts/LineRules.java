package paragon.receipts;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import paragon.accounts.Permission;
import paragon.configuration.ConfigSnapshot;
import paragon.receipts.Outcome.Accepted;
import paragon.receipts.Outcome.Refused;

/** Add, adjust, remove, mark sent, change price, note a line. */
final class LineRules {
  private LineRules() {}

  static Outcome add(LineCommands.AddLine x, RuleState s, Context c) {
    Receipt r = s.receipt(x.receiptId());
    Refused no = Guards.reach(r, x.receiptId(), c);
    if (no != null) return no;
    if (s.lineIdTaken(x.lineId())) return Refusals.of("exists", Map.of("field", "lineId"), x.lineId());
    // Rule 2 before rule 6: a late line is recovered only for someone who may see the paid receipt,
    // and only into a recovery receipt they may see, exactly as if the receipt were still open.
    no = Guards.visible(r, c);
    if (no != null) return no;
    boolean recovered = !r.isOpen();
    if (recovered) {
      r = Recovery.target(r, s, c);
      no = Guards.visible(r, c);
      if (no != null) return no;
    }
    no = Guards.lease(r, c);
    if (no != null) return no;
    Object line = line(x, c);
    if (line instanceof Refused refused) return refused;
    if (r.lines().size() >= Limits.MAX_LINES) return Refusals.limit(Limits.Name.LINES);
    Receipt after = r.plusLine((Line) line).touchedAt(c.now());
    return Accepted.of(after).withResult(Map.of("receiptId", after.id(), "lineId", x.lineId(), "recovered", recovered));
  }

  /** The line to add, priced from the applied catalog or as a free item, or the refusal. */
  private static Object line(LineCommands.AddLine x, Context c) {
    long q = x.quantity();
    if (q < Limits.MIN_QUANTITY) return Refusals.quantityTooLow();
    if (q > Limits.MAX_QUANTITY) return Refusals.limit(Limits.Name.QUANTITY);
    String note = Guards.note(x.note());
    Refused no = Guards.noteLength(note);
    if (no != null) return no;
    if (x.productId() != null) {
      ConfigSnapshot.Product p = c.actor().config().products().stream()
          .filter(pr -> pr.id() == x.productId()).findFirst().orElse(null);
      if (p == null) return Refusals.notFound("productId", x.productId());
      long price = p.price();
      if (x.unitPrice() != null) {
        // A price of its own for a catalog product is a price change (the audit row keeps the command).
        if (!c.actor().may(Permission.CHANGE_PRICES)) return Refusals.permission(Permission.CHANGE_PRICES);
        no = unitPrice(x.unitPrice());
        if (no != null) return no;
        price = x.unitPrice();
      }
      return new Line(x.lineId(), p.id(), p.name(), price, q, Vat.of(p.vat()), note, false);
    }
    no = Guards.name(x.name());
    if (no != null) return no;
    no = unitPrice(x.unitPrice());
    if (no != null) return no;
    Vat vat = Vat.of(x.vat());
    if (vat == null) return Refusals.invalid("vat", "refusal.invalid.vat");
    return new Line(x.lineId(), null, x.name().strip(), x.unitPrice(), q, vat, note, false);
  }

  private static Refused unitPrice(long price) {
    if (price < 0) return Refusals.invalid("unitPrice", "refusal.invalid.negative");
    if (price > Limits.MAX_UNIT_PRICE) return Refusals.limit(Limits.Name.UNIT_PRICE);
    return null;
  }

  static Outcome adjust(LineCommands.AdjustQuantity x, RuleState s, Context c) {
    Receipt r = s.homeOf(x.lineId());
    Refused no = Guards.reach(r, x.lineId(), c);
    if (no != null) return Refusals.notFound("lineId", x.lineId());
    if (s.removedLines().contains(x.lineId())) return Refusals.of("line_removed", Map.of("lineId", x.lineId()));
    Line line = r.line(x.lineId());
    if (!r.isOpen()) {
      if (x.delta() < 0) return Refusals.closed(r);
      // An increase that arrives after the receipt was paid is a new sale of that item: recover it,
      // which copies the line, so only for someone who may see the paid receipt and the recovery one.
      no = Guards.visible(r, c);
      if (no != null) return no;
      Receipt target = Recovery.target(r, s, c);
      no = Guards.visible(target, c);
      if (no == null) no = Guards.lease(target, c);
      if (no != null) return no;
      if (target.lines().size() >= Limits.MAX_LINES) return Refusals.limit(Limits.Name.LINES);
      if (x.delta() > Limits.MAX_QUANTITY) return Refusals.limit(Limits.Name.QUANTITY);
      Line copy = new Line(DerivedIds.recoveredLine(line.id(), c.actor().deviceId(), c.n()),
          line.productId(), line.name(), line.unitPrice(), x.delta(), line.vat(), line.note(), false);
      Receipt after = target.plusLine(copy).touchedAt(c.now());
      return Accepted.of(after).withResult(Map.of("receiptId", after.id(), "lineId", copy.id(), "recovered", true));
    }
    no = Guards.visible(r, c);
    if (no == null) no = Guards.lease(r, c);
    if (no != null) return no;
    long q = line.quantity() + x.delta();
    if (q < Limits.MIN_QUANTITY) return Refusals.quantityTooLow();
    if (q > Limits.MAX_QUANTITY) return Refusals.limit(Limits.Name.QUANTITY);
    if (x.delta() < 0 && line.sent() && !c.actor().may(Permission.VOID_LINES)) {
      return Refusals.permission(Permission.VOID_LINES);
    }
    return Accepted.of(r.withLine(line.id(), l -> l.withQuantity(q)).touchedAt(c.now()));
  }

  static Outcome remove(LineCommands.RemoveLine x, RuleState s, Context c) {
    Receipt r = s.homeOf(x.lineId());
    if (Guards.reach(r, x.lineId(), c) != null) return Refusals.notFound("lineId", x.lineId());
    if (s.removedLines().contains(x.lineId())) return Accepted.noChange(r.id());
    Refused no = Guards.open(r);
    if (no == null) no = Guards.visible(r, c);
    if (no == null) no = Guards.lease(r, c);
    if (no != null) return no;
    if (r.line(x.lineId()).sent() && !c.actor().may(Permission.VOID_LINES)) {
      return Refusals.permission(Permission.VOID_LINES);
    }
    return new Accepted(List.of(r.minusLine(x.lineId()).touchedAt(c.now())), Set.of(x.lineId()), r.id(), Map.of(),
        null, false);
  }

  static Outcome markSent(LineCommands.MarkSent x, RuleState s, Context c) {
    Receipt r = s.receipt(x.receiptId());
    Refused no = Guards.editable(r, x.receiptId(), c);
    if (no != null) return no;
    Set<String> ids = new HashSet<>();
    if (x.lineIds() == null) r.lines().forEach(l -> ids.add(l.id()));
    else ids.addAll(x.lineIds());
    for (String id : ids) if (r.line(id) == null) return Refusals.notFound("lineId", id);
    Receipt after = r;
    for (String id : ids) after = after.withLine(id, Line::asSent);
    return Accepted.of(after.touchedAt(c.now()));
  }

  static Outcome changePrice(LineCommands.ChangePrice x, RuleState s, Context c) {
    Object found = editableLine(x.lineId(), s, c);
    if (found instanceof Refused no) return no;
    Receipt r = (Receipt) found;
    if (!c.actor().may(Permission.CHANGE_PRICES)) return Refusals.permission(Permission.CHANGE_PRICES);
    Refused price = unitPrice(x.unitPrice());
    if (price != null) return price;
    return Accepted.of(r.withLine(x.lineId(), l -> l.withPrice(x.unitPrice())).touchedAt(c.now()));
  }

  static Outcome note(LineCommands.NoteLine x, RuleState s, Context c) {
    Object found = editableLine(x.lineId(), s, c);
    if (found instanceof Refused no) return no;
    Receipt r = (Receipt) found;
    String note = Guards.note(x.note());
    Refused no = Guards.noteLength(note);
    if (no != null) return no;
    return Accepted.of(r.withLine(x.lineId(), l -> l.withNote(note)).touchedAt(c.now()));
  }

  /** The open receipt holding live line {@code lineId} that this device may change, or the refusal. */
  private static Object editableLine(String lineId, RuleState s, Context c) {
    Receipt r = s.homeOf(lineId);
    if (Guards.reach(r, lineId, c) != null) return Refusals.notFound("lineId", lineId);
    if (s.removedLines().contains(lineId)) return Refusals.of("line_removed", Map.of("lineId", lineId));
    Refused no = Guards.editable(r, r.id(), c);
    return no != null ? no : r;
  }
}
