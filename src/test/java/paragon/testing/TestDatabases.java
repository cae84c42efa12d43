package paragon.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import paragon.storage.Database;

/**
 * Real databases for tests: a fresh SQLite file, or a fresh PostgreSQL database. PostgreSQL is the
 * server at {@code PARAGON_TEST_PG} (default {@code 127.0.0.1:5432}, trust auth, admin database
 * {@code test}); when nothing listens there, an embedded PostgreSQL (real binaries) is started once per
 * JVM. If neither works the test fails: PostgreSQL tests are never skipped.
 */
public final class TestDatabases {
  private static String adminUrl;
  private static EmbeddedPostgres embedded;

  private TestDatabases() {}

  public enum Kind { SQLITE, POSTGRES }

  public static Database open(Kind kind) {
    return kind == Kind.SQLITE ? sqlite() : postgres();
  }

  /** A new SQLite file, migrated: a copy of this JVM's migrated template (opening it checks the migrations). */
  public static Database sqlite() {
    try {
      Path dir = Files.createTempDirectory("paragon-test-");
      Path file = dir.resolve("paragon.db");
      Files.copy(sqliteTemplate(), file);
      return Database.open("jdbc:sqlite:" + file);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a temporary SQLite file", e);
    }
  }

  /** A new PostgreSQL database, migrated: a copy of the migrated template (opening it checks the migrations). */
  public static Database postgres() {
    String admin = adminUrl();
    String template = postgresTemplate();
    String name = freshName();
    for (int attempt = 1; ; attempt++) {
      try {
        execute(admin, "CREATE DATABASE " + name + " TEMPLATE " + template);
        break;
      } catch (IllegalStateException busy) {
        // The template's builder has closed its pool, but its server processes may take a moment to exit.
        if (attempt == 50 || !String.valueOf(busy.getMessage()).contains("being accessed by other users")) throw busy;
        sleep(100);
      }
    }
    return Database.open(urlOf(admin, name));
  }

  /**
   * The JDBC URL of a new PostgreSQL database with nothing in it, not even the migrations: for a test
   * that starts Paragon as its own process, which migrates it at start.
   */
  public static String postgresUrl() {
    String admin = adminUrl();
    String name = freshName();
    execute(admin, "CREATE DATABASE " + name);
    return urlOf(admin, name);
  }

  /*
   * Templates: migrating a database takes 300-400 ms on PostgreSQL and about 100 ms on SQLite, and the
   * suite opens several hundred of each. A database is instead copied from one migrated at the current
   * migrations: PostgreSQL's CREATE DATABASE ... TEMPLATE (named by a hash of the migration files, so
   * a changed migration makes a new template and runs on the machine share it), a file copy for SQLite
   * (one per JVM). Database.open still runs Flyway on the copy, which finds nothing to do or fails on
   * a mismatch.
   */
  private static String sqliteTemplateFile;
  private static String postgresTemplateName;

  private static synchronized Path sqliteTemplate() throws IOException {
    if (sqliteTemplateFile == null) {
      Path file = Files.createTempDirectory("paragon-template-").resolve("paragon.db");
      Database.open("jdbc:sqlite:" + file).close();
      sqliteTemplateFile = file.toString();
    }
    return Path.of(sqliteTemplateFile);
  }

  private static synchronized String postgresTemplate() {
    if (postgresTemplateName != null) return postgresTemplateName;
    String admin = adminUrl();
    String name = "paragon_tpl_" + migrationsHash();
    if (!exists(admin, name)) {
      // Built under a name of its own, then renamed: a run racing this one never copies a half-migrated one.
      String building = freshName();
      execute(admin, "CREATE DATABASE " + building);
      Database.open(urlOf(admin, building)).close();
      try {
        execute(admin, "ALTER DATABASE " + building + " RENAME TO " + name);
      } catch (IllegalStateException raced) {
        if (!exists(admin, name)) throw raced;
        execute(admin, "DROP DATABASE " + building);
      }
    }
    postgresTemplateName = name;
    return name;
  }

  /** SHA-256 (first 12 hex digits) of every migration file's name and text, in name order. */
  private static String migrationsHash() {
    try {
      var dir = Path.of(TestDatabases.class.getResource("/db/migration").toURI());
      var digest = java.security.MessageDigest.getInstance("SHA-256");
      try (var files = Files.list(dir)) {
        for (Path f : files.sorted().toList()) {
          digest.update(f.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
          digest.update(Files.readAllBytes(f));
        }
      }
      return java.util.HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    } catch (IOException | java.net.URISyntaxException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot read the migrations to name the test template", e);
    }
  }

  private static boolean exists(String admin, String name) {
    try (Connection c = DriverManager.getConnection(admin);
        var q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      q.setString(1, name);
      try (var rs = q.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list the databases on " + admin, e);
    }
  }

  private static void execute(String admin, String sql) {
    try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed on " + admin + ": " + e.getMessage(), e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String freshName() {
    return "paragon_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  private static String urlOf(String admin, String name) {
    return admin.replaceFirst("/test(\\?|$)", "/" + name + "$1");
  }

  private static synchronized String adminUrl() {
    if (adminUrl != null) return adminUrl;
    String hostPort = System.getenv().getOrDefault("PARAGON_TEST_PG", "127.0.0.1:5432");
    String[] parts = hostPort.split(":");
    if (listening(parts[0], Integer.parseInt(parts[1]))) {
      adminUrl = "jdbc:postgresql://" + hostPort + "/test?user=postgres";
      return adminUrl;
    }
    try {
      embedded = EmbeddedPostgres.builder().start();
      try (Connection c = DriverManager.getConnection(embedded.getJdbcUrl("postgres", "postgres"));
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE test");
      }
      adminUrl = "jdbc:postgresql://localhost:" + embedded.getPort() + "/test?user=postgres";
      return adminUrl;
    } catch (IOException | SQLException e) {
      throw new IllegalStateException(
          "no PostgreSQL at " + hostPort + " and the embedded PostgreSQL did not start; PostgreSQL tests cannot run", e);
    }
  }

  private static boolean listening(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
