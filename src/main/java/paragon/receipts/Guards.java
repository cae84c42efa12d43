package paragon.receipts;

import paragon.receipts.Outcome.Refused;

/**
 * The checks every command on an existing receipt goes through, in this order: it exists where the
 * device may act, it is open, the user may see it (rule 2), and no other device is paying it.
 */
final class Guards {
  private Guards() {}

  /** The receipt must exist in a space this device reaches; another space's receipt reads as absent. */
  static Refused reach(Receipt r, String id, Context c) {
    if (r == null || !c.actor().reaches(r.space())) return Refusals.notFound("receiptId", id);
    return null;
  }

  static Refused visible(Receipt r, Context c) {
    return c.actor().sees(r.ownerUserId(), r.ownerRoleId()) ? null : Refusals.notVisible(r);
  }

  static Refused open(Receipt r) {
    return r.isOpen() ? null : Refusals.closed(r);
  }

  /** A running lease of another device blocks every change; an expired one is free. */
  static Refused lease(Receipt r, Context c) {
    Receipt.Lease l = r.activeLease(c.now());
    return l != null && l.deviceId() != c.actor().deviceId() ? Refusals.leased(l) : null;
  }

  /** All four, for a command that changes {@code r}. */
  static Refused editable(Receipt r, String id, Context c) {
    Refused x = reach(r, id, c);
    if (x == null) x = open(r);
    if (x == null) x = visible(r, c);
    if (x == null) x = lease(r, c);
    return x;
  }

  /** A name of 1..40 characters after trimming, or a refusal naming the limit. */
  static Refused name(String name) {
    int length = name == null ? 0 : name.strip().codePointCount(0, name.strip().length());
    return length < Limits.MIN_NAME || length > Limits.MAX_NAME ? Refusals.limit(Limits.Name.NAME) : null;
  }

  /** Null for a blank note (it clears), else the stripped note. */
  static String note(String note) {
    return note == null || note.isBlank() ? null : note.strip();
  }

  static Refused noteLength(String note) {
    return note != null && note.codePointCount(0, note.length()) > Limits.MAX_NOTE ? Refusals.limit(Limits.Name.NOTE) : null;
  }
}
