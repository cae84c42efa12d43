package paragon.web;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/openapi.json}: the hand-written OpenAPI 3.1 description of every {@code /api} route
 * ({@code src/main/resources/api/openapi.json}). A test compares it with the registered routes both
 * ways, so a new route without its description (or a stale description) fails the build.
 */
public final class ApiDocs {
  static final String RESOURCE = "/api/openapi.json";

  private ApiDocs() {}

  public static void register(RoutesConfig routes) {
    byte[] document = load();
    routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(document));
  }

  static byte[] load() {
    try (InputStream in = ApiDocs.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
