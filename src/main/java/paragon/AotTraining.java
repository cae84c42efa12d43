package paragon;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import paragon.demo.Demo;
import paragon.storage.Database;

/**
 * The training run of Paragon's AOT cache (JDK 25, JEP 483/514), made by the package step:
 *
 * <pre>java --enable-native-access=ALL-UNNAMED -XX:AOTCacheOutput=target/paragon.aot \
 *     -cp target/paragon.jar paragon.AotTraining target/paragon.aot target/aot-training [on|off]</pre>
 *
 * <ol>
 *   <li>Removes the previous cache and its stamp: a cache must never outlive its jar, because this
 *       JDK (25.0.3) does not check that the jar is the one the cache was made from and would run the
 *       cached, stale classes.
 *   <li>Stops there, saying why, when the JDK has no AOT cache (before 25) or the build turned it off
 *       ({@code -Dparagon.aot=off}).
 *   <li>Makes a scratch SQLite database with the demo (the migrations), then starts Paragon on it the
 *       way {@code run.sh} does, on a database that exists (the start the cache is for), waits for
 *       {@code /health/ready}, asks for a few pages, and exits.
 *   <li>Writes the stamp: a copy of the JDK's {@code release} file. {@code run.sh} uses the cache only
 *       when the stamp matches its JDK and the cache is newer than the jar.
 * </ol>
 * On exit the JVM records the classes the run loaded and linked, and assembles the cache from them.
 */
public final class AotTraining {
  private AotTraining() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) throw new IllegalArgumentException("usage: AotTraining <cache> <scratch folder> [on|off]");
    Path cache = Path.of(args[0]);
    Path folder = Path.of(args[1]);
    Path stamp = stampOf(cache);
    Files.deleteIfExists(cache);
    Files.deleteIfExists(stamp);
    int feature = Runtime.version().feature();
    if (feature < 25) {
      System.out.println("AOT cache skipped: Java " + Runtime.version() + " has none (JDK 25 or newer makes one);"
          + " Paragon starts without it.");
      return;
    }
    if (args.length > 2 && args[2].equals("off")) {
      System.out.println("AOT cache skipped: turned off (-Dparagon.aot=off).");
      return;
    }
    PrintStream console = System.out;
    // A cache is an optimisation: a training start that fails (a port taken meanwhile, a busy machine) says
    // why and leaves no stamp, so run.sh starts without a cache; it does not fail the build.
    try {
      deleteTree(folder);
      Files.createDirectories(folder);
      // Paragon's log and its demo logins go to a file: they are the run's, not the build's.
      Path log = folder.resolve("training.log");
      System.setOut(new PrintStream(Files.newOutputStream(log), true, "UTF-8"));
      String url = "jdbc:sqlite:" + folder.resolve("paragon.db");
      try (Database db = Database.open(url)) {
        Demo.prepare(db, Clock.systemUTC());
      }
      int port = freePort();
      Paragon.main(new String[] {"--port=" + port, "--host=127.0.0.1", "--database-url=" + url, "--demo"});
      String base = "http://127.0.0.1:" + port;
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      awaitReady(http, base + "/health/ready", Duration.ofMinutes(2));
      for (String path : List.of("/health/live", "/backoffice/login", "/terminal", "/assets/backoffice.css")) {
        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() >= 500) {
          throw new IllegalStateException("AOT training: " + path + " answered " + answer.statusCode());
        }
      }
      Files.copy(Path.of(System.getProperty("java.home"), "release"), stamp);
      console.println("AOT cache: trained on " + folder + " (log " + log + "); the JVM writes " + cache + " as it exits.");
    } catch (Exception e) {
      console.println("AOT cache not made: the training start failed (" + e + "); see " + folder.resolve("training.log")
          + ". Paragon starts without it.");
      e.printStackTrace(console);
    }
    System.exit(0);
  }

  /** The stamp next to {@code cache}: the {@code release} file of the JDK that made it. */
  static Path stampOf(Path cache) {
    return cache.resolveSibling(cache.getFileName() + ".jdk");
  }

  private static void awaitReady(HttpClient http, String url, Duration bound) throws Exception {
    long deadline = System.nanoTime() + bound.toNanos();
    HttpRequest ready = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
    while (true) {
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) throw e;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("AOT training: " + url + " not ready within " + bound);
      }
      Thread.sleep(20);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) return;
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException("AOT training: cannot delete " + p, e);
        }
      });
    }
  }
}
