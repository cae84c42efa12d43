package paragon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A 404 names its thing in a sentence of each language, the Polish noun declined. */
class ProblemTest {

  @Test
  void every_thing_a_404_names_has_its_sentence_in_polish_and_english() {
    for (String lang : I18n.LANGUAGES) {
      for (String thing : Problem.THINGS) {
        assertThat(I18n.of(lang).t(Problem.key(thing), "7")).as(lang + ": " + thing).contains("7");
      }
      for (String thing : Problem.NAMED_ALONE) {
        assertThat(I18n.of(lang).t(Problem.key(thing) + ".no_id")).as(lang + ": " + thing).isNotBlank();
      }
    }
    assertThat(I18n.of("pl").t(Problem.notFound("shop", 7).messageKey(), "7")).isEqualTo("Nie znaleziono sklepu 7.");
    assertThat(I18n.of("en").t(Problem.notFound("kitchen ticket", 7).messageKey(), "7"))
        .isEqualTo("Kitchen ticket 7 not found.");
  }

  @Test
  void a_thing_without_a_sentence_falls_back_to_the_general_one_not_to_a_missing_key() {
    Problem p = Problem.notFound("spaceship", 9);
    assertThat(p.status()).isEqualTo(404);
    assertThat(p.code()).isEqualTo("not_found");
    assertThat(I18n.of("en").t(p.messageKey(), p.args())).isEqualTo("Not found: spaceship 9");
    assertThat(I18n.of("pl").t(Problem.notFound("spaceship").messageKey(), Problem.notFound("spaceship").args()))
        .isEqualTo("Nie znaleziono: spaceship");
  }

  /** A thing named in the code but missing from THINGS would read "Not found: webhok 7" with an English noun. */
  @Test
  void every_thing_the_code_names_in_a_404_is_one_with_a_sentence() throws IOException {
    Pattern named = Pattern.compile("Problem\\.notFound\\(\"([^\"]+)\"(,?)");
    Set<String> unknown = new TreeSet<>();
    int seen = 0;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = named.matcher(Files.readString(f));
        while (m.find()) {
          seen++;
          boolean withId = !m.group(2).isEmpty();
          if (!(withId ? Problem.THINGS : Problem.NAMED_ALONE).contains(m.group(1))) unknown.add(f + ": " + m.group(1));
        }
      }
    }
    assertThat(seen).isGreaterThan(40);
    assertThat(unknown).isEmpty();
  }
}
