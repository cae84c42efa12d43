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

  /**
   * The same, with {@code rows}: the change rows the transaction wrote in the space, in seq order, the
   * last one numbered {@code seq}. The stream hands them to its terminals without reading them back
   * when they follow what it sent; otherwise it reads the feed as for {@link #committed(long, String,
   * long)}.
   */
  default void committed(long accountId, String space, long seq, java.util.List<ChangeFeed.ChangeRow> rows) {
    committed(accountId, space, seq);
  }

  /** A feed that tells nobody, for an app without a stream (and for store tests). */
  Feed NONE = (accountId, space, seq) -> {};
}
