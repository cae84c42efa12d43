package paragon.devices;

import org.jdbi.v3.core.Handle;

/**
 * Ending cashier sessions inside someone else's transaction. Revoking or re-pairing a device and a
 * new login on it end that device's sessions ({@link #endForDevice}) in the same transaction.
 *
 * <p>Disabling a user or changing a PIN leaves the session rows: {@link TerminalAuth} refuses (and
 * deletes) such a session on its next call, by the user's {@code disabled} flag and the PIN stamp the
 * session was made with, and {@code Users} fires {@code Cutoffs.userCutOff} after commit so the
 * user's streams close at once.
 */
public final class TerminalSessions {
  private TerminalSessions() {}

  public static void endForDevice(Handle h, long accountId, long deviceId) {
    h.createUpdate("DELETE FROM terminal_sessions WHERE account_id = :a AND device_id = :d")
        .bind("a", accountId).bind("d", deviceId).execute();
  }
}
