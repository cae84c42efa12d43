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
 * what is charged (lines, prices, quantities, discounts). {@code discount}: the whole receipt's, after
 * the line discounts, or null. {@code paid}/{@code partsPaid}: what parts of a split bill paid so far
 * (grosze, tips excluded) and how many ({@link BillRules}); 0 for a receipt paid at once.
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
    Discount discount,
    long seq,
    long contentSeq,
    long createdAt,
    long updatedAt,
    long paid,
    int partsPaid) {

  Receipt {
    lines = List.copyOf(lines);
  }

  /** An empty builder: a new receipt, or one read from its row. */
  static Builder builder() {
    return new Builder();
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

  /** What is left to pay: the total less what parts paid already. */
  long remaining() {
    return total() - paid;
  }

  /** What is to pay: the lines' dues minus the receipt discount's amount. */
  long total() {
    return Money.dues(lines) - discountAmount();
  }

  /** The grosze the receipt discount takes off the lines' dues (0 without one). */
  long discountAmount() {
    return discount == null ? 0 : discount.amountOff(Money.dues(lines));
  }

  /** The VAT breakdown of what is to pay (docs/protocol.md, "Modifiers and discounts"). */
  List<Money.VatShare> vat() {
    return Money.vat(lines, discountAmount());
  }

  Line line(String lineId) {
    for (Line l : lines) if (l.id().equals(lineId)) return l;
    return null;
  }

  /** A copy with the fields {@code change} sets: the one way a receipt changes (see {@link Builder}). */
  Receipt with(UnaryOperator<Builder> change) {
    return change.apply(new Builder(this)).build();
  }

  Receipt withLine(String lineId, UnaryOperator<Line> change) {
    List<Line> out = new ArrayList<>(lines.size());
    for (Line l : lines) out.add(l.id().equals(lineId) ? change.apply(l) : l);
    return with(b -> b.lines(out));
  }

  Receipt plusLine(Line line) {
    List<Line> out = new ArrayList<>(lines);
    out.add(line);
    return with(b -> b.lines(out));
  }

  Receipt minusLine(String lineId) {
    return with(b -> b.lines(lines.stream().filter(l -> !l.id().equals(lineId)).toList()));
  }

  /** In state {@code s}: a closed receipt gives up its number (it is free again) and any lease. */
  Receipt withState(State s) {
    return with(b -> b.state(s).number(s.isOpen() ? number : null).lease(s == State.PAYING ? lease : null));
  }

  /** Paying under {@code l}, or back to OPEN when {@code l} is null. */
  Receipt withLease(Lease l) {
    return with(b -> b.lease(l).state(l == null ? State.OPEN : State.PAYING));
  }

  /** Renamed by a person: the name is theirs from now on, shown as it is in every language. */
  Receipt withName(String n) {
    return with(b -> b.name(n).number(null).defaultName(null));
  }

  /** Emptied and DELETED at {@code now}: deleted, merged away, or moved to its shop. */
  Receipt deletedAt(long now) {
    return withState(State.DELETED).with(b -> b.lines(List.of()).updatedAt(now));
  }

  Receipt touchedAt(long now) {
    return with(b -> b.updatedAt(now));
  }

  /** As stored after the change {@code changeSeq}; {@code changeContentSeq}: the last change of what is charged. */
  Receipt withSeqs(long changeSeq, long changeContentSeq) {
    return with(b -> b.seq(changeSeq).contentSeq(changeContentSeq));
  }

  /**
   * What a payment charges: each line's id, price, quantity and discount, and the receipt's discount
   * (notes and the sent flag do not count).
   */
  List<String> charged() {
    List<String> out = new ArrayList<>();
    for (Line l : lines) out.add(l.id() + ":" + l.unitPrice() + ":" + l.quantity() + ":" + l.discount());
    out.add("receipt:" + discount);
    return out;
  }

  /** The view of this receipt after the change numbered {@code changeSeq}. */
  ReceiptView view(long changeSeq, long changeContentSeq) {
    Lease l = state == State.PAYING ? lease : null;
    return new ReceiptView(id, space, shopId, slotId, generation, name, defaultName, kind, state, ownerUserId,
        ownerRoleId, createdOnDevice, attention, recoveredFrom, note, guests,
        l == null ? null : new ReceiptView.LeaseView(l.deviceId(), l.userId(), l.userName(), l.until()),
        lines.stream().map(Line::view).toList(), total(), changeSeq, changeContentSeq, createdAt, updatedAt,
        discount == null ? null : discount.view(Money.dues(lines)),
        partsPaid == 0 ? null : new ReceiptView.PartsView(paid, partsPaid, remaining()));
  }

  /**
   * A receipt field by field, by name: the one place that calls the 27-field constructor, for a new
   * receipt ({@link #builder}), a stored one and a changed copy ({@link #with}). It checks nothing;
   * what a receipt may hold is the rules' business.
   */
  static final class Builder {
    private String id;
    private String space;
    private long shopId;
    private String slotId;
    private Long generation;
    private Long number;
    private String name;
    private DefaultName defaultName;
    private Kind kind;
    private State state;
    private long ownerUserId;
    private long ownerRoleId;
    private long createdByUserId;
    private long createdOnDevice;
    private boolean attention;
    private String recoveredFrom;
    private String note;
    private int guests;
    private Lease lease;
    private List<Line> lines = List.of();
    private Discount discount;
    private long seq;
    private long contentSeq;
    private long createdAt;
    private long updatedAt;
    private long paid;
    private int partsPaid;

    private Builder() {}

    private Builder(Receipt r) {
      id = r.id;
      space = r.space;
      shopId = r.shopId;
      slotId = r.slotId;
      generation = r.generation;
      number = r.number;
      name = r.name;
      defaultName = r.defaultName;
      kind = r.kind;
      state = r.state;
      ownerUserId = r.ownerUserId;
      ownerRoleId = r.ownerRoleId;
      createdByUserId = r.createdByUserId;
      createdOnDevice = r.createdOnDevice;
      attention = r.attention;
      recoveredFrom = r.recoveredFrom;
      note = r.note;
      guests = r.guests;
      lease = r.lease;
      lines = r.lines;
      discount = r.discount;
      seq = r.seq;
      contentSeq = r.contentSeq;
      createdAt = r.createdAt;
      updatedAt = r.updatedAt;
      paid = r.paid;
      partsPaid = r.partsPaid;
    }

    Builder id(String v) { id = v; return this; }
    Builder space(String v) { space = v; return this; }
    Builder shopId(long v) { shopId = v; return this; }
    Builder slotId(String v) { slotId = v; return this; }
    Builder generation(Long v) { generation = v; return this; }
    Builder number(Long v) { number = v; return this; }
    Builder name(String v) { name = v; return this; }
    Builder defaultName(DefaultName v) { defaultName = v; return this; }
    Builder kind(Kind v) { kind = v; return this; }
    Builder state(State v) { state = v; return this; }
    Builder owner(long userId, long roleId) { ownerUserId = userId; ownerRoleId = roleId; return this; }
    Builder createdBy(long userId, long deviceId) { createdByUserId = userId; createdOnDevice = deviceId; return this; }
    Builder attention(boolean v) { attention = v; return this; }
    Builder recoveredFrom(String v) { recoveredFrom = v; return this; }
    Builder note(String v) { note = v; return this; }
    Builder guests(int v) { guests = v; return this; }
    Builder lease(Lease v) { lease = v; return this; }
    Builder lines(List<Line> v) { lines = v; return this; }
    Builder discount(Discount v) { discount = v; return this; }
    Builder seq(long v) { seq = v; return this; }
    Builder contentSeq(long v) { contentSeq = v; return this; }
    Builder createdAt(long v) { createdAt = v; return this; }
    Builder updatedAt(long v) { updatedAt = v; return this; }
    Builder paid(long v) { paid = v; return this; }
    Builder partsPaid(int v) { partsPaid = v; return this; }

    Receipt build() {
      return new Receipt(id, space, shopId, slotId, generation, number, name, defaultName, kind, state, ownerUserId,
          ownerRoleId, createdByUserId, createdOnDevice, attention, recoveredFrom, note, guests, lease, lines, discount,
          seq, contentSeq, createdAt, updatedAt, paid, partsPaid);
    }
  }
}
