package paragon.receipts;

import java.util.Map;
import java.util.Set;

/**
 * What the rules may look at, loaded by the store under the command's locks: the receipts the command
 * names (with their recovery receipts when closed), where the named lines live, the ad-hoc numbers in
 * use per space, the table's current generation, the device's own open receipts and leases, and the
 * ids named by the command that another account already uses, and which of the users it names are
 * disabled now (a security change: it applies before the device syncs).
 */
record RuleState(
    Map<String, Receipt> receipts,
    Map<String, String> lineHomes,
    Set<String> removedLines,
    Map<String, Set<Long>> usedNumbers,
    long slotGeneration,
    int deviceOpenReceipts,
    int deviceLeases,
    Set<String> takenElsewhere,
    Set<Long> disabledUsers) {

  RuleState(Map<String, Receipt> receipts, Map<String, String> lineHomes, Set<String> removedLines,
      Map<String, Set<Long>> usedNumbers, long slotGeneration, int deviceOpenReceipts, int deviceLeases,
      Set<String> takenElsewhere) {
    this(receipts, lineHomes, removedLines, usedNumbers, slotGeneration, deviceOpenReceipts, deviceLeases,
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

  /** The lowest ad-hoc number not used by an open receipt of {@code space}. */
  long nextNumber(String space) {
    Set<Long> used = usedNumbers.getOrDefault(space, Set.of());
    long n = 1;
    while (used.contains(n)) n++;
    return n;
  }
}
