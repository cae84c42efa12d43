package paragon.devices;

import org.jdbi.v3.core.Handle;

/**
 * Ending cashier sessions inside someone else's transaction. The back office calls
 * {@link #endForUser} in the same transaction that disables a user or changes their PIN, and then
 * {@link Cutoffs#userCutOff} after commit. ({@link TerminalAuth} also refuses a disabled user or a
 * changed PIN on every call, so a forgotten call here still cuts the user off.)
 */
public final class TerminalSessions {
  private TerminalSessions() {}

  public static void endForUser(Handle h, long accountId, long userId) {
    h.createUpdate("DELETE FROM terminal_sessions WHERE account_id = :a AND user_id = :u")
        .bind("a", accountId).bind("u", userId).execute();
  }

  public static void endForDevice(Handle h, long accountId, long deviceId) {
    h.createUpdate("DELETE FROM terminal_sessions WHERE account_id = :a AND device_id = :d")
        .bind("a", accountId).bind("d", deviceId).execute();
  }
}
