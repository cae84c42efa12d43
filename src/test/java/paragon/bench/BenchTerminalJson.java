package paragon.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** A field of a JSON answer, for the load run's logins. */
final class BenchTerminalJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchTerminalJson() {}

  static String text(String json, String field) {
    try {
      return JSON.readTree(json).path(field).asText();
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + json, e);
    }
  }
}
