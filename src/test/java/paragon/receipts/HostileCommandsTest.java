package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/**
 * Property: whatever a terminal sends, the outbox moves (issue 8). A seeded stream of random and hostile
 * commands (unknown types and fields, NUL and lone surrogates in names, values and types, 2^64 + n and
 * fractional numbers, wrong shapes, deep JSON), mixed with ordinary sales so the receipts, lines, paid
 * receipts and recovery chains they hit are real, goes to a started app over HTTP in batches. Every
 * request is answered without a 5xx; a well-numbered batch gets one ack per command, each accepted or
 * refused; and at the end an ordinary command of the same device applies.
 */
class HostileCommandsTest {
  private static final long SEED = 20261201L;
  private static final int COMMANDS = 500;
  private static final String[] TYPES = {"openAdHoc", "openTable", "rename", "delete", "noteReceipt", "setGuests",
      "reassign", "addLine", "adjustQuantity", "removeLine", "markSent", "changePrice", "noteLine", "moveLines", "merge",
      "startPayment", "cancelPayment", "pay", "breakLease", "dayClose"};
  private static final String[] FIELDS = {"receiptId", "lineId", "productId", "name", "unitPrice", "vat", "quantity",
      "note", "delta", "lineIds", "slotId", "generation", "guests", "userId", "targetReceiptId", "newTarget", "lines",
      "seq", "payments", "method", "amount", "newLineId"};

  /** JSON text placed as it is: numbers no Java type holds, deep nesting. */
  private record Raw(String json) {}

