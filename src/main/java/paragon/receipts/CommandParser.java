package paragon.receipts;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Collectors;

/** Turns one command's JSON into a {@link Command}, or into the refusal that names the bad field. */
final class CommandParser {
  private static final ObjectMapper STRICT = new ObjectMapper();

  private CommandParser() {}

  /** Either {@code command} or {@code invalid} is set; {@code type} and {@code body} are what gets logged. */
  record Parsed(Command command, Outcome.Refused invalid, String type, String body) {}

  static Parsed parse(JsonNode node) {
    ObjectNode body = ((ObjectNode) node).deepCopy();
    body.remove("n");
    String type = body.path("type").asText("");
    String json = body.toString();
    try {
      return new Parsed(STRICT.treeToValue(body, Command.class), null, type, json);
    } catch (InvalidTypeIdException e) {
      return new Parsed(null, Refusals.invalid("type", "refusal.invalid.type"), type, json);
    } catch (UnrecognizedPropertyException e) {
      return new Parsed(null, Refusals.invalid(e.getPropertyName(), "refusal.invalid.unknown_field"), type, json);
    } catch (JsonMappingException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof Command.InvalidCommand bad) return new Parsed(null, Refusals.invalid(bad.field, bad.key), type, json);
      }
      String field = e.getPath().stream().map(r -> r.getFieldName()).filter(f -> f != null)
          .collect(Collectors.joining("."));
      return new Parsed(null, Refusals.invalid(field.isEmpty() ? "type" : field, "refusal.invalid.format"), type, json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return new Parsed(null, Refusals.invalid("type", "refusal.invalid.format"), type, json);
    }
  }
}
