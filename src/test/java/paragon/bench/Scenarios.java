package paragon.bench;

import static paragon.bench.LoadGenerator.f;
import static paragon.bench.LoadGenerator.ms;
import static paragon.bench.LoadGenerator.pct;
import static paragon.bench.LoadGenerator.ratio;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import paragon.bench.LoadGenerator.Closed;
import paragon.bench.LoadGenerator.Open;
import paragon.bench.LoadGenerator.Options;
import paragon.bench.LoadGenerator.Section;
import paragon.bench.LoadGenerator.Sender;
import paragon.testing.TestDatabases;
import paragon.testing.TestDatabases.Kind;

/** The scenarios of the load run, one per figure of issue 11's goals; each adds its rows to its section. */
final class Scenarios {
  private Scenarios() {}

  static final Map<String, String> TITLES = Map.of(
      "throughput", "durable commands per second on one node",
      "propagation", "propagation with 1,000 connected terminals at an offered rate",
      "idle", "idle terminals on one node: propagation, stalls at heartbeats, idle database load",
      "receipt-size", "a command's cost by receipt size",
      "two-nodes", "two nodes on one PostgreSQL");

  static final Map<String, String> DESCRIPTIONS = Map.of(
      "throughput", """
          Senders send single-command requests (`adjustQuantity`, one per HTTP request, acked after its
          commit) back to back, each waiting for its answer, for a fixed time. "many shops": every sender a
          device of a different shop of 250 shops x 4 terminals; "one shop": the senders are devices of one
          shop of 16. Every terminal's stream is connected, so each change fans out to its shop. Floor:
          PostgreSQL, pgbench's one-row INSERT at 16 clients; SQLite, a one-INSERT-per-transaction JDBC loop,
          1 thread, WAL, synchronous=FULL as Paragon. Goals: PostgreSQL >= 3,000/s and >= 0.25x the floor; SQLite
          >= 5,000/s and >= 0.1x; one shop >= 1,000/s (16 senders).""",
      "propagation", """
          250 shops x 4 terminals, all streams connected. Commands are offered open-loop at a fixed rate,
          round robin over the shops' terminals (each device in order, one request at a time); a command's
          latency counts from when it was due to its change frame arriving on the next terminal of the shop.
          Floor: a WebSocket echo round trip to the app's process with one INSERT + COMMIT on the same
          database in between, one at a time, in the same run. Goals: all offered achieved, p50 <= 5 ms,
          p99 <= 25 ms, and <= 5x the floor.""",
      "idle", """
          One shop of 11 terminals (10 send open-loop, 100 commands/s in all by default, the 11th
          observes), with and without thousands of idle terminals (other shops, streams open, nothing
          sent) connected to the same node, each window at least three heartbeats long, at production's
          heartbeat (15 s), the app on G1 (production's default) and on ZGC (docs/operations.md, "Many
          terminals on one node"). The idle terminals' sockets are served by HTTP clients of
          their own in the load generator (a JDK client reads all its sockets on one thread), and the
          load generator runs on ZGC: with one client for all, or G1's 40-270 ms pauses in the load
          generator, it measured itself. Stall: the longest gap between two consecutive changes arriving
          on the observer (at 100/s a command is due every 10 ms). Idle load: with nothing sent, the app
          process's CPU and (PostgreSQL) the database's committed transactions over the idle window.
          Goals: p99 with them <= 1.5x without; no stall over 50 ms; idle database load near zero.""",
      "receipt-size", """
          One terminal builds receipts line by line (`addLine`, one per command, one at a time) and then
          adjusts a line of a 1-, a 100- and a 500-line receipt, one command at a time; another terminal of
          the shop observes. Goals: a command on the 500-line receipt within 1.5x of one on the 1-line
          receipt; building 500 lines linear (last 250 lines / first 250 lines ~ 1x); a change frame that
          carries the change, not the whole receipt (frame size).""",
      "two-nodes", """
          Two app processes on one PostgreSQL database. 250 shops: each has one sender on node 1 (its
          commands and its stream there) and 4 terminals on node 2 (1,000 streams). Commands are offered
          open-loop to node 1; cross-node latency is from when a command was due to its frame on the last
          terminal of the shop on node 2; the same-node floor is the same command's frame on the sender's
          own stream on node 1. Goal: cross-node p99 <= 50 ms.""");

