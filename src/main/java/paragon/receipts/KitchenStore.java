package paragon.receipts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import paragon.storage.Database;
import paragon.web.Json;

/**
 * The kitchen's tickets (issue 12), table {@code kitchen_tickets}: written by a command's transaction
 * ({@link KitchenTickets}), read by the kitchen display, marked done there. A ticket is named by the
 * command that made it (device, number, receipt, kind: unique), so a command answered again from the
 * log never writes it twice.
 */
public final class KitchenStore {
  private static final TypeReference<List<Item>> ITEMS = new TypeReference<>() {};
  private final Database db;

  public KitchenStore(Database db) {
    this.db = db;
  }

  /**
   * A line as the kitchen reads it: {@code quantity} in thousandths (sent, or taken back on a
   * cancellation), {@code modifiers} the options' names, {@code note}, {@code course}, {@code seat} or null.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Item(String lineId, String name, long quantity, List<String> modifiers, String note, Integer course,
      Integer seat) {}

  /**
   * {@code kind} "send" or "cancel"; {@code createdAt} when the command was applied (epoch ms);
   * {@code doneAt}/{@code doneBy} null while open.
   */
  public record Ticket(long id, long shopId, String receiptId, String receiptName, String kind, String waiter,
      long createdAt, List<Item> items, Long doneAt, String doneBy) {

    /** The lowest course among the items, or null (the board shows it on the ticket). */
    public Integer course() {
      return items.stream().map(Item::course).filter(java.util.Objects::nonNull).min(Integer::compare).orElse(null);
    }
  }

  static void write(Handle h, Actor a, long n, long now, KitchenTickets.Draft d) {
    h.createUpdate("""
            INSERT INTO kitchen_tickets (account_id, shop_id, receipt_id, receipt_name, kind, waiter_name,
                device_id, n, lines, created_at)
            VALUES (:a, :shop, :r, :name, :kind, :waiter, :d, :n, :lines, :now)""")
        .bind("a", a.accountId()).bind("shop", d.shopId()).bind("r", d.receiptId()).bind("name", d.receiptName())
        .bind("kind", d.kind().code).bind("waiter", a.userName()).bind("d", a.deviceId()).bind("n", n)
        .bind("lines", Json.write(d.items())).bind("now", now).execute();
  }

  /** The open tickets of {@code shopId} (null: every shop of the account), oldest first. */
  public List<Ticket> open(long accountId, Long shopId) {
    String shop = shopId == null ? "" : " AND shop_id = :s";
    return db.read(h -> {
      var q = h.createQuery("SELECT * FROM kitchen_tickets WHERE account_id = :a AND done_at IS NULL" + shop
          + " ORDER BY created_at, id LIMIT 500").bind("a", accountId);
      if (shopId != null) q.bind("s", shopId);
      return q.map((rs, ctx) -> ticket(rs)).list();
    });
  }

  /**
   * The course each receipt holds back, by receipt id (absent when none): the lowest course among its
   * lines not sent yet, once some line of it went to the kitchen, for the receipts still open; the
   * terminal's rule ({@code courses.js} {@code waitingCourse}), so the kitchen and the floor agree.
   */
  public Map<String, Integer> waitingCourses(long accountId, Collection<String> receiptIds) {
    if (receiptIds.isEmpty()) return Map.of();
    return db.read(h -> {
      Map<String, Integer> out = new HashMap<>();
      h.createQuery("""
              SELECT l.receipt_id, MIN(l.course) AS course FROM lines l
              JOIN receipts r ON r.account_id = l.account_id AND r.id = l.receipt_id
              WHERE l.account_id = :a AND l.receipt_id IN (<ids>) AND r.state IN ('OPEN', 'PAYING')
                AND l.removed = :no AND l.sent = :no AND l.course IS NOT NULL
                AND EXISTS (SELECT 1 FROM lines s WHERE s.account_id = l.account_id AND s.receipt_id = l.receipt_id
                  AND s.sent = :yes AND s.removed = :no)
              GROUP BY l.receipt_id""")
          .bind("a", accountId).bindList("ids", List.copyOf(new java.util.LinkedHashSet<>(receiptIds)))
          .bind("no", false).bind("yes", true)
          .map((rs, ctx) -> out.put(rs.getString("receipt_id"), rs.getInt("course"))).list();
      return out;
    });
  }

  /** Ticket {@code id} of the account, open or done; empty for an unknown or foreign one. */
  public Optional<Ticket> find(long accountId, long id) {
    return db.read(h -> h.createQuery("SELECT * FROM kitchen_tickets WHERE account_id = :a AND id = :id")
        .bind("a", accountId).bind("id", id).map((rs, ctx) -> ticket(rs)).findOne());
  }

  /**
   * Marks ticket {@code id} done by {@code who} at {@code now} (kept on the row: the ticket's audit);
   * false when it is not an open ticket of the account (done already: nothing changes).
   */
  public boolean done(long accountId, long id, String who, long now) {
    return db.inTransaction(h -> h.createUpdate("""
            UPDATE kitchen_tickets SET done_at = :now, done_by_name = :who
            WHERE account_id = :a AND id = :id AND done_at IS NULL""")
        .bind("now", now).bind("who", who).bind("a", accountId).bind("id", id).execute() == 1);
  }

  private static Ticket ticket(java.sql.ResultSet rs) throws java.sql.SQLException {
    long done = rs.getLong("done_at");
    Long doneAt = rs.wasNull() ? null : done;
    List<Item> items;
    try {
      items = Json.MAPPER.readValue(rs.getString("lines"), ITEMS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("kitchen ticket " + rs.getLong("id") + " lines are not readable", e);
    }
    return new Ticket(rs.getLong("id"), rs.getLong("shop_id"), rs.getString("receipt_id"), rs.getString("receipt_name"),
        rs.getString("kind"), rs.getString("waiter_name"), rs.getLong("created_at"), items, doneAt,
        rs.getString("done_by_name"));
  }
}
