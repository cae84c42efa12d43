package paragon.accounts;

import org.jdbi.v3.core.Handle;

/**
 * The PIN side of a terminal user's row, for the cashier login of the devices package: the live hash,
 * the disabled flag, and the wrong-PIN attempts per device ({@code pin_attempts}, V55). The back office's edits of the same row are
 * {@link Users}. Every statement runs in the caller's handle.
 */
public final class UserPins {
  private UserPins() {}

  /** The user's live row: {@code pinHash} null for none; {@code disabled} also for an archived user (neither may log in). */
  public record Live(String pinHash, boolean disabled) {}

  /** The live row, or null when this account has no such user. */
  public static Live live(Handle h, long accountId, long userId) {
    return h.createQuery("""
            SELECT pin_hash, disabled, archived_at FROM users WHERE id = :u AND account_id = :a""")
        .bind("u", userId).bind("a", accountId)
        .map((rs, ctx) -> {
          rs.getLong("archived_at");
          boolean archived = !rs.wasNull();
          return new Live(rs.getString("pin_hash"), rs.getBoolean("disabled") || archived);
        })
        .findOne().orElse(null);
  }

  /**
   * The live rows of many users of many accounts in one read (the streams' periodic check of their
   * sessions), by user id, each with its account; an id no user has is left out. By primary key
   * alone: a system read for many accounts, never a user's request (the caller checks the account).
   */
  public static java.util.Map<Long, Owned> liveAll(Handle h, java.util.Collection<Long> userIds) {
    java.util.Map<Long, Owned> out = new java.util.HashMap<>();
    if (userIds.isEmpty()) return out;
    h.createQuery("""
            SELECT id, account_id, pin_hash, disabled, archived_at FROM users WHERE id IN (<ids>)""")
        .bindList("ids", java.util.List.copyOf(userIds))
        .map((rs, ctx) -> {
          rs.getLong("archived_at");
          boolean archived = !rs.wasNull();
          return java.util.Map.entry(rs.getLong("id"), new Owned(rs.getLong("account_id"),
              new Live(rs.getString("pin_hash"), rs.getBoolean("disabled") || archived)));
        })
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** A user's live row with the account it belongs to. */
  public record Owned(long accountId, Live live) {}

  /** A right PIN on {@code deviceId}: that device's wrong-PIN count for the user starts again. */
  public static void clearFailures(Handle h, long accountId, long userId, long deviceId) {
    h.createUpdate("DELETE FROM pin_attempts WHERE user_id = :u AND device_id = :d AND account_id = :a")
        .bind("u", userId).bind("d", deviceId).bind("a", accountId).execute();
  }

  /** A PIN set by the back office: every device's wrong-PIN count for the user starts again. */
  static void clearAllFailures(Handle h, long accountId, long userId) {
    h.createUpdate("DELETE FROM pin_attempts WHERE user_id = :u AND account_id = :a")
        .bind("u", userId).bind("a", accountId).execute();
  }

  /**
   * Takes one PIN attempt of the user on the device, in one upsert that is also the wait check:
   * the row changes (or is created) only when its {@code next_allowed} has passed, and the same
   * statement sets the wait that the attempt would earn if its PIN proves wrong
   * ({@link PinBackoff#waitMillis} of the new count, bound as a ladder so the rule lives in Java
   * alone). Concurrent attempts serialize on the row (SQLite's single writer; PostgreSQL's row lock
   * of {@code ON CONFLICT DO UPDATE}, whose WHERE sees the latest version), so a burst gets exactly
   * as many attempts as the waits allow. Returns the attempt's number (1 for the first since the
   * last right PIN), or null when the device must wait ({@link #nextAllowed} says until when).
   */
  public static Long claimAttempt(Handle h, long accountId, long userId, long deviceId, long now) {
    StringBuilder ladder = new StringBuilder("CASE pin_attempts.failures + 1");
    for (int f = 2; f < PinBackoff.CAPPED_FROM; f++) ladder.append(" WHEN ").append(f).append(" THEN :w").append(f);
    ladder.append(" ELSE :cap END");
    var update = h.createQuery("""
            INSERT INTO pin_attempts (account_id, user_id, device_id, failures, next_allowed)
            VALUES (:a, :u, :d, 1, :first)
            ON CONFLICT (user_id, device_id) DO UPDATE SET
              failures = pin_attempts.failures + 1,
              next_allowed = :now + %s
            WHERE pin_attempts.next_allowed <= :now
            RETURNING failures""".formatted(ladder))
        .bind("a", accountId).bind("u", userId).bind("d", deviceId).bind("now", now)
        .bind("first", now + PinBackoff.waitMillis(1)).bind("cap", PinBackoff.waitMillis(PinBackoff.CAPPED_FROM));
    for (int f = 2; f < PinBackoff.CAPPED_FROM; f++) update.bind("w" + f, PinBackoff.waitMillis(f));
    return update.mapTo(Long.class).findOne().orElse(null);
  }

  /** Epoch millis before which the user's next PIN attempt on the device is refused, or null. */
  public static Long nextAllowed(Handle h, long accountId, long userId, long deviceId) {
    return h.createQuery(
            "SELECT next_allowed FROM pin_attempts WHERE user_id = :u AND device_id = :d AND account_id = :a")
        .bind("u", userId).bind("d", deviceId).bind("a", accountId).mapTo(Long.class).findOne().orElse(null);
  }
}
