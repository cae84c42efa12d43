package paragon.sync;

import paragon.receipts.Kind;
import paragon.receipts.ReceiptView;
import paragon.receipts.State;
import paragon.receipts.Viewer;

/**
 * What one viewer may know of one receipt (DESIGN rule 2): the whole receipt, only that a table is
 * occupied, or nothing. The single place visibility is decided for the stream; a pure function.
 */
sealed interface Sight {

  /** The viewer sees the receipt: its full state (CLOSED and DELETED included, so it is dropped). */
  record Full(ReceiptView receipt) implements Sight {}

  /** An open table the viewer may not see: listed as occupied, without lines, owner or amounts. */
  record Occupied(String id, String slotId, String name, Kind kind, State state)
      implements Sight {}

  /**
   * Nothing to show: an ad-hoc receipt the viewer may not see, or a closed or deleted table they may
   * not see. The terminal drops the id if it holds it (a reassignment away hides it this way).
   */
  record Gone(String id) implements Sight {}

  static Sight of(ReceiptView receipt, Viewer viewer) {
    if (viewer.sees(receipt.ownerUserId(), receipt.ownerRoleId())) return new Full(receipt);
    if (receipt.kind() == Kind.TABLE && receipt.isOpen()) {
      return new Occupied(receipt.id(), receipt.slotId(), receipt.name(), receipt.kind(), receipt.state());
    }
    return new Gone(receipt.id());
  }
}
