package paragon.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import paragon.configuration.DeviceModel;
import paragon.demo.Seed;
import paragon.floor.FloorRules;
import paragon.floor.FloorStore;
import paragon.testing.TestDatabases;

/** docs/protocol.md, "Device API", cannot drift: every example has the fields of the real answer. */
class DeviceProtocolDocTest {
  private static final Pattern EXAMPLE =
      Pattern.compile("<!-- example: ([a-z-]+) -->\\s*```json\\n(.*?)```", Pattern.DOTALL);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void every_example_has_the_shape_of_the_real_answer() throws IOException {
    Map<String, JsonNode> examples = examples();
    assertThat(examples.keySet()).contains("pair-request", "pair", "config", "config-floor", "ack-request", "ack",
        "login", "locked", "error");
    try (World w = new World(TestDatabases.Kind.SQLITE)) {
      DeviceStore.Code code = w.store.register(w.account, w.shopA, "Kasa 1", DeviceModel.SMART_PLUS);
      JsonNode pair = w.http.postJson("/api/device/pair", Map.of("code", code.code()), Map.of()).json();
      sameShape("pair", examples.get("pair"), pair);
      String token = pair.get("token").asText();
      w.change(h -> Seed.slots(h, w.account, null, java.util.List.of("Stolik 9")));
      sameShape("config", examples.get("config"), w.http.get("/api/device/config", World.bearer(token)).json());
      // The floor plan as the configuration carries it, once the owner placed a table.
      String slot = w.app.db.read(h -> h.createQuery(
          "SELECT id FROM receipt_slots WHERE account_id = :a AND shop_id IS NULL ORDER BY position LIMIT 1")
          .bind("a", w.account).mapTo(String.class).one());
      new FloorStore(w.app.db, w.app.clock).save(w.account, w.shopA, "test", new FloorRules.Valid(90,
          java.util.List.of(new FloorRules.ValidRoom(null, "Sala")),
          java.util.List.of(new FloorRules.ValidTable(slot, 0, 2, 3, "round", 4))));
      sameShape("config-floor", examples.get("config-floor"),
          w.http.get("/api/device/config", World.bearer(token)).json().path("config").path("floor"));
      sameShape("ack", examples.get("ack"), w.http.postJson("/api/device/ack",
          Map.of("revision", 2), World.bearer(token)).json());
      JsonNode login = w.http.postJson("/api/device/login",
          Map.of("identifier", "anna", "pin", "1234"), World.bearer(token)).json();
      sameShape("login", examples.get("login"), login);
      JsonNode refused = w.http.get("/api/device/session", World.session(token, "nope")).json();
      sameShape("error", examples.get("error"), refused);
      for (int i = 0; i <= paragon.accounts.PinBackoff.FREE; i++) {
        refused = w.http.postJson("/api/device/login",
            Map.of("identifier", "anna", "pin", "0000"), World.bearer(token)).json();
      }
      sameShape("locked", examples.get("locked"), refused);
      assertThat(refused.get("error").asText()).isEqualTo(examples.get("locked").get("error").asText());
    }
  }

  /** Same field names at every object level (arrays: their first element). */
  private static void sameShape(String name, JsonNode example, JsonNode actual) {
    assertThat(fields(example, "")).as("fields of the '%s' example vs the real answer", name).isEqualTo(fields(actual, ""));
  }

  private static Set<String> fields(JsonNode node, String prefix) {
    Set<String> out = new TreeSet<>();
    if (node.isObject()) {
      node.properties().forEach(e -> {
        out.add(prefix + e.getKey());
        out.addAll(fields(e.getValue(), prefix + e.getKey() + "."));
      });
    } else if (node.isArray() && !node.isEmpty()) {
      out.addAll(fields(node.get(0), prefix + "[]."));
    }
    return out;
  }

  private static Map<String, JsonNode> examples() throws IOException {
    String doc = Files.readString(Path.of("docs/protocol.md"));
    int start = doc.indexOf("## Device API");
    int end = doc.indexOf("\n## ", start + 5);
    Matcher m = EXAMPLE.matcher(doc.substring(start, end));
    Map<String, JsonNode> examples = new HashMap<>();
    while (m.find()) examples.put(m.group(1), JSON.readTree(m.group(2)));
    return examples;
  }
}
