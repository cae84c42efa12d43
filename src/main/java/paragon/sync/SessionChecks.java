package paragon.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paragon.devices.TerminalAuth;
import paragon.devices.TerminalSession;
import paragon.web.Problem;

/**
 * The re-checks of terminals' streams, a part of {@link StreamHub}: what each open stream's session was
 * authenticated as, the heartbeat's batched verification of a slice of them (step 2 of the hub's class
 * comment) and the re-check of one stream at a view change. A stream that fails one is closed or
 * re-filtered here, through its own queue; the hub's maps are the hub's. Its log lines are the hub's,
 * under the hub's logger.
 */
final class SessionChecks {
  private static final Logger log = LoggerFactory.getLogger(StreamHub.class);

  private final TerminalAuth auth;
  private final StreamSettings settings;
  /** What each open stream's session was authenticated as: what the periodic verification checks. */
  private final Map<Connection, TerminalAuth.Held> held = new ConcurrentHashMap<>();

  SessionChecks(TerminalAuth auth, StreamSettings settings) {
    this.auth = auth;
    this.settings = settings;
  }

  /** A terminal's stream joined: its session is what it is verified against from now on. */
  void hold(Connection c, TerminalSession session) {
    held.put(c, held(c, session));
  }

  /** The stream closed. */
  void forget(Connection c) {
    held.remove(c);
  }

  /** A stream that cannot be re-checked now is closed: it reconnects and is checked afresh. */
  void recheckOrClose(Connection c) {
    try {
      recheck(c);
    } catch (RuntimeException e) {
      log.warn("re-checking the stream of device {} failed: {}", c.deviceId, e.toString());
      c.queue.close(CloseCodes.SERVER_ERROR, "server error");
    }
  }

  private static TerminalAuth.Held held(Connection c, TerminalSession session) {
    return new TerminalAuth.Held(c.accountId, c.deviceId, c.deviceToken, c.sessionToken,
        session.device().appliedRevision());
  }

  /** Step 2: one batched read for the slice; a stream that cannot be verified now is left for next time. */
  void verify(List<Connection> due) {
    Map<TerminalAuth.Held, TerminalAuth.Verdict> verdicts;
    List<TerminalAuth.Held> sessions = new ArrayList<>();
    Map<TerminalAuth.Held, Connection> of = new HashMap<>();
    for (Connection c : due) {
      TerminalAuth.Held h = held.get(c);
      if (h == null) continue;
      sessions.add(h);
      of.put(h, c);
    }
    try {
      verdicts = auth.verify(sessions);
    } catch (RuntimeException e) {
      log.warn("verifying {} stream sessions failed: {}", sessions.size(), e.toString());
      return;
    }
    verdicts.forEach((h, verdict) -> {
      Connection c = of.get(h);
      switch (verdict) {
        case VALID -> { }
        case REVISION_CHANGED -> recheckOrClose(c);
        case SESSION_ENDED -> c.queue.close(CloseCodes.SESSION_ENDED, "session_ended");
        case DEVICE_UNKNOWN -> c.queue.close(CloseCodes.CUT_OFF, "device_unknown");
      }
    });
  }

  /**
   * Is the stream still what its session allows? An ended session (logout, another login) closes it,
   * and so does another set of spaces (sharing changed: reconnect); another viewer re-filters it in
   * place ({@link Connection#refilter}). Throws when the database cannot tell.
   */
  private void recheck(Connection c) {
    if (c.queue.isClosed()) return;
    TerminalSession session;
    try {
      session = auth.authenticate(c.deviceToken, c.sessionToken);
    } catch (Problem p) {
      c.queue.close("device_unknown".equals(p.code()) ? CloseCodes.CUT_OFF : CloseCodes.SESSION_ENDED, p.code());
      return;
    }
    // The set of spaces, not their order: sharing coming back puts the shop's space first but follows
    // the same two spaces, and the join's change rows reach this stream live (no reconnect needed).
    boolean sameSpaces = Set.copyOf(Spaces.of(session)).equals(Set.copyOf(c.spaces()));
    if (!sameSpaces || !c.refilter(StreamHub.viewerOf(session), settings.heartbeat().toSeconds())) {
      c.queue.close(CloseCodes.RECONNECT, "configuration changed");
    } else {
      held.replace(c, held(c, session));
    }
  }
}
