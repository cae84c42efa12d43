package paragon.receipts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A receipt's full state as terminals and the back office see it: the payload of every change row
 * ({@code changes.payload}) and of snapshots. CLOSED and DELETED states are sent too, so a terminal
 * drops the receipt. Amounts are grosze, quantities thousandths of a unit, {@code seq} is the change
 * of the receipt's space that produced this view. {@code name} is the receipt's name in the account's
 * language (for older clients); {@code defaultName}, when set, is how a reader renders it in their own
 * ({@link DefaultName#of}): a name no person gave.
 *
 * <p>A PAYING receipt whose {@code lease.until} is in the past is free again: leases are never swept,
 * they simply expire.
 */
@JsonIgnoreProperties(value = "vat", allowGetters = true)
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
    long updatedAt) {

  /** Who is paying the receipt, until when (epoch ms). */
  public record LeaseView(long deviceId, long userId, String userName, long until) {}

  /** {@code vat}: "23", "8", "5", "0" or "ZW"; {@code total} = round-half-up(unitPrice * quantity / 1000). */
  public record LineView(String id, Long productId, String name, long unitPrice, long quantity, String vat,
      String note, boolean sent, long total) {}

  /**
   * The server's VAT breakdown of the lines, per rate (the rule of {@link Money#shares}, as a sale
   * records it): written with every view, derived again when one is read, so it cannot disagree with
   * the lines. The terminal shows it, and computes its own only while it previews its own changes.
   */
  @JsonProperty("vat")
  public List<Money.VatShare> vat() {
    Map<Vat, Long> gross = new TreeMap<>();
    for (LineView l : lines) gross.merge(Vat.of(l.vat()), l.total(), Math::addExact);
    return Money.shares(gross);
  }

  public boolean isOpen() {
    return state.isOpen();
  }
}