  private final List<String> receipts = new ArrayList<>();
  private final List<String> lines = new ArrayList<>();
  private final Map<String, Integer> outcomes = new java.util.TreeMap<>();
  private Random random;
  private Floor floor;

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void random_and_hostile_commands_are_all_acked_without_a_5xx_and_the_outbox_drains(TestDatabases.Kind kind) {
    random = new Random(SEED);
    try (Floor f = new Floor(kind)) {
      floor = f;
      Terminal a = f.terminal("marek");
      long n = 1;
      int sent = 0;
      while (sent < COMMANDS) {
        int size = 1 + random.nextInt(12);
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
          Map<String, Object> c = random.nextInt(10) < 4 ? ordinary(f) : hostile();
          Map<String, Object> numbered = new LinkedHashMap<>();
          numbered.put("n", n + i);
          numbered.putAll(c);
          batch.add(numbered);
        }
        WebClient.Response r = post(a, write(batch));
        assertThat(r.status()).as("batch from %d: %s -> %s", n, write(batch), r.body()).isEqualTo(200);
        JsonNode acks = r.json();
        assertThat(acks.size()).isEqualTo(size);
        for (int i = 0; i < size; i++) {
          JsonNode ack = acks.get(i);
          assertThat(ack.path("n").asLong()).isEqualTo(n + i);
          assertThat(ack.path("status").asText()).as("%s -> %s", write(batch.get(i)), ack).isIn("accepted", "refused");
          assertThat(ack.path("code").asText()).as(ack.toString()).isNotIn("gap", "number_reused", "internal");
          learn(ack);
          outcomes.merge(ack.path("status").asText() + " " + ack.path("code").asText(), 1, Integer::sum);
        }
        n += size;
        sent += size;
        if (random.nextInt(8) == 0) badBatch(a, n);
      }
      // The stream did reach the rules: ordinary sales went through, hostile ones were refused by field.
      assertThat(outcomes.getOrDefault("accepted ", 0)).as(outcomes.toString()).isGreaterThan(COMMANDS / 10);
      assertThat(outcomes.getOrDefault("refused invalid", 0)).as(outcomes.toString()).isGreaterThan(COMMANDS / 4);
      assertThat(f.count("receipts WHERE recovered_from IS NOT NULL")).as("recovery receipts").isPositive();
      // The outbox drains: the device's next command, numbered after all of them, applies.
      String receipt = UUID.randomUUID().toString();
      WebClient.Response last = post(a, write(List.of(Map.of("n", n, "type", "openAdHoc", "receiptId", receipt))));
      assertThat(last.status()).isEqualTo(200);
      assertThat(last.json().get(0).path("status").asText()).as(last.body()).isEqualTo("accepted");
      assertThat(f.receipt(receipt)).isNotNull();
      assertThat(f.count("commands WHERE device_id = " + a.deviceId)).isEqualTo(n);
      System.out.println("hostile commands on " + kind + ": " + outcomes);
    }
  }

  /** A request that is broken as a whole: refused with a 4xx, nothing applied, numbering unchanged. */
  private void badBatch(Terminal a, long next) {
    String body = switch (random.nextInt(4)) {
      case 0 -> "[{\"n\": " + twoTo64Plus(next) + ", \"type\": \"dayClose\"}]";
      case 1 -> "[".repeat(2000) + "]".repeat(2000);
      case 2 -> "[{\"n\": " + next + ".5, \"type\": \"dayClose\"}]";
      default -> "{\"n\": " + next + ", \"type\": \"dayClose\"}";
    };
    long before = floor.count("commands");
    WebClient.Response r = post(a, body);
    assertThat(r.status()).as("%s -> %s", body.length() > 200 ? body.substring(0, 200) : body, r.body())
        .isBetween(400, 499);
    assertThat(floor.count("commands")).isEqualTo(before);
  }

  private static String twoTo64Plus(long n) {
    return new java.math.BigInteger("18446744073709551616").add(java.math.BigInteger.valueOf(n)).toString();
  }

  private static WebClient.Response post(Terminal a, String body) {
    return a.http.postBody("/api/terminal/commands", "application/json", body, a.headers());
  }

  /** Remembers receipts and lines that accepted commands made, so later commands hit real ones. */
  private void learn(JsonNode ack) {
    if (!"accepted".equals(ack.path("status").asText())) return;
    JsonNode result = ack.path("result");
    if (result.hasNonNull("receiptId") && !receipts.contains(result.get("receiptId").asText())) {
      receipts.add(result.get("receiptId").asText());
    }
    if (result.hasNonNull("lineId")) lines.add(result.get("lineId").asText());
  }

  /** A well-formed command of a working shop: open, add, adjust, note, pay (so chains grow), move. */
  private Map<String, Object> ordinary(Floor f) {
    String receipt = receipts.isEmpty() || random.nextInt(6) == 0 ? UUID.randomUUID().toString() : pick(receipts);
    Map<String, Object> c = new LinkedHashMap<>();
    switch (random.nextInt(receipts.isEmpty() ? 1 : 7)) {
      case 0 -> {
        c.put("type", "openAdHoc");
        c.put("receiptId", receipt);
      }
      case 1, 2 -> {
        c.put("type", "addLine");
        c.put("receiptId", receipt);
        c.put("lineId", UUID.randomUUID().toString());
        c.put("productId", random.nextBoolean() ? f.espresso : f.beer);
        c.put("quantity", 1000L * (1 + random.nextInt(3)));
      }
      case 3 -> {
        c.put("type", "adjustQuantity");
        c.put("lineId", lines.isEmpty() ? UUID.randomUUID().toString() : pick(lines));
        c.put("delta", random.nextBoolean() ? 1000 : -500);
      }
      case 4 -> {
        ReceiptView v = f.receipt(receipt);
        c.put("type", "pay");
        c.put("receiptId", receipt);
        c.put("seq", v == null ? 1 : v.seq());
        c.put("payments", List.of(Map.of("method", "CASH", "amount", 1_000_000)));
      }
      case 5 -> {
        c.put("type", "noteReceipt");
        c.put("receiptId", receipt);
        c.put("note", "stolik przy oknie");
      }
      default -> {
        c.put("type", "moveLines");
        c.put("receiptId", receipt);
        c.put("targetReceiptId", pick(receipts));
        c.put("lines", List.of(Map.of("lineId", lines.isEmpty() ? UUID.randomUUID().toString() : pick(lines))));
      }
    }
    return c;
  }

  /** A command with a random type and random fields, each value drawn from the hostile ones. */
  private Map<String, Object> hostile() {
    Map<String, Object> c = new LinkedHashMap<>();
    int t = random.nextInt(10);
    c.put("type", t < 7 ? TYPES[random.nextInt(TYPES.length)] : t == 7 ? "x\u0000" : text());
    int fields = random.nextInt(6);
    for (int i = 0; i < fields; i++) {
      String name = random.nextInt(8) == 0 ? text() : FIELDS[random.nextInt(FIELDS.length)];
      c.put(name, value(3));
    }
    return c;
  }

  private Object value(int depth) {
    return switch (random.nextInt(depth > 0 ? 16 : 13)) {
      case 0 -> receipts.isEmpty() ? UUID.randomUUID().toString() : pick(receipts);
      case 1 -> lines.isEmpty() ? UUID.randomUUID().toString() : pick(lines);
      case 2 -> UUID.randomUUID().toString();
      case 3 -> text();
      case 4 -> (long) random.nextInt(5000) - 1000;
      case 5 -> pick(List.of(Long.MAX_VALUE, Long.MIN_VALUE, 0L, -1L, 1000L, floor.espresso, floor.anna));
      case 6 -> new Raw(twoTo64Plus(random.nextInt(100)));
      case 7 -> pick(List.of(100.7, 1500.9, 1.9, 2.5, 0.4, -0.0, 1e308, 2.0));
      case 8 -> new Raw(pick(List.of("1e3", "1E400", "-1e-400", "1" + "0".repeat(300), "0.1e1", "9223372036854775808")));
      case 9 -> random.nextBoolean();
      case 10 -> null;
      case 11 -> pick(List.of("23", "8", "ZW", "CASH", "t1", ""));
      case 12 -> deep();
      case 13 -> java.util.Arrays.asList(value(depth - 1), value(depth - 1));
      case 14 -> object("lineId", value(depth - 1), "quantity", value(depth - 1));
      default -> java.util.Arrays.asList(object("method", value(depth - 1), "amount", value(depth - 1)));
    };
  }

  /** An object that may hold nulls (Map.of may not). */
  private static Map<String, Object> object(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  /** Nested arrays and objects several hundred levels deep (under the parser's limit of 1000). */
  private Raw deep() {
    int levels = 1 + random.nextInt(800);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < levels; i++) b.append(i % 2 == 0 ? "[" : "{\"a\":");
    b.append("\"\\u0000\"");
    for (int i = levels - 1; i >= 0; i--) b.append(i % 2 == 0 ? "]" : "}");
    return new Raw(b.toString());
  }

  /** Text with what breaks storage or display: NUL, lone surrogates, pairs, controls, long runs. */
  private String text() {
    StringBuilder b = new StringBuilder();
    int length = random.nextInt(10) == 0 ? 5000 : random.nextInt(12);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(8)) {
        case 0 -> b.append('\u0000');
        case 1 -> b.append((char) (0xD800 + random.nextInt(0x800)));
        case 2 -> b.append("\uD83C\uDF7A");
        case 3 -> b.append((char) random.nextInt(0x20));
        case 4 -> b.append("ąę\"\\'<>&");
        default -> b.append((char) ('a' + random.nextInt(26)));
      }
    }
    return b.toString();
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  /** JSON text; every character outside printable ASCII as a \\u escape, so lone surrogates travel intact. */
  private static String write(Object value) {
    StringBuilder b = new StringBuilder();
    write(value, b);
    return b.toString();
  }

  private static void write(Object value, StringBuilder b) {
    switch (value) {
      case null -> b.append("null");
      case Raw raw -> b.append(raw.json());
      case String s -> {
        b.append('"');
        for (char ch : s.toCharArray()) {
          if (ch == '"' || ch == '\\') b.append('\\').append(ch);
          else if (ch < 0x20 || ch > 0x7e) b.append(String.format("\\u%04x", (int) ch));
          else b.append(ch);
        }
        b.append('"');
      }
      case Map<?, ?> m -> {
        b.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
          if (!first) b.append(',');
          first = false;
          write(String.valueOf(e.getKey()), b);
          b.append(':');
          write(e.getValue(), b);
        }
        b.append('}');
      }
      case List<?> l -> {
        b.append('[');
        for (int i = 0; i < l.size(); i++) {
          if (i > 0) b.append(',');
          write(l.get(i), b);
        }
        b.append(']');
      }
      default -> b.append(value);
    }
  }
}
