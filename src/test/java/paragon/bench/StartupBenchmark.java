package paragon.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import paragon.testing.BenchmarkDoc;

/**
 * Start to ready on SQLite with an existing database (issue 11), with and without the AOT cache, not a
 * test. Run by {@code bench/startup.sh [--runs=7] [--demo] [--out=docs/benchmarks.md]} after it built
 * the jar (and with it the cache):
 *
 * <ol>
 *   <li>A first start with {@code --demo} makes the database (target/startup-bench/paragon.db, the
 *       migrations and the demo account), and is stopped by its PID.
 *   <li>Then {@code runs} starts of each kind on that database, alternating (so load that comes and
 *       goes hits both): run.sh's JVM command, with {@code -XX:AOTCache=target/paragon.aot} or without.
 *       Each is timed from just before the process starts to its first 200 of {@code GET /health/ready}
 *       (polled every 10 ms), then stopped by its PID (SIGTERM, as Ctrl+C).
 *   <li>Rewrites the {@code startup} section of docs/benchmarks.md: median and min-max of each kind, the
 *       ratio, and when the log said the database was open and the server listening.
 * </ol>
 */
public final class StartupBenchmark {
  static final String SECTION = "startup";
  private static final Path JAR = Path.of("target", "paragon.jar");
  private static final Path CACHE = Path.of("target", "paragon.aot");
  private static final Path FOLDER = Path.of("target", "startup-bench");
  private static final Duration BOUND = Duration.ofMinutes(2);

  private StartupBenchmark() {}

  /**
   * One start: to ready, the CPU time the process had used by then (all its threads; less skewed by other
   * work on the machine than the wall time), and to the two log lines on the way (-1 when absent).
   */
  record Start(boolean aot, double readyMs, double cpuMs, double databaseMs, double listeningMs) {}

