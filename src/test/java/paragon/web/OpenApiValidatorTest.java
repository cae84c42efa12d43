package paragon.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * /api/openapi.json read by an outside parser and validator (swagger-parser, the reference Java
 * implementation), so the hand-written document is valid OpenAPI 3.1 and not only JSON we agree with.
 */
class OpenApiValidatorTest {

  @Test
  void the_document_is_valid_openapi_to_swagger_parser() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setValidateInternalRefs(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(
        new String(ApiDocs.load(), StandardCharsets.UTF_8), null, options);
    assertThat(result.getMessages()).as("validation messages").isEmpty();
    OpenAPI api = result.getOpenAPI();
    assertThat(api.getOpenapi()).startsWith("3.1");
    assertThat(api.getComponents().getSecuritySchemes()).containsKeys("apiKey", "deviceToken");
    assertThat(api.getPaths().get("/api/v1/sales").getGet().getSecurity().getFirst().get("apiKey"))
        .containsExactly("sales:read");
  }

  @Test
  void the_validator_catches_a_broken_document() {
    SwaggerParseResult result = new OpenAPIV3Parser().readContents("""
        {"openapi": "3.1.0", "info": {"title": "x"}, "paths": {"/a": {"get": {"responses": {"200": {"$ref": "#/components/responses/Nope"}}}}}}""",
        null, new ParseOptions());
    assertThat(result.getMessages()).isNotEmpty();
  }
}
