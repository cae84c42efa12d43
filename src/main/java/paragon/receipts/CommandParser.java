package paragon.receipts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;
import paragon.web.Json;
import paragon.web.Storable;

/**
 * Turns one command's JSON into a {@link Command}, or into the refusal that names the bad field.
 *
 * <p>Before mapping, one walk over the whole body refuses what the records cannot say themselves:
 * a field name or text that the database cannot store (NUL, a lone surrogate: {@link Storable}), and
 * a number that is not an exact integer within a long. Every number of every command is an integer
 * (grosze, thousandths, ids, counts), so 100.7 is refused rather than truncated to 100; 2.0 is 2.
 */
final class CommandParser {
  /** The app's mapper made strict: unknown fields and floats for integers are refused. */
  private static final ObjectMapper STRICT = Json.MAPPER.copy()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

  private CommandParser() {}

  /**
   * Either {@code command} or {@code invalid} is set; {@code type} and {@code body} are what gets logged,
   * cleaned of unstorable characters (a resend cleans the same way, so it is still the same command).
   */
  record Parsed(Command command, Outcome.Refused invalid, String type, String body) {}

  static Parsed parse(JsonNode node) {
    ObjectNode body = ((ObjectNode) node).deepCopy();
    body.remove("n");
    String type = Storable.clean(body.path("type").asText(""));
    String json = Storable.clean(body.toString());
    Outcome.Refused bad = walk(body, "");
    if (bad != null) return new Parsed(null, bad, type, json);
    try {
      return new Parsed(STRICT.treeToValue(exact(body), Command.class), null, type, json);
    } catch (InvalidTypeIdException e) {
      return new Parsed(null, Refusals.invalid("type", "refusal.invalid.type"), type, json);
    } catch (UnrecognizedPropertyException e) {
      return new Parsed(null, Refusals.invalid(e.getPropertyName(), "refusal.invalid.unknown_field"), type, json);
    } catch (JsonMappingException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof Command.InvalidCommand invalid) {
          return new Parsed(null, Refusals.invalid(invalid.field, invalid.key), type, json);
        }
      }
      String field = e.getPath().stream().map(r -> r.getFieldName()).filter(f -> f != null)
          .collect(Collectors.joining("."));
      return new Parsed(null, Refusals.invalid(field.isEmpty() ? "type" : field, "refusal.invalid.format"), type, json);
    } catch (InputCoercionException e) {
      // A whole number too large for its field (guests beyond an int): name the field being read.
      JsonParser p = (JsonParser) e.getProcessor();
      String name = p == null ? null : p.getParsingContext().getCurrentName();
      String field = name == null ? "type" : name;
      return new Parsed(null, Refusals.invalid(field, "refusal.invalid.too_large"), type, json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return new Parsed(null, Refusals.invalid("type", "refusal.invalid.format"), type, json);
    }
  }

  /**
   * The first field (dotted path, as the records name nested fields) whose name or value the rules
   * must never see, or null. Recursive: a batch parsed by Jackson is at most 1000 levels deep.
   */
  private static Outcome.Refused walk(JsonNode node, String path) {
    if (node.isTextual() && !Storable.is(node.textValue())) {
      return Refusals.invalid(path, "refusal.invalid.character");
    }
    if (node.isNumber()) {
      if (!node.canConvertToExactIntegral()) return Refusals.invalid(path, "refusal.invalid.integer");
      if (!node.canConvertToLong()) return Refusals.invalid(path, "refusal.invalid.too_large");
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (!Storable.is(field.getKey())) return Refusals.invalid(Storable.clean(name), "refusal.invalid.character");
        Outcome.Refused bad = walk(field.getValue(), name);
        if (bad != null) return bad;
      }
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        Outcome.Refused bad = walk(item, path);
        if (bad != null) return bad;
      }
    }
    return null;
  }

  /** The body with every integral floating number (2.0, 1e3) written as the integer it is. */
  private static JsonNode exact(JsonNode node) {
    if (node.isFloatingPointNumber()) return Json.MAPPER.getNodeFactory().numberNode(node.longValue());
    if (node.isObject()) {
      ObjectNode copy = Json.MAPPER.createObjectNode();
      node.fields().forEachRemaining(f -> copy.set(f.getKey(), exact(f.getValue())));
      return copy;
    }
    if (node.isArray()) {
      var copy = Json.MAPPER.createArrayNode();
      node.forEach(item -> copy.add(exact(item)));
      return copy;
    }
    return node;
  }
}
