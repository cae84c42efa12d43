package paragon.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import paragon.web.Json;

/** Tests read JSON text (frames, doc examples, logged bodies) as trees with the app's one mapper. */
public final class JsonText {
  private JsonText() {}

  public static JsonNode tree(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not JSON: " + json, e);
    }
  }
}
