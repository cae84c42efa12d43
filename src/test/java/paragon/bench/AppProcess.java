package paragon.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * One app node of the load run: {@link BenchServer} in a JVM of its own (the same Java and class path
 * as this one, a 1 GiB heap), optionally recording a JFR profile of
 * the measured part (started with jcmd). Its output goes to a log file so a
 * failure can be read after the run.
 */
final class AppProcess implements AutoCloseable {
  final int port;
  final int echoPort;
  final Path jfr;
  private final Process process;
  private final Path log;
  private boolean profiling;

  private AppProcess(Process process, int port, int echoPort, Path jfr, Path log) {
    this.process = process;
    this.port = port;
    this.echoPort = echoPort;
    this.jfr = jfr;
    this.log = log;
  }

  /** Starts a node on {@code databaseUrl}; {@code heartbeatMillis} 0 = production's heartbeat. */
  static AppProcess start(String name, String databaseUrl, long heartbeatMillis, boolean profile) throws IOException {
    return start(name, databaseUrl, heartbeatMillis, profile, "G1");
  }

  /**
   * The same on collector {@code gc} ({@code G1}, production's default, or {@code ZGC}, what
   * docs/operations.md advises for a node with thousands of streams).
   */
  static AppProcess start(String name, String databaseUrl, long heartbeatMillis, boolean profile, String gc)
      throws IOException {
    if (!gc.matches("G1|ZGC")) throw new IllegalArgumentException("collector " + gc + ": G1 or ZGC");
    Path dir = Path.of("target", "bench");
    java.nio.file.Files.createDirectories(dir);
    Path log = dir.resolve(name + ".log");
    Path jfr = profile ? dir.resolve(name + ".jfr").toAbsolutePath() : null;
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-Dlogback.configurationFile=bench/logback-bench.xml"));
    // Extra options for the app's JVM, e.g. async-profiler over the app's whole life (JIT and GC threads too):
    // BENCH_APP_JVM_OPTS="-agentpath:/path/libasyncProfiler.so=start,event=itimer,file=/tmp/app.collapsed",
    // or another collector than the default G1 (BENCH_APP_JVM_OPTS=-XX:+UseZGC).
    String extra = System.getenv("BENCH_APP_JVM_OPTS");
    List<String> extras = extra == null || extra.isBlank() ? List.of() : List.of(extra.trim().split("\\s+"));
    if (extras.stream().noneMatch(o -> o.matches("-XX:\\+Use\\w+GC"))) {
      command.add(gc.equals("ZGC") ? "-XX:+UseZGC" : "-XX:+UseG1GC");
    }
    command.addAll(extras);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchServer.class.getName(),
        "--database-url=" + databaseUrl, "--heartbeat-ms=" + heartbeatMillis));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // A simulated terminal sends hundreds of commands a second, far past a cashier's 200/s device cap.
    builder.environment().put("PARAGON_RATE_PER_DEVICE", "0");
    // The idle scenario holds 10,000 idle streams and its shop's 11 on one node: past the default cap.
    builder.environment().put("PARAGON_MAX_STREAMS", "20000");
    Process p = builder.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("READY ")) {
        String[] parts = line.split(" ");
        Thread.ofPlatform().daemon().start(() -> copy(out, log));
        return new AppProcess(p, Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), jfr, log);
      }
      seen.append(line).append('\n');
    }
    throw new IllegalStateException("the app node " + name + " exited before it was ready:\n" + seen);
  }

  private static void copy(BufferedReader from, Path to) {
    try (var w = java.nio.file.Files.newBufferedWriter(to)) {
      String line;
      while ((line = from.readLine()) != null) {
        w.write(line);
        w.newLine();
        w.flush();
      }
    } catch (IOException e) {
      System.err.println("the app node's output stopped: " + e);
    }
  }

  /** kill -9: no shutdown hook, no flush, the database as the crash leaves it. */
  void kill() throws InterruptedException {
    process.destroyForcibly(); // SIGKILL on Linux
    process.waitFor();
  }

  long pid() {
    return process.pid();
  }

  /**
   * Starts the JFR recording (profile settings) when this node was started with one: after the set-up
   * and the warm-up, so the profile shows the measured work, not the start or the seeding.
   */
  void beginProfile() throws IOException, InterruptedException {
    if (jfr == null || profiling) return;
    jcmd("JFR.start", "name=bench", "settings=profile");
    profiling = true;
  }

  /**
   * Seconds the app's JIT compilers have spent so far ({@code java.ci.totalTime} over
   * {@code sun.os.hrt.frequency}, read with {@code jcmd PerfCounter.print}).
   */
  double jitSeconds() throws IOException, InterruptedException {
    long ticks = -1;
    long frequency = -1;
    for (String line : jcmd("PerfCounter.print").split("\n")) {
      if (line.startsWith("java.ci.totalTime=")) ticks = Long.parseLong(line.substring(line.indexOf('=') + 1).trim());
      if (line.startsWith("sun.os.hrt.frequency=")) frequency = Long.parseLong(line.substring(line.indexOf('=') + 1).trim());
    }
    if (ticks < 0 || frequency <= 0) throw new IllegalStateException("jcmd PerfCounter.print of " + pid() + " names no JIT time");
    return ticks / (double) frequency;
  }

  private String jcmd(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        String.valueOf(process.pid())));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) throw new IllegalStateException("jcmd " + String.join(" ", args) + " failed:\n" + out);
    return out;
  }

  /** Writes the JFR recording, if any, then SIGTERM, so the JVM runs its shutdown hooks (the app stops). */
  @Override
  public void close() {
    if (profiling) {
      try {
        jcmd("JFR.stop", "name=bench", "filename=" + jfr);
      } catch (IOException | InterruptedException | RuntimeException e) {
        System.err.println("the JFR recording of " + pid() + " was not written: " + e);
      }
      profiling = false;
    }
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        System.err.println("the app node " + pid() + " did not stop in 60 s; killing it (see " + log + ")");
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** After {@link #close}: the {@code n} methods most often on top of the stack in the execution samples. */
  List<String> hotMethods(int n) throws IOException {
    if (!java.nio.file.Files.exists(jfr)) return List.of("no recording");
    Map<String, Integer> counts = new HashMap<>();
    int total = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) continue;
      List<RecordedFrame> frames = e.getStackTrace().getFrames();
      if (frames.isEmpty()) continue;
      RecordedFrame top = frames.get(0);
      counts.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
      total++;
    }
    int all = total;
    List<String> out = new ArrayList<>();
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).limit(n)
        .forEach(en -> out.add(String.format(java.util.Locale.ROOT, "%s (%d samples, %.1f%%)", en.getKey(),
            en.getValue(), 100.0 * en.getValue() / all)));
    out.add(0, all + " execution samples");
    return out;
  }
}
