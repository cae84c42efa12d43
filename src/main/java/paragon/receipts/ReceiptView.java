package paragon.receipts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A receipt's full state as terminals and the back office see it: what snapshots and {@code receipt}
 * frames carry, and the payload of a change row that is not a {@link ReceiptDelta} ({@code changes.payload}).
 * CLOSED and DELETED states are sent too, so a terminal
 * drops the receipt. Amounts are grosze, quantities thousandths of a unit, {@code seq} is the change
 * of the receipt's space that produced this view. {@code name} is the receipt's name in the account's
 * language (for older clients); {@code defaultName}, when set, is how a reader renders it in their own
 * ({@link DefaultName#of}): a name no person gave.
 *
 * <p>A PAYING receipt whose {@code lease.until} is in the past is free again: leases are never swept,
 * they simply expire.
 */
@JsonIgnoreProperties(value = {"vat", "subtotal", "discountTotal"}, allowGetters = true)
public record ReceiptView(
    String id,
    String space,
    long shopId,
    String slotId,
    Long generation,
    String name,
    DefaultName defaultName,
    Kind kind,
    State state,
    long ownerUserId,
    long ownerRoleId,
    long createdOnDevice,
    boolean attention,
    String recoveredFrom,
    String note,
    int guests,
    LeaseView lease,
    List<LineView> lines,
    long total,
    long seq,
    long contentSeq,
    long createdAt,
    long updatedAt,
    DiscountView discount,
    @JsonInclude(JsonInclude.Include.NON_NULL) PartsView parts) {

  /** A view of a receipt no part of which is paid yet (the shape before issue 12's split bill). */
  public ReceiptView(String id, String space, long shopId, String slotId, Long generation, String name,
      DefaultName defaultName, Kind kind, State state, long ownerUserId, long ownerRoleId, long createdOnDevice,
      boolean attention, String recoveredFrom, String note, int guests, LeaseView lease, List<LineView> lines,
      long total, long seq, long contentSeq, long createdAt, long updatedAt, DiscountView discount) {
    this(id, space, shopId, slotId, generation, name, defaultName, kind, state, ownerUserId, ownerRoleId,
        createdOnDevice, attention, recoveredFrom, note, guests, lease, lines, total, seq, contentSeq, createdAt,
        updatedAt, discount, null);
  }

  /**
   * A bill paid in parts (issue 12): {@code paid} so far (grosze, tips excluded), {@code count} parts
   * paid, {@code remaining} = total - paid. Absent while no part is paid.
   */
  public record PartsView(long paid, int count, long remaining) {}

  /** A view without a receipt discount (the shape before issue 10). */
  public ReceiptView(String id, String space, long shopId, String slotId, Long generation, String name,
      DefaultName defaultName, Kind kind, State state, long ownerUserId, long ownerRoleId, long createdOnDevice,
      boolean attention, String recoveredFrom, String note, int guests, LeaseView lease, List<LineView> lines,
      long total, long seq, long contentSeq, long createdAt, long updatedAt) {
    this(id, space, shopId, slotId, generation, name, defaultName, kind, state, ownerUserId, ownerRoleId,
        createdOnDevice, attention, recoveredFrom, note, guests, lease, lines, total, seq, contentSeq, createdAt,
        updatedAt, null);
  }

  /** Who is paying the receipt, until when (epoch ms). */
  public record LeaseView(long deviceId, long userId, String userName, long until) {}

  /**
   * {@code vat}: "23", "8", "5", "0" or "ZW"; {@code total} = round-half-up(unitPrice * quantity / 1000);
   * {@code modifiers} the options chosen (never null: a view stored before issue 10 reads as none);
   * {@code discount} the line's own, or null; {@code due} = total - the discount's amount;
   * {@code course}, {@code seat} and {@code sentAt} (epoch ms) only when set (issue 12): absent means none,
   * so a line without them reads as before.
   */
  @JsonIgnoreProperties(value = "due", allowGetters = true)
  public record LineView(String id, Long productId, String name, long unitPrice, long quantity, String vat,
      String note, boolean sent, long total, List<Modifier> modifiers, DiscountView discount,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer course,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer seat,
      @JsonInclude(JsonInclude.Include.NON_NULL) Long sentAt) {
    public LineView {
      modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
    }

    /** A line without course, seat or time sent (the shape before issue 12). */
    public LineView(String id, Long productId, String name, long unitPrice, long quantity, String vat, String note,
        boolean sent, long total, List<Modifier> modifiers, DiscountView discount) {
      this(id, productId, name, unitPrice, quantity, vat, note, sent, total, modifiers, discount, null, null, null);
    }

    /** A line without modifiers or discount (the shape before issue 10). */
    public LineView(String id, Long productId, String name, long unitPrice, long quantity, String vat, String note,
        boolean sent, long total) {
      this(id, productId, name, unitPrice, quantity, vat, note, sent, total, List.of(), null);
    }

    @JsonProperty("due")
    public long due() {
      return total - (discount == null ? 0 : discount.amount());
    }
  }

  /**
   * A discount as given ({@code kind} PERCENT or AMOUNT, {@code value}, {@code reason}) and the grosze
   * it takes off ({@code amount}), computed by the server (docs/protocol.md "Modifiers and discounts").
   */
  public record DiscountView(String kind, long value, String reason, long amount) {}

  /** The lines' totals before any discount. */
  @JsonProperty("subtotal")
  public long subtotal() {
    long sum = 0;
    for (LineView l : lines) sum = Math.addExact(sum, l.total());
    return sum;
  }

  /** Every line's discount amount plus the receipt's: {@code subtotal - total}. */
  @JsonProperty("discountTotal")
  public long discountTotal() {
    long sum = discount == null ? 0 : discount.amount();
    for (LineView l : lines) sum = Math.addExact(sum, l.total() - l.due());
    return sum;
  }

  /**
   * The server's VAT breakdown of the lines after every discount, per rate (the rule of
   * {@link Money#vat}, as a sale records it): written with every view, derived again when one is read,
   * so it cannot disagree with the lines. The terminal shows it, and computes its own only while it
   * previews its own changes.
   */
  @JsonProperty("vat")
  public List<Money.VatShare> vat() {
    return Money.vat(lines.stream().map(l -> Vat.of(l.vat())).toList(),
        lines.stream().mapToLong(LineView::due).toArray(), discount == null ? 0 : discount.amount());
  }

  public boolean isOpen() {
    return state.isOpen();
  }
}