  /** Idle shops (of 4 terminals) whose streams share one HTTP client of the load generator. */
  private static final int IDLE_SHOPS_PER_CLIENT = 250;
  /** Senders of the idle scenario's active shop (one more terminal observes): 100 commands/s in all. */
  static final int IDLE_SENDERS = 10;

  /** A warm-up round: closed-loop commands for this long, then the app's JIT time is read. */
  private static final int WARMUP_ROUND_SECONDS = 5;
  /** The JIT has settled when a round compiled for less than this share of the round's time. */
  private static final double JIT_SETTLED = 0.05;

  /**
   * Closed-loop commands, in rounds of {@link #WARMUP_ROUND_SECONDS}, until the app's JIT has settled
   * (a round in which its compilers ran less than {@link #JIT_SETTLED} of the time on every node) or
   * {@code --warmup} seconds have gone by: pools and caches warm and the hot code compiled, as on a
   * shop's server that has been up for a while. With a thousand streams on 2 CPUs the compilers take
   * 30-40 s of CPU; a 5 s warm-up measured them, not Paragon (2026-12-03: many shops at 16 senders,
   * 526/s after 5 s, 1,175/s after 60 s, same build, same hour). The section says how long it took.
   */
  private static String warmUp(List<AppProcess> nodes, List<?> from, Options o) throws Exception {
    if (o.warmup() <= 0) return "\nNo warm-up (--warmup=0).\n";
    List<Sender> senders = new ArrayList<>();
    for (Object x : from) {
      if (x instanceof Sender s) senders.add(s);
      else senders.add(new Sender((BenchTerminal) x, LoadGenerator.line((BenchTerminal) x), null));
    }
    double[] before = new double[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) before[i] = nodes.get(i).jitSeconds();
    double firstJit = java.util.Arrays.stream(before).sum();
    int spent = 0;
    boolean settled = false;
    while (spent < o.warmup() && !settled) {
      int round = Math.min(WARMUP_ROUND_SECONDS, o.warmup() - spent);
      LoadGenerator.closedLoop(senders, round);
      spent += round;
      settled = true;
      for (int i = 0; i < nodes.size(); i++) {
        double now = nodes.get(i).jitSeconds();
        if (now - before[i] >= JIT_SETTLED * round) settled = false;
        before[i] = now;
      }
    }
    double compiled = java.util.Arrays.stream(before).sum() - firstJit;
    return f("\nWarm-up: %d s of closed-loop commands from %d senders, the app's JIT compiling %.1f s in it;"
        + " %s.\n", spent, senders.size(), compiled,
        settled ? "settled (a 5 s round under 5% compiling)" : "not settled within --warmup=" + o.warmup());
  }

  private static AppProcess node(String name, String url, long heartbeat, boolean profile) throws Exception {
    return AppProcess.start(name, url, heartbeat, profile);
  }

  private static void profile(Section section, AppProcess node, String title) throws Exception {
    if (node.jfr != null) section.profile(title, node.hotMethods(10));
  }

