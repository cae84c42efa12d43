package paragon.configuration;

/** Which parked receipts a logged-in user sees (DESIGN rule 2). */
public enum Visibility {
  /** Receipts this user owns. */
  OWN,
  /** Every receipt. */
  ALL,
  /** Receipts owned by a user with this user's role. */
  SAME_ROLE
}
