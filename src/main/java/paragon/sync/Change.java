package paragon.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import paragon.receipts.ChangeFeed;
import paragon.receipts.ReceiptView;

/**
 * One row of the change feed as the stream sends it: receipt {@code view} as change {@code seq} of
 * {@code space} left it. The three possible frames are built once per row and shared by every
 * connection that gets them, so a fan-out to many terminals encodes each receipt at most once.
 *
 * <p>The lazily built frames are guarded by {@code this}.
 */
final class Change {
  final String space;
  final long seq;
  final ReceiptView view;
  private String full;
  private String occupied;
  private String gone;

  Change(String space, long seq, ReceiptView view) {
    this.space = space;
    this.seq = seq;
    this.view = view;
  }

  static Change of(ChangeFeed.Change row) {
    return new Change(row.space(), row.seq(), row.view());
  }

  synchronized String frameFor(Viewer viewer) {
    return switch (Sight.of(view, viewer)) {
      case Sight.Full f -> full != null ? full : (full = Frames.receipt(space, seq, json(view)));
      case Sight.Occupied o -> occupied != null ? occupied : (occupied = Frames.occupied(space, seq, o));
      case Sight.Gone g -> gone != null ? gone : (gone = Frames.gone(space, seq, g.id()));
    };
  }

  static String json(ReceiptView view) {
    try {
      return Frames.JSON.writeValueAsString(view);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode receipt " + view.id(), e);
    }
  }
}
