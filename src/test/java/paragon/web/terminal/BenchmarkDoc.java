package paragon.web.terminal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The benchmark mains' own sections of docs/benchmarks.md, between their start and end markers. */
final class BenchmarkDoc {
  private BenchmarkDoc() {}

  static String start(String name) {
    return "<!-- " + name + ":start -->";
  }

  static String end(String name) {
    return "<!-- " + name + ":end -->";
  }

  /** Replaces section {@code name} (markers included in {@code section}), or appends it. */
  static void write(String name, String section) throws IOException {
    Path file = Path.of("docs", "benchmarks.md");
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
  static String load() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
  }

  static double median(List<Double> values) {
    return percentile(values, 50);
  }

  /** Nearest-rank percentile {@code p} (0-100) of {@code values}. */
  static double percentile(List<Double> values, double p) {
    List<Double> sorted = values.stream().sorted().toList();
    if (sorted.isEmpty()) throw new IllegalArgumentException("no values");
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
