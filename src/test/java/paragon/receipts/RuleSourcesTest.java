package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * How the receipt rules are written (issue 9), read off their sources so it cannot drift back: the rules
 * take default names from {@link Names}, not from the web layer's translations; a shared check throws
 * its refusal instead of returning it up a chain; one place calls the receipt's long constructor; the
 * domain's enums are not the wire type's.
 */
class RuleSourcesTest {
  private static final Path DIR = Path.of("src/main/java/paragon/receipts");

  /** The rules and what they call: pure functions of the command, the state and the context. */
  private static final List<String> RULES = List.of("Rules", "ReceiptRules", "LineRules", "MoveRules",
      "PaymentRules", "JoinRules", "Recovery", "Numbering", "Guards", "Refusals", "RuleState", "Context",
      "DiscountRules", "ModifierRules", "Discount", "Money");

  @Test
  void the_rules_import_nothing_of_the_web_layer() throws IOException {
    for (String rule : RULES) {
      assertThat(source(rule)).as(rule).doesNotContain("import paragon.web");
    }
  }

  @Test
  void no_rule_hands_a_refusal_up_a_chain_of_null_checks() throws IOException {
    for (Path file : files()) {
      assertThat(Files.readString(file)).as(file.toString()).doesNotContain("if (no != null) return no");
    }
  }

  @Test
  void a_receipt_is_constructed_in_one_place_its_builder() throws IOException {
    List<String> sites = new ArrayList<>();
    for (Path file : files()) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains("new Receipt(")) sites.add(file.getFileName() + ":" + (i + 1));
      }
    }
    assertThat(sites).hasSize(1).allMatch(site -> site.startsWith("Receipt.java:"));
  }

  @Test
  void kind_and_state_are_the_domains_and_the_view_only_uses_them() throws IOException {
    assertThat(source("ReceiptView")).doesNotContain("enum ");
    assertThat(source("Kind")).contains("public enum Kind");
    assertThat(source("State")).contains("public enum State");
  }

  private static String source(String className) throws IOException {
    return Files.readString(DIR.resolve(className + ".java"));
  }

  private static List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }
}
