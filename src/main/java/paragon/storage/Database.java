package paragon.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Which database Paragon runs on (a SQLite file, or PostgreSQL), its pool, its migrations, and how a
 * unit of work runs. Stores take a {@code Database} and keep their SQL in plain sight.
 *
 * <p>Writes go through {@link #inTransaction}: the body must be idempotent, because a serialization
 * failure (PostgreSQL 40001/40P01) is retried a few times with the whole body. A SQLite file busy
 * past its busy timeout (another process holds it) is not: that is an outage, refused 503.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);
  private static final int MAX_ATTEMPTS = 5;
  /** How long a request waits for a pooled connection before it is refused (docs/operations.md, "Outages"). */
  public static final long CONNECTION_TIMEOUT_MS = 2_000;
  /** SQLite: how long a write waits for another process's lock on the file. */
  public static final int BUSY_TIMEOUT_MS = 1_000;
  /** PostgreSQL driver bounds (seconds): connecting, logging in, and silence while reading an answer. */
  private static final Map<String, String> BOUNDS = Map.of("connectTimeout", "2", "loginTimeout", "2",
      "socketTimeout", "60");
  /** PostgreSQL driver bounds of the readiness probe's own connection (seconds). */
  private static final Map<String, String> PROBE_BOUNDS = Map.of("connectTimeout", "1", "loginTimeout", "1",
      "socketTimeout", "2");

  public enum Dialect { SQLITE, POSTGRES }

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final Dialect dialect;
  private final String url;
  /** SQLite: the one writer's turn, fair (null on PostgreSQL, which takes row locks). */
  private final ReentrantLock writer;
  private final LongAdder commits = new LongAdder();
  /** PostgreSQL: the readiness probe's connection, outside the pool (guarded by {@code this}). */
  private java.sql.Connection probeConnection;
  private volatile boolean closed;
  /**
   * SQLite: when a transaction last found the file locked by another process (nanos; 0: never). While
   * the lock is held the writers meet it at every busy timeout.
   */
  private volatile long lastBusy;
  /** The last probe failed (its failures are logged once per outage at WARN). */
  private volatile boolean probeFailing;

  private Database(HikariDataSource dataSource, Dialect dialect, String url) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.url = url;
    this.writer = dialect == Dialect.SQLITE ? new ReentrantLock(true) : null;
    this.jdbi = Jdbi.create(dataSource);
    // Made once here, so each statement copies it: missing at the root, every statement binding a new
    // argument type built its own (20 array types registered one by one), 3-4% of a command's CPU.
    jdbi.getConfig(org.jdbi.v3.core.array.SqlArrayTypes.class);
    if (dialect == Dialect.SQLITE) jdbi.setStatementBuilderFactory(new StatementCache());
  }

  /** Opens the pool and applies every pending migration. */
  public static Database open(String url) {
    Dialect dialect = url.startsWith("jdbc:sqlite:") ? Dialect.SQLITE : Dialect.POSTGRES;
    HikariConfig config = new HikariConfig();
    config.setPoolName("paragon-" + dialect.name().toLowerCase());
    if (dialect == Dialect.SQLITE) {
      Path file = Path.of(url.substring("jdbc:sqlite:".length()));
      try {
        if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
      } catch (java.io.IOException e) {
        throw new IllegalStateException("PARAGON_DATABASE_URL: cannot create the folder for " + file, e);
      }
      SQLiteConfig sqlite = new SQLiteConfig();
      sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
      sqlite.enforceForeignKeys(true);
      // A write waits this long for another process's lock (the node's own writers take turns on the
      // writer lock first, so they never meet it): past it the request is refused 503, not left hanging.
      sqlite.setBusyTimeout(BUSY_TIMEOUT_MS);
      // FULL, not NORMAL: in WAL mode NORMAL syncs the WAL only at checkpoints, so a power cut can undo
      // the last acknowledged commits. FULL syncs the WAL at every commit (docs/operations.md, "Durability").
      sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
      // One writer at a time: take the write lock at BEGIN so two writers never deadlock on upgrade.
      sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      SQLiteDataSource ds = new SQLiteDataSource(sqlite);
      ds.setUrl(url);
      config.setDataSource(ds);
      config.setMaximumPoolSize(4);
    } else {
      config.setJdbcUrl(url);
      config.setMaximumPoolSize(12);
      // Set once per pooled connection: a level named per transaction costs JDBI a
      // SHOW TRANSACTION ISOLATION LEVEL round trip (and a SET) on every one.
      config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
      config.setConnectionInitSql(Durability.POSTGRES_SESSION);
      // Bounded waits (docs/operations.md, "Outages"): a server that does not take the connection or the
      // login within 2 s, or a query that gets no byte back for 60 s, is a failure, not a hang.
      BOUNDS.forEach(config::addDataSourceProperty);
    }
    // A request waits at most this long for a pooled connection; then it is refused 503 "unavailable".
    config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
    config.setValidationTimeout(1_000);
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new IllegalStateException("PARAGON_DATABASE_URL: cannot connect to " + redact(url) + ": " + e.getMessage(), e);
    }
    Database db = new Database(dataSource, dialect, url);
    Durability.check(db);
    db.migrate();
    return db;
  }

  private void migrate() {
    Map<String, String> placeholders = dialect == Dialect.SQLITE
        ? Map.of("id", "INTEGER PRIMARY KEY", "long", "INTEGER", "bool", "INTEGER", "true", "1",
            "false", "0", "strict", "STRICT")
        : Map.of("id", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", "long", "BIGINT", "bool", "BOOLEAN",
            "true", "TRUE", "false", "FALSE", "strict", "");
    Flyway flyway = Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .placeholders(placeholders)
        .load();
    var result = flyway.migrate();
    // targetSchemaVersion is null when nothing was migrated (a restart): ask for the current one.
    var current = flyway.info().current();
    log.info("database {} at schema version {} ({} migrations applied now)", redact(url),
        current == null ? "none" : current.getVersion(), result.migrationsExecuted);
  }

  /** The JDBC URL this database was opened with (another node opens the same). */
  public String url() {
    return url;
  }

  public Dialect dialect() {
    return dialect;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /** The database a handle talks to (the driver answers without a round trip). */
  public static Dialect dialectOf(Handle h) {
    try {
      return h.getConnection().getMetaData().getDatabaseProductName().equals("SQLite") ? Dialect.SQLITE
          : Dialect.POSTGRES;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot tell which database the connection is to", e);
    }
  }

  /** Runs a read outside an explicit transaction. */
  public <R, X extends Exception> R read(HandleCallback<R, X> callback) throws X {
    return jdbi.withHandle(callback);
  }

  /**
   * Runs {@code body} as one transaction, retried as a whole on a serialization failure.
   *
   * <p>On SQLite, transactions of this process take turns on a fair lock first (FIFO: the file has one
   * writer anyway), so a writer never waits in SQLite's busy handler, where it could starve for the
   * whole busy timeout while others got the file. Reads ({@link #read}) do not take it (WAL). The turn
   * is waited for at most {@link #CONNECTION_TIMEOUT_MS}, like a pooled connection: then the
   * transaction fails as "unavailable" ({@link #isUnavailable}).
   */
  public <R, X extends Exception> R inTransaction(HandleCallback<R, X> body) throws X {
    if (writer == null) return retried(body);
    // Bounded like a pooled connection: writers stuck behind another process's lock must not queue
    // a request for the sum of their busy timeouts (docs/operations.md, "Outages").
    try {
      if (!writer.tryLock(CONNECTION_TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        throw new org.jdbi.v3.core.ConnectionException(new java.sql.SQLTransientConnectionException(
            "the SQLite file's writer turn did not come within " + CONNECTION_TIMEOUT_MS + " ms"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new org.jdbi.v3.core.ConnectionException(e);
    }
    try {
      return retried(body);
    } finally {
      writer.unlock();
    }
  }

  /** Transactions {@link #inTransaction} committed since this database was opened (tests count group commits). */
  public long commits() {
    return commits.sum();
  }

  private <R, X extends Exception> R retried(HandleCallback<R, X> body) throws X {
    for (int attempt = 1; ; attempt++) {
      try {
        R result = jdbi.inTransaction(body);
        commits.increment();
        return result;
      } catch (RuntimeException e) {
        if (isBusy(e)) lastBusy = System.nanoTime();
        // A busy SQLite file already waited the busy timeout (another process holds it: the node's own
        // writers take turns first): not retried, so a held lock costs a request about a second.
        if (attempt >= MAX_ATTEMPTS || !isRetryable(e)) throw e;
        log.debug("retrying transaction after {} (attempt {})", e.getMessage(), attempt);
        try {
          Thread.sleep(5L * attempt);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /**
   * A connection outside the pool, for a long-lived use that must not hold a pooled one (the
   * PostgreSQL LISTEN of the stream bridge). The caller closes it.
   */
  public java.sql.Connection dedicatedConnection() throws SQLException {
    return java.sql.DriverManager.getConnection(url, properties(BOUNDS));
  }

  private static java.util.Properties properties(Map<String, String> bounds) {
    java.util.Properties p = new java.util.Properties();
    p.putAll(bounds); // parameters in the URL win over these
    return p;
  }

  /**
   * Can the database take a write now? Answers within about a second and never throws ({@code
   * web.Readiness} asks). PostgreSQL: a trivial round trip on a connection of its own (the pool may be
   * full of broken ones, and waiting for one would take the pool's whole bound). SQLite: the node's
   * writer turn within a second, then the file's write lock ({@code BEGIN IMMEDIATE}, rolled back): a
   * file locked by another process or unreadable is "down", though reads might still work; while the
   * node's own writers hold the turn longer, "down" if one of them just found the file busy, else a
   * read is asked.
   */
  public boolean probe() {
    if (closed) return false;
    try {
      boolean answered = dialect == Dialect.SQLITE ? probeSqlite() : probePostgres();
      probeFailing = !answered;
      return answered;
    } catch (SQLException | RuntimeException e) {
      // Once per outage at WARN: the probe runs four times a second while the database is down.
      if (probeFailing) {
        log.debug("database probe failed: {}", e.toString());
      } else {
        log.warn("database probe failed: {}", e.toString());
      }
      probeFailing = true;
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean probeSqlite() throws SQLException, InterruptedException {
    if (!writer.tryLock(BUSY_TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      // The node's own writers hold the turn: stuck behind another process's lock (one of them found
      // the file busy within the last busy timeout and a half), or at work (a long import), when the
      // file answers if it can be read.
      if (lastBusy != 0 && System.nanoTime() - lastBusy < java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(
          BUSY_TIMEOUT_MS * 3L / 2)) {
        return false;
      }
      try (java.sql.Connection c = dataSource.getConnection()) {
        return c.isValid(1);
      }
    }
    try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      s.execute("ROLLBACK");
      return true;
    } finally {
      writer.unlock();
    }
  }

  private synchronized boolean probePostgres() throws SQLException {
    if (probeConnection != null && !probeConnection.isValid(1)) {
      closeQuietly(probeConnection);
      probeConnection = null;
    }
    if (probeConnection == null) {
      probeConnection = java.sql.DriverManager.getConnection(url, properties(PROBE_BOUNDS));
      if (!probeConnection.isValid(1)) throw new SQLException("a new connection is not valid");
    }
    return true;
  }

  private static void closeQuietly(java.sql.Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      log.debug("closing a broken probe connection: {}", e.toString());
    }
  }

  /** True when the database answers a trivial query within a second. */
  public boolean ping() {
    try (Handle h = jdbi.open()) {
      return h.getConnection().isValid(1);
    } catch (RuntimeException | SQLException e) {
      log.warn("database ping failed: {}", e.toString());
      return false;
    }
  }

  private static boolean isBusy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getMessage() != null && sql.getMessage().contains("SQLITE_BUSY")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isRetryable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if ("40001".equals(state) || "40P01".equals(state)) return true;
      }
    }
    return false;
  }

  /**
   * True when {@code e} says the database could not be reached or could not finish for a passing reason
   * (no connection, the server shutting down or out of resources, a conflict still there after the
   * retries, a busy or full SQLite file): nothing was decided, and the same work may succeed later.
   * Anything else is a fault of the work itself.
   */
  public static boolean isUnavailable(Throwable e) {
    return isUnavailable(e, 0);
  }

  // Walks causes and suppressed exceptions too: when a connection dies mid-transaction, JDBI's attempt
  // to restore it fails as well and that failure ("Connection is closed", no SQLState) is what comes out.
  private static boolean isUnavailable(Throwable e, int depth) {
    if (e == null || depth > 20) return false;
    if (e instanceof org.jdbi.v3.core.ConnectionException) return true;
    if (e instanceof java.sql.SQLTransientException || e instanceof java.sql.SQLRecoverableException
        || e instanceof java.sql.SQLNonTransientConnectionException) {
      return true;
    }
    if (e instanceof SQLException sql) {
      String state = sql.getSQLState() == null ? "" : sql.getSQLState();
      // 08 connection, 40 rollback (still conflicting after the retries), 53 resources, 57 operator
      // intervention (shutdown, terminated backend), 58 system (I/O).
      for (String cls : new String[] {"08", "40", "53", "57", "58"}) if (state.startsWith(cls)) return true;
      String message = sql.getMessage() == null ? "" : sql.getMessage();
      for (String sign : new String[] {"SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_IOERR", "SQLITE_FULL",
          "SQLITE_CANTOPEN", "Connection is closed", "connection has been closed", "has been closed"}) {
        if (message.contains(sign)) return true;
      }
    }
    for (Throwable s : e.getSuppressed()) if (isUnavailable(s, depth + 1)) return true;
    return e.getCause() != e && isUnavailable(e.getCause(), depth + 1);
  }

  static String redact(String url) {
    return url.replaceAll("password=[^&]*", "password=***");
  }

  /**
   * Binds the pool's series ({@code hikaricp_connections_*}) to {@code meterRegistry} (a Micrometer
   * registry). HikariCP takes one registry for a pool's life: an app started again on the same
   * database (a test's restart) keeps counting into the first.
   */
  public void meterPool(Object meterRegistry) {
    if (dataSource.getMetricRegistry() == null) dataSource.setMetricRegistry(meterRegistry);
  }

  @Override
  public void close() {
    closed = true;
    synchronized (this) {
      if (probeConnection != null) closeQuietly(probeConnection);
      probeConnection = null;
    }
    dataSource.close();
  }
}
