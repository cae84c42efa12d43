package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import paragon.testing.JsonText;
import paragon.testing.TestDatabases;

/** docs/protocol.md "Paying offline": each example case is played and its ack's result compared. */
class OfflinePaymentDocTest {

  @Test
  void every_example_of_paying_offline_is_what_the_server_answers() throws IOException {
    String doc = Files.readString(Path.of("docs/protocol.md"));
    int start = doc.indexOf("```json", doc.indexOf("### Paying offline"));
    String block = doc.substring(start + "```json".length(), doc.indexOf("```", start + 7));
    int cases = 0;
    for (String line : block.strip().split("\n")) {
      JsonNode example = JsonText.tree(line);
      JsonNode real = play(example.path("case").asText(), example.path("amount").asLong());
      JsonNode expected = example.path("result");
      assertThat(fields(real)).as(line).isEqualTo(fields(expected));
      for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        if (expected.get(field).asText().equals("…")) assertThat(real.get(field).isTextual()).as(field).isTrue();
        else assertThat(real.get(field)).as(line + " " + field).isEqualTo(expected.get(field));
      }
      cases++;
    }
    assertThat(cases).isEqualTo(5);
  }

  private static List<String> fields(JsonNode n) {
    List<String> out = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** Stolik 1 with Piwo x2 (25,00 zł) seen at its seq; then the case's change; then the offline payment. */
  private static JsonNode play(String name, long amount) {
    try (Floor f = new Floor(TestDatabases.Kind.SQLITE)) {
      Terminal anna = f.terminal("anna");
      Terminal ola = f.terminal("ola");
      String table = anna.send("openTable", "slotId", f.slot("Stolik 1")).path("result").path("receiptId").asText();
      String beer = anna.add(table, f.beer, 2000);
      long seen = f.receipt(table).seq();
      switch (name) {
        case "unchanged", "amount_short" -> { }
        case "colleague_added_espresso" -> ola.add(table, f.espresso, 1000);
        case "colleague_removed_the_line_and_added_espresso" -> {
          ola.add(table, f.espresso, 1000);
          ola.send("removeLine", "lineId", beer);
        }
        case "paid_online_meanwhile" -> ola.send("pay", "receiptId", table, "seq", seen,
            "payments", List.of(Map.of("method", "CASH", "amount", 2500)));
        default -> throw new IllegalArgumentException("no such case in the doc's examples: " + name);
      }
      JsonNode ack = OfflinePaymentTest.payOffline(anna, table, seen, amount);
      assertThat(ack.path("status").asText()).as("%s", ack).isEqualTo("accepted");
      if (name.equals("colleague_removed_the_line_and_added_espresso")) {
        // Nothing seen is left to sell: the table stays open with the espresso, marked for attention.
        assertThat(f.receipt(table).state()).isEqualTo(State.OPEN);
        assertThat(f.receipt(table).attention()).isTrue();
      }
      return ack.path("result");
    }
  }
}