  static void throughput(Kind kind, Options o, Section section) throws Exception {
    Floors.Rate floor = kind == Kind.POSTGRES
        ? Floors.postgresInserts(LoadGenerator.adminUrl(TestDatabases.postgresUrl()), 16, o.seconds())
        : Floors.sqliteInserts(o.seconds());
    String url = LoadGenerator.freshDatabase(kind);
    int[] perShop = new int[o.shops() + 1];
    java.util.Arrays.fill(perShop, o.perShop());
    perShop[o.shops()] = 16;
    Fleet fleet = Fleet.seed(url, perShop);
    HttpClient http = LoadGenerator.http();
    AppProcess node = node("throughput-" + kind, url, 0, o.jfr());
    List<BenchTerminal> all = new ArrayList<>();
    try {
      List<List<BenchTerminal>> shops = new ArrayList<>();
      for (int s = 0; s < perShop.length; s++) {
        shops.add(fleet.terminals(s, http, node.port));
        all.addAll(shops.get(s));
      }
      for (BenchTerminal t : all) t.recording = false;
      Fleet.connect(all, node.port);
      // Both shapes' paths: one terminal each of 16 shops, and 4 of the one shop.
      List<BenchTerminal> warm = new ArrayList<>(shops.get(o.shops()).subList(0, 4));
      for (int s = 0; s < Math.min(16, o.shops()); s++) warm.add(shops.get(s).get(0));
      String warmed = warmUp(List.of(node), warm, o);
      node.beginProfile();
      section.line(f("\n### %s (floor: %.0f/s, %s)\n", kind, floor.perSecond(), floor.how()));
      section.line(warmed);
      section.line("| shape | senders | terminals connected | commands | seconds | commands/s | request p50 | request p99"
          + " | x floor | goal |");
      section.line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
      for (String shape : List.of("many shops", "one shop")) {
        for (int senders : new int[] {1, 4, 16}) {
          List<BenchTerminal> from = new ArrayList<>();
          for (int i = 0; i < senders; i++) {
            from.add(shape.equals("one shop") ? shops.get(o.shops()).get(i) : shops.get(i % o.shops()).get(i / o.shops()));
          }
          List<String> lines = LoadGenerator.lines(from);
          List<Sender> ss = new ArrayList<>();
          for (int i = 0; i < senders; i++) ss.add(new Sender(from.get(i), lines.get(i), null));
          Closed c = LoadGenerator.closedLoop(ss, o.seconds());
          String goal = senders != 16 ? "" : shape.equals("one shop") ? ">= 1,000/s"
              : kind == Kind.POSTGRES ? ">= 3,000/s and >= 0.25x" : ">= 5,000/s and >= 0.1x";
          section.line(f("| %s | %d | %d | %d | %.1f | %.0f | %s | %s | %s | %s |", shape, senders, all.size(),
              c.commands(), c.seconds(), c.perSecond(), ms(pct(c.requests(), 50)), ms(pct(c.requests(), 99)),
              ratio(c.perSecond(), floor.perSecond()), goal));
          System.out.println(f("  %s %d senders: %.0f/s", shape, senders, c.perSecond()));
        }
      }
    } finally {
      all.forEach(BenchTerminal::close);
      node.close();
      LoadGenerator.dropDatabase(url);
    }
    profile(section, node, "throughput, " + kind);
  }

  static void propagation(Kind kind, Options o, Section section) throws Exception {
    String url = LoadGenerator.freshDatabase(kind);
    int[] perShop = new int[o.shops()];
    java.util.Arrays.fill(perShop, o.perShop());
    Fleet fleet = Fleet.seed(url, perShop);
    HttpClient http = LoadGenerator.http();
    AppProcess node = node("propagation-" + kind, url, 0, o.jfr());
    List<BenchTerminal> all = new ArrayList<>();
    try {
      List<Sender> senders = new ArrayList<>();
      List<List<BenchTerminal>> shops = new ArrayList<>();
      for (int s = 0; s < o.shops(); s++) {
        shops.add(fleet.terminals(s, http, node.port));
        all.addAll(shops.get(s));
      }
      Fleet.connect(all, node.port);
      List<Long> floor = Floors.echo(http, node.echoPort, o.samples());
      List<String> lines = LoadGenerator.lines(all);
      // Round robin: shop 0's terminal 0, shop 1's terminal 0, ..., shop 0's terminal 1, ...; B is the next one.
      for (int d = 0; d < o.perShop(); d++) {
        for (int s = 0; s < o.shops(); s++) {
          int index = s * o.perShop() + d;
          senders.add(new Sender(all.get(index), lines.get(index), shops.get(s).get((d + 1) % o.perShop())));
        }
      }
      String warmed = warmUp(List.of(node), senders.subList(0, 8), o);
      node.beginProfile();
      Open r = LoadGenerator.openLoop(senders, o.rate(), o.seconds());
      section.line(f("\n### %s\n", kind));
      section.line(warmed);
      section.line("| terminals | offered/s | commands | acked | failed | sent late | achieved/s | A->B p50 | A->B p99"
          + " | missing | floor p50 | floor p99 | p50 x floor | p99 x floor | goal |");
      section.line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
      section.line(f("| %d | %d | %d | %d | %d | %d | %.0f | %s | %s | %d | %s | %s | %s | %s | %s |", all.size(),
          o.rate(), r.offered(), r.acked(), r.failed(), r.late(), r.achieved(), ms(pct(r.toB(), 50)),
          ms(pct(r.toB(), 99)), r.missing(), ms(pct(floor, 50)), ms(pct(floor, 99)),
          ratio(pct(r.toB(), 50), pct(floor, 50)), ratio(pct(r.toB(), 99), pct(floor, 99)),
          "all achieved, p50 <= 5 ms, p99 <= 25 ms, <= 5x floor"));
      System.out.println(f("  achieved %.0f/s p50 %s p99 %s", r.achieved(), ms(pct(r.toB(), 50)), ms(pct(r.toB(), 99))));
    } finally {
      all.forEach(BenchTerminal::close);
      node.close();
      LoadGenerator.dropDatabase(url);
    }
    profile(section, node, "propagation, " + kind);
  }

