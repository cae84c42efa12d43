package paragon.sync;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paragon.accounts.Cutoffs;
import paragon.devices.TerminalAuth;
import paragon.devices.TerminalSession;
import paragon.receipts.Actor;
import paragon.receipts.ChangeFeed;
import paragon.receipts.Feed;
import paragon.receipts.Viewer;
import paragon.metrics.Metrics;
import paragon.storage.Database;
import paragon.web.Problem;
import paragon.web.Readiness;

/**
 * This node's terminal streams. It is the receipt service's {@link Feed}: after a commit it wakes the
 * space's channel, which reads the new change rows from the database and fans them out, each frame
 * filtered for its terminal's viewer. On PostgreSQL it also tells the other nodes ({@link PgBridge}).
 * It listens to {@link Cutoffs} and closes a revoked device's or a cut-off user's stream at once, and
 * re-checks a device's stream at once when its view changed (a revision acknowledged, a logout, a
 * login): rule 2 holds from that moment, not from the next heartbeat. Events relayed from other nodes
 * also make {@link TerminalAuth} forget what it cached.
 *
 * <p>The heartbeat does no database work per connection. The timer ticks once per slice of the
 * interval ({@link HeartbeatSlices}: 25 ms) and each tick serves one slice of the connections (by
 * device id), so the frames, pings and re-checks of ten thousand terminals are spread over the
 * interval instead of landing at once:
 * <ol>
 *   <li>a heartbeat frame and a ping to each connection of the slice, and its device's contact
 *       recorded in memory ({@link TerminalAuth#contact}, written in batches);</li>
 *   <li>every {@link HeartbeatSlices#VERIFY_ROUNDS} heartbeats per connection (a minute by default), a
 *       safety net for a lost cross-node event: a group of slices' sessions verified in one batched read
 *       ({@link TerminalAuth#verify}); a refused one is closed, one whose device applied another
 *       revision is re-checked as at a view change (both in {@link SessionChecks});</li>
 *   <li>no space is re-read by the heartbeat: a channel reads only when a commit or a notification
 *       says its seq moved. What could lose such a wake-up is retried instead: a failed read by the
 *       channel itself ({@link SpaceChannel}), a failed notification by the next tick, and a lost
 *       LISTEN connection wakes every channel when it is back ({@link PgBridge}).</li>
 * </ol>
 *
 * <p>An integrator's stream (docs/api.md "Live") is the same stream, read-only, for one shop,
 * authenticated by an API key: {@link ReaderStreams} holds those, and the hub hands them what concerns
 * them (a revoked key, a new device of a shop, their messages, their slice of the heartbeat).
 *
 * <p>Nothing here is needed by another node or survives a restart: a terminal's cursor is its own,
 * and every frame is rebuilt from the change rows.
 */
