package paragon.receipts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import paragon.storage.Database;
import paragon.web.Json;

/**
 * The read side of the spaces and their change rows, for the stream and the back office; the command
 * service writes them inside its transaction through {@link ChangeWriter}. A change row's payload is
 * the {@link ReceiptView} of its receipt after the change, so a receipt's current state is the payload
 * of its latest row.
 */
public final class ChangeFeed {
  private final Database db;

  public ChangeFeed(Database db) {
    this.db = db;
  }

  /**
   * One stored change row: the receipt's full state after the change numbered {@code seq} of
   * {@code space}. {@code byDevice}/{@code byN}: set when this row completes command {@code byN} of
   * device {@code byDevice} in the space (its last row there), else null.
   */
  public record ChangeRow(String space, long seq, String receiptId, ReceiptView view, long createdAt, Long byDevice,
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

  /** An open receipt as the back office lists it, with the terminal that last changed it (null before any). */
  public record OpenReceipt(ReceiptView view, Long lastDeviceId) {}

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
              LEFT JOIN receipts r ON r.account_id = s.account_id AND r.space = s.space
                AND r.state IN ('OPEN', 'PAYING')
              LEFT JOIN changes c ON c.space = r.space AND c.seq = r.seq
              WHERE s.account_id = :a AND s.space = :s ORDER BY r.created_at, r.id""")
          .bind("a", accountId).bind("s", space).bind("d", deviceId)
          .map((rs, ctx) -> {
            seq[0] = rs.getLong("space_seq");
            last[0] = rs.getLong("last_n");
            String payload = rs.getString("payload");
            if (payload != null) open.add(view(payload));
            return payload;
          }).list();
      Map<String, Long> generations = new TreeMap<>();
      h.createQuery("SELECT slot_id, generation FROM slot_generations WHERE account_id = :a AND space = :s")
          .bind("a", accountId).bind("s", space)
          .map((rs, ctx) -> generations.put(rs.getString("slot_id"), rs.getLong("generation"))).list();
      return new Snapshot(space, seq[0], List.copyOf(open), Map.copyOf(generations), last[0]);
    });
  }

  /** The space's current seq (0 before its first change). */
  public long seq(long accountId, String space) {
    return db.read(h -> h.createQuery("SELECT seq FROM spaces WHERE account_id = :a AND space = :s")
        .bind("a", accountId).bind("s", space).mapTo(Long.class).findOne().orElse(0L));
  }

  /** Up to {@code limit} changes after {@code afterSeq}, in seq order. */
  public List<ChangeRow> changesSince(long accountId, String space, long afterSeq, int limit) {
    return db.read(h -> h.createQuery("""
            SELECT space, seq, receipt_id, payload, created_at, device_id, n FROM changes
            WHERE account_id = :a AND space = :s AND seq > :after ORDER BY seq LIMIT :limit""")
        .bind("a", accountId).bind("s", space).bind("after", afterSeq).bind("limit", limit)
        .map((rs, ctx) -> new ChangeRow(rs.getString("space"), rs.getLong("seq"), rs.getString("receipt_id"),
            view(rs.getString("payload")), rs.getLong("created_at"), ReceiptStore.longOrNull(rs, "device_id"),
            ReceiptStore.longOrNull(rs, "n")))
        .list());
  }

  /** The open (and paying) receipts of a shop, oldest first, whichever space they are in. */
  public List<OpenReceipt> openInShop(long accountId, long shopId) {
    return db.read(h -> h.createQuery("""
            SELECT c.payload,
                   (SELECT ra.device_id FROM receipt_audit ra
                    WHERE ra.account_id = r.account_id AND ra.receipt_id = r.id
                    ORDER BY ra.id DESC LIMIT 1) AS last_device
            FROM receipts r
            JOIN changes c ON c.account_id = r.account_id AND c.space = r.space AND c.seq = r.seq
            WHERE r.account_id = :a AND r.shop_id = :shop AND r.state IN ('OPEN', 'PAYING')
            ORDER BY r.created_at, r.id""")
        .bind("a", accountId).bind("shop", shopId)
        .map((rs, ctx) -> new OpenReceipt(view(rs.getString("payload")), ReceiptStore.longOrNull(rs, "last_device")))
        .list());
  }

  /** A receipt of this account in its latest state, any state, if there is one. */
  public Optional<ReceiptView> latest(long accountId, String receiptId) {
    return db.read(h -> h.createQuery("""
            SELECT c.payload FROM receipts r
            JOIN changes c ON c.account_id = r.account_id AND c.space = r.space AND c.seq = r.seq
            WHERE r.account_id = :a AND r.id = :id""")
        .bind("a", accountId).bind("id", receiptId).mapTo(String.class).findOne().map(ChangeFeed::view));
  }

  static ReceiptView view(String payload) {
    return Json.read(payload, ReceiptView.class, "a stored change payload");
  }
}
