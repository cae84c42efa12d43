package paragon.sync;

/**
 * Cursor rules (docs/protocol.md "Stream"): how a terminal's cursor for one space is answered. A
 * snapshot whenever the changes after the cursor would not rebuild exactly what the server would
 * send now: no cursor, a cursor filtered for another viewer, a cursor ahead of the space (the
 * database was restored, or the cursor belongs to another server), too far behind to be worth
 * replaying, or whose next change is no longer stored.
 */
enum Resume {
  CHANGES, SNAPSHOT;

  static Resume decide(Long cursor, boolean sameViewer, long head, long replayLimit, boolean nextStored) {
    if (cursor == null || !sameViewer) return SNAPSHOT;
    if (cursor < 0 || cursor > head) return SNAPSHOT;
    if (head - cursor > replayLimit) return SNAPSHOT;
    if (cursor < head && !nextStored) return SNAPSHOT;
    return CHANGES;
  }

  String wire() {
    return name().toLowerCase();
  }
}
