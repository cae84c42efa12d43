package paragon.sync;

import paragon.receipts.Kind;
import paragon.receipts.ReceiptDelta;
import paragon.receipts.ReceiptView;
import paragon.receipts.State;
import paragon.receipts.Viewer;

/**
 * What one viewer may know of one receipt (DESIGN rule 2): the whole receipt, only that a table is
 * occupied, or nothing. The single place visibility is decided for the stream; a pure function.
 */
sealed interface Sight {

  /**
   * The viewer sees the receipt: its full state (CLOSED and DELETED included, so it is dropped); null
   * when judged from a delta's header.
   */
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
    return hidden(receipt.id(), receipt.slotId(), receipt.name(), receipt.kind(), receipt.state());
  }

  /**
   * The same judgement of a receipt known by its header only (a delta's): {@code Full} carries no
   * receipt then. A delta is written only where the owner and the space stay, so a viewer judges it
   * as they judged the receipt's previous change ({@link ReceiptDelta#between}).
   */
  static Sight of(ReceiptDelta.Header receipt, Viewer viewer) {
    if (viewer.sees(receipt.ownerUserId(), receipt.ownerRoleId())) return new Full(null);
    return hidden(receipt.id(), receipt.slotId(), receipt.name(), receipt.kind(), receipt.state());
  }

  private static Sight hidden(String id, String slotId, String name, Kind kind, State state) {
    if (kind == Kind.TABLE && state.isOpen()) return new Occupied(id, slotId, name, kind, state);
    return new Gone(id);
  }
}
