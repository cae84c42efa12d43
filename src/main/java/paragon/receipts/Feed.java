package paragon.receipts;

/**
 * Where the receipt service announces committed changes. Declared by receipts, implemented by the
 * stream (sync) and wired in {@code Paragon.create}.
 *
 * <p>Contract: called AFTER the transaction that wrote the change rows has committed, never inside it,
 * once per space a batch of commands touched (a group commit), with that space's highest new
 * {@code seq}. Every seq up to it is readable with {@code ChangeFeed.changesSince}. Must not block for
 * long: the caller is the sequencer's worker, and the next batch waits for it.
 */
public interface Feed {
  void committed(long accountId, String space, long seq);

  /** A feed that tells nobody, for an app without a stream (and for store tests). */
  Feed NONE = (accountId, space, seq) -> {};
}
