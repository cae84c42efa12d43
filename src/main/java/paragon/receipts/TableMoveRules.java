package paragon.receipts;

import java.util.List;
import java.util.Map;
import java.util.Set;
import paragon.configuration.ConfigSnapshot;
import paragon.receipts.Outcome.Accepted;

/**
 * Moving a whole receipt to a free table (issue 12, "Move a table"). A table's receipt has the id
 * derived from its slot and generation ({@link DerivedIds#table}), so that every terminal opening the
 * table meets in it: the moved receipt therefore becomes the target table's receipt of its current
 * generation, with everything the source had (lines with their ids, sent flags, modifiers and
 * discounts, the receipt discount, note, guests, owner, who created it and when, attention), and the
 * source ends DELETED, as in a merge (a table source: its next generation starts, so it is free).
 * Both receipts' trails record the command, which names the source; a late line sent to the source
 * is recovered as after any merge (rule 6).
 */
final class TableMoveRules {
  private TableMoveRules() {}

  static Outcome move(MoveCommands.MoveReceipt x, RuleState s, Context c) {
    Receipt source = s.receipt(x.receiptId());
    Guards.requireEditable(source, x.receiptId(), c);
    if (!c.actor().config().parkingEnabled()) return Refusals.of("parking_off", Map.of());
    ConfigSnapshot.Slot slot = c.actor().config().slots().stream()
        .filter(t -> t.id().equals(x.slotId())).findFirst().orElse(null);
    if (slot == null) return Refusals.of("unknown_table", Map.of("slotId", x.slotId()), x.slotId());
    String space = c.actor().space();
    long generation = s.slotGeneration();
    String id = DerivedIds.table(space, slot.id(), generation);
    if (id.equals(source.id())) return Refusals.of("same_receipt", Map.of());
    Receipt there = s.receipt(id);
    if (there != null) {
      // The target's receipt id says it is the table's; not whose it is (rule 2): the name is the table's.
      if (there.isOpen()) {
        return Refusals.of("occupied", Map.of("slotId", slot.id(), "receiptId", there.id()), slot.name());
      }
      return Refusals.of("table_generation", Map.of("current", generation + 1), slot.name());
    }
    // A payment lease of this device ends with the source, as in a merge: the payment starts again on the table.
    Receipt moved = ReceiptRules.fresh(id, space, slot.id(), generation, null, slot.name(), null, Kind.TABLE,
            source.attention(), source.recoveredFrom(), c)
        .with(b -> b.owner(source.ownerUserId(), source.ownerRoleId())
            .createdBy(source.createdByUserId(), source.createdOnDevice()).note(source.note())
            .guests(source.guests()).lines(source.lines()).discount(source.discount())
            .createdAt(source.createdAt()));
    Receipt gone = source.deletedAt(c.now());
    return new Accepted(List.of(gone, moved), Set.of(), moved.id(),
        Map.of("receiptId", moved.id(), "movedReceiptId", gone.id(), "slotId", slot.id(), "generation", generation,
            "name", moved.name()),
        null, false);
  }
}
