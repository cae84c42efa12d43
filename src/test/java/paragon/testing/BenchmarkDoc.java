package paragon.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark mains' own sections of docs/benchmarks.md, between their start and end markers: each
 * run rewrites its own section and leaves the others (and the file's introduction) as they are.
 */
public final class BenchmarkDoc {
  private BenchmarkDoc() {}

  public static final Path FILE = Path.of("docs", "benchmarks.md");

  public static String start(String name) {
    return "<!-- " + name + ":start -->";
  }

  public static String end(String name) {
    return "<!-- " + name + ":end -->";
  }

  /** Replaces section {@code name} of docs/benchmarks.md (markers included in {@code section}), or appends it. */
  public static void write(String name, String section) throws IOException {
    write(FILE, name, section);
  }

  /** The same in {@code file} (a copy elsewhere, for a run on a busy machine). */
  public static void write(Path file, String name, String section) throws IOException {
    String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n";
    int from = text.indexOf(start(name));
    int to = text.indexOf(end(name));
    if (from >= 0 && to > from) {
      text = text.substring(0, from) + section + text.substring(to + end(name).length());
    } else {
      text = text.stripTrailing() + "\n\n" + section + "\n";
    }
    Files.writeString(file, text);
  }

  /** The machine is shared: how busy it was (1-minute load average) when a run began. */
  public static String load() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
  }

  public static double median(List<Double> values) {
    return percentile(values, 50);
  }

  /** Nearest-rank percentile {@code p} (0-100) of {@code values}. */
  public static double percentile(List<Double> values, double p) {
    List<Double> sorted = values.stream().sorted().toList();
    if (sorted.isEmpty()) throw new IllegalArgumentException("no values");
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
