package paragon.receipts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import paragon.receipts.Outcome.Accepted;

/**
 * Split (move lines, whole or part of a quantity) and merge. Moved lines keep their sent flag, their
 * modifiers and their discounts; receipt discounts stay with their receipts.
 */
final class MoveRules {
  private MoveRules() {}

  static Outcome move(MoveCommands.MoveLines x, RuleState s, Context c) {
    if (x.receiptId().equals(x.targetReceiptId())) return Refusals.of("same_receipt", Map.of());
    Receipt source = s.receipt(x.receiptId());
    Guards.requireEditable(source, x.receiptId(), c);
    Receipt target = s.receipt(x.targetReceiptId());
    if (x.newTarget()) {
      if (s.receiptIdTaken(x.targetReceiptId())) {
        return Refusals.of("exists", Map.of("field", "targetReceiptId"), x.targetReceiptId());
      }
      ReceiptRules.requireOneCurrentReceipt(s, c);
      target = ReceiptRules.adHoc(x.targetReceiptId(), source.space(), s, c);
    } else {
      Guards.requireEditable(target, x.targetReceiptId(), c);
    }
    List<Line> moved = new ArrayList<>();
    Receipt after = source;
    Set<String> seen = new HashSet<>();
    for (MoveCommands.MoveLines.Part part : x.lines()) {
      if (!seen.add(part.lineId())) return Refusals.invalid("lines.lineId", "refusal.invalid.repeated");
      Line line = source.line(part.lineId());
      if (line == null) return Refusals.notFound("lineId", part.lineId());
      long q = part.quantity() == null ? line.quantity() : part.quantity();
      if (q < Limits.MIN_QUANTITY || q > line.quantity()) {
        return Refusals.invalid("lines.quantity", "refusal.invalid.move_quantity");
      }
      if (q == line.quantity()) {
        moved.add(line);
        after = after.minusLine(line.id());
      } else {
        if (part.newLineId() == null) return Refusals.invalid("lines.newLineId", "refusal.invalid.missing");
        if (s.lineIdTaken(part.newLineId()) || !seen.add(part.newLineId())) {
          return Refusals.of("exists", Map.of("field", "newLineId"), part.newLineId());
        }
        // The part keeps the modifiers; a percent discount holds for both parts, an amount is split
        // in proportion to the quantities (docs/protocol.md, moveLines).
        Discount d = line.discount();
        Discount movedPart = d == null ? null : d.movedPart(q, line.quantity());
        Discount rest = d == null ? null : d.remainingPart(q, line.quantity());
        moved.add(line.with(b -> b.id(part.newLineId()).quantity(q).discount(movedPart)));
        after = after.withLine(line.id(), l -> l.with(b -> b.quantity(l.quantity() - q).discount(rest)));
      }
    }
    if (target.lines().size() + moved.size() > Limits.MAX_LINES) return Refusals.limit(Limits.Name.LINES);
    List<Line> targetLines = new ArrayList<>(target.lines());
    targetLines.addAll(moved);
    Receipt newTarget = target.with(b -> b.lines(targetLines).updatedAt(c.now()));
    return new Accepted(List.of(after.touchedAt(c.now()), newTarget), Set.of(), source.id(),
        Map.of("receiptId", source.id(), "targetReceiptId", newTarget.id(), "targetName", newTarget.name()),
        null, false);
  }

  /**
   * Every line of the source moves to the target, with its note (appended) and guests (added); the
   * source ends DELETED (a table: next generation).
   */
  static Outcome merge(MoveCommands.Merge x, RuleState s, Context c) {
    if (x.receiptId().equals(x.targetReceiptId())) return Refusals.of("same_receipt", Map.of());
    Receipt source = s.receipt(x.receiptId());
    Guards.requireEditable(source, x.receiptId(), c);
    Receipt target = s.receipt(x.targetReceiptId());
    Guards.requireEditable(target, x.targetReceiptId(), c);
    // A receipt discount covers the lines it was given on: carried over it would grow or vanish.
    if (source.discount() != null) {
      return Refusals.of("receipt_discount", Map.of("receiptId", source.id()), Refusals.name(source));
    }
    if (target.lines().size() + source.lines().size() > Limits.MAX_LINES) {
      return Refusals.limit(Limits.Name.LINES);
    }
    // What the source knew stays with its lines: its note after the target's, its guests added. Past a
    // limit the merge is refused (nothing cut): the cashier shortens a note or corrects the guests first.
    String note = joinNotes(target.note(), source.note());
    Guards.requireNoteLength(note);
    int guests = target.guests() + source.guests();
    if (guests > Limits.MAX_GUESTS) return Refusals.limit(Limits.Name.GUESTS);
    List<Line> targetLines = new ArrayList<>(target.lines());
    targetLines.addAll(source.lines());
    Receipt merged = target.with(b -> b.lines(targetLines).note(note).guests(guests).updatedAt(c.now()));
    Receipt gone = source.deletedAt(c.now());
    return new Accepted(List.of(gone, merged), Set.of(), merged.id(),
        Map.of("receiptId", merged.id(), "mergedReceiptId", gone.id()), null, false);
  }

  /**
   * The one rule for two notes that meet (a merge, a join of a table when sharing returns): the
   * target's, then the source's ("a · b"); either alone when the other is empty; a source note the
   * target already has is not repeated. Whoever calls it decides what happens past the note limit.
   */
  static String joinNotes(String target, String source) {
    if (source == null || source.isBlank() || source.equals(target)) return target;
    if (target == null || target.isBlank()) return source;
    return target + " · " + source;
  }
}
