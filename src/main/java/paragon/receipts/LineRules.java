package paragon.receipts;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import paragon.accounts.Permission;
import paragon.configuration.ConfigSnapshot;
import paragon.receipts.Outcome.Accepted;

/** Add, adjust, remove, mark sent, change price, note a line, set its course or seat. */
final class LineRules {
  private LineRules() {}

  static Outcome add(LineCommands.AddLine x, RuleState s, Context c) {
    Receipt r = s.receipt(x.receiptId());
    Guards.requireReach(r, x.receiptId(), c);
    if (s.lineIdTaken(x.lineId())) return Refusals.of("exists", Map.of("field", "lineId"), x.lineId());
    // Rule 2 before rule 6: a late line is recovered only for someone who may see the paid receipt,
    // and only into a recovery receipt they may see, exactly as if the receipt were still open.
    Guards.requireVisible(r, c);
    boolean recovered = !r.isOpen();
    if (recovered) {
      r = Recovery.target(r, s, c);
      Guards.requireVisible(r, c);
    }
    Guards.requireNoLease(r, c);
    Line line = line(x, c);
    Line same = c.actor().config().mergeLines() && x.unitPrice() == null ? mergeTarget(r, line) : null;
    if (same != null) {
      // The owner's setting (issue 15): a product tapped again adds to its line. The command's own lineId
      // names no line then; the result names the line that grew (the command log keeps the command).
      long q = same.quantity() + line.quantity();
      Receipt after = r.withLine(same.id(), l -> l.with(b -> b.quantity(q))).touchedAt(c.now());
      return Accepted.of(after).withResult(Map.of("receiptId", after.id(), "lineId", same.id(),
          "recovered", recovered, "merged", true));
    }
    if (r.lines().size() >= Limits.MAX_LINES) return Refusals.limit(Limits.Name.LINES);
    Receipt after = r.plusLine(line).touchedAt(c.now());
    return Accepted.of(after)
        .withResult(Map.of("receiptId", after.id(), "lineId", x.lineId(), "recovered", recovered));
  }

  /**
   * The line of {@code r} that {@code line} adds to instead of being a line of its own, or null: a
   * catalog product's line not sent to the kitchen, of the same product, price, course and seat, with no
   * note, no modifiers and no discount on either, and room for the quantity (docs/protocol.md, addLine).
   * The terminal's preview asks the same (line-merge.js).
   */
  static Line mergeTarget(Receipt r, Line line) {
    if (line.productId() == null || line.note() != null || !line.modifiers().isEmpty()) return null;
    for (Line l : r.lines()) {
      if (!l.sent() && line.productId().equals(l.productId()) && l.unitPrice() == line.unitPrice()
          && Guards.note(l.note()) == null && l.modifiers().isEmpty() && l.discount() == null
          && java.util.Objects.equals(l.course(), line.course()) && java.util.Objects.equals(l.seat(), line.seat())
          && l.quantity() + line.quantity() <= Limits.MAX_QUANTITY) {
        return l;
      }
    }
    return null;
  }

  /** The line to add, priced from the applied catalog or as a free item; throws its refusal. */
  private static Line line(LineCommands.AddLine x, Context c) {
    long q = x.quantity();
    if (q < Limits.MIN_QUANTITY) throw Guards.refuse(Refusals.quantityTooLow());
    if (q > Limits.MAX_QUANTITY) throw Guards.refuse(Refusals.limit(Limits.Name.QUANTITY));
    String note = Guards.note(x.note());
    Guards.requireNoteLength(note);
    if (x.productId() != null) {
      ConfigSnapshot.Product p = c.actor().config().products().stream()
          .filter(pr -> pr.id() == x.productId()).findFirst().orElse(null);
      if (p == null) throw Guards.refuse(Refusals.notFound("productId", x.productId()));
      // The configuration's products are the shop's, each at the shop's price (EffectiveConfig).
      List<Modifier> chosen = ModifierRules.choose(p, x.modifiers(), c.actor().config().modifierGroups());
      long price = ModifierRules.price(p.price(), chosen);
      if (x.unitPrice() != null) {
        // A price of its own for a catalog product is a price change (the audit row keeps the command).
        Guards.requirePermission(Permission.CHANGE_PRICES, c);
        requireUnitPrice(x.unitPrice());
        price = x.unitPrice();
      }
      if (price > Limits.MAX_UNIT_PRICE) throw Guards.refuse(Refusals.limit(Limits.Name.UNIT_PRICE));
      Integer course = x.course() != null ? x.course() : c.actor().config().courseOf(p);
      return new Line(x.lineId(), p.id(), p.name(), price, q, Vat.of(p.vat()), note, false, chosen, null, course,
          x.seat(), null);
    }
    Guards.requireName(x.name());
    requireUnitPrice(x.unitPrice());
    Vat vat = Vat.of(x.vat());
    if (vat == null) throw Guards.refuse(Refusals.invalid("vat", "refusal.invalid.vat"));
    return new Line(x.lineId(), null, x.name().strip(), x.unitPrice(), q, vat, note, false, List.of(), null,
        x.course(), x.seat(), null);
  }

  private static void requireUnitPrice(long price) {
    if (price < 0) throw Guards.refuse(Refusals.invalid("unitPrice", "refusal.invalid.negative"));
    if (price > Limits.MAX_UNIT_PRICE) throw Guards.refuse(Refusals.limit(Limits.Name.UNIT_PRICE));
  }

