package paragon.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import paragon.Paragon;
import paragon.configuration.LoginMode;
import paragon.configuration.Plan;
import paragon.configuration.Revisions;
import paragon.configuration.Visibility;
import paragon.demo.Seed;
import paragon.settings.Settings;
import paragon.storage.Database;
import paragon.testing.BenchmarkDoc;
import paragon.testing.TestDatabases;
import paragon.web.Tokens;

/**
 * The load run behind docs/benchmarks.md (not a test): starts the real app on SQLite and on
 * PostgreSQL, pairs terminals, connects their streams, and measures (1) propagation latency, from
 * sending a command on terminal A to its change frame arriving on terminal B, with 2 and with 200
 * connected terminals, and (2) commands per second on one node with every stream connected.
 * Bounded in count and time, loopback only. Run it with {@code bench/run.sh}.
 */
public final class LoadGenerator {
  private static final long SECOND = 1_000_000_000L;
  static final String SECTION = "server-load";

  record Latency(String database, int terminals, int samples, List<Long> toB, List<Long> toAll) {}

  record Throughput(String database, int senders, int terminals, long commands, double seconds, List<Long> requests) {}

  public static void main(String[] args) throws Exception {
    int terminals = intArg(args, "terminals", 200);
    int samples = intArg(args, "samples", 300);
    int seconds = intArg(args, "seconds", 10);
    int senders = intArg(args, "senders", 4);
    String out = strArg(args, "out", "docs/benchmarks.md");
    List<Latency> latencies = new ArrayList<>();
    List<Throughput> throughputs = new ArrayList<>();
    String loadBefore = loadAverage();
    for (TestDatabases.Kind kind : TestDatabases.Kind.values()) {
      try (Database db = TestDatabases.open(kind)) {
        Javalin app = Paragon.create(new Settings(0, "jdbc:sqlite:unused", false, "127.0.0.1"), db, Clock.systemUTC())
            .start("127.0.0.1", 0);
        try {
          Run run = new Run(db, app.port(), kind.name());
          List<BenchTerminal> all = run.terminals(terminals);
          all.get(0).connect();
          all.get(1).connect();
          Thread.sleep(500);
          latencies.add(run.latency(all.subList(0, 2), samples));
          for (BenchTerminal t : all.subList(2, all.size())) t.connect();
          Thread.sleep(2_000);
          latencies.add(run.latency(all, samples));
          throughputs.add(run.throughput(all, senders, seconds));
          all.forEach(BenchTerminal::close);
        } finally {
          app.stop();
        }
      }
    }
    String report = report(latencies, throughputs, String.join(" ", args), loadBefore, loadAverage());
    System.out.println(report);
    // Only this run's own section: the terminal benchmarks' sections of the same file stay as they are.
    BenchmarkDoc.write(Path.of(out), SECTION, report);
  }

  /** One database's app: its account, shop and terminals. */
  static final class Run {
    final Database db;
    final int port;
    final String database;
    final HttpClient http = HttpClient.newHttpClient();
    long account;
    long shop;

    Run(Database db, int port, String database) {
      this.db = db;
      this.port = port;
      this.database = database;
      long now = System.currentTimeMillis();
      db.inTransaction(h -> {
        account = Seed.account(h, "Bench", Plan.MAX, "pl", now);
        Seed.settings(h, account, true, Visibility.ALL, true, LoginMode.IDENTIFIER);
        shop = Seed.shop(h, account, "Rynek", true, now);
        long role = Seed.role(h, account, "Kasjer", Set.of());
        Seed.user(h, account, "kasjer", "Kasjer", role, null, now);
        return Revisions.record(h, account, "bench", "setup", Clock.systemUTC());
      });
    }

    /** {@code count} devices written as pairing leaves them, each with the cashier logged in over HTTP. */
    List<BenchTerminal> terminals(int count) throws Exception {
      List<BenchTerminal> out = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String token = Tokens.fresh();
        long now = System.currentTimeMillis();
        int number = i;
        db.inTransaction(h -> h.createUpdate("""
                INSERT INTO devices (account_id, shop_id, name, model, token_hash, paired_at, applied_revision, created_at)
                VALUES (:a, :s, :n, 'SMART_PLUS', :k, :t, (SELECT revision FROM config_heads WHERE account_id = :a), :t)""")
            .bind("a", account).bind("s", shop).bind("n", "Kasa " + number).bind("k", Tokens.hash(token)).bind("t", now)
            .execute());
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/device/login"))
            .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString("{\"identifier\":\"kasjer\"}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 201) throw new IllegalStateException("login: " + login.body());
        String session = BenchTerminalJson.text(login.body(), "sessionToken");
        out.add(new BenchTerminal(http, port, "shop:" + shop, token, session));
      }
      return out;
    }

    /** A receipt with one line on {@code t}; answers the line id. */
    String line(BenchTerminal t) throws Exception {
      String receipt = UUID.randomUUID().toString();
      t.send(BenchTerminal.command("openAdHoc", "receiptId", receipt));
      String line = UUID.randomUUID().toString();
      t.send(BenchTerminal.command("addLine", "receiptId", receipt, "lineId", line, "name", "Kawa", "unitPrice", 900,
          "vat", "8", "quantity", 2000));
      return line;
    }

