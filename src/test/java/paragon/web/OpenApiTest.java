package paragon.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.websocket.WsHandlerType;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

/**
 * {@code /api/openapi.json} describes exactly the registered {@code /api} routes: every HTTP route by
 * method and path, every WebSocket route as a {@code get} marked {@code x-websocket: true}. A failure
 * here means: describe the new route in src/main/resources/api/openapi.json (or drop the stale one).
 */
class OpenApiTest {
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  @Test
  void the_document_and_the_registered_api_routes_are_the_same() {
    try (TestApp app = TestApp.start(TestDatabases.Kind.SQLITE)) {
      Set<String> registered = new TreeSet<>();
      app.app.unsafe.internalRouter.allHttpHandlers().stream()
          .map(e -> e.endpoint)
          .filter(e -> e.method.isHttpMethod() && e.path.startsWith("/api/"))
          .forEach(e -> registered.add(e.method.name().toLowerCase() + " " + e.path));
      app.app.unsafe.internalRouter.allWsHandlers().stream()
          .filter(e -> e.getType() == WsHandlerType.WEBSOCKET && e.getPath().startsWith("/api/"))
          .forEach(e -> registered.add("ws " + e.getPath()));

      var answer = app.client().get("/api/openapi.json");
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.header("Content-Type")).startsWith("application/json");
      JsonNode doc = answer.json();
      assertThat(doc.get("openapi").asText()).startsWith("3.1");
      Set<String> documented = new TreeSet<>();
      doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
        if (!METHODS.contains(op.getKey())) return;
        boolean ws = op.getValue().path("x-websocket").asBoolean(false);
        documented.add((ws ? "ws" : op.getKey()) + " " + path.getKey());
        assertThat(op.getValue().get("responses")).as("responses of %s %s", op.getKey(), path.getKey()).isNotNull();
      }));

      assertThat(registered).as("registered /api routes").contains("post /api/device/pair", "get /api/openapi.json");
      assertThat(documented).as("documented in src/main/resources/api/openapi.json vs registered").isEqualTo(registered);
    }
  }

  @Test
  void every_reference_resolves() {
    JsonNode doc = new WebJson().parse(new String(ApiDocs.load(), java.nio.charset.StandardCharsets.UTF_8));
    Set<String> refs = new TreeSet<>();
    collectRefs(doc, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).startsWith("#/");
      assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
    }
  }

  private static void collectRefs(JsonNode node, Set<String> refs) {
    if (node.isObject()) {
      if (node.has("$ref")) refs.add(node.get("$ref").asText());
      node.properties().forEach(e -> collectRefs(e.getValue(), refs));
    } else if (node.isArray()) {
      node.forEach(n -> collectRefs(n, refs));
    }
  }

  /** Jackson without checked exceptions. */
  private static final class WebJson {
    JsonNode parse(String json) {
      try {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
      } catch (java.io.IOException e) {
        throw new AssertionError("openapi.json is not JSON", e);
      }
    }
  }
}
