package paragon.sync;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import paragon.receipts.ReceiptView;
import paragon.storage.Database;

/**
 * Reads the change feed that the receipt service writes ({@code changes}, one row per receipt a
 * command touched, payload = the receipt's {@link ReceiptView} after it). The stream trusts only these
 * rows, never in-memory state, so every node and every restart sees the same history.
 */
final class ChangeReader {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** The open receipts of a space and the seq they are consistent with. */
  record Snapshot(String space, long seq, List<Change> open) {}

  private final Database db;

  ChangeReader(Database db) {
    this.db = db;
  }

  /** Rows of {@code space} with seq > {@code after}, in seq order, at most {@code limit}. */
  List<Change> since(long accountId, String space, long after, int limit) {
    return db.read(h -> h.createQuery("""
            SELECT seq, payload FROM changes
            WHERE space = :space AND account_id = :account AND seq > :after
            ORDER BY seq LIMIT :limit""")
        .bind("space", space).bind("account", accountId).bind("after", after).bind("limit", limit)
        .map((rs, ctx) -> change(space, rs.getLong("seq"), rs.getString("payload")))
        .list());
  }

  /** The space's current seq (0 before its first change). */
  long head(long accountId, String space) {
    return db.read(h -> h.createQuery("SELECT seq FROM spaces WHERE account_id = :account AND space = :space")
        .bind("account", accountId).bind("space", space).mapTo(Long.class).findOne().orElse(0L));
  }

  /** True when change {@code seq} of the space is still stored (a cursor just before it can resume). */
  boolean has(long accountId, String space, long seq) {
    return db.read(h -> h.createQuery(
            "SELECT count(*) FROM changes WHERE space = :space AND account_id = :account AND seq = :seq")
        .bind("space", space).bind("account", accountId).bind("seq", seq).mapTo(Long.class).one()) > 0;
  }

  /**
   * All open receipts of the space with the seq they are current at, read by ONE statement so that
   * both come from one snapshot of the database on SQLite and on PostgreSQL (READ COMMITTED takes a
   * snapshot per statement). A receipt's current state is the payload of its latest change row
   * ({@code receipts.seq}); that is what the receipt service maintains.
   */
  Snapshot snapshot(long accountId, String space) {
    List<Change> open = new ArrayList<>();
    long[] head = {0};
    db.read(h -> h.createQuery("""
            SELECT s.seq AS head, c.seq AS seq, c.payload AS payload
            FROM spaces s
            LEFT JOIN receipts r ON r.account_id = s.account_id AND r.space = s.space
                                AND r.state IN ('OPEN', 'PAYING')
            LEFT JOIN changes c ON c.space = r.space AND c.seq = r.seq AND c.account_id = r.account_id
            WHERE s.account_id = :account AND s.space = :space
            ORDER BY c.seq""")
        .bind("account", accountId).bind("space", space)
        .map((rs, ctx) -> {
          head[0] = rs.getLong("head");
          String payload = rs.getString("payload");
          if (payload != null) open.add(change(space, rs.getLong("seq"), payload));
          return null;
        })
        .list());
    return new Snapshot(space, head[0], List.copyOf(open));
  }

  static Change change(String space, long seq, String payload) {
    try {
      return new Change(space, seq, JSON.readValue(payload, ReceiptView.class), payload);
    } catch (IOException e) {
      throw new IllegalStateException("change " + space + "#" + seq + " has an unreadable payload", e);
    }
  }
}
