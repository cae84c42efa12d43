package paragon.bench;

import io.javalin.Javalin;
import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import paragon.Paragon;
import paragon.accounts.Cutoffs;
import paragon.settings.Limits;
import paragon.settings.Settings;
import paragon.storage.Database;
import paragon.sync.StreamSettings;
import paragon.webhooks.WebhookSettings;

/**
 * The app process of the load run (not a test): the real Paragon on {@code --database-url}, with the
 * stream heartbeat at {@code --heartbeat-ms} (the default when absent), in a JVM of its own so the
 * simulated terminals neither share its heap nor its file limit. Next to it, the floor of a change's
 * propagation: a WebSocket echo that does one INSERT and COMMIT on the same database before it
 * answers. Prints {@code READY <app port> <echo port>} when both listen; stops on SIGTERM or when
 * its stdin ends (the load run ended).
 */
public final class BenchServer {
  private BenchServer() {}

  public static void main(String[] args) throws Exception {
    String url = LoadGenerator.strArg(args, "database-url", null);
    if (url == null) throw new IllegalArgumentException("--database-url=URL is required");
    long heartbeat = LoadGenerator.intArg(args, "heartbeat-ms", 0);
    Database db = Database.open(url);
    // The node's caps as production reads them; the load run turns the per-device rate off
    // (AppProcess): one simulated terminal sends far more than a cashier taps.
    Javalin app = Paragon.create(new Settings(0, url, false, "127.0.0.1"), db, Clock.systemUTC(), stream(heartbeat),
        new Cutoffs(), WebhookSettings.DEFAULTS, Limits.from(System.getenv())).start("127.0.0.1", 0);
    Connection floor = floorConnection(db);
    PreparedStatement insert = floor.prepareStatement("INSERT INTO bench_floor (v) VALUES (?)");
    Javalin echo = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.routes.ws("/echo", ws -> ws.onMessage(ctx -> {
        synchronized (insert) {
          insert.setInt(1, ctx.message().length());
          insert.executeUpdate(); // autocommit: one INSERT, one COMMIT
        }
        ctx.send(ctx.message());
      }));
    }).start("127.0.0.1", 0);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      echo.stop();
      app.stop();
      try {
        floor.close();
      } catch (SQLException e) {
        System.err.println("closing the floor connection: " + e);
      }
      db.close();
    }, "bench-server-shutdown"));
    // The load run holds this process's stdin open: at its end (or its crash) this node stops too.
    Thread.ofPlatform().daemon().start(() -> {
      try {
        while (System.in.read() >= 0) {
          // nothing is sent; only the end matters
        }
      } catch (java.io.IOException e) {
        System.err.println("stdin: " + e);
      }
      System.exit(0);
    });
    System.out.println("READY " + app.port() + " " + echo.port());
    System.out.flush();
    Thread.currentThread().join();
  }

  /** A connection of its own with Paragon's pragmas (SQLite: WAL, synchronous=FULL), autocommit. */
  private static Connection floorConnection(Database db) throws SQLException {
    Connection c = db.dedicatedConnection();
    try (Statement s = c.createStatement()) {
      if (db.dialect() == Database.Dialect.SQLITE) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("PRAGMA busy_timeout=10000");
        s.execute("CREATE TABLE IF NOT EXISTS bench_floor (id INTEGER PRIMARY KEY, v INTEGER)");
      } else {
        s.execute("CREATE TABLE IF NOT EXISTS bench_floor (id BIGSERIAL PRIMARY KEY, v INTEGER)");
      }
    }
    c.setAutoCommit(true);
    return c;
  }

  /**
   * The production stream settings with only the heartbeat changed, built by the record's components
   * so a knob added to {@link StreamSettings} keeps its default here.
   */
  static StreamSettings stream(long heartbeatMillis) throws ReflectiveOperationException {
    StreamSettings d = StreamSettings.DEFAULTS;
    if (heartbeatMillis <= 0) return d;
    RecordComponent[] components = StreamSettings.class.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = components[i].getName().equals("heartbeat")
          ? Duration.ofMillis(heartbeatMillis)
          : components[i].getAccessor().invoke(d);
    }
    return StreamSettings.class.getDeclaredConstructor(types).newInstance(values);
  }
}
