package paragon.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import paragon.receipts.ChangeFeed;
import paragon.receipts.ReceiptView;
import paragon.receipts.Viewer;

/**
 * One row of the change feed as the stream sends it: receipt {@code view} as change {@code seq} of
 * {@code space} left it. The three possible frames are built once per row and shared by every
 * connection that gets them, so a fan-out to many terminals encodes each receipt at most once. The
 * device whose command the row completes ({@code byDevice}) gets its frame with {@code "by": {"n": byN}}
 * (docs/protocol.md "Stream"); that frame is built for its one connection only.
 *
 * <p>The lazily built frames are guarded by {@code this}.
 */
final class FramedChange {
  final String space;
  final long seq;
  final ReceiptView view;
  private final Long byDevice;
  private final Long byN;
  private String payload;
  private String full;
  private String occupied;
  private String gone;

  FramedChange(String space, long seq, ReceiptView view, Long byDevice, Long byN) {
    this.space = space;
    this.seq = seq;
    this.view = view;
    this.byDevice = byDevice;
    this.byN = byN;
  }

  static FramedChange of(ChangeFeed.ChangeRow row) {
    return new FramedChange(row.space(), row.seq(), row.view(), row.byDevice(), row.byN());
  }

  /** The frame for a terminal of device {@code deviceId} that filters for {@code viewer}. */
  synchronized String frameFor(Viewer viewer, long deviceId) {
    Long by = byDevice != null && byDevice == deviceId ? byN : null;
    Sight sight = Sight.of(view, viewer);
    if (by != null) {
      return switch (sight) {
        case Sight.Full f -> Frames.receipt(space, seq, by, payload());
        case Sight.Occupied o -> Frames.occupied(space, seq, by, o);
        case Sight.Gone g -> Frames.gone(space, seq, by, g.id());
      };
    }
    return switch (sight) {
      case Sight.Full f -> full != null ? full : (full = Frames.receipt(space, seq, null, payload()));
      case Sight.Occupied o -> occupied != null ? occupied : (occupied = Frames.occupied(space, seq, null, o));
      case Sight.Gone g -> gone != null ? gone : (gone = Frames.gone(space, seq, null, g.id()));
    };
  }

  private String payload() {
    return payload != null ? payload : (payload = json(view));
  }

  static String json(ReceiptView view) {
    try {
      return Frames.JSON.writeValueAsString(view);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode receipt " + view.id(), e);
    }
  }
}
