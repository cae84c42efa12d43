package paragon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import paragon.metrics.Scrape;
import paragon.testing.StreamClient;
import paragon.testing.TestDatabases;

/**
 * Convention: docs/operations.md's "Metrics" table names exactly the {@code paragon_*} series a node
 * exports once it served some traffic, and the Grafana dashboard and the alert rules use only series
 * that exist (Prometheus's own {@code up} aside). A series added in code fails here until documented.
 */
class MetricsDocTest {
  private static final Pattern DOC_ROW = Pattern.compile("^\\| `(paragon_[a-z0-9_]+)` \\|", Pattern.MULTILINE);
  private static final Pattern USED =
      Pattern.compile("\\b((?:paragon|jvm|hikaricp|process|system)_[a-z0-9_]+)\\b");

  @Test
  void the_documented_series_and_the_scrape_are_the_same_and_dashboards_use_only_real_ones() throws IOException {
    Set<String> scraped;
    try (Floor f = MetricsScrapeTest.floor(TestDatabases.Kind.SQLITE)) {
      Terminal anna = f.terminal("anna");
      try (StreamClient s = f.connect(anna)) {
        s.awaitFrame(fr -> fr.path("type").asText().equals("welcome"), Duration.ofSeconds(10));
        anna.openAdHoc();
        scraped = MetricsScrapeTest.scrape(f).series();
      }
    }
    Set<String> documented = new TreeSet<>();
    Matcher row = DOC_ROW.matcher(section(Files.readString(Path.of("docs/operations.md")), "## Metrics"));
    while (row.find()) documented.add(row.group(1));
    Set<String> paragon = new TreeSet<>();
    for (String s : scraped) {
      if (s.startsWith("paragon_") && !s.matches(".*_(bucket|count|sum|max)$")) paragon.add(s);
    }
    assertThat(documented).as("docs/operations.md, Metrics, against the scrape").isEqualTo(paragon);

    for (String file : new String[] {"docs/grafana-dashboard.json", "docs/prometheus-alerts.yml"}) {
      Set<String> used = new TreeSet<>();
      Matcher m = USED.matcher(Files.readString(Path.of(file)));
      while (m.find()) used.add(m.group(1));
      assertThat(used).as(file).isNotEmpty();
      assertThat(scraped).as("series used in " + file).containsAll(used);
    }
  }

  private static String section(String doc, String heading) {
    int start = doc.indexOf("\n" + heading + "\n");
    assertThat(start).as(heading + " in docs/operations.md").isNotNegative();
    int end = doc.indexOf("\n## ", start + 1);
    return end < 0 ? doc.substring(start) : doc.substring(start, end);
  }
}
