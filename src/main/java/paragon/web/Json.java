package paragon.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The app's one JSON configuration: Javalin's answers, the stream's frames, stored payloads
 * (change rows, revisions, the command log, default names) and the NOTIFY wake-ups all use
 * {@link #MAPPER}. Reading ignores unknown fields, so a row written by a newer node stays readable;
 * a reader that must be stricter derives its own from this one (the command parser's).
 */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Json() {}

  /** {@code value} as JSON text; a value that cannot be written is a bug, so unchecked. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /** Stored JSON text as {@code type}; {@code what} names it in the error when it is not readable. */
  public static <T> T read(String json, Class<T> type, String what) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(what + " is not readable", e);
    }
  }

  /** Stored JSON text as a tree; {@code what} names it in the error when it is not JSON. */
  public static JsonNode tree(String json, String what) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(what + " is not JSON", e);
    }
  }
}
