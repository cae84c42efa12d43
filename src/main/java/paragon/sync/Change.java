package paragon.sync;

import paragon.receipts.ReceiptView;

/**
 * One row of the change feed: receipt {@code view} as change {@code seq} of {@code space} left it.
 * {@code payload} is the row's JSON exactly as stored, so a full frame embeds it without re-encoding.
 * The three possible frames are built once per row and shared by every connection that gets them.
 *
 * <p>The lazily built frames are guarded by {@code this}.
 */
final class Change {
  final String space;
  final long seq;
  final ReceiptView view;
  final String payload;
  private String full;
  private String occupied;
  private String gone;

  Change(String space, long seq, ReceiptView view, String payload) {
    this.space = space;
    this.seq = seq;
    this.view = view;
    this.payload = payload;
  }

  synchronized String frameFor(Viewer viewer) {
    return switch (Sight.of(view, viewer)) {
      case Sight.Full f -> full != null ? full : (full = Frames.receipt(space, seq, payload));
      case Sight.Occupied o -> occupied != null ? occupied : (occupied = Frames.occupied(space, seq, o));
      case Sight.Gone g -> gone != null ? gone : (gone = Frames.gone(space, seq, g.id()));
    };
  }
}
