package paragon.receipts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import paragon.devices.DeviceStore;
import paragon.storage.Database;
import paragon.web.Json;

/**
 * The per-device command log (Replicache-style: client id + monotonic mutation number). The cursor row
 * is locked first by every command of the device, so numbers are decided one at a time: a repeated
 * number is answered from here, a gap is refused, and a refused command is recorded like an accepted
 * one so it never blocks later numbers.
 */
final class CommandLog {
  private CommandLog() {}

  /** What the log keeps of an applied command: enough to answer a repeat with the same ack. */
  record Logged(String status, String code, String key, List<Object> args, Long seq, String space,
      Map<String, Object> result, Map<String, Object> details) {

    static Logged accepted(Long seq, String space, Map<String, Object> result) {
      return new Logged("accepted", null, null, List.of(), seq, space, result, Map.of());
    }

    static Logged refused(Outcome.Refused r) {
      return new Logged("refused", r.code(), r.key(), r.args(), null, null, Map.of(), r.details());
    }
  }

  /** Locks the device's cursor for this transaction and answers the number of its last applied command. */
  static long lock(Handle h, long accountId, long deviceId) {
    return h.createQuery("""
            INSERT INTO command_cursors (account_id, device_id, last_n) VALUES (:a, :d, 0)
            ON CONFLICT (account_id, device_id) DO UPDATE SET last_n = command_cursors.last_n RETURNING last_n""")
        .bind("a", accountId).bind("d", deviceId).mapTo(Long.class).one();
  }

  /**
   * The locked cursor: the device's last applied command number, and the revision it applied when that
   * could be read in the same statement (else null: read it after this one).
   */
  record Cursor(long lastN, Long appliedRevision) {}

  /**
   * {@link #lock}, and on SQLite the device's applied revision in the same statement: its writer lock,
   * taken at BEGIN, already orders this after any ack. Not on PostgreSQL: a statement that waited for
   * the cursor (held by an ack) reads other tables as of its start, before the ack's commit; the
   * revision is read by the next statement, which sees it.
   */
  static Cursor lockReadingRevision(Handle h, long accountId, long deviceId) {
    if (Database.dialectOf(h) != Database.Dialect.SQLITE) return new Cursor(lock(h, accountId, deviceId), null);
    return h.createQuery("""
            INSERT INTO command_cursors (account_id, device_id, last_n) VALUES (:a, :d, 0)
            ON CONFLICT (account_id, device_id) DO UPDATE SET last_n = command_cursors.last_n
            RETURNING last_n, """ + DeviceStore.APPLIED_REVISION + " AS revision")
        .bind("a", accountId).bind("d", deviceId)
        .map((rs, ctx) -> new Cursor(rs.getLong("last_n"), rs.getLong("revision"))).one();
  }

  /** The number the device's next command must have: one above its last applied (1 when it has none). */
  static long next(Handle h, long accountId, long deviceId) {
    return 1 + h.createQuery("SELECT last_n FROM command_cursors WHERE account_id = :a AND device_id = :d")
        .bind("a", accountId).bind("d", deviceId).mapTo(Long.class).findOne().orElse(0L);
  }

  static void record(Handle h, Actor a, long n, String type, String body, Logged logged, long now) {
    h.createUpdate("""
            INSERT INTO commands (account_id, device_id, n, type, user_id, status, code, seq, body, result, created_at)
            VALUES (:a, :d, :n, :type, :u, :status, :code, :seq, :body, :result, :now)""")
        .bind("a", a.accountId()).bind("d", a.deviceId()).bind("n", n).bind("type", type).bind("u", a.userId())
        .bind("status", logged.status()).bind("code", logged.code()).bind("seq", logged.seq()).bind("body", body)
        .bind("result", Json.write(logged)).bind("now", now).execute();
    h.createUpdate("UPDATE command_cursors SET last_n = :n WHERE account_id = :a AND device_id = :d")
        .bind("n", n).bind("a", a.accountId()).bind("d", a.deviceId()).execute();
  }

  /** The logged command {@code n} of the device: its body (the command's JSON without {@code n}) and its ack. */
  record Entry(String body, Logged logged) {

    /**
     * Whether {@code body} is this command again (a resend) rather than another command under the same
     * number: the same JSON value, whatever the order of fields or the spelling of numbers.
     */
    boolean sameCommand(String body) {
      return read(this.body(), "body").equals(SAME_VALUE, read(body, "body"));
    }
  }

  /** Numbers are equal by value ({@code 1000} and {@code 1000.0}); everything else by JsonNode's own equality. */
  private static final Comparator<JsonNode> SAME_VALUE = (x, y) -> {
    if (x.equals(y)) return 0;
    if (x.isNumber() && y.isNumber()) return x.decimalValue().compareTo(y.decimalValue());
    return 1;
  };

  static Entry find(Handle h, long accountId, long deviceId, long n) {
    return h.createQuery("SELECT body, result FROM commands WHERE account_id = :a AND device_id = :d AND n = :n")
        .bind("a", accountId).bind("d", deviceId).bind("n", n)
        .map((rs, ctx) -> new Entry(rs.getString("body"), readLogged(rs.getString("result"), deviceId, n))).one();
  }

  private static Logged readLogged(String json, long deviceId, long n) {
    try {
      return Json.MAPPER.readValue(json, Logged.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("command log entry " + deviceId + "/" + n + " is not readable", e);
    }
  }

  private static JsonNode read(String json, String what) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("command " + what + " is not JSON: " + json, e);
    }
  }
}
