package paragon.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the database and the network can do at best, measured in the same run as the figure they bound. */
final class Floors {
  private Floors() {}

  /** Result of a floor: what it is, its rate or latency, and how it was measured. */
  record Rate(double perSecond, String how) {}

  /**
   * PostgreSQL: pgbench's one-row INSERT at {@code clients} clients into a scratch table of the admin
   * database, for {@code seconds}; a JDBC loop of the same when pgbench is not installed.
   */
  static Rate postgresInserts(String adminUrl, int clients, int seconds) throws Exception {
    try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS bench_floor (id BIGSERIAL PRIMARY KEY, v INTEGER)");
      s.execute("TRUNCATE bench_floor");
    }
    Path pgbench = Path.of("/usr/bin/pgbench");
    if (Files.isExecutable(pgbench)) {
      Path script = Files.createTempFile("bench-floor-", ".sql");
      Files.writeString(script, "INSERT INTO bench_floor (v) VALUES (1);\n");
      Matcher m = Pattern.compile("//([^:/]+):(\\d+)/([^?]+)").matcher(adminUrl);
      if (!m.find()) throw new IllegalStateException("not a PostgreSQL URL: " + adminUrl);
      List<String> command = List.of(pgbench.toString(), "-n", "-h", m.group(1), "-p", m.group(2), "-U", "postgres",
          "-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds), "-f", script.toString(), m.group(3));
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      p.waitFor();
      Files.delete(script);
      Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
      if (p.exitValue() != 0 || !tps.find()) throw new IllegalStateException("pgbench failed:\n" + out);
      return new Rate(Double.parseDouble(tps.group(1)),
          "pgbench -n -c " + clients + " -j 2 -T " + seconds + ", one-row INSERT");
    }
    return jdbcLoop(adminUrl, clients, seconds, "JDBC loop (no pgbench), " + clients + " threads, one-row INSERT");
  }

  /** SQLite: one INSERT per transaction, one thread, on a file of its own with Paragon's pragmas. */
  static Rate sqliteInserts(int seconds) throws Exception {
    Path dir = Files.createTempDirectory("bench-floor-");
    String url = "jdbc:sqlite:" + dir.resolve("floor.db");
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("CREATE TABLE bench_floor (id INTEGER PRIMARY KEY, v INTEGER)");
    }
    return jdbcLoop(url, 1, seconds, "JDBC loop, 1 thread, one INSERT per transaction, WAL, synchronous=FULL (Paragon's)");
  }

  private static Rate jdbcLoop(String url, int threads, int seconds, String how) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long[] counts = new long[threads];
    List<Thread> all = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int me = t;
      all.add(Thread.ofPlatform().start(() -> {
        try (Connection c = DriverManager.getConnection(url)) {
          if (url.startsWith("jdbc:sqlite:")) {
            try (Statement s = c.createStatement()) {
              s.execute("PRAGMA synchronous=FULL"); // Paragon's (storage.Durability)
            }
          }
          c.setAutoCommit(false);
          try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_floor (v) VALUES (1)")) {
            while (System.nanoTime() < end) {
              insert.executeUpdate();
              c.commit();
              counts[me]++;
            }
          }
        } catch (Exception e) {
          throw new IllegalStateException("floor loop on " + url, e);
        }
      }));
    }
    for (Thread t : all) t.join();
    double elapsed = (System.nanoTime() - start) / 1e9;
    long total = 0;
    for (long c : counts) total += c;
    return new Rate(total / elapsed, how);
  }

  /**
   * Round trips to the app node's echo: one WebSocket text frame there and back, with one INSERT and
   * COMMIT on the app's database in between, one at a time; answers the round trips in nanoseconds.
   */
  static List<Long> echo(HttpClient http, int echoPort, int samples) throws Exception {
    List<Long> out = new ArrayList<>();
    java.util.concurrent.atomic.AtomicReference<CompletableFuture<Void>> answer =
        new java.util.concurrent.atomic.AtomicReference<>(new CompletableFuture<>());
    WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + echoPort + "/echo"),
        new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (last) answer.get().complete(null);
            webSocket.request(1);
            return null;
          }
        }).get(30, TimeUnit.SECONDS);
    String payload = "{\"type\":\"receipt\",\"space\":\"shop:1\",\"seq\":1,\"echo\":true}";
    for (int i = -20; i < samples; i++) {
      CompletableFuture<Void> mine = new CompletableFuture<>();
      answer.set(mine);
      long sent = System.nanoTime();
      ws.sendText(payload, true).get(30, TimeUnit.SECONDS);
      mine.get(30, TimeUnit.SECONDS);
      if (i >= 0) out.add(System.nanoTime() - sent);
    }
    ws.abort();
    return BenchTerminal.sorted(out);
  }
}