  static void idle(Kind kind, Options o, int heartbeatMs, String gc, Section section) throws Exception {
    String url = LoadGenerator.freshDatabase(kind);
    int idleShops = (o.idleTerminals() + 3) / 4;
    int[] perShop = new int[idleShops + 1];
    java.util.Arrays.fill(perShop, 4);
    perShop[0] = IDLE_SENDERS + 1;
    perShop[idleShops] = o.idleTerminals() - 4 * (idleShops - 1);
    Fleet fleet = Fleet.seed(url, perShop);
    HttpClient http = LoadGenerator.http();
    AppProcess node = AppProcess.start("idle-" + kind, url, heartbeatMs, o.jfr(), gc);
    List<BenchTerminal> active = fleet.terminals(0, http, node.port);
    List<BenchTerminal> idle = new ArrayList<>();
    try {
      Fleet.connect(active, node.port);
      List<String> lines = LoadGenerator.lines(active.subList(0, IDLE_SENDERS));
      List<Sender> senders = new ArrayList<>();
      for (int i = 0; i < IDLE_SENDERS; i++) {
        senders.add(new Sender(active.get(i), lines.get(i), active.get(IDLE_SENDERS)));
      }
      int window = Math.max(o.seconds(), 3 * heartbeatMs / 1000);
      String warmed = warmUp(List.of(node), senders, o);
      active.forEach(BenchTerminal::forget);
      node.beginProfile();
      Open without = LoadGenerator.openLoop(senders, o.idleRate(), window);
      // The idle terminals are other devices: their sockets are served by clients of their own (a JDK
      // client reads all its sockets on one thread), so the measured shop's frames do not queue behind
      // ten thousand pongs in this process.
      List<HttpClient> idleHttp = new ArrayList<>();
      for (int s = 1; s < perShop.length; s++) {
        if ((s - 1) % IDLE_SHOPS_PER_CLIENT == 0) idleHttp.add(LoadGenerator.http());
        idle.addAll(fleet.terminals(s, idleHttp.getLast(), node.port));
      }
      for (BenchTerminal t : idle) t.recording = false;
      long connecting = System.nanoTime();
      Fleet.connect(idle, node.port);
      double connectSeconds = (System.nanoTime() - connecting) / 1e9;
      Thread.sleep(2L * heartbeatMs); // the new connections' first heartbeats
      active.forEach(BenchTerminal::forget);
      Open with = LoadGenerator.openLoop(senders, o.idleRate(), window);
      double cpu0 = LoadGenerator.cpuSeconds(node.pid());
      long commits0 = kind == Kind.POSTGRES ? LoadGenerator.commits(url) : 0;
      Thread.sleep(o.idleSeconds() * 1000L);
      double cpu = LoadGenerator.cpuSeconds(node.pid()) - cpu0;
      String commits = kind == Kind.POSTGRES ? String.valueOf(LoadGenerator.commits(url) - commits0 - 1) : "n/a";
      section.line(f("\n### %s, the app on %s (heartbeat %d ms, %d idle terminals connected in %.1f s)\n", kind,
          gc, heartbeatMs, idle.size(), connectSeconds));
      section.line(warmed);
      section.line("| idle terminals | seconds | acked/offered | p50 | p99 | max | longest gap between changes | goal |");
      section.line("|---:|---:|---:|---:|---:|---:|---:|---|");
      for (Open r : List.of(without, with)) {
        section.line(f("| %d | %d | %d/%d | %s | %s | %s | %s | %s |", r == without ? 0 : idle.size(), window,
            r.acked(), r.offered(), ms(pct(r.toB(), 50)), ms(pct(r.toB(), 99)), ms(pct(r.toB(), 100)), ms(r.gapMax()),
            r == without ? "" : "p99 <= 1.5x without (" + ratio(pct(with.toB(), 99), pct(without.toB(), 99))
                + "), no gap > 50 ms"));
      }
      section.line(f("\nIdle for %d s with %d terminals connected: the app used %.2f CPU s (%.1f%% of one CPU);"
          + " the database committed %s transactions (goal: near zero).", o.idleSeconds(), idle.size() + 5, cpu,
          100 * cpu / o.idleSeconds(), commits));
      System.out.println(f("  without p99 %s with p99 %s gap %s", ms(pct(without.toB(), 99)), ms(pct(with.toB(), 99)),
          ms(with.gapMax())));
    } finally {
      active.forEach(BenchTerminal::close);
      idle.forEach(BenchTerminal::close);
      node.close();
      LoadGenerator.dropDatabase(url);
    }
    profile(section, node, "idle, " + kind);
  }