  static Outcome adjust(LineCommands.AdjustQuantity x, RuleState s, Context c) {
    Receipt r = s.homeOf(x.lineId());
    Guards.requireReach(r, "lineId", x.lineId(), c);
    if (s.removedLines().contains(x.lineId())) return Refusals.of("line_removed", Map.of("lineId", x.lineId()));
    Line line = r.line(x.lineId());
    if (!r.isOpen()) {
      if (x.delta() < 0) return Refusals.closed(r);
      // An increase that arrives after the receipt was paid is a new sale of that item: recover it,
      // which copies the line, so only for someone who may see the paid receipt and the recovery one.
      Guards.requireVisible(r, c);
      Receipt target = Recovery.target(r, s, c);
      Guards.requireVisible(target, c);
      Guards.requireNoLease(target, c);
      if (target.lines().size() >= Limits.MAX_LINES) return Refusals.limit(Limits.Name.LINES);
      if (x.delta() > Limits.MAX_QUANTITY) return Refusals.limit(Limits.Name.QUANTITY);
      String copyId = DerivedIds.recoveredLine(line.id(), c.actor().deviceId(), c.n());
      // The copy keeps the modifiers (its price) and a percent discount; an amount was for the paid line.
      Discount d = line.discount();
      Discount kept = d != null && d.kind() == Discount.Type.PERCENT ? d : null;
      Line copy = line.with(b -> b.id(copyId).quantity(x.delta()).sent(false).sentAt(null).discount(kept));
      Receipt after = target.plusLine(copy).touchedAt(c.now());
      return Accepted.of(after).withResult(Map.of("receiptId", after.id(), "lineId", copy.id(), "recovered", true));
    }
    Guards.requireVisible(r, c);
    Guards.requireNoLease(r, c);
    long q = line.quantity() + x.delta();
    if (q < Limits.MIN_QUANTITY) return Refusals.quantityTooLow();
    if (q > Limits.MAX_QUANTITY) return Refusals.limit(Limits.Name.QUANTITY);
    if (x.delta() < 0 && line.sent()) Guards.requirePermission(Permission.VOID_LINES, c);
    return Accepted.of(r.withLine(line.id(), l -> l.with(b -> b.quantity(q))).touchedAt(c.now()));
  }

  static Outcome remove(LineCommands.RemoveLine x, RuleState s, Context c) {
    Receipt r = s.homeOf(x.lineId());
    Guards.requireReach(r, "lineId", x.lineId(), c);
    if (s.removedLines().contains(x.lineId())) return Accepted.noChange(r.id());
    Guards.requireOpen(r);
    Guards.requireVisible(r, c);
    Guards.requireNoLease(r, c);
    if (r.line(x.lineId()).sent()) Guards.requirePermission(Permission.VOID_LINES, c);
    return new Accepted(List.of(r.minusLine(x.lineId()).touchedAt(c.now())), Set.of(x.lineId()), r.id(), Map.of(),
        null, false);
  }

  static Outcome markSent(LineCommands.MarkSent x, RuleState s, Context c) {
    Receipt r = s.receipt(x.receiptId());
    Guards.requireEditable(r, x.receiptId(), c);
    Set<String> ids = new HashSet<>();
    if (x.lineIds() == null) r.lines().forEach(l -> ids.add(l.id()));
    else ids.addAll(x.lineIds());
    for (String id : ids) if (r.line(id) == null) return Refusals.notFound("lineId", id);
    // Courses after upToCourse are held: they stay new until a later send fires them.
    if (x.upToCourse() != null) {
      ids.removeIf(id -> r.line(id).course() != null && r.line(id).course() > x.upToCourse());
    }
    Receipt after = r;
    // A line sent again keeps when it was first sent (the kitchen's clock runs from then).
    for (String id : ids) after = after.withLine(id, l -> l.sent() ? l : l.with(b -> b.sent(true).sentAt(c.now())));
    return Accepted.of(after.touchedAt(c.now()));
  }

  static Outcome changePrice(LineCommands.ChangePrice x, RuleState s, Context c) {
    Receipt r = editableLine(x.lineId(), s, c);
    Guards.requirePermission(Permission.CHANGE_PRICES, c);
    requireUnitPrice(x.unitPrice());
    return Accepted.of(r.withLine(x.lineId(), l -> l.with(b -> b.unitPrice(x.unitPrice()))).touchedAt(c.now()));
  }

  static Outcome note(LineCommands.NoteLine x, RuleState s, Context c) {
    Receipt r = editableLine(x.lineId(), s, c);
    String note = Guards.note(x.note());
    Guards.requireNoteLength(note);
    return Accepted.of(r.withLine(x.lineId(), l -> l.with(b -> b.note(note))).touchedAt(c.now()));
  }

  static Outcome course(LineCommands.SetLineCourse x, RuleState s, Context c) {
    Receipt r = editableLine(x.lineId(), s, c);
    return Accepted.of(r.withLine(x.lineId(), l -> l.with(b -> b.course(x.course()))).touchedAt(c.now()));
  }

  static Outcome seat(LineCommands.SetLineSeat x, RuleState s, Context c) {
    Receipt r = editableLine(x.lineId(), s, c);
    return Accepted.of(r.withLine(x.lineId(), l -> l.with(b -> b.seat(x.seat()))).touchedAt(c.now()));
  }

  /** The open receipt holding live line {@code lineId} that this device may change; throws the refusal. */
  static Receipt editableLine(String lineId, RuleState s, Context c) {
    Receipt r = s.homeOf(lineId);
    Guards.requireReach(r, "lineId", lineId, c);
    if (s.removedLines().contains(lineId)) throw Guards.refuse(Refusals.of("line_removed", Map.of("lineId", lineId)));
    Guards.requireEditable(r, r.id(), c);
    return r;
  }
}