    /** Terminal 0 sends, one at a time; B is the last connected terminal; "all" is the slowest of them. */
    Latency latency(List<BenchTerminal> connected, int samples) throws Exception {
      BenchTerminal a = connected.get(0);
      BenchTerminal b = connected.get(connected.size() - 1);
      String line = line(a);
      List<Long> toB = new ArrayList<>();
      List<Long> toAll = new ArrayList<>();
      for (int i = -20; i < samples; i++) { // 20 warm-up commands are not counted
        long sent = System.nanoTime();
        JsonNode ack = a.send(BenchTerminal.command("adjustQuantity", "lineId", line, "delta", i % 2 == 0 ? 1000 : -1000));
        long seq = ack.path("seq").asLong();
        long last = 0;
        for (BenchTerminal t : connected) last = Math.max(last, await(t, seq));
        if (i >= 0) {
          toB.add(await(b, seq) - sent);
          toAll.add(last - sent);
        }
      }
      return new Latency(database, connected.size(), samples, toB, toAll);
    }

    private static long await(BenchTerminal t, long seq) throws InterruptedException {
      long deadline = System.nanoTime() + 30 * SECOND;
      while (true) {
        Long at = t.arrival(seq);
        if (at != null) return at;
        if (System.nanoTime() > deadline) throw new IllegalStateException("change " + seq + " never arrived");
        Thread.sleep(0, 200_000);
      }
    }

    /** {@code senders} terminals send single-command requests as fast as they are answered. */
    Throughput throughput(List<BenchTerminal> connected, int senders, int seconds) throws Exception {
      List<String> lines = new ArrayList<>();
      for (int s = 0; s < senders; s++) lines.add(line(connected.get(s)));
      AtomicLong commands = new AtomicLong();
      List<Long> requests = java.util.Collections.synchronizedList(new ArrayList<>());
      long start = System.nanoTime();
      long end = start + seconds * SECOND;
      List<Thread> threads = new ArrayList<>();
      for (int s = 0; s < senders; s++) {
        BenchTerminal t = connected.get(s);
        String line = lines.get(s);
        threads.add(Thread.ofPlatform().start(() -> {
          try {
            for (int i = 0; System.nanoTime() < end; i++) {
              long sent = System.nanoTime();
              t.send(BenchTerminal.command("adjustQuantity", "lineId", line, "delta", i % 2 == 0 ? 1000 : -1000));
              requests.add(System.nanoTime() - sent);
              commands.incrementAndGet();
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }));
      }
      for (Thread thread : threads) thread.join();
      double elapsed = (System.nanoTime() - start) / (double) SECOND;
      return new Throughput(database, senders, connected.size(), commands.get(), elapsed, List.copyOf(requests));
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

  static String report(List<Latency> latencies, List<Throughput> throughputs, String args, String loadBefore,
      String loadAfter) {
    StringBuilder b = new StringBuilder();
    b.append(BenchmarkDoc.start(SECTION)).append('\n');
    b.append("## The live stream under load (server)\n\n");
    b.append("A load run of the live stream, not a test: numbers from one machine, to compare later runs\n")
        .append("against. Written by `paragon.bench.LoadGenerator` into this section; reproduce with\n\n")
        .append("```sh\nbench/run.sh").append(args.isBlank() ? "" : " " + args).append("\n```\n\n");
    b.append("- Date: ").append(Instant.now()).append('\n');
    b.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs (shared with other work), ")
        .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append(", Java ")
        .append(System.getProperty("java.version")).append(", heap max ")
        .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MB\n");
    b.append("- Load average (1/5/15 min) before the run: ").append(loadBefore).append("; after: ").append(loadAfter)
        .append('\n');
    b.append("- Everything on loopback: the app (default stream settings), its database (SQLite file; PostgreSQL on\n")
        .append("  127.0.0.1:5432 or the embedded one), and the simulated terminals, on the same CPUs.\n");
    b.append("- Terminals: paired devices of one shop with sharing on (one space), the cashier logged in, each with\n")
        .append("  its stream open. A command is one HTTP request with one `adjustQuantity` (one transaction, one\n")
        .append("  change row, one frame to every terminal).\n\n");
    b.append("### Propagation latency\n\n");
    b.append("From sending the command on terminal A (before the HTTP request) to its change frame arriving on\n")
        .append("terminal B (the last one connected), and on every connected terminal (\"all\": the slowest of them).\n")
        .append("Commands are sent one at a time; 20 warm-up commands are not counted.\n\n");
    b.append("| database | terminals | samples | to B p50 | to B p99 | to all p50 | to all p99 |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (Latency l : latencies) {
      List<Long> b1 = BenchTerminal.sorted(l.toB());
      List<Long> all = BenchTerminal.sorted(l.toAll());
      b.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %s |%n", l.database(), l.terminals(), l.samples(),
          ms(pct(b1, 50)), ms(pct(b1, 99)), ms(pct(all, 50)), ms(pct(all, 99))));
    }
    b.append("\n### Commands per second on one node\n\n");
    b.append("Senders send single-command requests back to back (each waits for its answer) for a fixed time,\n")
        .append("into one shared space, with every terminal's stream connected (so each change fans out to all).\n\n");
    b.append("| database | senders | terminals connected | commands | seconds | commands/s | request p50 | request p99 |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Throughput t : throughputs) {
      List<Long> r = BenchTerminal.sorted(t.requests());
      b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %.0f | %s | %s |%n", t.database(), t.senders(),
          t.terminals(), t.commands(), t.seconds(), t.commands() / t.seconds(), ms(pct(r, 50)), ms(pct(r, 99))));
    }
    b.append(BenchmarkDoc.end(SECTION));
    return b.toString();
  }

  static long pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) return 0;
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }

  private static int intArg(String[] args, String name, int fallback) {
    String v = strArg(args, name, null);
    return v == null ? fallback : Integer.parseInt(v);
  }

  private static String strArg(String[] args, String name, String fallback) {
    for (String a : args) if (a.startsWith("--" + name + "=")) return a.substring(name.length() + 3);
    return fallback;
  }
}
