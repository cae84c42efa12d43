package paragon.receipts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * What the cashier saw when paying offline ({@link OfflineCommands.PayOffline}): the receipt as its
 * change rows left it at {@code seenSeq}, then the later changes of the paying device itself (its own
 * outbox commands, sent before the payment, which its screen showed). Read in the command's
 * transaction, in the receipt's current space, under its lock. A receipt the device did not hold at
 * {@code seenSeq} (opened offline; a table a colleague had open already) is what its own changes made.
 *
 * <p>1. Fold the receipt's rows up to {@code seenSeq}: a whole receipt replaces, a delta applies onto
 * the previous row. 2. Apply each later row of the paying device as the device applied it on its
 * screen: the lines it names replace or join, the ones it removed leave (a whole receipt of its own
 * replaces all). 3. Null when the rows do not fold (the receipt came from another space after the
 * seq, or rows are missing): the caller then takes the receipt as it is now.
 */
final class OfflineSeen {
  private OfflineSeen() {}

  static Receipt load(Handle h, long accountId, Receipt current, long seenSeq, long deviceId) {
    List<ChangeFeed.ChangeRow> rows = h.createQuery("""
            SELECT space, seq, receipt_id, payload, created_at, device_id, n FROM changes
            WHERE account_id = :a AND receipt_id = :r AND space = :s ORDER BY seq""")
        .bind("a", accountId).bind("r", current.id()).bind("s", current.space())
        .map((rs, ctx) -> ChangeFeed.row(rs.getString("space"), rs.getLong("seq"), rs.getString("receipt_id"),
            rs.getString("payload"), rs.getLong("created_at"), ReceiptStore.longOrNull(rs, "device_id"),
            ReceiptStore.longOrNull(rs, "n")))
        .list();
    ReceiptView seen = null;
    for (ChangeFeed.ChangeRow row : rows) {
      if (row.seq() <= seenSeq) {
        if (row.view() != null) seen = row.view();
        else if (seen == null || seen.seq() != row.delta().prev()) return null;
        else seen = row.delta().applyTo(seen);
      } else if (row.byDevice() != null && row.byDevice() == deviceId) {
        seen = own(seen, row);
      }
    }
    if (seen == null) return null;
    ReceiptView at = seen;
    return current.with(b -> b.lines(at.lines().stream().map(OfflineSeen::line).toList()).discount(discount(at)));
  }

  /**
   * Step 2: the device's own change as its screen showed it, onto what it saw; onto nothing when it
   * held nothing of the receipt at {@code seenSeq} (a receipt or table it opened offline: its screen
   * showed only its own lines).
   */
  private static ReceiptView own(ReceiptView seen, ChangeFeed.ChangeRow row) {
    if (row.view() != null) return row.view();
    ReceiptDelta d = row.delta();
    if (seen == null) return withLines(d.receipt(), d.lines(), 0, 0);
    Map<String, ReceiptView.LineView> changed = new HashMap<>();
    for (ReceiptView.LineView l : d.lines()) changed.put(l.id(), l);
    Set<String> gone = new HashSet<>(d.removed());
    List<ReceiptView.LineView> out = new ArrayList<>();
    Set<String> held = new HashSet<>();
    for (ReceiptView.LineView l : seen.lines()) {
      held.add(l.id());
      if (!gone.contains(l.id())) out.add(changed.getOrDefault(l.id(), l));
    }
    for (ReceiptView.LineView l : d.lines()) if (!held.contains(l.id())) out.add(l);
    return withLines(d.receipt(), out, seen.seq(), seen.contentSeq());
  }

  private static ReceiptView withLines(ReceiptDelta.Header hd, List<ReceiptView.LineView> lines, long seq,
      long contentSeq) {
    return new ReceiptView(hd.id(), hd.space(), hd.shopId(), hd.slotId(), hd.generation(), hd.name(),
        hd.defaultName(), hd.kind(), hd.state(), hd.ownerUserId(), hd.ownerRoleId(), hd.createdOnDevice(),
        hd.attention(), hd.recoveredFrom(), hd.note(), hd.guests(), hd.lease(), lines, hd.total(), seq, contentSeq,
        hd.createdAt(), hd.updatedAt(), hd.discount());
  }

  private static Line line(ReceiptView.LineView v) {
    return new Line(v.id(), v.productId(), v.name(), v.unitPrice(), v.quantity(), Vat.of(v.vat()), v.note(), v.sent(),
        v.modifiers(), discount(v.discount()), v.course(), v.seat(), v.sentAt());
  }

  private static Discount discount(ReceiptView v) {
    return discount(v.discount());
  }

  private static Discount discount(ReceiptView.DiscountView d) {
    return d == null ? null : new Discount(Discount.Type.valueOf(d.kind()), d.value(), d.reason());
  }
}
