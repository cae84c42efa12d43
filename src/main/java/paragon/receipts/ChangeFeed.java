package paragon.receipts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.statement.Query;
import paragon.storage.Database;
import paragon.web.Json;

/**
 * The read side of the spaces and their change rows, for the stream and the back office; the command
 * service writes them inside its transaction through {@link ChangeWriter}. A change row's payload is
 * the change: a {@link ReceiptDelta} onto the receipt's previous row, or the whole {@link ReceiptView}
 * where a delta makes no sense. Whole receipts (snapshots, the back office) are read from the receipts
 * and lines tables, each in one statement, so what it returns is one consistent state.
 */
public final class ChangeFeed {
  private final Database db;

  public ChangeFeed(Database db) {
    this.db = db;
  }

  /**
   * One stored change row, the change numbered {@code seq} of {@code space}: either {@code view}, the
   * receipt's full state after it, or {@code delta}, the change onto its previous row (the other one
   * null). {@code byDevice}/{@code byN}: set when this row completes command {@code byN} of device
   * {@code byDevice} in the space (its last row there), else null. {@code written}: the payload's JSON
   * text when this process wrote the row (handed to the stream straight after its commit, so it is
   * sent as it is, not encoded again); null for a row read from the table (an older row's payload may
   * predate fields the view has now, so it is encoded afresh).
   */
  public record ChangeRow(String space, long seq, String receiptId, ReceiptView view, ReceiptDelta delta,
      long createdAt, Long byDevice, Long byN, String written) {
    public ChangeRow {
      if ((view == null) == (delta == null)) {
        throw new IllegalArgumentException("change " + space + "/" + seq + ": a view or a delta, one of them");
      }
    }
  }

  /**
   * Everything a terminal needs to start from scratch in one space, read consistently: the open
   * receipts as of {@code seq} (from the receipts and lines tables, read in the same statement as the seq),
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
      long[] last = {0};
      // One statement, so the seq, the receipts with their lines and the device's last command are one
      // consistent read on both databases (a command commits its rows, the seq and its number together).
      List<Receipt> open = whole(h.createQuery("SELECT s.seq AS space_seq, "
              + "(SELECT last_n FROM command_cursors WHERE account_id = :a AND device_id = :d) AS last_n, "
              + ReceiptStore.columns("r") + ", " + ReceiptStore.lineColumns("l", "l_") + """
               FROM spaces s
              LEFT JOIN receipts r ON r.account_id = s.account_id AND r.space = s.space
                AND r.state IN ('OPEN', 'PAYING')
              LEFT JOIN lines l ON l.account_id = r.account_id AND l.receipt_id = r.id AND l.removed = :f
              WHERE s.account_id = :a AND s.space = :s ORDER BY r.created_at, r.id, l.position""")
          .bind("a", accountId).bind("s", space).bind("d", deviceId).bind("f", false), rs -> {
            seq[0] = rs.getLong("space_seq");
            last[0] = rs.getLong("last_n");
          });
      Map<String, Long> generations = new TreeMap<>();
      h.createQuery("SELECT slot_id, generation FROM slot_generations WHERE account_id = :a AND space = :s")
          .bind("a", accountId).bind("s", space)
          .map((rs, ctx) -> generations.put(rs.getString("slot_id"), rs.getLong("generation"))).list();
      return new Snapshot(space, seq[0], open.stream().map(ChangeFeed::view).toList(), Map.copyOf(generations),
          last[0]);
    });
  }

  /** What a joined row tells beside its receipt and line (read before them, on every row). */
  private interface Extra {
    void read(ResultSet rs) throws SQLException;
  }

