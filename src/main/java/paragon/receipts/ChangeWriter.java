package paragon.receipts;

import org.jdbi.v3.core.Handle;
import paragon.web.Json;

/**
 * The write side of the change feed, used only inside a command's (or a join's) transaction: the
 * space's row lock, its next seq, and the change row. {@link ChangeFeed} is the read side.
 */
final class ChangeWriter {
  private ChangeWriter() {}

  /** Command {@code n} of device {@code deviceId}. */
  record By(long deviceId, long n) {}

  /**
   * Takes the space's row lock for the rest of the transaction (creating the space at seq 0), in one
   * statement: an upsert that rewrites the row locks it as an UPDATE would.
   */
  static void lock(Handle h, long accountId, String space) {
    h.createUpdate("""
            INSERT INTO spaces (account_id, space, seq) VALUES (:a, :s, 0)
            ON CONFLICT (account_id, space) DO UPDATE SET seq = spaces.seq""")
        .bind("a", accountId).bind("s", space).execute();
  }

  /** The space's next seq, taken; the space must be locked. */
  static long next(Handle h, long accountId, String space) {
    return h.createQuery("UPDATE spaces SET seq = seq + 1 WHERE account_id = :a AND space = :s RETURNING seq")
        .bind("a", accountId).bind("s", space).mapTo(Long.class).one();
  }

  /**
   * Writes the change row of {@code after} (as saved, with its seq) in its space: a {@link ReceiptDelta}
   * from {@code before} (the receipt as its last change row left it, or null for a receipt new here)
   * where one applies, else the whole receipt. {@code completes}: the command this row completes in
   * the space (its last row there), or null. Returns the row as written.
   */
  static ChangeFeed.ChangeRow write(Handle h, long accountId, Receipt before, Receipt after, By completes, long now) {
    ReceiptView view = after.view(after.seq(), after.contentSeq());
    ReceiptDelta delta = before == null ? null : ReceiptDelta.between(before.view(before.seq(), before.contentSeq()), view);
    String payload = delta == null ? Json.write(view) : Json.write(delta);
    insert(h, accountId, view, payload, completes, now);
    return row(view, delta, payload, completes, now);
  }

  /** Writes the change row numbered {@code view.seq()} of the view's space with the whole receipt. */
  static ChangeFeed.ChangeRow write(Handle h, long accountId, ReceiptView view, By completes, long now) {
    String payload = Json.write(view);
    insert(h, accountId, view, payload, completes, now);
    return row(view, null, payload, completes, now);
  }

  /** The row as it was written, for the stream after the commit (no read, no decoding). */
  private static ChangeFeed.ChangeRow row(ReceiptView view, ReceiptDelta delta, String payload, By completes,
      long now) {
    return new ChangeFeed.ChangeRow(view.space(), view.seq(), view.id(), delta == null ? view : null, delta, now,
        completes == null ? null : completes.deviceId(), completes == null ? null : completes.n(), payload);
  }

  private static void insert(Handle h, long accountId, ReceiptView view, String payload, By completes, long now) {
    h.createUpdate("""
            INSERT INTO changes (account_id, space, seq, receipt_id, payload, created_at, device_id, n)
            VALUES (:a, :s, :seq, :r, :payload, :now, :device, :n)""")
        .bind("a", accountId).bind("s", view.space()).bind("seq", view.seq()).bind("r", view.id())
        .bind("payload", payload).bind("now", now)
        .bind("device", completes == null ? null : completes.deviceId())
        .bind("n", completes == null ? null : completes.n()).execute();
  }
}
