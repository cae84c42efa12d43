package paragon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import paragon.devices.TerminalAuth;
import paragon.testing.WebClient;

/**
 * A simulated terminal's HTTP side: its device, the cashier logged in on it and its command numbers.
 * Its stream is a {@link paragon.testing.StreamClient} the test opens with {@link Floor#connect}.
 */
final class Terminal {
  final Floor floor;
  final long deviceId;
  final String deviceToken;
  String sessionToken;
  long userId;
  private long n;

  Terminal(Floor floor, long deviceId, String deviceToken) {
    this.floor = floor;
    this.deviceId = deviceId;
    this.deviceToken = deviceToken;
  }

  String shopSpace() {
    return "shop:" + floor.shop;
  }

  String deviceSpace() {
    return "device:" + deviceId;
  }

  /** Numbers and sends commands as one batch; answers the acks. */
  synchronized List<JsonNode> sendAll(List<Map<String, Object>> commands) {
    WebClient.Response r = post(numbered(commands));
    assertThat(r.status()).as("commands: %s", r.body()).isEqualTo(200);
    List<JsonNode> acks = new ArrayList<>();
    r.json().forEach(acks::add);
    return acks;
  }

  /** The commands with this terminal's next numbers (an outbox entry: sent, and sent again as is). */
  synchronized List<Map<String, Object>> numbered(List<Map<String, Object>> commands) {
    List<Map<String, Object>> numbered = new ArrayList<>();
    for (Map<String, Object> c : commands) {
      Map<String, Object> m = new LinkedHashMap<>(c);
      m.put("n", ++n);
      numbered.add(m);
    }
    return numbered;
  }

  /** Sends numbered commands as they are, whatever the answer. */
  WebClient.Response post(List<Map<String, Object>> numbered) {
    return floor.app.client().postJson("/api/terminal/commands", numbered,
        Map.of("Authorization", "Bearer " + deviceToken, TerminalAuth.SESSION_HEADER,
            sessionToken, "Accept-Language", "en"));
  }

  JsonNode send(String type, Object... fields) {
    return sendAll(List.of(command(type, fields))).get(0);
  }

  /** Sends a command that must be accepted; answers its ack. */
  JsonNode accepted(String type, Object... fields) {
    JsonNode ack = send(type, fields);
    assertThat(ack.path("status").asText()).as("%s: %s", type, ack).isEqualTo("accepted");
    return ack;
  }

  String openAdHoc() {
    String id = uuid();
    accepted("openAdHoc", "receiptId", id);
    return id;
  }

  String openTable(String slotName) {
    return accepted("openTable", "slotId", floor.slot(slotName)).path("result").path("receiptId").asText();
  }

  String addLine(String receiptId, String name, long unitPrice) {
    String line = uuid();
    accepted("addLine", "receiptId", receiptId, "lineId", line, "name", name, "unitPrice", unitPrice, "vat", "23");
    return line;
  }

  static Map<String, Object> command(String type, Object... fields) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    for (int i = 0; i < fields.length; i += 2) m.put((String) fields[i], fields[i + 1]);
    return m;
  }

  static String uuid() {
    return UUID.randomUUID().toString();
  }
}
