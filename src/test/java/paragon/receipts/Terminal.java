package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import paragon.devices.TerminalAuth;
import paragon.testing.WebClient;

/** A simulated terminal over real HTTP: its device token, its cashier session and its command numbers. */
final class Terminal {
  final WebClient http;
  final long deviceId;
  final String token;
  String session;
  /** The language this terminal's cashier chose: sent as Accept-Language with every call (the account is Polish). */
  String lang = "pl";
  private long n;

  Terminal(WebClient http, long deviceId, String token) {
    this.http = http;
    this.deviceId = deviceId;
    this.token = token;
  }

  void login(String identifier, String pin) {
    WebClient.Response r = http.postJson("/api/device/login", Map.of("identifier", identifier, "pin", pin),
        Map.of("Authorization", "Bearer " + token, "Accept-Language", lang));
    assertThat(r.status()).as("login of %s: %s", identifier, r.body()).isEqualTo(201);
    session = r.json().get("sessionToken").asText();
  }

  /** Applies configuration revision {@code revision} (as a sync does). */
  void apply(long revision) {
    WebClient.Response r = http.postJson("/api/device/ack", Map.of("revision", revision),
        Map.of("Authorization", "Bearer " + token));
    assertThat(r.status()).as("ack: %s", r.body()).isEqualTo(200);
  }

  Map<String, String> headers() {
    return Map.of("Authorization", "Bearer " + token, TerminalAuth.SESSION_HEADER, session, "Accept-Language", lang);
  }

  /** Numbers and sends one command; answers its ack. */
  JsonNode send(String type, Object... fields) {
    return sendAll(List.of(command(type, fields))).get(0);
  }

  /** Numbers each command (next numbers of this device) and sends them as one batch. */
  List<JsonNode> sendAll(List<Map<String, Object>> commands) {
    List<Map<String, Object>> numbered = new ArrayList<>();
    for (Map<String, Object> c : commands) {
      Map<String, Object> m = new LinkedHashMap<>(c);
      m.put("n", ++n);
      numbered.add(m);
    }
    return post(numbered);
  }

  /** Sends commands exactly as given (numbers included); answers the acks. */
  List<JsonNode> post(List<Map<String, Object>> commands) {
    WebClient.Response r = http.postJson("/api/terminal/commands", commands, headers());
    assertThat(r.status()).as("commands: %s", r.body()).isEqualTo(200);
    List<JsonNode> acks = new ArrayList<>();
    r.json().forEach(acks::add);
    return acks;
  }

  long nextNumber() {
    return n + 1;
  }

  void skipNumbers(long count) {
    n += count;
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

  /** Opens an ad-hoc receipt; answers its id. */
  String openAdHoc() {
    String id = uuid();
    JsonNode ack = send("openAdHoc", "receiptId", id);
    assertThat(ack.path("status").asText()).as("openAdHoc: %s", ack).isEqualTo("accepted");
    return id;
  }

  /** Adds a catalog product; answers the line id. */
  String add(String receiptId, long productId, long quantity) {
    String line = uuid();
    JsonNode ack = send("addLine", "receiptId", receiptId, "lineId", line, "productId", productId, "quantity", quantity);
    assertThat(ack.path("status").asText()).as("addLine: %s", ack).isEqualTo("accepted");
    return line;
  }
}
