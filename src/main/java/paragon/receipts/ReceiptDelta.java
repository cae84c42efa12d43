package paragon.receipts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One change of a receipt as its change row stores it and the stream's {@code delta} frame carries it
 * (docs/protocol.md "Stream"): the receipt's {@code header} after the change (every field but the
 * lines; small and of constant size), the {@code lines} added or changed (whole lines, in the
 * receipt's order) and the ids of the lines {@code removed}. It applies only onto the receipt as its
 * previous change left it, at seq {@code prev}: kept lines stay in their order with the changed ones
 * replaced, the added ones follow at the end.
 *
 * <p>{@link #between} writes one only where every viewer judges the receipt the same before and
 * after (same space, same owner, open before), so a terminal that holds the receipt in full holds it
 * at {@code prev}, and one that does not gets an {@code occupied} or {@code gone} frame from the
 * header as it would from the whole receipt. Elsewhere the row stores the whole receipt.
 */
public record ReceiptDelta(long prev, Header receipt, List<ReceiptView.LineView> lines, List<String> removed) {

  public ReceiptDelta {
    lines = List.copyOf(lines);
    removed = List.copyOf(removed);
  }

  /** A {@link ReceiptView} without its lines: its derived amounts ({@code subtotal}, {@code vat}, ...) included. */
  public record Header(String id, String space, long shopId, String slotId, Long generation, String name,
      DefaultName defaultName, Kind kind, State state, long ownerUserId, long ownerRoleId, long createdOnDevice,
      boolean attention, String recoveredFrom, String note, int guests, ReceiptView.LeaseView lease, long subtotal,
      ReceiptView.DiscountView discount, long discountTotal, long total, List<Money.VatShare> vat, long seq,
      long contentSeq, long createdAt, long updatedAt,
      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
      ReceiptView.PartsView parts) {

    public Header {
      vat = List.copyOf(vat);
    }

    static Header of(ReceiptView v) {
      return new Header(v.id(), v.space(), v.shopId(), v.slotId(), v.generation(), v.name(), v.defaultName(), v.kind(),
          v.state(), v.ownerUserId(), v.ownerRoleId(), v.createdOnDevice(), v.attention(), v.recoveredFrom(), v.note(),
          v.guests(), v.lease(), v.subtotal(), v.discount(), v.discountTotal(), v.total(), v.vat(), v.seq(),
          v.contentSeq(), v.createdAt(), v.updatedAt(), v.parts());
    }

    public boolean isOpen() {
      return state.isOpen();
    }
  }

  /**
   * The change from {@code before} (the receipt as its last change row left it, null for a new one)
   * to {@code after}, or null where the row should store the whole receipt: a new receipt, one that
   * moved space, changed owner (a viewer may see it now who did not before, or the other way round)
   * or was not open; lines reordered other than by appending; or a delta no smaller than the whole
   * receipt's lines (a receipt emptied by a delete or a merge is small whole).
   */
  static ReceiptDelta between(ReceiptView before, ReceiptView after) {
    if (before == null || !before.isOpen() || !before.space().equals(after.space())
        || before.ownerUserId() != after.ownerUserId() || before.ownerRoleId() != after.ownerRoleId()) {
      return null;
    }
    Map<String, ReceiptView.LineView> had = new HashMap<>();
    for (ReceiptView.LineView l : before.lines()) had.put(l.id(), l);
    Set<String> kept = new HashSet<>();
    for (ReceiptView.LineView l : after.lines()) if (had.containsKey(l.id())) kept.add(l.id());
    List<String> removed = new ArrayList<>();
    List<String> keptInOrder = new ArrayList<>();
    for (ReceiptView.LineView l : before.lines()) {
      if (kept.contains(l.id())) keptInOrder.add(l.id());
      else removed.add(l.id());
    }
    List<ReceiptView.LineView> lines = new ArrayList<>();
    int next = 0;
    boolean added = false;
    for (ReceiptView.LineView l : after.lines()) {
      ReceiptView.LineView old = had.get(l.id());
      if (old == null) {
        lines.add(l);
        added = true;
        continue;
      }
      // A kept line after an added one, or out of the old order: applying would not give this order.
      if (added || !keptInOrder.get(next).equals(l.id())) return null;
      next++;
      if (!old.equals(l)) lines.add(l);
    }
    if (lines.size() + removed.size() > after.lines().size()) return null;
    return new ReceiptDelta(before.seq(), Header.of(after), lines, removed);
  }

  /** The receipt after this change, from {@code before} at seq {@link #prev}; what a terminal does. */
  public ReceiptView applyTo(ReceiptView before) {
    if (before.seq() != prev || !before.id().equals(receipt.id())) {
      throw new IllegalArgumentException("delta of " + receipt.id() + " after " + prev + " applied to "
          + before.id() + " at " + before.seq());
    }
    Map<String, ReceiptView.LineView> changed = new HashMap<>();
    for (ReceiptView.LineView l : lines) changed.put(l.id(), l);
    Set<String> gone = new HashSet<>(removed);
    List<ReceiptView.LineView> out = new ArrayList<>();
    Set<String> held = new HashSet<>();
    for (ReceiptView.LineView l : before.lines()) {
      held.add(l.id());
      if (!gone.contains(l.id())) out.add(changed.getOrDefault(l.id(), l));
    }
    for (ReceiptView.LineView l : lines) if (!held.contains(l.id())) out.add(l);
    Header h = receipt;
    return new ReceiptView(h.id(), h.space(), h.shopId(), h.slotId(), h.generation(), h.name(), h.defaultName(),
        h.kind(), h.state(), h.ownerUserId(), h.ownerRoleId(), h.createdOnDevice(), h.attention(), h.recoveredFrom(),
        h.note(), h.guests(), h.lease(), out, h.total(), h.seq(), h.contentSeq(), h.createdAt(), h.updatedAt(),
        h.discount());
  }
}
