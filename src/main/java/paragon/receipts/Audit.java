package paragon.receipts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jdbi.v3.core.Handle;
import paragon.storage.Database;
import paragon.web.Json;

/** A receipt's audit trail: every accepted command that changed it (who, which device, when, what). */
public final class Audit {
  private final Database db;

  public Audit(Database db) {
    this.db = db;
  }

  /** {@code command}: the command as the terminal sent it (JSON, without its number). */
  public record Entry(long at, long deviceId, long n, long userId, String userName, String type, JsonNode command,
      long seq) {}

  /** An entry as stored: {@code summary} the command's JSON text (the back office reads it so). */
  public record Stored(long at, long deviceId, long n, long userId, String userName, String type, String summary,
      long seq) {}

  /** The trail of {@code receiptId}, oldest first; empty for an unknown or foreign receipt. */
  public List<Entry> trail(long accountId, String receiptId) {
    return stored(accountId, receiptId).stream()
        .map(s -> new Entry(s.at(), s.deviceId(), s.n(), s.userId(), s.userName(), s.type(), parse(s.summary()),
            s.seq()))
        .toList();
  }

  /** The same trail with each command as stored text. */
  public List<Stored> stored(long accountId, String receiptId) {
    return db.read(h -> h.createQuery("""
            SELECT created_at, device_id, n, user_id, user_name, type, summary, seq FROM receipt_audit
            WHERE account_id = :a AND receipt_id = :r ORDER BY id""")
        .bind("a", accountId).bind("r", receiptId)
        .map((rs, ctx) -> new Stored(rs.getLong("created_at"), rs.getLong("device_id"), rs.getLong("n"),
            rs.getLong("user_id"), rs.getString("user_name"), rs.getString("type"), rs.getString("summary"),
            rs.getLong("seq")))
        .list());
  }

  /** The trail as a terminal may read it: only for a receipt in a space it reaches and whose owner it sees. */
  public java.util.Optional<List<Entry>> trailFor(Actor actor, String receiptId) {
    if (!readableBy(actor, receiptId)) return java.util.Optional.empty();
    return java.util.Optional.of(trail(actor.accountId(), receiptId));
  }

  /**
   * Whether {@code actor} may read the trail of {@code receiptId}: a receipt of its account in a space
   * its device reaches (its shop's or its own) whose owner it sees (DESIGN rule 2).
   */
  public boolean readableBy(Actor actor, String receiptId) {
    Receipt r = db.read(h -> ReceiptStore.load(h, actor.accountId(), receiptId));
    return r != null && actor.reaches(r.space()) && actor.sees(r.ownerUserId(), r.ownerRoleId());
  }

  static void write(Handle h, Actor a, long n, String type, String body, String receiptId, long seq, long now) {
    h.createUpdate("""
            INSERT INTO receipt_audit (account_id, receipt_id, device_id, n,
                user_id, user_name, type, summary, seq, created_at)
            VALUES (:a, :r, :d, :n, :u, :name, :type, :body, :seq, :now)""")
        .bind("a", a.accountId()).bind("r", receiptId).bind("d", a.deviceId()).bind("n", n).bind("u", a.userId())
        .bind("name", a.userName()).bind("type", type).bind("body", body).bind("seq", seq).bind("now", now).execute();
  }

  /**
   * An entry made by the device itself rather than a cashier's command (a join of its local receipts
   * at an ack): no user (id 0, the device's name), {@code n} the device's last command before it.
   */
  static void writeByDevice(Handle h, long accountId, long deviceId, String deviceName, long n, String type,
      String summary, String receiptId, long seq, long now) {
    h.createUpdate("""
            INSERT INTO receipt_audit (account_id, receipt_id, device_id, n, user_id, user_name, type, summary, seq,
              created_at)
            VALUES (:a, :r, :d, :n, 0, :name, :type, :body, :seq, :now)""")
        .bind("a", accountId).bind("r", receiptId).bind("d", deviceId).bind("n", n).bind("name", deviceName)
        .bind("type", type).bind("body", summary).bind("seq", seq).bind("now", now).execute();
  }

  private static JsonNode parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("audit entry is not JSON", e);
    }
  }
}
