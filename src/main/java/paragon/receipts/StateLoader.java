package paragon.receipts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import paragon.accounts.Users;

/**
 * Loads the {@link RuleState} for one command inside its transaction, after locking every space the
 * command can touch (in name order, so two commands never wait on each other in a cycle). Locking the
 * space row serializes the space's commands on PostgreSQL, so concurrent deltas add up; SQLite has one
 * writer at a time anyway.
 *
 * <p>Few round trips (issue 11): 1. one read of where the named receipts and lines live; 2. lock those
 * spaces (and the device's own); 3. load the receipts; they confirm the first read, which may be stale
 * until the spaces are locked: each receipt read is still there, in a locked space, and still holds the
 * live lines it was read to hold, and no id that was new is taken now in this account; otherwise (a
 * concurrent move, join or create, rare) all of it once more. 4. Only what the command's rule reads besides.
 */
final class StateLoader {
  private StateLoader() {}

  static RuleState load(Handle h, Actor a, Command cmd, long now, Names names) {
    long account = a.accountId();
    String own = a.space();
    Set<String> locked = new TreeSet<>();
    for (int round = 0; ; round++) {
      if (round > 3) throw new IllegalStateException("lines of command keep moving between spaces");
      ReceiptStore.Where where = ReceiptStore.where(h, account, cmd.receiptRefs(), cmd.lineRefs());
      Set<String> spaces = new TreeSet<>(where.spaces());
      spaces.add(own);
      spaces.removeAll(locked);
      for (String space : spaces) ChangeWriter.lock(h, account, space);
      locked.addAll(spaces);
      Loaded loaded = loadReceipts(h, account, a, cmd, where, locked);
      if (loaded == null) continue;
      List<String> created = new ArrayList<>(cmd.receiptRefs());
      created.addAll(cmd.lineRefs());
      created.removeIf(id -> loaded.receipts.containsKey(id) || where.lineHomes().containsKey(id));
      ReceiptStore.Taken taken = ReceiptStore.taken(h, account, created);
      // Created in this account since it was read: read again (a receipt's id may be a line's, and so on).
      if (cmd.receiptRefs().stream().anyMatch(taken.receiptsHere()::contains)
          || cmd.lineRefs().stream().anyMatch(taken.linesHere()::contains)) {
        continue;
      }
      return state(h, a, cmd, now, names, loaded, where, locked, taken.elsewhere());
    }
  }

  private record Loaded(Map<String, Receipt> receipts, long generation) {}

  /** The receipts the command names and the homes of its lines; null when the read of {@code where} moved. */
  private static Loaded loadReceipts(Handle h, long account, Actor a, Command cmd, ReceiptStore.Where where,
      Set<String> locked) {
    // A receipt not there before the lock is loaded only if it is there now: the check of new ids says.
    Set<String> ids = new HashSet<>(where.receipts());
    ids.addAll(where.lineHomes().values());
    long generation = 1;
    String tableId = null;
    if (cmd instanceof ReceiptCommands.OpenTable t) {
      // Read under the lock of the device's space, which the table's receipt lives in.
      generation = ReceiptStore.generation(h, account, a.space(), t.slotId());
      tableId = DerivedIds.table(a.space(), t.slotId(), t.generation() == null ? generation : t.generation());
      ids.add(tableId);
    } else if (cmd instanceof MoveCommands.MoveReceipt m) {
      // The target table's receipt at its current generation: there (occupied) or not (free).
      generation = ReceiptStore.generation(h, account, a.space(), m.slotId());
      tableId = DerivedIds.table(a.space(), m.slotId(), generation);
      ids.add(tableId);
    }
    Map<String, Receipt> receipts = new HashMap<>();
    for (String id : ids) {
      Receipt r = ReceiptStore.load(h, account, id);
      if (r == null) {
        if (!id.equals(tableId)) return null;
        continue;
      }
      if (!locked.contains(r.space())) return null;
      receipts.put(id, r);
      // Rule 6: a closed receipt may pass its late lines on to its recovery chain, to its end (an open or
      // a missing link), however long: each link was made by a late line, so the chain is as long as the
      // shop made it, and stopping short would leave a line with nowhere to go. DerivedIds are derived one from
      // the other, so the chain cannot loop; the check guards against a hand-edited database.
      Set<String> chain = new HashSet<>(Set.of(id));
      // An offline payment may close an open receipt and move what it did not see to its recovery receipt.
      while (!r.isOpen() || cmd instanceof OfflineCommands.PayOffline && chain.size() == 1) {
        Receipt next = ReceiptStore.load(h, account, DerivedIds.recovery(r.id()));
        if (next == null || !chain.add(next.id())) break;
        receipts.put(next.id(), next);
        r = next;
      }
    }
    // A live line read before the lock may have moved or been removed since: its receipt says.
    for (Map.Entry<String, String> home : where.lineHomes().entrySet()) {
      if (where.removed().contains(home.getKey())) continue;
      if (receipts.get(home.getValue()).line(home.getKey()) == null) return null;
    }
    return new Loaded(receipts, generation);
  }

  /** The state, with only what this command's rule reads besides the receipts (issue 11). */
  private static RuleState state(Handle h, Actor a, Command cmd, long now, Names names, Loaded loaded,
      ReceiptStore.Where where, Set<String> locked, Set<String> takenElsewhere) {
    long account = a.accountId();
    // A new ad-hoc receipt takes a number (and, with parking off, must be the device's only one).
    boolean opensAdHoc = cmd instanceof ReceiptCommands.OpenAdHoc
        || cmd instanceof MoveCommands.MoveLines m && Boolean.TRUE.equals(m.newTarget());
    Map<String, Set<String>> numbers = new HashMap<>();
    if (opensAdHoc) {
      for (String space : locked) numbers.put(space, ReceiptStore.namesInUse(h, account, space, names));
    }
    int deviceOpen = opensAdHoc && !a.config().parkingEnabled()
        ? ReceiptStore.deviceOpenReceipts(h, account, a.deviceId(), a.space(), a.reachableSpaces())
        : 0;
    int leases = cmd instanceof PaymentCommands.DayClose ? ReceiptStore.activeLeases(h, account, a.deviceId(), now) : 0;
    Set<Long> disabled = cmd instanceof ReceiptCommands.Reassign x && Users.disabledNow(h, account, x.userId())
        ? Set.of(x.userId())
        : Set.of();
    Receipt seen = null;
    if (cmd instanceof OfflineCommands.PayOffline p && loaded.receipts().get(p.receiptId()) != null) {
      seen = OfflineSeen.load(h, account, loaded.receipts().get(p.receiptId()), p.seenSeq(), a.deviceId());
    }
    return new RuleState(loaded.receipts(), where.lineHomes(), where.removed(), numbers, loaded.generation(),
        deviceOpen, leases, takenElsewhere, disabled, locked, seen);
  }
}
