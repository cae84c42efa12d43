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

  /**
   * One change: the receipt's full state after the change numbered {@code seq} of {@code space}.
   * {@code byDevice}/{@code byN}: set when this row completes command {@code byN} of device
   * {@code byDevice} in the space (its last row there), else null.
   */
  public record Change(String space, long seq, String receiptId, ReceiptView view, long createdAt, Long byDevice,
      Long byN) {}

  /**
   * Everything a terminal needs to start from scratch in one space, read consistently: the open
   * receipts as of {@code seq} (their latest change payloads, read in the same statement as the seq),
   * and the current generation of every table that was ever paid there (others are at generation 1).
   * {@code lastCommand}: the last command number of the device it was read for (0 for none): every
   * change of that device's commands up to it is in these receipts.
   */
  public record Snapshot(String space, long seq, List<ReceiptView> receipts, Map<String, Long> generations,
      long lastCommand) {}

  public Snapshot snapshot(long accountId, String space) {
    return snapshot(accountId, space, 0);
  }

  /** The snapshot as the stream sends it to device {@code deviceId}, with that device's last command. */
  public Snapshot snapshot(long accountId, String space, long deviceId) {
    return db.read(h -> {
      long[] seq = {0};
      List<ReceiptView> open = new ArrayList<>();
      // One statement, so the seq, the payloads and the device's last command are one consistent read
      // on both databases (a command commits its change rows and its number together).
      long[] last = {0};
      h.createQuery("""
              SELECT s.seq AS space_seq, c.payload,
                (SELECT last_n FROM command_cursors WHERE account_id = :a AND device_id = :d) AS last_n
              FROM spaces s
              LEFT JOIN receipts r ON r.account_id = s.account_id AND r.space = s.space AND r.state IN ('OPEN', 'PAYING')
              LEFT JOIN changes c ON c.space = r.space AND c.seq = r.seq
              WHERE s.account_id = :a AND s.space = :s ORDER BY r.created_at, r.id""")
          .bind("a", accountId).bind("s", space).bind("d", deviceId)
          .map((rs, ctx) -> {
            seq[0] = rs.getLong("space_seq");
            last[0] = rs.getLong("last_n");
            String payload = rs.getString("payload");
            if (payload != null) open.add(parse(payload));
            return payload;
          }).list();
      Map<String, Long> generations = new java.util.TreeMap<>();
      h.createQuery("SELECT slot_id, generation FROM slot_generations WHERE account_id = :a AND space = :s")
          .bind("a", accountId).bind("s", space)
          .map((rs, ctx) -> generations.put(rs.getString("slot_id"), rs.getLong("generation"))).list();
      return new Snapshot(space, seq[0], List.copyOf(open), Map.copyOf(generations), last[0]);
    });
  }

  /** The space's current seq (0 before its first change). */
  public long seq(long accountId, String space) {
    return db.read(h -> currentSeq(h, accountId, space));
  }

  /** Up to {@code limit} changes after {@code afterSeq}, in seq order. */
  public List<Change> changesSince(long accountId, String space, long afterSeq, int limit) {
    return db.read(h -> h.createQuery("""
            SELECT space, seq, receipt_id, payload, created_at, device_id, n FROM changes
            WHERE account_id = :a AND space = :s AND seq > :after ORDER BY seq LIMIT :limit""")
        .bind("a", accountId).bind("s", space).bind("after", afterSeq).bind("limit", limit)
        .map((rs, ctx) -> new Change(rs.getString("space"), rs.getLong("seq"), rs.getString("receipt_id"),
            parse(rs.getString("payload")), rs.getLong("created_at"), ReceiptStore.longOrNull(rs, "device_id"),
            ReceiptStore.longOrNull(rs, "n")))
        .list());
  }

  /** Command {@code n} of device {@code deviceId}. */
  record By(long deviceId, long n) {}

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

  /**
   * Writes the change row numbered {@code view.seq()} of the view's space; {@code completes}: the
   * command this row completes in the space (its last row there), or null.
   */
  static void write(Handle h, long accountId, ReceiptView view, By completes, long now) {
    h.createUpdate("""
            INSERT INTO changes (account_id, space, seq, receipt_id, payload, created_at, device_id, n)
            VALUES (:a, :s, :seq, :r, :payload, :now, :device, :n)""")
        .bind("a", accountId).bind("s", view.space()).bind("seq", view.seq()).bind("r", view.id())
        .bind("payload", json(view)).bind("now", now)
        .bind("device", completes == null ? null : completes.deviceId())
        .bind("n", completes == null ? null : completes.n()).execute();
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
