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
 *
 * <p>An integrator's read-only stream (docs/api.md, "Live") names an API key and one shop instead of
 * the tokens: {@code {"type":"hello","apiKey":"pgk_…","shop":"2","cursors":{…}}}; {@code shop} may be
 * left out for a key limited to one shop ({@code null} here then).
 */
record Hello(String deviceToken, String sessionToken, String viewer, Map<String, Long> cursors, String apiKey,
    Long shop) {

  /** A terminal's hello. */
  Hello(String deviceToken, String sessionToken, String viewer, Map<String, Long> cursors) {
    this(deviceToken, sessionToken, viewer, cursors, null, null);
  }

  /** Whether this is an integrator's hello (an API key), not a terminal's. */
  boolean reader() {
    return apiKey != null;
  }

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
    String apiKey = text(n, "apiKey");
    if (apiKey == null && n.has("apiKey")) throw new IllegalArgumentException("apiKey must be a string");
    Long shop = null;
    JsonNode s = n.path("shop");
    if (!s.isMissingNode() && !s.isNull()) {
      String digits = s.isTextual() ? s.asText().strip() : s.canConvertToExactIntegral() ? s.asText() : "";
      if (!digits.matches("[0-9]{1,18}")) throw new IllegalArgumentException("shop must be a shop id");
      shop = Long.parseLong(digits);
    }
    if (apiKey == null && shop != null) throw new IllegalArgumentException("shop is for a hello with apiKey");
    return new Hello(text(n, "deviceToken"), text(n, "sessionToken"), text(n, "viewer"), cursors, apiKey, shop);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isTextual() ? v.asText() : null;
  }
}
