package paragon.devices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import paragon.web.Json;
import paragon.web.Problem;
import paragon.web.Storable;

/** Reading the small JSON bodies of the device API, refusing what is not JSON with a 400 naming the body. */
final class JsonBody {
  private static final ObjectMapper JSON = Json.MAPPER;

  private JsonBody() {}

  /** The body as a JSON object; an empty body is an empty object. */
  static JsonNode of(Context ctx) {
    String body = ctx.body();
    if (body.isBlank()) return JSON.createObjectNode();
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) throw Problem.invalid("body", "devices.error.json");
      return node;
    } catch (IOException e) {
      throw Problem.invalid("body", "devices.error.json");
    }
  }

  /** A text field, or null when absent or JSON null; text the database cannot store is refused naming it. */
  static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) return null;
    if (!value.isTextual()) throw Problem.invalid(field, "devices.error.text", field);
    return Storable.require(field, value.asText());
  }

  /** A required whole number that fits a long (2^64 + 1 is refused, not read as 1). */
  static long number(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
      throw Problem.invalid(field, "devices.error.number", field);
    }
    return value.asLong();
  }
}
