package paragon.receipts;

/**
 * Where a receipt is in its life: OPEN, PAYING (a payment lease is or was held: an expired lease leaves
 * it free, see {@link Receipt#activeLease}), then CLOSED (paid) or DELETED (deleted, merged away, moved
 * to its shop). Only OPEN and PAYING receipts take commands; later lines are recovered (rule 6).
 */
public enum State {
  OPEN, PAYING, CLOSED, DELETED;

  public boolean isOpen() {
    return this == OPEN || this == PAYING;
  }
}
