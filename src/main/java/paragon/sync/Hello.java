package paragon.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The terminal's first message: its device token, its cashier session token, and what it holds: the
 * viewer fingerprint its receipts were filtered for and, per space, the last seq it processed.
 *
 * <pre>{"type":"hello","deviceToken":"…","sessionToken":"…","viewer":"user:7","cursors":{"shop:3":118}}</pre>
 */
record Hello(String deviceToken, String sessionToken, String viewer, Map<String, Long> cursors) {

  /** Parses a hello, or throws {@link IllegalArgumentException} naming what is wrong. */
  static Hello parse(String text) {
    JsonNode n;
    try {
      n = Frames.JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("hello is not JSON");
    }
    if (n == null || !n.isObject() || !"hello".equals(n.path("type").asText())) {
      throw new IllegalArgumentException("the first message must be {\"type\":\"hello\",...}");
    }
    Map<String, Long> cursors = new LinkedHashMap<>();
    JsonNode c = n.path("cursors");
    if (!c.isMissingNode() && !c.isNull()) {
      if (!c.isObject()) throw new IllegalArgumentException("cursors must be an object {space: seq}");
      for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().canConvertToExactIntegral() || e.getValue().asLong() < 0) {
          throw new IllegalArgumentException("cursors." + e.getKey() + " must be a seq (integer >= 0)");
        }
        cursors.put(e.getKey(), e.getValue().asLong());
      }
    }
    return new Hello(text(n, "deviceToken"), text(n, "sessionToken"), text(n, "viewer"), cursors);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isTextual() ? v.asText() : null;
  }
}
