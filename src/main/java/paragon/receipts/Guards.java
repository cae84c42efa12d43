package paragon.receipts;

import paragon.accounts.Permission;
import paragon.receipts.Outcome.Refused;

/**
 * The checks the rules share, each a statement that throws its {@link Refusal} (caught in
 * {@link Rules#apply}). A command on an existing receipt goes through them in this order: it exists
 * where the device may act, it is open, the user may see it (rule 2), and no other device is paying it.
 */
final class Guards {
  private Guards() {}

  /** {@code no} as the exception a rule throws: {@code throw refuse(no)}. */
  static Refusal refuse(Refused no) {
    return new Refusal(no);
  }

  /** The receipt must exist in a space this device reaches; another space's receipt reads as absent. */
  static void requireReach(Receipt r, String id, Context c) {
    requireReach(r, "receiptId", id, c);
  }

  /** As {@link #requireReach(Receipt, String, Context)}, the refusal naming {@code field}, e.g. a line. */
  static void requireReach(Receipt r, String field, String id, Context c) {
    if (r == null || !c.actor().reaches(r.space())) throw refuse(Refusals.notFound(field, id));
  }

  static void requireVisible(Receipt r, Context c) {
    if (!c.actor().sees(r.ownerUserId(), r.ownerRoleId())) throw refuse(Refusals.notVisible(r));
  }

  static void requireOpen(Receipt r) {
    if (!r.isOpen()) throw refuse(Refusals.closed(r));
  }

  /** A running lease of another device blocks every change; an expired one is free. */
  static void requireNoLease(Receipt r, Context c) {
    Receipt.Lease l = r.activeLease(c.now());
    if (l != null && l.deviceId() != c.actor().deviceId()) throw refuse(Refusals.leased(l));
  }

  /** All four, for a command that changes {@code r}. */
  static void requireEditable(Receipt r, String id, Context c) {
    requireReach(r, id, c);
    requireOpen(r);
    requireVisible(r, c);
    requireNoLease(r, c);
  }

  static void requirePermission(Permission p, Context c) {
    if (!c.actor().may(p)) throw refuse(Refusals.permission(p));
  }

  /** A name of 1..40 characters after trimming. */
  static void requireName(String name) {
    int length = name == null ? 0 : name.strip().codePointCount(0, name.strip().length());
    if (length < Limits.MIN_NAME || length > Limits.MAX_NAME) throw refuse(Refusals.limit(Limits.Name.NAME));
  }

  /** A discount's reason: 1..80 characters after trimming, answered stripped. */
  static String reason(String reason) {
    String why = reason == null ? "" : reason.strip();
    int length = why.codePointCount(0, why.length());
    if (length < 1 || length > Limits.MAX_REASON) {
      throw refuse(Refusals.range(Limits.Name.REASON, 1, Limits.MAX_REASON, Limits.MAX_REASON));
    }
    return why;
  }

  /** Null for a blank note (it clears), else the stripped note. */
  static String note(String note) {
    return note == null || note.isBlank() ? null : note.strip();
  }

  static void requireNoteLength(String note) {
    if (note != null && note.codePointCount(0, note.length()) > Limits.MAX_NOTE) {
      throw refuse(Refusals.limit(Limits.Name.NOTE));
    }
  }
}
