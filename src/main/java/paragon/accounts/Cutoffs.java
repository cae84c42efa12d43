package paragon.accounts;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security changes that apply at once (DESIGN rule 5): a device revoked (or re-paired), a terminal user
 * disabled or given a new PIN, an API key revoked ({@link #apiKeyRevoked}). Whoever makes such a change calls {@link #deviceRevoked} or
 * {@link #userCutOff} AFTER its transaction commits; listeners (the stream hub) close the affected
 * connections. Likewise {@link #viewChanged}: what a device's cashier may see changed (DESIGN rule 2
 * holds at once, not by the next heartbeat), and the hub re-filters or closes that device's stream.
 * One instance per application, made in {@code Paragon.create} and passed to whoever fires or
 * listens.
 *
 * <p>Listeners are not the only guard: {@code devices.DeviceAuth} and {@code devices.TerminalAuth}
 * re-check the device and the user on every call, so a listener that misses an event leaves a
 * connection open but never lets one more command through. A listener that throws is logged and
 * the others still run.
 */
public final class Cutoffs {
  private static final Logger log = LoggerFactory.getLogger(Cutoffs.class);

  /** Called on the thread that made the change, after commit; keep it short (close, don't block). */
  public interface Listener {
    default void deviceRevoked(long accountId, long deviceId) {}

    default void userCutOff(long accountId, long userId) {}

    default void viewChanged(long accountId, long deviceId) {}

    default void apiKeyRevoked(long accountId, long keyId) {}
  }

  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  public void subscribe(Listener listener) {
    if (listener == null) throw new IllegalArgumentException("listener == null");
    listeners.add(listener);
  }

  /** The device's token and sessions no longer work: revoked, or paired again with a new code. */
  public void deviceRevoked(long accountId, long deviceId) {
    for (Listener l : listeners) {
      try {
        l.deviceRevoked(accountId, deviceId);
      } catch (RuntimeException e) {
        log.error("cut-off listener failed for device {} of account {}", deviceId, accountId, e);
      }
    }
  }

  /** The user's terminal sessions no longer work: disabled, PIN changed, or removed. */
  public void userCutOff(long accountId, long userId) {
    for (Listener l : listeners) {
      try {
        l.userCutOff(accountId, userId);
      } catch (RuntimeException e) {
        log.error("cut-off listener failed for user {} of account {}", userId, accountId, e);
      }
    }
  }

  /** An integrator's API key was revoked: its live streams close at once (docs/api.md, "Live"). */
  public void apiKeyRevoked(long accountId, long keyId) {
    for (Listener l : listeners) {
      try {
        l.apiKeyRevoked(accountId, keyId);
      } catch (RuntimeException e) {
        log.error("cut-off listener failed for API key {} of account {}", keyId, accountId, e);
      }
    }
  }

  /**
   * Who the device works for, or by which rules, changed: it acknowledged a revision, its cashier
   * logged out, or a cashier logged in on it (ending the previous session). Called before the device's
   * request is answered, so the answer comes after the stream was re-filtered.
   */
  public void viewChanged(long accountId, long deviceId) {
    for (Listener l : listeners) {
      try {
        l.viewChanged(accountId, deviceId);
      } catch (RuntimeException e) {
        log.error("view-change listener failed for device {} of account {}", deviceId, accountId, e);
      }
    }
  }
}
