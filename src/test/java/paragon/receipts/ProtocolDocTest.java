package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import paragon.web.I18n;
import paragon.testing.JsonText;
import paragon.web.Json;

/** docs/protocol.md cannot drift: its command examples parse, and it documents every command and code. */
class ProtocolDocTest {
  private static String doc() throws IOException {
    return Files.readString(Path.of("docs/protocol.md"));
  }

  @Test
  void every_command_example_parses_and_every_command_type_has_one() throws IOException {
    String doc = doc();
    int start = doc.indexOf("```json", doc.indexOf("### Examples (one per command)"));
    String block = doc.substring(start + "```json".length(), doc.indexOf("```", start + 7));
    Set<String> types = new HashSet<>();
    for (String line : block.strip().split("\n")) {
      JsonNode node = JsonText.tree(line);
      CommandParser.Parsed parsed = CommandParser.parse(node);
      assertThat(parsed.invalid()).as(line).isNull();
      types.add(parsed.type());
    }
    Set<String> all = Arrays.stream(Command.class.getAnnotation(JsonSubTypes.class).value())
        .map(JsonSubTypes.Type::name).collect(Collectors.toSet());
    assertThat(types).isEqualTo(all);
    for (String type : all) assertThat(doc).contains("| `" + type + "` |");
  }

  @Test
  void the_numbering_answers_in_the_acks_example_are_the_real_ones() throws IOException {
    String doc = doc();
    int start = doc.indexOf("```json", doc.indexOf("### Acks"));
    JsonNode acks = JsonText.tree(doc.substring(start + "```json".length(), doc.indexOf("```", start + 7)));
    Set<String> shown = new HashSet<>();
    I18n en = I18n.of("en");
    for (JsonNode ack : acks) {
      long n = ack.path("n").asLong();
      long expected = ack.path("details").path("expected").asLong();
      Ack real = switch (ack.path("code").asText()) {
        case "gap" -> Ack.gap(n, expected, en);
        case Ack.REUSED -> Ack.reused(n, expected, en);
        default -> null;
      };
      if (real == null) continue;
      assertThat(ack).isEqualTo(JsonText.tree(Json.write(real)));
      shown.add(real.code());
    }
    assertThat(shown).containsExactlyInAnyOrder("gap", Ack.REUSED);
  }

  @Test
  void every_refusal_code_is_in_the_codes_table() throws IOException {
    String doc = doc();
    Set<String> codes = I18n.of("en").keys().stream().filter(k -> k.startsWith("refusal."))
        .map(k -> k.split("\\.")[1]).collect(Collectors.toSet());
    assertThat(codes).contains("gap", "leased", "stale", "limit", "invalid");
    for (String code : codes) assertThat(doc).as(code).contains("| `" + code + "` |");
    for (Limits.Name limit : Limits.Name.values()) assertThat(doc).contains("| `" + limit.key() + "` |");
  }

  /** A code the Commands section names ("refused `x`", "(`x`)") is one of the refusal codes. */
  @Test
  void every_code_the_commands_section_names_is_a_refusal_code() throws IOException {
    String doc = doc();
    int start = doc.indexOf("\n## Commands");
    String commands = doc.substring(start, doc.indexOf("\n## ", start + 5));
    Set<String> codes = I18n.of("en").keys().stream().filter(k -> k.startsWith("refusal."))
        .map(k -> k.split("\\.")[1]).collect(Collectors.toSet());
    codes.add("gap");
    codes.add(Ack.REUSED);
    String code = "`([a-z]+(?:_[a-z]+)*)`";
    Matcher m = Pattern.compile("[Rr]efused (?:with )?(?:code )?" + code + "|\\(" + code + "\\)").matcher(commands);
    Set<String> named = new HashSet<>();
    while (m.find()) named.add(m.group(1) != null ? m.group(1) : m.group(2));
    assertThat(named).contains("leased", "stale", "paying", "table_fixed");
    assertThat(codes).containsAll(named);
  }

  /** The ReceiptView example under "Receipts" has exactly the fields, and values, the code writes for it. */
  @Test
  void the_receipt_view_example_is_what_the_code_writes() throws IOException {
    String doc = doc();
    int start = doc.indexOf("\n## Receipts");
    int open = doc.indexOf("```json\n", start) + "```json\n".length();
    JsonNode example = Json.MAPPER.readTree(doc.substring(open, doc.indexOf("```", open)));
    ReceiptView view = Json.MAPPER.treeToValue(example, ReceiptView.class);
    assertThat(Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(view))).isEqualTo(example);
  }

  /** The OpenAPI schema's command types are the parser's, so an integrator's client cannot miss one. */
  @Test
  void the_openapi_command_types_are_the_commands() throws IOException {
    JsonNode api = JsonText.tree(Files.readString(Path.of("src/main/resources/api/openapi.json")));
    Set<String> listed = new HashSet<>();
    api.path("components").path("schemas").path("Command").path("properties").path("type").path("enum")
        .forEach(t -> listed.add(t.asText()));
    Set<String> all = Arrays.stream(Command.class.getAnnotation(JsonSubTypes.class).value())
        .map(JsonSubTypes.Type::name).collect(Collectors.toSet());
    assertThat(listed).isEqualTo(all);
  }
}
