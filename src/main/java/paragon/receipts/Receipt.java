package paragon.receipts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A receipt as the rules see it: immutable; {@code lines} are the live lines in order (removed ones
 * are gone from here and recorded by the command that removed them). {@code number} is the N of an
 * ad-hoc "Sale N" while it is open; {@code name} what it is called in the account's language, and
 * {@code defaultName} how each reader renders it in theirs (null: a name a person gave, or a table's,
 * shown as it is); {@code slotId}/{@code generation} identify a table's receipt.
 * {@code seq}/{@code contentSeq} are filled by the store: the last change, and the last change of
 * what is charged (lines, prices, quantities).
 */
record Receipt(
    String id,
    String space,
    long shopId,
    String slotId,
    Long generation,
    Long number,
    String name,
    DefaultName defaultName,
    Kind kind,
    State state,
    long ownerUserId,
    long ownerRoleId,
    long createdByUserId,
    long createdOnDevice,
    boolean attention,
    String recoveredFrom,
    String note,
    int guests,
    Lease lease,
    List<Line> lines,
    long seq,
    long contentSeq,
    long createdAt,
    long updatedAt) {

  Receipt {
    lines = List.copyOf(lines);
  }

  /** Who holds the payment lease and until when (epoch ms). */
  record Lease(long deviceId, long userId, String userName, long until) {
    boolean activeAt(long now) {
      return until > now;
    }
  }

  boolean isOpen() {
    return state.isOpen();
  }

  /** The lease if it is still running at {@code now}, else null (an expired lease is free). */
  Lease activeLease(long now) {
    return lease != null && lease.activeAt(now) ? lease : null;
  }

  long total() {
    return Money.total(lines);
  }

  Line line(String lineId) {
    for (Line l : lines) if (l.id().equals(lineId)) return l;
    return null;
  }

  Receipt withLines(List<Line> newLines) {
    return new Receipt(id, space, shopId, slotId, generation, number, name, defaultName, kind, state, ownerUserId,
        ownerRoleId, createdByUserId, createdOnDevice, attention, recoveredFrom, note, guests, lease, newLines, seq, contentSeq,
        createdAt, updatedAt);
  }

  Receipt withLine(String lineId, UnaryOperator<Line> change) {
    List<Line> out = new ArrayList<>(lines.size());
    for (Line l : lines) out.add(l.id().equals(lineId) ? change.apply(l) : l);
    return withLines(out);
  }

  Receipt plusLine(Line line) {
    List<Line> out = new ArrayList<>(lines);
    out.add(line);
    return withLines(out);
  }

  Receipt minusLine(String lineId) {
    return withLines(lines.stream().filter(l -> !l.id().equals(lineId)).toList());
  }

  Receipt withState(State s) {
    return new Receipt(id, space, shopId, slotId, generation, s == State.OPEN || s == State.PAYING ? number : null,
        name, defaultName, kind, s, ownerUserId, ownerRoleId, createdByUserId, createdOnDevice, attention,
        recoveredFrom, note, guests, s == State.PAYING ? lease : null, lines, seq, contentSeq, createdAt, updatedAt);
  }

  Receipt withLease(Lease l) {
    return new Receipt(id, space, shopId, slotId, generation, number, name, defaultName, kind,
        l == null ? State.OPEN : State.PAYING, ownerUserId, ownerRoleId, createdByUserId, createdOnDevice, attention, recoveredFrom, note, guests, l, lines,
        seq, contentSeq, createdAt, updatedAt);
  }

  /** Renamed by a person: the name is theirs from now on, shown as it is in every language. */
  Receipt withName(String n) {
    return new Receipt(id, space, shopId, slotId, generation, null, n, null, kind, state, ownerUserId, ownerRoleId,
        createdByUserId, createdOnDevice, attention, recoveredFrom, note, guests, lease, lines, seq, contentSeq,
        createdAt, updatedAt);
  }

  Receipt withNote(String n) {
    return new Receipt(id, space, shopId, slotId, generation, number, name, defaultName, kind, state, ownerUserId,
        ownerRoleId, createdByUserId, createdOnDevice, attention, recoveredFrom, n, guests, lease, lines, seq, contentSeq,
        createdAt, updatedAt);
  }

  Receipt withGuests(int g) {
    return new Receipt(id, space, shopId, slotId, generation, number, name, defaultName, kind, state, ownerUserId,
        ownerRoleId, createdByUserId, createdOnDevice, attention, recoveredFrom, note, g, lease, lines, seq, contentSeq,
        createdAt, updatedAt);
  }

  Receipt withOwner(long userId, long roleId) {
    return new Receipt(id, space, shopId, slotId, generation, number, name, defaultName, kind, state, userId,
        roleId, createdByUserId, createdOnDevice, attention, recoveredFrom, note, guests, lease, lines, seq, contentSeq,
        createdAt, updatedAt);
  }

  Receipt touchedAt(long now) {
    return new Receipt(id, space, shopId, slotId, generation, number, name, defaultName, kind, state, ownerUserId,
        ownerRoleId, createdByUserId, createdOnDevice, attention, recoveredFrom, note, guests, lease, lines, seq, contentSeq,
        createdAt, now);
  }

  /** As stored after the change {@code changeSeq}; {@code changeContentSeq}: the last change of what is charged. */
  Receipt withSeqs(long changeSeq, long changeContentSeq) {
    return new Receipt(id, space, shopId, slotId, generation, number, name, defaultName, kind, state, ownerUserId,
        ownerRoleId, createdByUserId, createdOnDevice, attention, recoveredFrom, note, guests, lease, lines, changeSeq,
        changeContentSeq, createdAt, updatedAt);
  }

  /** What a payment charges: each line's id, price and quantity (notes and the sent flag do not count). */
  List<String> charged() {
    return lines.stream().map(l -> l.id() + ":" + l.unitPrice() + ":" + l.quantity()).toList();
  }

  /** The view of this receipt after the change numbered {@code changeSeq}. */
  ReceiptView view(long changeSeq, long changeContentSeq) {
    Lease l = state == State.PAYING ? lease : null;
    return new ReceiptView(id, space, shopId, slotId, generation, name, defaultName, kind, state, ownerUserId,
        ownerRoleId, createdOnDevice, attention, recoveredFrom, note, guests,
        l == null ? null : new ReceiptView.LeaseView(l.deviceId(), l.userId(), l.userName(), l.until()),
        lines.stream().map(Line::view).toList(), total(), changeSeq, changeContentSeq, createdAt, updatedAt);
  }
}
