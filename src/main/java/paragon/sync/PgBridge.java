package paragon.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
  }

  private final Database db;
  private final Wakeable hub;
  private final String node = UUID.randomUUID().toString();
  private final Thread listener;
  private volatile boolean closed;
  private volatile Connection connection;

  PgBridge(Database db, Wakeable hub) {
    if (db.dialect() != Database.Dialect.POSTGRES) throw new IllegalArgumentException("PgBridge needs PostgreSQL");
    this.db = db;
    this.hub = hub;
    this.listener = Thread.ofPlatform().daemon().name("pg-listen").start(this::listenLoop);
  }

  /** Tells the other nodes; called after the commit, outside any transaction. */
  void publish(long accountId, String space, long seq) {
    String payload = JSON.createObjectNode().put("n", node).put("a", accountId).put("s", space).put("q", seq).toString();
    db.read(h -> h.createQuery("SELECT pg_notify(:channel, :payload)")
        .bind("channel", CHANNEL).bind("payload", payload).mapTo(String.class).one());
  }

  /**
   * Tells the other nodes to close the streams of a revoked device or a cut-off user ({@code kind}
   * "device", "user"), or to re-check a device's stream whose view changed ("view").
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
      long account = n.path("a").asLong();
      switch (n.path("t").asText("change")) {
        case "device" -> hub.cutDevice(account, n.path("id").asLong());
        case "user" -> hub.cutUser(account, n.path("id").asLong());
        case "view" -> hub.recheckDevice(account, n.path("id").asLong());
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
    Connection c = connection;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        log.debug("closing the LISTEN connection: {}", e.toString());
      }
    }
    try {
      listener.join(6_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
