package paragon.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import paragon.receipts.ChangeFeed;
import paragon.receipts.ReceiptDelta;
import paragon.receipts.ReceiptView;
import paragon.receipts.Viewer;

/**
 * One row of the change feed as the stream sends it: change {@code seq} of {@code space}, either the
 * whole receipt {@code view} as the change left it or a {@code delta} onto its previous change. The
 * frames ({@code receipt} or {@code delta} for a viewer who sees it, {@code occupied}, {@code gone})
 * are built once per row and shared by every connection that gets them, so a fan-out to many
 * terminals encodes each change at most once, and a delta's frame is as small as the change. The
 * device whose command the row completes ({@code byDevice}) gets its frame with {@code "by": {"n": byN}}
 * (docs/protocol.md "Stream"); that frame is built for its one connection only.
 *
 * <p>The lazily built frames are guarded by {@code this}.
 */
final class FramedChange {
  final String space;
  final long seq;
  private final ReceiptView view;
  private final ReceiptDelta delta;
  private final Long byDevice;
  private final Long byN;
  private String payload;
  private String full;
  private String occupied;
  private String gone;

  FramedChange(String space, long seq, ReceiptView view, Long byDevice, Long byN) {
    this(space, seq, view, null, byDevice, byN);
  }

  FramedChange(String space, long seq, ReceiptDelta delta, Long byDevice, Long byN) {
    this(space, seq, null, delta, byDevice, byN);
  }

  private FramedChange(String space, long seq, ReceiptView view, ReceiptDelta delta, Long byDevice, Long byN) {
    this.space = space;
    this.seq = seq;
    this.view = view;
    this.delta = delta;
    this.byDevice = byDevice;
    this.byN = byN;
  }

  /** A row of the feed; a row this node just wrote brings its payload's JSON, which is then not encoded again. */
  static FramedChange of(ChangeFeed.ChangeRow row) {
    FramedChange f = new FramedChange(row.space(), row.seq(), row.view(), row.delta(), row.byDevice(), row.byN());
    f.payload = row.written();
    return f;
  }

  /** The frame for a terminal of device {@code deviceId} that filters for {@code viewer}. */
  synchronized String frameFor(Viewer viewer, long deviceId) {
    Long by = byDevice != null && byDevice == deviceId ? byN : null;
    Sight sight = view != null ? Sight.of(view, viewer) : Sight.of(delta.receipt(), viewer);
    if (by != null) {
      return switch (sight) {
        case Sight.Full f -> seen(by);
        case Sight.Occupied o -> Frames.occupied(space, seq, by, o);
        case Sight.Gone g -> Frames.gone(space, seq, by, g.id());
      };
    }
    return switch (sight) {
      case Sight.Full f -> full != null ? full : (full = seen(null));
      case Sight.Occupied o -> occupied != null ? occupied : (occupied = Frames.occupied(space, seq, null, o));
      case Sight.Gone g -> gone != null ? gone : (gone = Frames.gone(space, seq, null, g.id()));
    };
  }

  /** The frame for a viewer who sees the receipt: the whole receipt, or the delta. */
  private String seen(Long by) {
    if (payload == null) payload = view != null ? json(view) : encode(delta, delta.receipt().id());
    return view != null ? Frames.receipt(space, seq, by, payload)
        : Frames.delta(space, seq, by, delta.receipt().id(), payload);
  }

  static String json(ReceiptView view) {
    return encode(view, view.id());
  }

  private static String encode(Object value, String receiptId) {
    try {
      return Frames.JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode receipt " + receiptId, e);
    }
  }
}
