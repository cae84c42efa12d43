package paragon.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import paragon.storage.Database;
import paragon.testing.BenchmarkDoc;
import paragon.testing.TestDatabases;

/**
 * The crash test behind bench/crash.sh (not a test of the suite; docs/operations.md, "Crash test"): on
 * a fresh SQLite file and a fresh PostgreSQL database, N cycles of: start the app as a process of its
 * own, reconnect every terminal's stream, let the terminals send numbered commands back to back, kill -9
 * the app mid-load. A command whose answer did not come is sent again with the same number in the next
 * cycle, as the terminal app's outbox does. At the end, with every outstanding command answered, the
 * database must hold every acknowledged line exactly once and nothing else, and every space's seq must
 * run 1..max without a gap. Prints the figures and writes the section {@code crash} of docs/benchmarks.md.
 */
public final class CrashRun {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A receipt takes 500 lines at most: a terminal opens a new one after this many. */
  private static final int LINES_PER_RECEIPT = 400;

  private CrashRun() {}

  /** One simulated terminal's outbox: the command not answered yet keeps its number until it is. */
  static final class Sender {
    final Fleet.Device device;
    final Set<String> acked = new HashSet<>();
    long n;
    Map<String, Object> pending;
    String receipt;
    int linesInReceipt;

    Sender(Fleet.Device device) {
      this.device = device;
    }

    Map<String, Object> next() {
      if (pending != null) return pending;
      n++;
      if (receipt == null || linesInReceipt >= LINES_PER_RECEIPT) {
        receipt = UUID.randomUUID().toString();
        linesInReceipt = 0;
        pending = Map.of("n", n, "type", "openAdHoc", "receiptId", receipt);
      } else {
        linesInReceipt++;
        pending = Map.of("n", n, "type", "addLine", "receiptId", receipt, "lineId", UUID.randomUUID().toString(),
            "name", "Kawa", "unitPrice", 900, "vat", "8", "quantity", 1000);
      }
      return pending;
    }