public final class StreamHub implements Feed, PgBridge.Wakeable, Cutoffs.Listener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StreamHub.class);
  /** How long stopping waits for the terminals to answer the going-away close. */
  private static final long GOODBYE_MS = 2_000;

  private record Unpublished(long accountId, String space, long seq) {}

  private final TerminalAuth auth;
  /** The integrators' streams of this node (they are in {@code bySession} too, not in {@code byDevice}). */
  private final ReaderStreams readers;
  private final StreamSettings settings;
  private final Clock clock;
  private final ChangeFeed feed;
  private final PgBridge bridge;
  private final ScheduledExecutorService timer;
  private final Map<String, SpaceChannel> channels = new ConcurrentHashMap<>();
  private final Map<Long, Connection> byDevice = new ConcurrentHashMap<>();
  private final Map<Session, Connection> bySession = new ConcurrentHashMap<>();
  /** What each open stream's session was authenticated as, and its re-checks. */
  private final SessionChecks checks;
  /** Notifications that failed after their commit (space key -> seq), sent again by the next tick. */
  private final Map<String, Unpublished> unpublished = new ConcurrentHashMap<>();
  private final HeartbeatSlices slices;
  private long tick;
  /**
   * View changes seen by this node. A stream whose hello was authenticated before one and registered
   * after it may have missed it (its device was not in {@code byDevice} yet): it is re-checked.
   */
  private final AtomicLong viewChanges = new AtomicLong();
  private final StreamMeters meters;
  private final StreamLimits limits;
  private final Readiness readiness;
  /** Set when the node stops: a new socket is closed {@link CloseCodes#GOING_AWAY} at once. */
  private volatile boolean stopping;

  /** Counting into metrics nobody scrapes (a hub built alone, in a test). */
  public StreamHub(Database db, TerminalAuth auth, Cutoffs cutoffs, StreamSettings settings, Clock clock) {
    this(db, auth, StreamKeys.NONE, cutoffs, settings, clock, Metrics.unscraped(), null);
  }

  /** Without the integrator API: every hello with an API key is refused. */
  public StreamHub(Database db, TerminalAuth auth, Cutoffs cutoffs, StreamSettings settings, Clock clock,
      Metrics metrics) {
    this(db, auth, StreamKeys.NONE, cutoffs, settings, clock, metrics, null);
  }

  /**
   * {@code metrics}: the stream's series ({@link StreamMeters}) and {@code paragon_streams_connected};
   * {@code keys}: the API keys integrators' streams say hello with; {@code readiness} (null: none)
   * says when the database is down, and a hello is then closed {@link CloseCodes#TRY_AGAIN} without
   * asking it.
   */
  public StreamHub(Database db, TerminalAuth auth, StreamKeys keys, Cutoffs cutoffs, StreamSettings settings,
      Clock clock, Metrics metrics, Readiness readiness) {
    this.readiness = readiness;
    this.meters = StreamMeters.of(metrics);
    this.limits = new StreamLimits(settings, clock, metrics, bySession::size);
    metrics.gauge("paragon_streams_connected", bySession::size);
    this.auth = auth;
    this.settings = settings;
    this.clock = clock;
    this.feed = new ChangeFeed(db);
    this.checks = new SessionChecks(auth, settings);
    this.readers = new ReaderStreams(keys, db, settings, limits, meters, feed, viewChanges::get,
        (socket, c, viewer, hello, spaces) -> {
          bySession.put(socket, c);
          start(c, viewer, hello, spaces);
        });
    this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("stream-timer").factory());
    this.slices = HeartbeatSlices.of(settings.heartbeat().toMillis());
    long period = slices.periodMillis(settings.heartbeat().toMillis());
    // The first round begins one interval after the node's start: no stream gets a heartbeat sooner
    // (with slices of 25 ms, a stream of a low device id got one at once, within a 5-minute heartbeat).
    timer.scheduleAtFixedRate(this::tick, Math.max(period, settings.heartbeat().toMillis()), period,
        TimeUnit.MILLISECONDS);
    cutoffs.subscribe(this);
    this.bridge = db.dialect() == Database.Dialect.POSTGRES ? new PgBridge(db, this, meters) : null;
  }

  // ---- Feed: the receipt service, after its commit --------------------------------------------

  @Override
  public void committed(long accountId, String space, long seq) {
    wake(accountId, space);
    if (bridge != null) publish(new Unpublished(accountId, space, seq));
  }

  /** The rows go to the space's channel as they are: its terminals get them without a read. */
  @Override
  public void committed(long accountId, String space, long seq, List<ChangeFeed.ChangeRow> rows) {
    SpaceChannel channel = channels.get(key(accountId, space));
    if (channel != null) channel.wake(rows);
    if (bridge != null) publish(new Unpublished(accountId, space, seq));
  }

  /** Tells the other nodes; a failure is logged and sent again by the next tick (the commit stands). */
  private void publish(Unpublished u) {
    try {
      bridge.publish(u.accountId(), u.space(), u.seq());
    } catch (RuntimeException e) {
      log.warn("notifying the other nodes of {} seq {} failed, retrying at the next tick: {}", u.space(), u.seq(),
          e.toString());
      unpublished.merge(key(u.accountId(), u.space()), u, (a, b) -> a.seq() >= b.seq() ? a : b);
    }
  }

  @Override
  public void wake(long accountId, String space) {
    SpaceChannel channel = channels.get(key(accountId, space));
    if (channel != null) channel.wake();
  }

  @Override
  public void wakeAll() {
    channels.values().forEach(SpaceChannel::wake);
  }

  // ---- Cut-offs: local ones are relayed to the other nodes --------------------------------------

  @Override
  public void deviceRevoked(long accountId, long deviceId) {
    cutDevice(accountId, deviceId);
    if (bridge != null) bridge.publishCut("device", accountId, deviceId);
  }

  @Override
  public void userCutOff(long accountId, long userId) {
    cutUser(accountId, userId);
    if (bridge != null) bridge.publishCut("user", accountId, userId);
  }

  @Override
  public void apiKeyRevoked(long accountId, long keyId) {
    cutApiKey(accountId, keyId);
    if (bridge != null) bridge.publishCut("apikey", accountId, keyId);
  }

  @Override
  public void cutApiKey(long accountId, long keyId) {
    readers.cutApiKey(accountId, keyId);
  }

  @Override
  public void cutDevice(long accountId, long deviceId) {
    auth.forgetDevice(accountId, deviceId);
    Connection c = byDevice.get(deviceId);
    if (c != null && c.accountId == accountId) c.queue.close(CloseCodes.CUT_OFF, "device revoked");
  }

  @Override
  public void cutUser(long accountId, long userId) {
    auth.forgetUser(accountId, userId);
    for (Connection c : byDevice.values()) {
      if (c.accountId == accountId && c.userId == userId) c.queue.close(CloseCodes.CUT_OFF, "user cut off");
    }
  }

  // ---- View changes: on the device's request thread, before it is answered ----------------------

  @Override
  public void viewChanged(long accountId, long deviceId) {
    if (bridge != null) bridge.publishCut("view", accountId, deviceId); // the stream may be on another node
    recheckDevice(accountId, deviceId);
  }

  @Override
  public void recheckDevice(long accountId, long deviceId) {
    viewChanges.incrementAndGet();
    auth.forgetDevice(accountId, deviceId);
    Connection c = byDevice.get(deviceId);
    if (c != null && c.accountId == accountId) checks.recheckOrClose(c);
    readers.followNewDevice(accountId, deviceId);
  }

  // ---- Connections -------------------------------------------------------------------------

  /**
   * A socket opened: its first message must arrive within the hello timeout (and it must find room:
   * {@link StreamLimits}). What is judged is the message's arrival, not how long the hello then takes
   * to check: a hello that arrived in time is never closed as "no hello".
   */
  void opened(Session socket) {
    if (stopping) {
      socket.close(CloseCodes.GOING_AWAY, "server stopping", org.eclipse.jetty.websocket.api.Callback.NOOP);
      return;
    }
    if (!limits.admitPending(socket)) return;
    timer.schedule(() -> {
      if (limits.notPending(socket) && socket.isOpen() && !bySession.containsKey(socket)) {
        socket.close(CloseCodes.UNAUTHORIZED, "no hello", org.eclipse.jetty.websocket.api.Callback.NOOP);
      }
    }, settings.helloTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** A text message arrived. The first must be a hello; later ones are ignored if they are pings. */
  void message(Session socket, String text) {
    Connection open = bySession.get(socket);
    if (open != null) {
      if (!readers.message(open, text) && !text.contains("\"ping\"")) {
        socket.close(CloseCodes.BAD_MESSAGE, "only one hello per stream", org.eclipse.jetty.websocket.api.Callback.NOOP);
      }
      return;
    }
    limits.notPending(socket);
    Hello hello;
    try {
      hello = Hello.parse(text);
    } catch (IllegalArgumentException e) {
      socket.close(CloseCodes.BAD_MESSAGE, e.getMessage(), org.eclipse.jetty.websocket.api.Callback.NOOP);
      return;
    }
    // The hello arrived: from here a database that does not answer is "try again", never "no hello"
    // or "unauthorized" (which the terminal takes as logged out).
    if (readiness != null && readiness.refusing()) {
      readiness.refusedStream();
      socket.close(CloseCodes.TRY_AGAIN, "try again", org.eclipse.jetty.websocket.api.Callback.NOOP);
      return;
    }
    long changesBefore = viewChanges.get();
    try {
      if (hello.reader()) {
        readers.hello(socket, hello);
        return;
      }
      TerminalSession session;
      try {
        session = auth.authenticate(hello.deviceToken(), hello.sessionToken());
      } catch (Problem p) {
        socket.close(CloseCodes.UNAUTHORIZED, p.code(), org.eclipse.jetty.websocket.api.Callback.NOOP);
        return;
      }
      if (!limits.admitStream(socket, session.device().id())) return;
      Connection c = attach(socket, session, hello);
      if (viewChanges.get() != changesBefore) checks.recheckOrClose(c);
    } catch (RuntimeException e) {
      if (!Database.isUnavailable(e)) throw e;
      log.warn("a hello could not be checked, the database did not answer: {}", e.toString());
      if (readiness != null) {
        readiness.failed(e);
        readiness.refusedStream();
      }
      Connection c = bySession.get(socket);
      if (c != null) {
        c.queue.close(CloseCodes.TRY_AGAIN, "try again");
      } else {
        socket.close(CloseCodes.TRY_AGAIN, "try again", org.eclipse.jetty.websocket.api.Callback.NOOP);
      }
    }
  }

  void closed(Session socket) {
    limits.notPending(socket);
    Connection c = bySession.remove(socket);
    if (c == null) return;
    c.queue.closedByPeer();
    checks.forget(c);
    readers.closed(c);
    byDevice.remove(c.deviceId, c);
    for (String space : c.spaces()) {
      channels.computeIfPresent(key(c.accountId, space), (k, ch) -> ch.remove(c) ? null : ch);
    }
  }

  private Connection attach(Session socket, TerminalSession session, Hello hello) {
    Viewer viewer = viewerOf(session);
    List<String> spaces = Spaces.of(session);
    long accountId = session.device().accountId();
    long deviceId = session.device().id();
    SendQueue queue =
        new SendQueue(socket, settings.queueCapacity(), settings.writeTimeout().toMillis(), "device-" + deviceId,
        meters);
    Connection c = new Connection(accountId, deviceId, session.userId(), viewer, spaces, queue, feed,
        settings.writeTimeout().toMillis(), hello.deviceToken(), hello.sessionToken());
    bySession.put(socket, c);
    checks.hold(c, session);
    Connection previous = byDevice.put(deviceId, c);
    if (previous != null) previous.queue.close(CloseCodes.REPLACED, "a newer stream of this device");
    Map<String, String> wire = start(c, viewer, hello, spaces);
    log.info("stream of device {} (user {}) follows {} as {}: {}", deviceId, session.userId(), spaces, viewer.key(), wire);
    return c;
  }

  /** Joins the spaces' channels, then answers the hello: welcome, and per space a snapshot or the changes. */
  private Map<String, String> start(Connection c, Viewer viewer, Hello hello, List<String> spaces) {
    long accountId = c.accountId;
    long deviceId = c.deviceId;
    SendQueue queue = c.queue;
    // Join the channels first (live rows only raise knownHead while catching up), then decide.
    Map<String, Long> heads = new LinkedHashMap<>();
    for (String space : spaces) {
      long head = feed.seq(accountId, space);
      heads.put(space, head);
      channels.compute(key(accountId, space), (k, ch) -> {
        SpaceChannel channel = ch != null ? ch : new SpaceChannel(accountId, space, feed, head, meters);
        channel.add(c);
        return channel;
      });
    }
    boolean sameViewer = viewer.key().equals(hello.viewer());
    Map<String, Resume> plan = new LinkedHashMap<>();
    for (String space : spaces) {
      Long cursor = hello.cursors().get(space);
      long head = heads.get(space);
      boolean nextStored = cursor != null && cursor < head
          && feed.changesSince(accountId, space, cursor, 1).stream().anyMatch(row -> row.seq() == cursor + 1);
      plan.put(space, Resume.decide(cursor, sameViewer, head, settings.replayLimit(), nextStored));
    }
    Map<String, String> wire = new LinkedHashMap<>();
    plan.forEach((space, r) -> wire.put(space, r.wire()));
    queue.offer(Frames.welcome(viewer.key(), spaces, wire, settings.heartbeat().toSeconds()));
    for (String space : spaces) {
      if (plan.get(space) == Resume.SNAPSHOT) {
        c.startFromSnapshot(feed.snapshot(accountId, space, deviceId));
      } else {
        c.startFrom(space, hello.cursors().get(space));
      }
      c.catchUpAsync(space);
    }
    return wire;
  }

  static Viewer viewerOf(TerminalSession s) {
    return Actor.of(s).viewer();
  }

  /**
   * One tick of the timer: steps 1-2 of the class comment for one slice, and failed notifications,
   * on a virtual thread of its own (a connection busy under its lock delays its slice, not the timer).
   */
  private void tick() {
    long current = tick++;
    Thread.ofVirtual().name("stream-heartbeat-" + current % slices.slices()).start(() -> serve(current));
  }

  private void serve(long tick) {
    try {
      long now = clock.millis();
      List<Connection> due = new ArrayList<>();
      for (Connection c : byDevice.values()) {
        boolean beat = slices.beats(tick, c.deviceId);
        boolean verify = slices.verifies(tick, c.deviceId);
        if ((!beat && !verify) || c.queue.isClosed()) continue;
        if (beat) {
          auth.contact(c.deviceId);
          c.heartbeat(now);
        }
        if (verify) due.add(c);
      }
      if (!due.isEmpty()) checks.verify(due);
      readers.serve(slices, tick, now);
      for (Unpublished u : List.copyOf(unpublished.values())) {
        if (unpublished.remove(key(u.accountId(), u.space()), u)) publish(u);
      }
    } catch (RuntimeException e) {
      log.error("stream heartbeat failed", e);
    }
  }

  private static String key(long accountId, String space) {
    return accountId + "/" + space;
  }

  /**
   * The node stops: every stream is closed {@link CloseCodes#GOING_AWAY} (the terminal reconnects, to
   * another node or to this one restarted), new sockets too, and this waits up to {@link #GOODBYE_MS}
   * for the terminals to answer the close, so the close frames leave before the server stops.
   */
  @Override
  public void close() {
    stopping = true;
    timer.shutdownNow();
    if (bridge != null) bridge.close();
    for (Connection c : bySession.values()) c.queue.close(CloseCodes.GOING_AWAY, "server stopping");
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GOODBYE_MS);
    while (!bySession.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
