package paragon.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import paragon.testing.BenchmarkDoc;
import paragon.testing.TestDatabases;

/**
 * The load run behind docs/benchmarks.md (not a test), one scenario per figure of issue 11's goals:
 * {@code throughput}, {@code propagation}, {@code idle}, {@code receipt-size}, {@code two-nodes}. Each
 * starts the real app as a process of its own ({@link BenchServer}, 1 GiB heap) on a fresh SQLite file
 * or PostgreSQL database, drives it from this JVM over loopback, measures the figure's floor in the
 * same run, and rewrites its own section {@code server-<scenario>} of the doc. Bounded in count and
 * time. Run it with {@code bench/run.sh} (options there).
 */
public final class LoadGenerator {
  static final long SECOND = 1_000_000_000L;
  static final List<String> SCENARIOS = List.of("throughput", "propagation", "idle", "receipt-size", "two-nodes");

  /** The run's options, from {@code --name=value} arguments. */
  record Options(List<String> scenarios, List<TestDatabases.Kind> kinds, int seconds, int samples, int shops,
      int perShop, int rate, int idleTerminals, List<Integer> heartbeats, List<String> appGcs, int idleSeconds,
      int lines, int twoNodesRate, int warmup, int idleRate, boolean jfr, String out, String command) {
    static Options parse(String[] args) {
      String s = strArg(args, "scenario", String.join(",", SCENARIOS));
      List<String> scenarios = List.of(s.split(","));
      for (String name : scenarios) {
        if (!SCENARIOS.contains(name)) throw new IllegalArgumentException("unknown scenario " + name + "; known: " + SCENARIOS);
      }
      List<TestDatabases.Kind> kinds = switch (strArg(args, "db", "both")) {
        case "sqlite" -> List.of(TestDatabases.Kind.SQLITE);
        case "postgres" -> List.of(TestDatabases.Kind.POSTGRES);
        case "both" -> List.of(TestDatabases.Kind.SQLITE, TestDatabases.Kind.POSTGRES);
        default -> throw new IllegalArgumentException("--db must be sqlite, postgres or both");
      };
      boolean jfr = false;
      for (String a : args) if (a.equals("--jfr")) jfr = true;
      return new Options(scenarios, kinds, intArg(args, "seconds", 10), intArg(args, "samples", 300),
          intArg(args, "shops", 250), intArg(args, "per-shop", 4), intArg(args, "rate", 1000),
          intArg(args, "idle-terminals", 10_000), heartbeatList(strArg(args, "heartbeat-ms", "15000")),
          collectors(strArg(args, "app-gc", "G1,ZGC")), intArg(args, "idle-seconds", 30),
          intArg(args, "lines", 500), intArg(args, "two-nodes-rate", 250),
          intArg(args, "warmup", 60), intArg(args, "idle-rate", 100), jfr, strArg(args, "out", "docs/benchmarks.md"),
          ("bench/run.sh " + String.join(" ", args)).strip());
    }
  }

  /** {@code --heartbeat-ms}: one or more heartbeats (ms, comma-separated), the idle scenario run at each. */
  private static List<Integer> heartbeatList(String list) {
    List<Integer> out = new java.util.ArrayList<>();
    for (String h : list.split(",")) {
      int ms = Integer.parseInt(h.strip());
      if (ms < 100) throw new IllegalArgumentException("--heartbeat-ms: " + ms + " is under 100 ms");
      out.add(ms);
    }
    return List.copyOf(out);
  }