  static void receiptSize(Kind kind, Options o, Section section) throws Exception {
    String url = LoadGenerator.freshDatabase(kind);
    Fleet fleet = Fleet.seed(url, 2);
    HttpClient http = LoadGenerator.http();
    AppProcess node = node("receipt-size-" + kind, url, 0, o.jfr());
    List<BenchTerminal> t = fleet.terminals(0, http, node.port);
    try {
      Fleet.connect(t, node.port);
      BenchTerminal a = t.get(0);
      String warmed = warmUp(List.of(node), List.of(new Sender(a, LoadGenerator.line(a), t.get(1))), o);
      node.beginProfile();
      section.line(f("\n### %s\n", kind));
      section.line(warmed);
      section.line("| lines on the receipt | build (one line per command) | first half | second half | second/first"
          + " | command p50 | command p99 | A->B p50 | A->B p99 | frame size p50 | goal |");
      section.line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
      long p50one = 0;
      for (int size : new int[] {1, 100, o.lines()}) {
        String receipt = UUID.randomUUID().toString();
        a.send(BenchTerminal.command("openAdHoc", "receiptId", receipt));
        List<Long> each = new ArrayList<>();
        String first = null;
        for (int i = 0; i < size; i++) {
          String line = UUID.randomUUID().toString();
          if (first == null) first = line;
          long sent = System.nanoTime();
          a.send(LoadGenerator.addLine(receipt, line));
          each.add(System.nanoTime() - sent);
        }
        long firstHalf = each.subList(0, size / 2).stream().mapToLong(Long::longValue).sum();
        long secondHalf = each.subList(size / 2, size).stream().mapToLong(Long::longValue).sum();
        List<Long> requests = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Long> toB = LoadGenerator.oneAtATime(new Sender(a, first, t.get(1)), Math.min(o.samples(), 200), requests,
            sizes);
        requests = BenchTerminal.sorted(requests);
        sizes.sort(null);
        if (size == 1) p50one = pct(requests, 50);
        String goal = size == o.lines()
            ? "command <= 1.5x the 1-line one (" + ratio(pct(requests, 50), p50one) + "); build linear (~1x)" : "";
        section.line(f("| %d | %s | %s | %s | %s | %s | %s | %s | %s | %d chars | %s |", size,
            ms(firstHalf + secondHalf), size > 1 ? ms(firstHalf) : "", size > 1 ? ms(secondHalf) : "",
            size > 1 ? ratio(secondHalf, firstHalf) : "", ms(pct(requests, 50)), ms(pct(requests, 99)),
            ms(pct(toB, 50)), ms(pct(toB, 99)), sizes.get(sizes.size() / 2), goal));
        System.out.println(f("  %d lines: command p50 %s build %s", size, ms(pct(requests, 50)),
            ms(firstHalf + secondHalf)));
      }
    } finally {
      t.forEach(BenchTerminal::close);
      node.close();
      LoadGenerator.dropDatabase(url);
    }
    profile(section, node, "receipt size, " + kind);
  }