    /** Sends the pending command once; true when it was answered (accepted, or a duplicate of an accepted one). */
    boolean send(HttpClient http, int port) throws Exception {
      Map<String, Object> c = next();
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/terminal/commands"))
          .header("Content-Type", "application/json").header("Authorization", "Bearer " + device.token())
          .header("X-Paragon-Session", device.session()).timeout(Duration.ofSeconds(10))
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(List.of(c)))).build();
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) return false;
      JsonNode ack = JSON.readTree(r.body()).get(0);
      String status = ack.path("status").asText();
      if (!status.equals("accepted") && !(status.equals("duplicate") && ack.path("original").asText().equals("accepted"))) {
        throw new IllegalStateException("command " + c + " answered " + ack);
      }
      if (c.containsKey("lineId")) acked.add((String) c.get("lineId"));
      pending = null;
      return true;
    }
  }

  record Result(String kind, int cycles, long acked, long lost, long duplicated, long gaps, int streamsResumed,
      int streamsExpected) {}

  public static void main(String[] args) throws Exception {
    int cycles = LoadGenerator.intArg(args, "cycles", 10);
    int loadMillis = LoadGenerator.intArg(args, "load-ms", 2000);
    String db = LoadGenerator.strArg(args, "db", "both");
    List<TestDatabases.Kind> kinds = db.equals("both") ? List.of(TestDatabases.Kind.SQLITE, TestDatabases.Kind.POSTGRES)
        : List.of(TestDatabases.Kind.valueOf(db.toUpperCase(java.util.Locale.ROOT)));
    List<Result> results = new ArrayList<>();
    String before = LoadGenerator.loadAverage();
    boolean failed = false;
    for (TestDatabases.Kind kind : kinds) {
      Result r = run(kind, cycles, loadMillis);
      System.out.printf("%s: cycles %d, acked %d, lost %d, duplicated %d, seq gaps %d, streams resumed %d of %d%n",
          r.kind(), r.cycles(), r.acked(), r.lost(), r.duplicated(), r.gaps(), r.streamsResumed(), r.streamsExpected());
      failed |= r.lost() > 0 || r.duplicated() > 0 || r.gaps() > 0 || r.streamsResumed() < r.streamsExpected();
      results.add(r);
    }
    StringBuilder b = new StringBuilder(BenchmarkDoc.start("crash")).append('\n');
    b.append("## Crash test: kill -9 under load\n\nWritten by `paragon.bench.CrashRun`; reproduce with\n\n```sh\n")
        .append("bench/crash.sh ").append(String.join(" ", args)).append("\n```\n\n")
        .append("- Date: ").append(java.time.Instant.now()).append('\n')
        .append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs (shared with other work), ")
        .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append(", Java ")
        .append(System.getProperty("java.version")).append('\n')
        .append("- Load average (1/5/15 min) before: ").append(before).append("; after: ").append(LoadGenerator.loadAverage())
        .append('\n')
        .append("- Each cycle: the app started as a process of its own, 6 terminals (2 shops x 3, sharing on) reconnect ")
        .append("their streams and send commands back to back for ").append(loadMillis).append(" ms, then kill -9. ")
        .append("Unanswered commands are sent again, same number, in the next cycle; at the end all are answered.\n\n")
        .append("| database | cycles | acked | lost | duplicated | seq gaps | streams resumed |\n|---|---:|---:|---:|---:|---:|---:|\n");
    for (Result r : results) {
      b.append(String.format(java.util.Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d of %d |%n", r.kind(), r.cycles(),
          r.acked(), r.lost(), r.duplicated(), r.gaps(), r.streamsResumed(), r.streamsExpected()));
    }
    b.append(BenchmarkDoc.end("crash"));
    BenchmarkDoc.write(Path.of(LoadGenerator.strArg(args, "out", BenchmarkDoc.FILE.toString())), "crash", b.toString());
    System.exit(failed ? 1 : 0);
  }

  static Result run(TestDatabases.Kind kind, int cycles, int loadMillis) throws Exception {
    String url = LoadGenerator.freshDatabase(kind);
    try {
      Fleet fleet = Fleet.seed(url, 3, 3);
      List<Sender> senders = new ArrayList<>();
      for (List<Fleet.Device> shop : fleet.shops) for (Fleet.Device d : shop) senders.add(new Sender(d));
      HttpClient http = LoadGenerator.http();
      int resumed = 0;
      for (int c = 1; c <= cycles; c++) {
        AppProcess app = AppProcess.start("crash-" + kind + "-" + c, url, 0, false);
        resumed += streams(fleet, http, app.port);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (Sender s : senders) {
          threads.add(Thread.ofPlatform().start(() -> {
            while (!stop.get()) {
              try {
                s.send(http, app.port);
              } catch (java.io.IOException e) {
                return; // the node died under this request: the command stays pending
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            }
          }));
        }
        Thread.sleep(loadMillis);
        app.kill();
        stop.set(true);
        for (Thread t : threads) t.join();
      }
      // Settle: a last start answers every pending command (sent again with its number), then a clean stop.
      try (AppProcess app = AppProcess.start("crash-" + kind + "-settle", url, 0, false)) {
        for (Sender s : senders) while (s.pending != null) s.send(http, app.port);
      }
      return verify(kind, url, cycles, senders, resumed, cycles * senders.size());
    } finally {
      LoadGenerator.dropDatabase(url);
    }
  }

  /** Connects every terminal's stream to the restarted node; answers how many were welcomed. */
  private static int streams(Fleet fleet, HttpClient http, int port) {
    int welcomed = 0;
    for (int s = 0; s < fleet.shops.size(); s++) {
      for (BenchTerminal t : fleet.terminals(s, http, port)) {
        t.recording = false;
        try {
          t.connect(port).get(30, java.util.concurrent.TimeUnit.SECONDS);
          welcomed++;
        } catch (Exception e) {
          System.err.println("a stream did not resume: " + e);
        }
        // Left open: the kill closes it, as a crash does the terminal's.
      }
    }
    return welcomed;
  }

  private static Result verify(TestDatabases.Kind kind, String url, int cycles, List<Sender> senders, int resumed,
      int expected) {
    try (Database db = Database.open(url)) {
      Set<String> acked = new HashSet<>();
      for (Sender s : senders) acked.addAll(s.acked);
      List<String> present = db.read(h -> h.createQuery("SELECT id FROM lines").mapTo(String.class).list());
      Set<String> seen = new HashSet<>();
      long duplicated = 0;
      for (String id : present) if (!seen.add(id) || !acked.contains(id)) duplicated++;
      long lost = acked.stream().filter(id -> !seen.contains(id)).count();
      long gaps = db.read(h -> h.createQuery("""
          SELECT COALESCE(SUM(MAX_SEQ - N), 0) FROM (
            SELECT space, MAX(seq) AS MAX_SEQ, COUNT(*) AS N FROM changes GROUP BY space) per_space""")
          .mapTo(Long.class).one());
      return new Result(kind.name(), cycles, acked.size(), lost, duplicated, gaps, resumed, expected);
    }
  }
}
