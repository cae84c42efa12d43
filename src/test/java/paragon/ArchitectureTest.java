package paragon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Convention: the packages form one stack (docs/architecture.md). A package may use the packages in
 * the rows below its own, never one above it nor a sibling in its own row. Read from the main
 * sources: every {@code import paragon.x.} and every fully qualified {@code paragon.x.} use outside
 * comments. A package not written here fails too, so a new one is placed on purpose.
 */
class ArchitectureTest {

  /** Bottom to top, written once. "" is the root package: {@code Paragon}, the composition root. */
  static final List<List<String>> LAYERS = List.of(
      List.of("settings"),
      List.of("storage"),
      List.of("metrics"),
      List.of("web"),
      List.of("configuration"),
      List.of("accounts"),
      List.of("devices"),
      List.of("receipts"),
      List.of("sync"),
      List.of("parking", "sales", "catalog", "floor", "kitchen"),
      List.of("webhooks"),
      List.of("integrations"),
      List.of("onboarding", "demo"),
      List.of(""));

  private static final Path MAIN = Path.of("src/main/java/paragon");
  private static final Pattern USE = Pattern.compile("\\bparagon\\.(?:([a-z]\\w*)\\.)?[A-Z]");
  private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");

  @Test
  void no_package_imports_one_above_it_or_beside_it() {
    assertThat(violations(MAIN)).isEmpty();
  }

  @Test
  void every_package_has_a_place_in_the_stack() {
    Set<String> unplaced = new TreeSet<>();
    for (Path file : sources(MAIN)) {
      if (layer(packageOf(MAIN, file)) < 0) unplaced.add(packageOf(MAIN, file));
    }
    assertThat(unplaced).as("packages missing from ArchitectureTest.LAYERS").isEmpty();
  }

  @Test
  void the_check_catches_a_use_of_a_package_above_and_ignores_comments(@TempDir Path dir) throws IOException {
    Path web = Files.createDirectories(dir.resolve("web"));
    Files.writeString(web.resolve("Bad.java"), """
        package paragon.web;
        // paragon.receipts.Feed in a comment does not count
        import paragon.storage.Database;
        class Bad { paragon.receipts.Feed feed; }
        """);
    assertThat(violations(dir)).containsExactly("web/Bad.java uses paragon.receipts (above or beside web)");
  }

  static List<String> violations(Path root) {
    List<String> found = new ArrayList<>();
    for (Path file : sources(root)) {
      String from = packageOf(root, file);
      Set<String> used = new TreeSet<>();
      Matcher m = USE.matcher(COMMENT.matcher(read(file)).replaceAll(""));
      while (m.find()) used.add(m.group(1) == null ? "" : m.group(1));
      for (String to : used) {
        if (to.equals(from)) continue;
        if (layer(to) < 0 || layer(from) < 0 || layer(to) >= layer(from)) {
          String target = to.isEmpty() ? "paragon" : "paragon." + to;
          String name = root.relativize(file).toString().replace('\\', '/');
          found.add(name + " uses " + target + " (above or beside " + (from.isEmpty() ? "paragon" : from) + ")");
        }
      }
    }
    return found;
  }

  /** The top-level package under paragon ("web" for paragon.web.terminal), "" for the root. */
  private static String packageOf(Path root, Path file) {
    Path rel = root.relativize(file);
    return rel.getNameCount() == 1 ? "" : rel.getName(0).toString();
  }

  private static int layer(String pkg) {
    for (int i = 0; i < LAYERS.size(); i++) if (LAYERS.get(i).contains(pkg)) return i;
    return -1;
  }

  private static List<Path> sources(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
