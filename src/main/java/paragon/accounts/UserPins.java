package paragon.accounts;

import org.jdbi.v3.core.Handle;

/**
 * The PIN side of a terminal user's row, for the cashier login of the devices package: the live hash,
 * the disabled flag and the wrong-PIN lockout. The back office's edits of the same row are
 * {@link Users}. Every statement runs in the caller's handle.
 */
public final class UserPins {
  private UserPins() {}

  /**
   * The user's live row: {@code pinHash} null for none, {@code lockedUntil} null when not locked;
   * {@code disabled} also for an archived user (neither may log in).
   */
  public record Live(String pinHash, boolean disabled, Long lockedUntil) {}

  /** The live row, or null when this account has no such user. */
  public static Live live(Handle h, long accountId, long userId) {
    return h.createQuery("""
            SELECT pin_hash, disabled, locked_until, archived_at FROM users WHERE id = :u AND account_id = :a""")
        .bind("u", userId).bind("a", accountId)
        .map((rs, ctx) -> {
          long until = rs.getLong("locked_until");
          Long lockedUntil = rs.wasNull() ? null : until;
          rs.getLong("archived_at");
          boolean archived = !rs.wasNull();
          return new Live(rs.getString("pin_hash"), rs.getBoolean("disabled") || archived, lockedUntil);
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
            SELECT id, account_id, pin_hash, disabled, locked_until, archived_at FROM users WHERE id IN (<ids>)""")
        .bindList("ids", java.util.List.copyOf(userIds))
        .map((rs, ctx) -> {
          long until = rs.getLong("locked_until");
          Long lockedUntil = rs.wasNull() ? null : until;
          rs.getLong("archived_at");
          boolean archived = !rs.wasNull();
          return java.util.Map.entry(rs.getLong("id"), new Owned(rs.getLong("account_id"),
              new Live(rs.getString("pin_hash"), rs.getBoolean("disabled") || archived, lockedUntil)));
        })
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** A user's live row with the account it belongs to. */
  public record Owned(long accountId, Live live) {}

  /** A right PIN: the wrong-PIN count starts again and any lock ends. */
  public static void clearFailures(Handle h, long accountId, long userId) {
    h.createUpdate("UPDATE users SET failed_pins = 0, locked_until = NULL WHERE id = :u AND account_id = :a")
        .bind("u", userId).bind("a", accountId).execute();
  }

  /**
   * Takes one attempt of the user's budget in one row update that is also the lock check (the reason
   * is at the caller, {@code CashierLogin.claimAttempt}): the attempt's number, or null while locked.
   * The attempt that reaches {@code max} locks the user until {@code until}; an expired lock starts a
   * fresh count.
   */
  public static Integer claimAttempt(Handle h, long accountId, long userId, int max, long until, long now) {
    return h.createQuery("""
            UPDATE users SET
              failed_pins = CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_pins + 1 END,
              locked_until = CASE WHEN (CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_pins + 1 END) >= :max
                THEN :until ELSE NULL END
            WHERE id = :u AND account_id = :a AND (locked_until IS NULL OR locked_until <= :now)
            RETURNING failed_pins""")
        .bind("max", max).bind("until", until).bind("now", now)
        .bind("u", userId).bind("a", accountId).mapTo(Integer.class).findOne().orElse(null);
  }

  /** Until when the user is locked out, or null. */
  public static Long lockedUntil(Handle h, long accountId, long userId) {
    return h.createQuery("SELECT locked_until FROM users WHERE id = :u AND account_id = :a")
        .bind("u", userId).bind("a", accountId).mapTo(Long.class).findOne().orElse(null);
  }
}