  static void twoNodes(Options o, Section section) throws Exception {
    String url = LoadGenerator.freshDatabase(Kind.POSTGRES);
    int[] perShop = new int[o.shops()];
    java.util.Arrays.fill(perShop, o.perShop() + 1);
    Fleet fleet = Fleet.seed(url, perShop);
    HttpClient http = LoadGenerator.http();
    AppProcess one = node("two-nodes-1", url, 0, o.jfr());
    AppProcess two = null;
    List<BenchTerminal> onOne = new ArrayList<>();
    List<BenchTerminal> onTwo = new ArrayList<>();
    try {
      two = node("two-nodes-2", url, 0, o.jfr());
      List<Sender> senders = new ArrayList<>();
      List<BenchTerminal> from = new ArrayList<>();
      List<BenchTerminal> last = new ArrayList<>();
      for (int s = 0; s < o.shops(); s++) {
        List<BenchTerminal> shop = fleet.terminals(s, http, one.port);
        from.add(shop.get(0));
        onOne.add(shop.get(0));
        onTwo.addAll(shop.subList(1, shop.size()));
        last.add(shop.get(shop.size() - 1));
      }
      Fleet.connect(onOne, one.port);
      Fleet.connect(onTwo, two.port);
      List<String> lines = LoadGenerator.lines(from);
      for (int s = 0; s < o.shops(); s++) senders.add(new Sender(from.get(s), lines.get(s), last.get(s)));
      String warmed = warmUp(List.of(one, two), senders.subList(0, Math.min(8, senders.size())), o);
      for (BenchTerminal t : from) t.forget();
      for (BenchTerminal t : last) t.forget();
      one.beginProfile();
      two.beginProfile();
      Open r = LoadGenerator.openLoop(senders, o.twoNodesRate(), o.seconds());
      section.line("\n### POSTGRES\n");
      section.line(warmed);
      section.line("| terminals on node 2 | offered/s | acked/offered | achieved/s | cross-node p50 | cross-node p99"
          + " | missing | same-node p50 | same-node p99 | p99 x same-node | goal |");
      section.line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
      section.line(f("| %d | %d | %d/%d | %.0f | %s | %s | %d | %s | %s | %s | cross-node p99 <= 50 ms |",
          onTwo.size(), o.twoNodesRate(), r.acked(), r.offered(), r.achieved(), ms(pct(r.toB(), 50)),
          ms(pct(r.toB(), 99)), r.missing(), ms(pct(r.toSelf(), 50)), ms(pct(r.toSelf(), 99)),
          ratio(pct(r.toB(), 99), pct(r.toSelf(), 99))));
      System.out.println(f("  cross p99 %s same p99 %s", ms(pct(r.toB(), 99)), ms(pct(r.toSelf(), 99))));
    } finally {
      onOne.forEach(BenchTerminal::close);
      onTwo.forEach(BenchTerminal::close);
      one.close();
      if (two != null) two.close();
      LoadGenerator.dropDatabase(url);
    }
    profile(section, one, "two nodes, node 1");
    profile(section, two, "two nodes, node 2");
  }
}