  /** {@code --app-gc}: the app's collectors (G1, ZGC; comma-separated), checked before anything is seeded. */
  private static List<String> collectors(String list) {
    List<String> out = List.of(list.split(","));
    for (String gc : out) {
      if (!gc.matches("G1|ZGC")) throw new IllegalArgumentException("--app-gc: " + gc + " is neither G1 nor ZGC");
    }
    return out;
  }

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    for (String scenario : o.scenarios()) {
      Section section = new Section(scenario, o);
      for (TestDatabases.Kind kind : o.kinds()) {
        if (scenario.equals("two-nodes") && kind == TestDatabases.Kind.SQLITE) continue; // one file, one node
        System.out.println("== " + scenario + " on " + kind + " (load " + loadAverage() + ")");
        try {
          switch (scenario) {
            case "throughput" -> Scenarios.throughput(kind, o, section);
            case "propagation" -> Scenarios.propagation(kind, o, section);
            case "idle" -> {
              for (int heartbeat : o.heartbeats()) {
                for (String gc : o.appGcs()) Scenarios.idle(kind, o, heartbeat, gc, section);
              }
            }
            case "receipt-size" -> Scenarios.receiptSize(kind, o, section);
            case "two-nodes" -> Scenarios.twoNodes(o, section);
            default -> throw new IllegalStateException(scenario);
          }
        } catch (Exception | AssertionError e) {
          // A scenario that breaks is written down as broken (the lead reads why) and the others still run.
          e.printStackTrace();
          section.line("\n**" + kind + ": the run failed:** `" + e.toString().replace('`', '\'') + "`\n");
        }
      }
      String text = section.finish();
      System.out.println(text);
      BenchmarkDoc.write(Path.of(o.out()), section.name, text);
    }
  }

  /** One scenario's section of the doc: its header, the run's facts, then the tables its runs add. */
  static final class Section {
    final String name;
    private final String scenario;
    private final Options options;
    private final String loadBefore = loadAverage();
    private final StringBuilder body = new StringBuilder();
    private final List<String> profiles = new ArrayList<>();

    Section(String scenario, Options options) {
      this.scenario = scenario;
      this.name = "server-" + scenario;
      this.options = options;
    }

    void line(String text) {
      body.append(text).append('\n');
    }

    void profile(String title, List<String> hot) {
      StringBuilder b = new StringBuilder("- " + title + ": " + hot.get(0) + "\n");
      for (int i = 1; i < hot.size(); i++) b.append("  ").append(i).append(". `").append(hot.get(i)).append("`\n");
      profiles.add(b.toString());
    }

    String finish() {
      StringBuilder b = new StringBuilder();
      b.append(BenchmarkDoc.start(name)).append('\n');
      b.append("## Server: ").append(Scenarios.TITLES.get(scenario)).append("\n\n");
      b.append("Written by `paragon.bench.LoadGenerator` (scenario `").append(scenario)
          .append("`); reproduce with\n\n```sh\n").append(options.command()).append("\n```\n\n");
      b.append("- Date: ").append(Instant.now()).append('\n');
      b.append("- Machine: ").append(Runtime.getRuntime().availableProcessors())
          .append(" CPUs (shared with other work), ").append(System.getProperty("os.name")).append(' ')
          .append(System.getProperty("os.arch")).append(", Java ").append(System.getProperty("java.version"))
          .append("; the app a process of its own (1 GiB heap), the simulated terminals in another, on the same CPUs\n");
      b.append("- Load average (1/5/15 min) before: ").append(loadBefore).append("; after: ").append(loadAverage())
          .append('\n');
      b.append("- Databases: a fresh SQLite file (Paragon's pragmas) and a fresh database on the PostgreSQL at\n")
          .append("  127.0.0.1:5432; the floors on the same database server in the same run\n\n");
      b.append(Scenarios.DESCRIPTIONS.get(scenario)).append("\n\n");
      b.append(body);
      if (!profiles.isEmpty()) {
        b.append("\n#### JFR: top frames of the app's execution samples\n\n");
        profiles.forEach(b::append);
      }
      b.append(BenchmarkDoc.end(name));
      return b.toString();
    }
  }

  // ---- shared machinery of the scenarios ----

  /** A fresh database of {@code kind}: a new SQLite file, or a new PostgreSQL database (not migrated yet). */
  static String freshDatabase(TestDatabases.Kind kind) throws Exception {
    if (kind == TestDatabases.Kind.POSTGRES) return TestDatabases.postgresUrl();
    return "jdbc:sqlite:" + Files.createTempDirectory("paragon-bench-").resolve("paragon.db");
  }

  /** Drops a PostgreSQL database the run made (the SQLite files are temporary files). */
  static void dropDatabase(String url) {
    if (!url.startsWith("jdbc:postgresql:")) return;
    String name = url.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
    try (Connection c = DriverManager.getConnection(adminUrl(url)); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (Exception e) {
      System.err.println("could not drop " + name + ": " + e);
    }
  }

  static String adminUrl(String url) {
    return url.replaceFirst("/[^/?]+(\\?|$)", "/test$1");
  }

  static HttpClient http() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
  }

  /** Where a sender sends: its terminal, the line it adjusts, and the terminal that should see it. */
  record Sender(BenchTerminal from, String line, BenchTerminal to) {}

  /** A receipt with one line on {@code t}; answers the line id. */
  static String line(BenchTerminal t) throws Exception {
    String receipt = UUID.randomUUID().toString();
    t.send(BenchTerminal.command("openAdHoc", "receiptId", receipt));
    String line = UUID.randomUUID().toString();
    t.send(addLine(receipt, line));
    return line;
  }

  static Map<String, Object> addLine(String receipt, String line) {
    return BenchTerminal.command("addLine", "receiptId", receipt, "lineId", line, "name", "Kawa", "unitPrice", 900,
        "vat", "8", "quantity", 1000);
  }

  static Map<String, Object> adjust(String line, long i) {
    return BenchTerminal.command("adjustQuantity", "lineId", line, "delta", i % 2 == 0 ? 1000 : -1000);
  }

  /** Lines for many senders at once, eight terminals at a time. */
  static List<String> lines(List<BenchTerminal> terminals) throws Exception {
    List<String> out = new ArrayList<>(Collections.nCopies(terminals.size(), null));
    List<Thread> threads = new ArrayList<>();
    AtomicLong next = new AtomicLong();
    ConcurrentLinkedQueue<Exception> failed = new ConcurrentLinkedQueue<>();
    for (int w = 0; w < 8; w++) {
      threads.add(Thread.ofPlatform().start(() -> {
        for (int i; (i = (int) next.getAndIncrement()) < terminals.size(); ) {
          try {
            out.set(i, line(terminals.get(i)));
          } catch (Exception e) {
            failed.add(e);
            return;
          }
        }
      }));
    }
    for (Thread t : threads) t.join();
    if (!failed.isEmpty()) throw new IllegalStateException("preparing lines", failed.peek());
    return out;
  }

  /** Closed loop: each sender sends its next command when the last one is acked, for {@code seconds}. */
  record Closed(long commands, double seconds, List<Long> requests) {
    double perSecond() {
      return commands / seconds;
    }
  }

  static Closed closedLoop(List<Sender> senders, int seconds) throws Exception {
    AtomicLong commands = new AtomicLong();
    List<Long> requests = Collections.synchronizedList(new ArrayList<>());
    ConcurrentLinkedQueue<Exception> failed = new ConcurrentLinkedQueue<>();
    long start = System.nanoTime();
    long end = start + seconds * SECOND;
    List<Thread> threads = new ArrayList<>();
    for (Sender s : senders) {
      threads.add(Thread.ofPlatform().start(() -> {
        try {
          for (long i = 0; System.nanoTime() < end; i++) {
            long sent = System.nanoTime();
            s.from().send(adjust(s.line(), i));
            requests.add(System.nanoTime() - sent);
            commands.incrementAndGet();
          }
        } catch (Exception e) {
          failed.add(e);
        }
      }));
    }
    for (Thread t : threads) t.join();
    if (!failed.isEmpty()) throw new IllegalStateException(failed.size() + " senders failed", failed.peek());
    return new Closed(commands.get(), (System.nanoTime() - start) / (double) SECOND, BenchTerminal.sorted(requests));
  }

  /**
   * Open loop: command k is due at {@code start + k / rate}, on sender {@code k mod senders}; it is sent
   * then (or when that device's previous command is acked, a device sending in order), and its latency
   * counts from when it was due, so a stall is not hidden by the senders waiting it out.
   */
  record Open(int offered, long acked, long failed, long late, double seconds, double achieved, List<Long> toB,
      List<Long> toSelf, long missing, long gapMax, List<Long> requests) {}

  static Open openLoop(List<Sender> senders, int rate, int seconds) throws Exception {
    int total = rate * seconds;
    long[] due = new long[total];
    // Written by the HTTP client's threads as acks come in (some may still come while the results are read).
    java.util.concurrent.atomic.AtomicLongArray seq = new java.util.concurrent.atomic.AtomicLongArray(total);
    java.util.concurrent.atomic.AtomicLongArray acked = new java.util.concurrent.atomic.AtomicLongArray(total);
    AtomicLong failed = new AtomicLong();
    AtomicLong late = new AtomicLong();
    List<CompletableFuture<JsonNode>> all = new ArrayList<>(total);
    long start = System.nanoTime() + 50_000_000L;
    for (int k = 0; k < total; k++) {
      due[k] = start + (long) k * SECOND / rate;
      long wait = due[k] - System.nanoTime();
      if (wait > 0) LockSupport.parkNanos(wait);
      else if (wait < -5_000_000L) late.incrementAndGet();
      int me = k;
      Sender s = senders.get(k % senders.size());
      all.add(s.from().sendAsync(adjust(s.line(), k / senders.size())).whenComplete((ack, e) -> {
        if (e != null) {
          failed.incrementAndGet();
          System.err.println("command " + me + " failed: " + e);
        } else {
          seq.set(me, ack.path("seq").asLong());
          acked.set(me, System.nanoTime());
        }
      }));
    }
    // Bounded: on an overloaded node the queue may take longer to drain than the run is worth; what is
    // not acked by then counts as not achieved (the commands still in flight end with the node).
    long drain = Math.max(60, 3L * seconds);
    try {
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(drain, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      System.err.println("some commands failed (counted): " + e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      System.err.println("commands still unacked after " + drain + " s (counted as not achieved)");
    }
    long lastAck = 0;
    long ok = 0;
    List<Long> requests = new ArrayList<>();
    long[] at = new long[total];
    for (int k = 0; k < total; k++) {
      at[k] = acked.get(k);
      if (at[k] == 0) continue;
      ok++;
      lastAck = Math.max(lastAck, at[k]);
      requests.add(at[k] - due[k]);
    }
    Thread.sleep(1_000); // the last frames
    List<Long> toB = new ArrayList<>();
    List<Long> toSelf = new ArrayList<>();
    long missing = 0;
    for (int k = 0; k < total; k++) {
      if (at[k] == 0) continue;
      Sender s = senders.get(k % senders.size());
      Long b = s.to().arrival(seq.get(k));
      if (b == null) missing++;
      else toB.add(b - due[k]);
      Long self = s.from().arrival(seq.get(k));
      if (self != null) toSelf.add(self - due[k]);
    }
    // The longest gap between two changes arriving on any one observing terminal while commands flowed.
    long gapMax = 0;
    for (BenchTerminal b : senders.stream().map(Sender::to).distinct().toList()) {
      List<Long> times = b.arrivalTimes();
      for (int i = 1; i < times.size(); i++) gapMax = Math.max(gapMax, times.get(i) - times.get(i - 1));
    }
    double elapsed = (Math.max(lastAck, due[total - 1]) - start) / (double) SECOND;
    return new Open(total, ok, failed.get(), late.get(), elapsed, ok / elapsed, BenchTerminal.sorted(toB),
        BenchTerminal.sorted(toSelf), missing, gapMax, BenchTerminal.sorted(requests));
  }

  /** Closed loop, one command at a time, from A; answers the latencies to B's stream (sorted). */
  static List<Long> oneAtATime(Sender s, int samples, List<Long> requests, List<Integer> sizes) throws Exception {
    List<Long> toB = new ArrayList<>();
    for (int i = -20; i < samples; i++) {
      long sent = System.nanoTime();
      JsonNode ack = s.from().send(adjust(s.line(), i));
      long answered = System.nanoTime();
      long seq = ack.path("seq").asLong();
      long at = await(s.to(), seq);
      if (i >= 0) {
        toB.add(at - sent);
        if (requests != null) requests.add(answered - sent);
        if (sizes != null) sizes.add(s.to().size(seq));
      }
    }
    return BenchTerminal.sorted(toB);
  }

  static long await(BenchTerminal t, long seq) throws InterruptedException {
    long deadline = System.nanoTime() + 30 * SECOND;
    while (true) {
      Long at = t.arrival(seq);
      if (at != null) return at;
      if (System.nanoTime() > deadline) throw new IllegalStateException("change " + seq + " never arrived");
      Thread.sleep(0, 100_000);
    }
  }

  /** CPU seconds (user + system) the process {@code pid} has used so far. */
  static double cpuSeconds(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
  }

  /** PostgreSQL: committed transactions of {@code url}'s database so far (pg_stat_database). */
  static long commits(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("SELECT pg_stat_clear_snapshot()");
      try (ResultSet r = s.executeQuery(
          "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()")) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /** The machine's 1/5/15-minute load averages: other work on the same CPUs skews every number. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " / " + parts[1] + " / " + parts[2];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  static long pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) return 0;
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }

  static String ratio(double a, double b) {
    return b == 0 ? "-" : String.format(Locale.ROOT, "%.2fx", a / b);
  }

  static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  static int intArg(String[] args, String name, int fallback) {
    String v = strArg(args, name, null);
    return v == null ? fallback : Integer.parseInt(v);
  }

  static String strArg(String[] args, String name, String fallback) {
    for (String a : args) if (a.startsWith("--" + name + "=")) return a.substring(name.length() + 3);
    return fallback;
  }
}
