package paragon.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paragon.storage.Database;
import paragon.web.Json;

/**
 * Carries "space S reached seq N" between Paragon nodes on one PostgreSQL database (DESIGN "Storage
 * and deployment"). A node that commits a change calls {@link #publish} (a plain {@code pg_notify},
 * after the commit); every node holds one dedicated connection that LISTENs and wakes its hub, which
 * then reads the change rows itself: a notification is only a wake-up, never the data.
 *
 * <p>A notification can be lost while the listening connection is down; on every (re)connect the hub
 * is woken for all its spaces, so a lost wake-up costs a moment, never a change (the heartbeat reads
 * no space: see StreamHub).
 */
final class PgBridge implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PgBridge.class);
  static final String CHANNEL = "paragon_changes";
  private static final ObjectMapper JSON = Json.MAPPER;

  /** What the bridge wakes: the hub of this node. */
  interface Wakeable {
    void wake(long accountId, String space);

    void wakeAll();

    void cutDevice(long accountId, long deviceId);

    void cutUser(long accountId, long userId);

    void recheckDevice(long accountId, long deviceId);

    void cutApiKey(long accountId, long keyId);
  }

  private final Database db;
  private final Wakeable hub;
  private final String node = UUID.randomUUID().toString();
  private final Thread listener;
  private volatile boolean closed;
  private volatile Connection connection;
  /** Wake-ups not yet sent, the highest seq per space; guarded by itself. */
  private final Map<Pending, Long> pending = new LinkedHashMap<>();
  private final Thread notifier;

  private final StreamMeters meters;

  PgBridge(Database db, Wakeable hub) {
    this(db, hub, StreamMeters.of(paragon.metrics.Metrics.unscraped()));
  }

  /** {@code meters}: notifications received from the other nodes, and each change's lag to this node. */
  PgBridge(Database db, Wakeable hub, StreamMeters meters) {
    this.meters = meters;
    if (db.dialect() != Database.Dialect.POSTGRES) throw new IllegalArgumentException("PgBridge needs PostgreSQL");
    this.db = db;
    this.hub = hub;
    this.listener = Thread.ofPlatform().daemon().name("pg-listen").start(this::listenLoop);
    this.notifier = Thread.ofPlatform().daemon().name("pg-notify").start(this::notifyLoop);
  }

  /**
   * Tells the other nodes that {@code space} reached {@code seq}; called after the commit, outside any
   * transaction. It does not wait: a notifier thread sends what is pending, one tiny notification per
   * space with its highest seq, all in one statement (NOTIFY takes a database-wide lock at commit, so
   * fewer and smaller is better), off the request's path. One lost to a failure costs a heartbeat.
   */
  void publish(long accountId, String space, long seq) {
    synchronized (pending) {
      pending.merge(new Pending(accountId, space), seq, Math::max);
      pending.notifyAll();
    }
  }

  private record Pending(long accountId, String space) {}

  private void notifyLoop() {
    while (!closed) {
      List<String> payloads = new ArrayList<>();
      synchronized (pending) {
        while (pending.isEmpty() && !closed) {
          try {
            pending.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        pending.forEach((p, seq) -> payloads.add(JSON.createObjectNode().put("n", node).put("a", p.accountId())
            .put("s", p.space()).put("q", seq).put("w", System.currentTimeMillis()).toString()));
        pending.clear();
      }
      if (payloads.isEmpty()) continue;
      try {
        db.read(h -> h.createQuery("SELECT pg_notify(:channel, p) FROM unnest(CAST(:payloads AS text[])) AS p")
            .bind("channel", CHANNEL).bindArray("payloads", String.class, payloads).mapTo(String.class).list());
      } catch (RuntimeException e) {
        // The other nodes' heartbeats re-read their spaces: a lost wake-up is late, never lost data.
        log.warn("could not notify the other nodes of {} spaces: {}", payloads.size(), e.toString());
      }
    }
  }

  /**
   * Tells the other nodes to close the streams of a revoked device, a cut-off user or a revoked API
   * key ({@code kind} "device", "user", "apikey"), or to re-check a device's stream whose view changed ("view").
   */
  void publishCut(String kind, long accountId, long id) {
    String payload = JSON.createObjectNode().put("n", node).put("t", kind).put("a", accountId).put("id", id).toString();
    db.read(h -> h.createQuery("SELECT pg_notify(:channel, :payload)")
        .bind("channel", CHANNEL).bind("payload", payload).mapTo(String.class).one());
  }

  private void listenLoop() {
    long backoff = 100;
    while (!closed) {
      try (Connection c = db.dedicatedConnection(); Statement s = c.createStatement()) {
        connection = c;
        s.execute("LISTEN " + CHANNEL);
        backoff = 100;
        hub.wakeAll();
        PGConnection pg = c.unwrap(PGConnection.class);
        while (!closed) {
          PGNotification[] batch = pg.getNotifications(5_000);
          if (batch == null) continue;
          for (PGNotification n : batch) deliver(n.getParameter());
        }
      } catch (SQLException | RuntimeException e) {
        if (closed) return;
        log.warn("LISTEN connection lost ({}); reconnecting in {} ms", e.toString(), backoff);
        sleep(backoff);
        backoff = Math.min(backoff * 2, 5_000);
      }
    }
  }

  private void deliver(String payload) {
    try {
      JsonNode n = JSON.readTree(payload);
      if (node.equals(n.path("n").asText())) return; // our own commit: the hub was woken directly
      meters.notifyReceived().increment();
      // "w": the sending node's wall clock when it sent the wake-up (clocks of nodes are NTP-close).
      if (n.has("w")) meters.feedLag().record(Math.max(0, System.currentTimeMillis() - n.path("w").asLong()),
          java.util.concurrent.TimeUnit.MILLISECONDS);
      long account = n.path("a").asLong();
      switch (n.path("t").asText("change")) {
        case "device" -> hub.cutDevice(account, n.path("id").asLong());
        case "user" -> hub.cutUser(account, n.path("id").asLong());
        case "view" -> hub.recheckDevice(account, n.path("id").asLong());
        case "apikey" -> hub.cutApiKey(account, n.path("id").asLong());
        default -> hub.wake(account, n.path("s").asText());
      }
    } catch (java.io.IOException e) {
      log.warn("ignoring a malformed notification on {}: {}", CHANNEL, payload);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed = true;
    synchronized (pending) {
      pending.notifyAll();
    }
    Connection c = connection;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        log.debug("closing the LISTEN connection: {}", e.toString());
      }
    }
    try {
      notifier.join(1_000);
      listener.join(6_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