  public static void main(String[] args) throws Exception {
    int runs = 7;
    boolean demo = false;
    String out = BenchmarkDoc.FILE.toString();
    for (String a : args) {
      if (a.startsWith("--runs=")) runs = Integer.parseInt(a.substring("--runs=".length()));
      else if (a.equals("--demo")) demo = true;
      else if (a.startsWith("--out=")) out = a.substring("--out=".length());
      else throw new IllegalArgumentException("unknown flag: " + a + " (--runs=N, --demo, --out=FILE)");
    }
    if (!Files.exists(JAR)) throw new IllegalStateException(JAR + " is missing: bench/startup.sh builds it");
    String noCache = cacheUnusable();
    String loadBefore = loadAverage();
    Path db = FOLDER.resolve("paragon.db");
    deleteFolder();
    Files.createDirectories(FOLDER);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
    // 1. The database, made once.
    start(http, false, db, true, FOLDER.resolve("first.log"));
    // 2. Alternating starts on it.
    List<Start> starts = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      for (boolean aot : noCache == null ? List.of(i % 2 == 0, i % 2 != 0) : List.of(false)) {
        Start s = start(http, aot, db, demo, FOLDER.resolve("start-" + i + (aot ? "-aot" : "") + ".log"));
        System.out.printf(Locale.ROOT, "start %d %s: ready after %.0f ms (%.0f ms CPU)%n", i + 1,
            aot ? "with AOT cache" : "without", s.readyMs(), s.cpuMs());
        starts.add(s);
      }
    }
    String loadAfter = loadAverage();
    String section = report(starts, runs, demo, noCache, String.join(" ", args), loadBefore, loadAfter);
    BenchmarkDoc.write(Path.of(out), SECTION, section);
    System.out.println(section);
  }

  /** Why target/paragon.aot cannot be used with this JDK and jar, or null when it can (run.sh's test). */
  static String cacheUnusable() throws IOException {
    if (!Files.exists(CACHE)) return "no " + CACHE + " (the package step makes it with JDK 25 or newer)";
    if (Files.getLastModifiedTime(CACHE).compareTo(Files.getLastModifiedTime(JAR)) <= 0) {
      return CACHE + " is older than the jar";
    }
    Path stamp = Path.of(CACHE + ".jdk");
    Path release = Path.of(System.getProperty("java.home"), "release");
    if (!Files.exists(stamp) || !Arrays.equals(Files.readAllBytes(stamp), Files.readAllBytes(release))) {
      return CACHE + " was made by another JDK";
    }
    return null;
  }

  static Start start(HttpClient http, boolean aot, Path db, boolean demo, Path log) throws Exception {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED"));
    if (aot) command.add("-XX:AOTCache=" + CACHE);
    command.addAll(List.of("-jar", JAR.toString(), "--port=" + port, "--database-url=jdbc:sqlite:" + db));
    if (demo) command.add("--demo");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
        .timeout(Duration.ofSeconds(5)).build();
    long wallStart = System.currentTimeMillis();
    long t0 = System.nanoTime();
    Process process = builder.start();
    try {
      long deadline = t0 + BOUND.toNanos();
      IOException last = null;
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException("Paragon exited with " + process.exitValue() + " before ready; see " + log);
        }
        try {
          if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) break;
        } catch (IOException notYet) {
          last = notYet; // not listening yet: poll again, and say so if it never is
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("not ready within " + BOUND + "; see " + log, last);
        }
        Thread.sleep(10);
      }
      double readyMs = (System.nanoTime() - t0) / 1e6;
      double cpuMs = process.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(-1.0);
      return new Start(aot, readyMs, cpuMs, logged(log, "p.storage.Database - database", wallStart),
          logged(log, "Paragon listening on", wallStart));
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("Paragon (pid " + process.pid() + ") did not stop within 30 s of SIGTERM");
      }
    }
  }

  /** Milliseconds from {@code wallStart} to the log line containing {@code marker} (logback's HH:mm:ss.SSS), or -1. */
  static double logged(Path log, String marker, long wallStart) throws IOException {
    for (String line : Files.readAllLines(log)) {
      if (!line.contains(marker) || line.length() < 12) continue;
      LocalTime at = LocalTime.parse(line.substring(0, 12));
      long dayStart = Instant.ofEpochMilli(wallStart).atZone(ZoneId.systemDefault()).toLocalDate()
          .atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli();
      return dayStart + at.toNanoOfDay() / 1_000_000 - wallStart;
    }
    return -1;
  }

  static String report(List<Start> starts, int runs, boolean demo, String noCache, String args, String loadBefore,
      String loadAfter) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append(BenchmarkDoc.start(SECTION)).append('\n');
    b.append("## Start to ready (SQLite, an existing database)\n\n");
    b.append("Written by `paragon.bench.StartupBenchmark` into this section; reproduce with\n\n")
        .append("```sh\nbench/startup.sh").append(args.isBlank() ? "" : " " + args).append("\n```\n\n");
    b.append("- Date: ").append(Instant.now()).append('\n');
    b.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs (shared with other work), ")
        .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append(", Java ")
        .append(System.getProperty("java.version")).append('\n');
    b.append("- Load average (1/5/15 min) before the run: ").append(loadBefore).append("; after: ").append(loadAfter)
        .append('\n');
    b.append("- The database: made once by a first start with `--demo` (the migrations, the demo account), then\n")
        .append("  started ").append(runs).append(" times of each kind, alternating, ")
        .append(demo ? "with `--demo` (`./run.sh`)" : "without `--demo` (`./run.sh --no-demo`, a real shop)")
        .append(".\n  Each start: `java --enable-native-access=ALL-UNNAMED [-XX:AOTCache=target/paragon.aot] -jar\n")
        .append("  target/paragon.jar`, timed from just before the process starts to its first 200 of\n")
        .append("  `GET /health/ready` (polled every 10 ms from the benchmark's JVM), then stopped by its PID.\n");
    if (noCache == null) {
      b.append("- The AOT cache: `target/paragon.aot`, ").append(Files.size(CACHE) / (1024 * 1024))
          .append(" MB, made by the package step (docs/operations.md, \"Start-up\").\n\n");
    } else {
      b.append("- Without the AOT cache only: ").append(noCache).append(".\n\n");
    }
    b.append("| start | runs | to ready: median (min-max) | CPU used by then | log: database open | log: listening |\n")
        .append("|---|---:|---:|---:|---:|---:|\n");
    double plain = row(b, "without the AOT cache", starts.stream().filter(s -> !s.aot()).toList());
    if (noCache == null) {
      double aot = row(b, "with the AOT cache", starts.stream().filter(Start::aot).toList());
      b.append(String.format(Locale.ROOT, "%nWith the cache, a start takes %.2fx the time of one without (medians).%n",
          aot / plain));
    }
    b.append("\nMedians. CPU: user + system time of the process (all threads: JIT, GC too) when it was ready;\n")
        .append("on a busy machine it moves less than the wall time. The log columns: from the process start to\n")
        .append("Paragon's log line \"database ... at schema version\" (the pool open, Flyway done) and to\n")
        .append("\"Paragon listening on\" (Jetty started).\n");
    b.append(BenchmarkDoc.end(SECTION));
    return b.toString();
  }

  private static double row(StringBuilder b, String name, List<Start> starts) {
    List<Double> ready = starts.stream().map(Start::readyMs).toList();
    double median = BenchmarkDoc.median(ready);
    b.append(String.format(Locale.ROOT, "| %s | %d | %.0f ms (%.0f-%.0f) | %.0f ms | %.0f ms | %.0f ms |%n", name,
        starts.size(),
        median, ready.stream().mapToDouble(d -> d).min().orElseThrow(),
        ready.stream().mapToDouble(d -> d).max().orElseThrow(),
        BenchmarkDoc.median(starts.stream().map(Start::cpuMs).toList()),
        BenchmarkDoc.median(starts.stream().map(Start::databaseMs).toList()),
        BenchmarkDoc.median(starts.stream().map(Start::listeningMs).toList())));
    return median;
  }

  /** The machine's 1/5/15-minute load averages: other work on the same CPUs skews every number. */
  static String loadAverage() throws IOException {
    String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return parts[0] + " / " + parts[1] + " / " + parts[2];
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteFolder() throws IOException {
    if (!Files.exists(FOLDER)) return;
    try (var paths = Files.walk(FOLDER)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
