package paragon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The close and refusal codes are one table, protocol/codes.json, which the terminal's node test
 * (codes.test.mjs) reads too: the server's constants, the refusals its code can give and the tables of
 * docs/protocol.md must all be that table.
 */
class CodesTableTest {
  private static final Pattern REFUSAL = Pattern.compile(
      "Refusals\\.of\\(\\s*\"([a-z_]+)\"|new Refused\\(\\s*\"([a-z_]+)\"|\"refused\", null, \"([a-z_]+)\""
          + "|REUSED = \"([a-z_]+)\"");
  private static final Pattern DOC_ROW = Pattern.compile("^\\| `([a-z_0-9]+)` \\|", Pattern.MULTILINE);

  private static JsonNode table() throws IOException {
    try (InputStream in = CodesTableTest.class.getResourceAsStream("/protocol/codes.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  @Test
  void close_codes_are_the_table() throws Exception {
    Map<String, Integer> constants = new LinkedHashMap<>();
    for (Field f : CloseCodes.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
        f.setAccessible(true);
        constants.put(f.getName(), f.getInt(null));
      }
    }
    Map<String, Integer> table = new LinkedHashMap<>();
    table().path("close").properties().forEach(e -> table.put(e.getKey(), e.getValue().asInt()));
    assertThat(constants).isEqualTo(table);
  }

  @Test
  void docs_list_the_close_codes_of_the_table() throws Exception {
    Set<String> documented = rows(section("### Close codes", "### "));
    Set<String> codes = new TreeSet<>();
    table().path("close").forEach(n -> codes.add(n.asText()));
    assertThat(documented).isEqualTo(codes);
  }

  @Test
  void every_refusal_the_server_gives_is_in_the_table_and_the_docs() throws Exception {
    Set<String> table = new TreeSet<>();
    table().path("refusals").forEach(n -> table.add(n.asText()));
    Set<String> given = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/paragon/receipts"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = REFUSAL.matcher(Files.readString(p));
        while (m.find()) {
          for (int g = 1; g <= m.groupCount(); g++) if (m.group(g) != null) given.add(m.group(g));
        }
      }
    }
    assertThat(table).containsAll(given).contains("gap", "number_reused", "invalid", "limit", "permission");
    assertThat(rows(section("### Refusal codes", "### "))).isEqualTo(table);
  }

  private static String section(String start, String end) throws IOException {
    String doc = Files.readString(Path.of("docs/protocol.md"));
    int from = doc.indexOf(start);
    assertThat(from).as(start + " in docs/protocol.md").isNotNegative();
    int to = doc.indexOf(end, from + start.length());
    return doc.substring(from, to < 0 ? doc.length() : to);
  }

  private static Set<String> rows(String section) {
    Set<String> out = new TreeSet<>();
    Matcher m = DOC_ROW.matcher(section);
    while (m.find()) out.add(m.group(1));
    return out;
  }
}
