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

  public static Database sqlite() {
    try {
      Path dir = Files.createTempDirectory("paragon-test-");
      return Database.open("jdbc:sqlite:" + dir.resolve("paragon.db"));
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a temporary SQLite file", e);
    }
  }

  /** A new, empty PostgreSQL database, migrated. */
  public static Database postgres() {
    return Database.open(postgresUrl());
  }

  /**
   * The JDBC URL of a new PostgreSQL database with nothing in it, not even the migrations: for a test
   * that starts Paragon as its own process, which migrates it at start.
   */
  public static String postgresUrl() {
    String admin = adminUrl();
    String name = "paragon_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database on " + admin, e);
    }
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
