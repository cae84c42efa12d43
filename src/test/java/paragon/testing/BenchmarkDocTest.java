package paragon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkDocTest {
  @TempDir Path dir;

  static String section(String name, String text) {
    return BenchmarkDoc.start(name) + "\n" + text + "\n" + BenchmarkDoc.end(name);
  }

  @Test
  void a_run_rewrites_its_own_section_and_leaves_the_introduction_and_the_other_sections() throws Exception {
    Path file = dir.resolve("benchmarks.md");
    Files.writeString(file, "# Benchmarks\n\nIntro.\n\n" + section("server-load", "old load") + "\n\n"
        + section("terminal-open", "open numbers") + "\n");
    BenchmarkDoc.write(file, "server-load", section("server-load", "new load"));
    assertThat(Files.readString(file)).isEqualTo("# Benchmarks\n\nIntro.\n\n" + section("server-load", "new load") + "\n\n"
        + section("terminal-open", "open numbers") + "\n");
  }

  @Test
  void a_section_not_there_yet_is_appended_and_a_missing_file_is_started() throws Exception {
    Path file = dir.resolve("new.md");
    BenchmarkDoc.write(file, "terminal-live", section("terminal-live", "live"));
    BenchmarkDoc.write(file, "server-load", section("server-load", "load"));
    assertThat(Files.readString(file)).isEqualTo("# Benchmarks\n\n" + section("terminal-live", "live") + "\n\n"
        + section("server-load", "load") + "\n");
  }

  @Test
  void percentiles_are_nearest_rank() {
    List<Double> values = List.of(5.0, 1.0, 4.0, 2.0, 3.0);
    assertThat(BenchmarkDoc.median(values)).isEqualTo(3.0);
    assertThat(BenchmarkDoc.percentile(values, 99)).isEqualTo(5.0);
    assertThat(BenchmarkDoc.percentile(values, 1)).isEqualTo(1.0);
  }
}
