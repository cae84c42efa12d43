package paragon.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own, which the test may stop and start (an outage): {@code initdb}
 * in a temporary folder owned by {@code postgres}, on a spare port, trust authentication, fsync off.
 * It never touches the machine's cluster on 5432. The binaries are the newest under
 * {@code /usr/lib/postgresql/<version>/bin}; the commands run as {@code postgres} ({@code runuser}, so
 * the test runs as root; as {@code postgres} itself they run directly).
 */
public final class SpareCluster implements AutoCloseable {
  private final Path bin;
  private final Path dir;
  private final Path data;
  public final int port;
  private boolean running;

  private SpareCluster(Path bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.data = dir.resolve("data");
    this.port = port;
  }

  /** A new cluster, initialised and started. */
  public static SpareCluster start() {
    try {
      Path dir = Files.createTempDirectory("paragon-spare-pg-");
      run(List.of("chown", "postgres", dir.toString()), false);
      SpareCluster c = new SpareCluster(binaries(), dir, sparePort());
      c.asPostgres(c.bin.resolve("initdb").toString(), "-D", c.data.toString(), "-A", "trust", "-U", "postgres",
          "--no-sync", "-E", "UTF8", "--locale=C");
      c.startAgain();
      return c;
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the spare cluster's folder", e);
    }
  }

  /** The JDBC URL of database {@code name} on this cluster. */
  public String url(String name) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + name + "?user=postgres";
  }

  /** Creates an empty database {@code name}; answers its URL. */
  public String createDatabase(String name) {
    try (Connection c = DriverManager.getConnection(url("postgres")); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + " on the spare cluster", e);
    }
    return url(name);
  }

  /** The outage: the server stops at once ({@code -m immediate}), every connection cut. */
  public void stop() {
    asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
    running = false;
  }

  /** Starts the (stopped) cluster and waits until it takes connections. */
  public void startAgain() {
    asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(), "-w",
        "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    running = true;
  }

  @Override
  public void close() {
    try {
      if (running) stop();
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot delete the spare cluster in " + dir, e);
      }
    }
  }

  private void asPostgres(String... command) {
    List<String> full = new ArrayList<>();
    if (!"postgres".equals(System.getProperty("user.name"))) full.addAll(List.of("runuser", "-u", "postgres", "--"));
    full.addAll(List.of(command));
    run(full, true);
  }

  private static void run(List<String> command, boolean inTmp) {
    try {
      ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
      if (inTmp) b.directory(Path.of("/tmp").toFile()); // postgres may not enter the test's working folder
      Process p = b.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "): "
            + new String(out, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + command, e);
    }
  }

  private static Path binaries() throws IOException {
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
          .orElseThrow(() -> new IllegalStateException("no PostgreSQL binaries under /usr/lib/postgresql/*/bin"));
    }
  }

  private static int sparePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