  /**
   * The receipts {@code query} reads, one per run of rows with the same id (it orders by receipt, then
   * line position): it selects {@link ReceiptStore#columns} (all null in a row without a receipt) and
   * {@link ReceiptStore#lineColumns} prefixed {@code l_} (all null in the row of a receipt without lines).
   */
  private static List<Receipt> whole(Query query, Extra extra) {
    List<Receipt> out = new ArrayList<>();
    Receipt[] current = {null};
    List<Line> lines = new ArrayList<>();
    query.map((rs, ctx) -> {
      extra.read(rs);
      String id = rs.getString("id");
      if (id == null) return id;
      if (current[0] == null || !current[0].id().equals(id)) {
        if (current[0] != null) out.add(withLines(current[0], lines));
        lines.clear();
        current[0] = ReceiptStore.receipt(rs, List.of());
      }
      if (rs.getString("l_id") != null) lines.add(ReceiptStore.line(rs, "l_"));
      return id;
    }).list();
    if (current[0] != null) out.add(withLines(current[0], lines));
    return out;
  }

  private static Receipt withLines(Receipt r, List<Line> lines) {
    List<Line> copy = List.copyOf(lines);
    return r.with(b -> b.lines(copy));
  }

  private static ReceiptView view(Receipt r) {
    return r.view(r.seq(), r.contentSeq());
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
        .map((rs, ctx) -> row(rs.getString("space"), rs.getLong("seq"), rs.getString("receipt_id"),
            rs.getString("payload"), rs.getLong("created_at"), ReceiptStore.longOrNull(rs, "device_id"),
            ReceiptStore.longOrNull(rs, "n")))
        .list());
  }

  /** A stored row: a delta has {@code prev} (rows written before issue 11 are all whole receipts). */
  static ChangeRow row(String space, long seq, String receiptId, String payload, long createdAt, Long byDevice,
      Long byN) {
    JsonNode tree = Json.read(payload, JsonNode.class, "a stored change payload");
    try {
      if (tree.has("prev")) {
        return new ChangeRow(space, seq, receiptId, null, Json.MAPPER.treeToValue(tree, ReceiptDelta.class), createdAt,
            byDevice, byN, null);
      }
      return new ChangeRow(space, seq, receiptId, Json.MAPPER.treeToValue(tree, ReceiptView.class), null, createdAt,
          byDevice, byN, null);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("change " + space + "/" + seq + " has an unreadable payload", e);
    }
  }

  /** The open (and paying) receipts of a shop, oldest first, whichever space they are in. */
  public List<OpenReceipt> openInShop(long accountId, long shopId) {
    return db.read(h -> {
      Map<String, Long> lastDevice = new HashMap<>();
      List<Receipt> open = whole(h.createQuery("SELECT " + ReceiptStore.columns("r") + ", "
              + ReceiptStore.lineColumns("l", "l_") + ", r.last_device" + """
               FROM (SELECT receipts.*,
                       (SELECT ra.device_id FROM receipt_audit ra
                        WHERE ra.account_id = receipts.account_id AND ra.receipt_id = receipts.id
                        ORDER BY ra.id DESC LIMIT 1) AS last_device
                     FROM receipts
                     WHERE account_id = :a AND shop_id = :shop AND state IN ('OPEN', 'PAYING')) r
              LEFT JOIN lines l ON l.account_id = r.account_id AND l.receipt_id = r.id AND l.removed = :f
              ORDER BY r.created_at, r.id, l.position""")
          .bind("a", accountId).bind("shop", shopId).bind("f", false), rs -> {
            String id = rs.getString("id");
            if (id != null) lastDevice.put(id, ReceiptStore.longOrNull(rs, "last_device"));
          });
      return open.stream().map(r -> new OpenReceipt(view(r), lastDevice.get(r.id()))).toList();
    });
  }

  /** A receipt of this account in its latest state, any state, if there is one. */
  public Optional<ReceiptView> latest(long accountId, String receiptId) {
    return db.read(h -> whole(h.createQuery("SELECT " + ReceiptStore.columns("r") + ", "
            + ReceiptStore.lineColumns("l", "l_") + """
             FROM receipts r
            LEFT JOIN lines l ON l.account_id = r.account_id AND l.receipt_id = r.id AND l.removed = :f
            WHERE r.account_id = :a AND r.id = :id ORDER BY l.position""")
        .bind("a", accountId).bind("id", receiptId).bind("f", false), rs -> { })
        .stream().findFirst().map(ChangeFeed::view));
  }
}
