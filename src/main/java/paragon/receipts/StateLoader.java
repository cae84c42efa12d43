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
 */
final class StateLoader {
  private StateLoader() {}

  static RuleState load(Handle h, Actor a, Command cmd, long now, Names names) {
    long account = a.accountId();
    String own = a.space();
    Set<String> receiptIds = new HashSet<>(cmd.receiptRefs());
    Set<String> locked = new TreeSet<>();
    Map<String, String> lineHomes = new HashMap<>();
    Set<String> removed = new HashSet<>();
    // Lock, then re-read where the lines are: a line may move between spaces until its space is locked.
    for (int round = 0; ; round++) {
      Set<String> homes = new HashSet<>(receiptIds);
      lineHomes.clear();
      removed.clear();
      for (String lineId : cmd.lineRefs()) {
        ReceiptStore.LineHome home = ReceiptStore.lineHome(h, account, lineId);
        if (home == null) continue;
        lineHomes.put(lineId, home.receiptId());
        if (home.removed()) removed.add(lineId);
        homes.add(home.receiptId());
      }
      Set<String> spaces = new TreeSet<>();
      spaces.add(own);
      for (String id : homes) {
        String space = ReceiptStore.spaceOf(h, account, id);
        if (space != null) spaces.add(space);
      }
      spaces.removeAll(locked);
      if (spaces.isEmpty()) {
        receiptIds = homes;
        break;
      }
      if (round > 3) throw new IllegalStateException("lines of command keep moving between spaces");
      for (String space : spaces) ChangeWriter.lock(h, account, space);
      locked.addAll(spaces);
    }
    long generation = 1;
    if (cmd instanceof ReceiptCommands.OpenTable t) {
      // Read under the lock of the device's space, which the table's receipt lives in.
      generation = ReceiptStore.generation(h, account, own, t.slotId());
      receiptIds.add(DerivedIds.table(own, t.slotId(), t.generation() == null ? generation : t.generation()));
    }
    Map<String, Receipt> receipts = new HashMap<>();
    for (String id : receiptIds) {
      Receipt r = ReceiptStore.load(h, account, id);
      if (r == null) continue;
      receipts.put(id, r);
      // Rule 6: a closed receipt may pass its late lines on to its recovery chain, to its end (an open or
      // a missing link), however long: each link was made by a late line, so the chain is as long as the
      // shop made it, and stopping short would leave a line with nowhere to go. DerivedIds are derived one from
      // the other, so the chain cannot loop; the check guards against a hand-edited database.
      Set<String> chain = new HashSet<>(Set.of(id));
      while (!r.isOpen()) {
        Receipt next = ReceiptStore.load(h, account, DerivedIds.recovery(r.id()));
        if (next == null || !chain.add(next.id())) break;
        receipts.put(next.id(), next);
        r = next;
      }
    }
    Map<String, Set<String>> numbers = new HashMap<>();
    for (String space : locked) numbers.put(space, ReceiptStore.namesInUse(h, account, space, names));
    List<String> created = new ArrayList<>(cmd.receiptRefs());
    created.addAll(cmd.lineRefs());
    created.removeIf(id -> receipts.containsKey(id) || lineHomes.containsKey(id));
    int deviceOpen = ReceiptStore.deviceOpenReceipts(h, account, a.deviceId(), own, a.reachableSpaces());
    Set<Long> disabled = cmd instanceof ReceiptCommands.Reassign x && Users.disabledNow(h, account, x.userId())
        ? Set.of(x.userId())
        : Set.of();
    return new RuleState(receipts, lineHomes, removed, numbers, generation, deviceOpen,
        ReceiptStore.activeLeases(h, account, a.deviceId(), now), ReceiptStore.takenElsewhere(h, account, created),
        disabled);
  }
}
