package paragon.receipts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the rules may look at, loaded by the store under the command's locks: the receipts the command
 * names (with their recovery receipts when closed), where the named lines live, the receipt names in
 * use per space (every language of a default name), the table's current generation, the device's own
 * open receipts and leases, the ids named by the command that another account already uses, and which
 * of the users it names are disabled now (a security change: it applies before the device syncs), and
 * the spaces the command holds locked, and, for an offline payment, the receipt as its cashier saw it
 * ({@link OfflineSeen}; null: not loaded or not foldable). Each of the counts and sets besides the receipts is loaded only
 * for the commands whose rule reads it (zero or empty for the others: {@link StateLoader}).
 */
record RuleState(
    Map<String, Receipt> receipts,
    Map<String, String> lineHomes,
    Set<String> removedLines,
    Map<String, Set<String>> namesInUse,
    long slotGeneration,
    int deviceOpenReceipts,
    int deviceLeases,
    Set<String> takenElsewhere,
    Set<Long> disabledUsers,
    Set<String> lockedSpaces,
    Receipt seen) {

  RuleState(Map<String, Receipt> receipts, Map<String, String> lineHomes, Set<String> removedLines,
      Map<String, Set<String>> namesInUse, long slotGeneration, int deviceOpenReceipts, int deviceLeases,
      Set<String> takenElsewhere, Set<Long> disabledUsers, Set<String> lockedSpaces) {
    this(receipts, lineHomes, removedLines, namesInUse, slotGeneration, deviceOpenReceipts, deviceLeases,
        takenElsewhere, disabledUsers, lockedSpaces, null);
  }

  RuleState(Map<String, Receipt> receipts, Map<String, String> lineHomes, Set<String> removedLines,
      Map<String, Set<String>> namesInUse, long slotGeneration, int deviceOpenReceipts, int deviceLeases,
      Set<String> takenElsewhere, Set<Long> disabledUsers) {
    this(receipts, lineHomes, removedLines, namesInUse, slotGeneration, deviceOpenReceipts, deviceLeases,
        takenElsewhere, disabledUsers, Set.of());
  }

  RuleState(Map<String, Receipt> receipts, Map<String, String> lineHomes, Set<String> removedLines,
      Map<String, Set<String>> namesInUse, long slotGeneration, int deviceOpenReceipts, int deviceLeases,
      Set<String> takenElsewhere) {
    this(receipts, lineHomes, removedLines, namesInUse, slotGeneration, deviceOpenReceipts, deviceLeases,
        takenElsewhere, Set.of());
  }

  /** An id a new receipt may not take: used here, or by another account (which must stay invisible). */
  boolean receiptIdTaken(String id) {
    return receipts.containsKey(id) || takenElsewhere.contains(id);
  }

  boolean lineIdTaken(String id) {
    return lineHomes.containsKey(id) || takenElsewhere.contains(id);
  }

  Receipt receipt(String id) {
    return id == null ? null : receipts.get(id);
  }

  /** The receipt that holds line {@code lineId} now (live or closed), or null. */
  Receipt homeOf(String lineId) {
    return receipt(lineHomes.get(lineId));
  }

  /**
   * The number of a new ad-hoc receipt of {@code space}: the lowest whose name no open receipt of the
   * space and none of {@code tables} (the list's table names) uses ({@link Numbering}).
   */
  long nextNumber(String space, Collection<String> tables, Names names) {
    List<String> used = new ArrayList<>(namesInUse.getOrDefault(space, Set.of()));
    used.addAll(tables);
    return Numbering.lowestFree(used, names);
  }
}
