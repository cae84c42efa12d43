package paragon.receipts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rule 4 across a sharing history (docs/decisions.md, "Receipts join the shop when sharing returns"):
 * the open receipts a device parked in its own space while sharing was not effective for it move into
 * its shop's space when it acknowledges a revision where sharing is effective, so that a table has one
 * open receipt in the shop and no line stays where the other terminals cannot reach it.
 *
 * <ol>
 *   <li>A table whose shop receipt is open is merged into it: its lines are appended, its note is
 *       appended to the shop's (" · ", cut at the note limit), its guests are added (up to the limit).
 *       The shop receipt keeps its owner, state, payment lease and receipt discount (or takes the local
 *       one when it has none; a local one it cannot take is named in the audit entry).</li>
 *   <li>A table the shop has not open moves there under the shop's id of that table (its current
 *       generation), as an open receipt (a lease taken in the device's space named the old id).</li>
 *   <li>Either way the local table ends DELETED (its space starts its next generation) and late
 *       commands for it follow rule 6 (a recovery receipt), as after an ordinary merge.</li>
 *   <li>An ad-hoc receipt keeps its id, lines, owner and lease and takes the lowest number free in the
 *       shop; an untouched default name ("Sprzedaż 1" / "Sale 1") is renamed after the new number. Its
 *       old space is told with a DELETED copy (a change row only: the receipt row moves).</li>
 *   <li>A table too full to merge (the line limit) moves as an ad-hoc receipt under its own name.</li>
 * </ol>
 * A pure function of what the store loaded under the locks of both spaces.
 */
final class JoinRules {
  private JoinRules() {}

  /**
   * One write: {@code receipt} as it is after the join; {@code rowOnly}: only a change row of its
   * (old) space, the receipt row being written by the step that moved it; {@code audit}: the
   * summary of the audit entry written for it, or null for none.
   */
  record Step(Receipt receipt, boolean rowOnly, Map<String, Object> audit) {}

  /**
   * {@code local}: the open receipts of the device's space, oldest first; {@code shopTables}: for each
   * slot among them, the shop's open receipt of its current generation (absent: none open);
   * {@code generations}: the shop's current generation per slot; {@code namesInUse}: the names of the
   * shop's open receipts and of the list's tables ({@link Numbering}); {@code names}: how default names
   * read, the account's language giving the stored {@code name} of a receipt renamed after its number.
   */
  static List<Step> join(List<Receipt> local, String shopSpace, Map<String, Receipt> shopTables,
      Map<String, Long> generations, Set<String> namesInUse, Names names, long now) {
    Map<String, Receipt> tables = new HashMap<>(shopTables);
    Set<String> used = new HashSet<>(namesInUse);
    List<Step> rows = new ArrayList<>();
    Map<String, Step> shop = new LinkedHashMap<>();
    for (Receipt r : local) {
      boolean table = r.slotId() != null && r.kind() == Kind.TABLE;
      Receipt target = table ? tables.get(r.slotId()) : null;
      if (table && target == null) {
        long generation = generations.getOrDefault(r.slotId(), 1L);
        target = moved(r, DerivedIds.table(shopSpace, r.slotId(), generation), shopSpace, generation, null, r.name(),
            null, Kind.TABLE, now).withState(State.OPEN).with(b -> b.lines(List.of()).note(null).guests(0));
      }
      if (table && target.lines().size() + r.lines().size() <= Limits.MAX_LINES) {
        Receipt merged = mergeInto(target, r, now);
        tables.put(r.slotId(), merged);
        rows.add(new Step(r.deletedAt(now), false, Map.of("joinedReceiptId", merged.id())));
        Map<String, Object> audit = new LinkedHashMap<>(Map.of("mergedReceiptId", r.id(), "from", r.name()));
        // A join cannot be refused: a local receipt discount the shop's receipt cannot take is named here.
        if (r.discount() != null && !r.discount().equals(merged.discount())) audit.put("droppedDiscount", r.discount());
        shop.put(merged.id(), new Step(merged, false, audit));
        continue;
      }
      // Ad-hoc (or a table too full to merge): the same receipt, now in the shop.
      Long number = r.number() == null && !table ? null : next(used, names);
      boolean untouched = r.defaultName() != null && !r.defaultName().recovered() && r.defaultName().number() != null;
      DefaultName defaultName = untouched ? DefaultName.sale(number) : table ? null : r.defaultName();
      String name = untouched ? names.inAccountLanguage(defaultName) : r.name();
      used.addAll(Numbering.names(name, defaultName, names));
      Receipt moved = moved(r, r.id(), shopSpace, null, number, name, defaultName, Kind.AD_HOC, now);
      rows.add(new Step(r.deletedAt(now), true, null));
      shop.put(moved.id(), new Step(moved, false, number == null ? Map.of("name", name)
          : Map.of("name", name, "number", number)));
    }
    List<Step> out = new ArrayList<>(rows);
    out.addAll(shop.values());
    return out;
  }

  /** The lowest number whose name is free, now taken (its names in every language are in use). */
  private static long next(Set<String> used, Names names) {
    long n = Numbering.lowestFree(used, names);
    used.addAll(names.inEveryLanguage(DefaultName.sale(n)));
    return n;
  }

  private static Receipt mergeInto(Receipt target, Receipt source, long now) {
    List<Line> lines = new ArrayList<>(target.lines());
    lines.addAll(source.lines());
    int guests = Math.min(Limits.MAX_GUESTS, target.guests() + source.guests());
    Discount discount = target.discount() != null ? target.discount() : source.discount();
    return target.with(b -> b.lines(lines).note(notes(target.note(), source.note())).guests(guests)
        .discount(discount).updatedAt(now));
  }

  /** Both notes, the shop's first; cut at the note limit (by code points) when together they are longer. */
  static String notes(String first, String second) {
    String both = MoveRules.joinNotes(first, second);
    if (both == null || both.codePointCount(0, both.length()) <= Limits.MAX_NOTE) return both;
    return both.substring(0, both.offsetByCodePoints(0, Limits.MAX_NOTE));
  }

  private static Receipt moved(Receipt r, String id, String space, Long generation, Long number, String name,
      DefaultName defaultName, Kind kind, long now) {
    boolean table = kind == Kind.TABLE;
    return r.with(b -> b.id(id).space(space).slotId(table ? r.slotId() : null).generation(table ? generation : null)
        .number(number).name(name).defaultName(defaultName).kind(kind).seq(0).contentSeq(0).updatedAt(now));
  }
}
