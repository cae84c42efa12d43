package paragon.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed Prometheus text scrape: sample lines, summed by name and the labels asked for. */
public final class Scrape {
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");

  private record Sample(String name, String labels, double value) {}

  private final List<Sample> samples = new ArrayList<>();

  public Scrape(String text) {
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) continue;
      Matcher m = SAMPLE.matcher(line);
      if (!m.matches()) throw new AssertionError("not a sample line: " + line);
      samples.add(new Sample(m.group(1), m.group(3) == null ? "" : m.group(3), Double.parseDouble(m.group(4))));
    }
  }

  /** The sum of every sample named {@code name} carrying each {@code labels} pair (name, value, ...). */
  public double value(String name, String... labels) {
    double sum = 0;
    for (Sample s : samples) {
      if (!s.name.equals(name)) continue;
      boolean all = true;
      for (int i = 0; i < labels.length; i += 2) {
        if (!("," + s.labels + ",").contains("," + labels[i] + "=\"" + labels[i + 1] + "\",")) all = false;
      }
      if (all) sum += s.value;
    }
    return sum;
  }

  /** Every sample's name. */
  public Set<String> names() {
    Set<String> out = new TreeSet<>();
    for (Sample s : samples) out.add(s.name);
    return out;
  }

  /**
   * The series as documented: a histogram's {@code _bucket}, {@code _count}, {@code _sum} and {@code _max}
   * samples are its one name.
   */
  public Set<String> series() {
    Set<String> out = new TreeSet<>();
    for (String n : names()) out.add(n.replaceAll("_(bucket|count|sum|max)$", ""));
    out.addAll(names());
    return out;
  }
}
