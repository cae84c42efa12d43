package paragon.receipts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import paragon.storage.Database;

/**
 * Spaces, their seq and their change rows: written by the command service inside its transaction,
 * read by the stream. A change row's payload is the {@link ReceiptView} of its receipt after the change.
 */
public final class ChangeFeed {
  static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Database db;

  public ChangeFeed(Database db) {
    this.db = db;
  }

  /** One change: the receipt's full state after the change numbered {@code seq} of {@code space}. */
  public record Change(String space, long seq, String receiptId, ReceiptView view, long createdAt) {}

  /**
   * Everything a terminal needs to start from scratch in one space, read consistently: the open
   * receipts as of {@code seq} (their latest change payloads, read in the same statement as the seq),
   * and the current generation of every table that was ever paid there (others are at generation 1).
   */
  public record Snapshot(String space, long seq, List<ReceiptView> receipts, Map<String, Long> generations) {}

  public Snapshot snapshot(long accountId, String space) {
    return db.read(h -> {
      long[] seq = {0};
      List<ReceiptView> open = new ArrayList<>();
      // One statement, so the seq and the payloads are one consistent read on both databases.
      h.createQuery("""
              SELECT s.seq AS space_seq, c.payload FROM spaces s
              LEFT JOIN receipts r ON r.account_id = s.account_id AND r.space = s.space AND r.state IN ('OPEN', 'PAYING')
              LEFT JOIN changes c ON c.space = r.space AND c.seq = r.seq
              WHERE s.account_id = :a AND s.space = :s ORDER BY r.created_at, r.id""")
          .bind("a", accountId).bind("s", space)
          .map((rs, ctx) -> {
            seq[0] = rs.getLong("space_seq");
            String payload = rs.getString("payload");
            if (payload != null) open.add(parse(payload));
            return payload;
          }).list();
      Map<String, Long> generations = new java.util.TreeMap<>();
      h.createQuery("SELECT slot_id, generation FROM slot_generations WHERE account_id = :a AND space = :s")
          .bind("a", accountId).bind("s", space)
          .map((rs, ctx) -> generations.put(rs.getString("slot_id"), rs.getLong("generation"))).list();
      return new Snapshot(space, seq[0], List.copyOf(open), Map.copyOf(generations));
    });
  }

  /** The space's current seq (0 before its first change). */
  public long seq(long accountId, String space) {
    return db.read(h -> currentSeq(h, accountId, space));
  }

  /** Up to {@code limit} changes after {@code afterSeq}, in seq order. */
  public List<Change> changesSince(long accountId, String space, long afterSeq, int limit) {
    return db.read(h -> h.createQuery("""
            SELECT space, seq, receipt_id, payload, created_at FROM changes
            WHERE account_id = :a AND space = :s AND seq > :after ORDER BY seq LIMIT :limit""")
        .bind("a", accountId).bind("s", space).bind("after", afterSeq).bind("limit", limit)
        .map((rs, ctx) -> new Change(rs.getString("space"), rs.getLong("seq"), rs.getString("receipt_id"),
            parse(rs.getString("payload")), rs.getLong("created_at")))
        .list());
  }

  static long currentSeq(Handle h, long accountId, String space) {
    return h.createQuery("SELECT seq FROM spaces WHERE account_id = :a AND space = :s")
        .bind("a", accountId).bind("s", space).mapTo(Long.class).findOne().orElse(0L);
  }

  /** Takes the space's row lock for the rest of the transaction (creating the space at seq 0). */
  static void lock(Handle h, long accountId, String space) {
    h.createUpdate("INSERT INTO spaces (account_id, space, seq) VALUES (:a, :s, 0) ON CONFLICT (account_id, space) DO NOTHING")
        .bind("a", accountId).bind("s", space).execute();
    h.createUpdate("UPDATE spaces SET seq = seq WHERE account_id = :a AND space = :s")
        .bind("a", accountId).bind("s", space).execute();
  }

  /** The space's next seq, taken; the space must be locked. */
  static long next(Handle h, long accountId, String space) {
    return h.createQuery("UPDATE spaces SET seq = seq + 1 WHERE account_id = :a AND space = :s RETURNING seq")
        .bind("a", accountId).bind("s", space).mapTo(Long.class).one();
  }

  /** Writes the change row numbered {@code view.seq()} of the view's space. */
  static void write(Handle h, long accountId, ReceiptView view, long now) {
    h.createUpdate("""
            INSERT INTO changes (account_id, space, seq, receipt_id, payload, created_at)
            VALUES (:a, :s, :seq, :r, :payload, :now)""")
        .bind("a", accountId).bind("s", view.space()).bind("seq", view.seq()).bind("r", view.id())
        .bind("payload", json(view)).bind("now", now).execute();
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  static com.fasterxml.jackson.databind.JsonNode parse_(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is not readable", e);
    }
  }

  static ReceiptView parse(String payload) {
    try {
      return JSON.readValue(payload, ReceiptView.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored change payload is not a ReceiptView", e);
    }
  }
}
