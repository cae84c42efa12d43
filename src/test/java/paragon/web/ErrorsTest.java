package paragon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

class ErrorsTest {
  static TestApp app;

  @BeforeAll
  static void start() {
    app = new TestApp(TestDatabases.sqlite());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void unknown_api_route_is_a_json_404_in_the_callers_language() {
    var en = app.client().get("/api/no-such-thing", Map.of("Accept-Language", "en-GB"));
    assertThat(en.status()).isEqualTo(404);
    assertThat(en.json().get("error").asText()).isEqualTo("not_found");
    assertThat(en.json().get("message").asText()).isEqualTo("Not found: /api/no-such-thing");
    var pl = app.client().get("/api/no-such-thing");
    assertThat(pl.json().get("message").asText()).isEqualTo("Nie znaleziono: /api/no-such-thing");
  }

  @Test
  void a_back_office_post_without_csrf_token_is_refused_with_a_page() {
    var client = app.client();
    client.get("/backoffice/login");
    var refused = client.postFormRaw("/backoffice/login", Map.of("email", "a@b.pl", "password", "x"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("<html").contains("Formularz wygasł");
  }

  @Test
  void a_body_the_server_cannot_read_is_a_400_in_the_callers_language_not_a_500() {
    var client = app.client();
    client.get("/backoffice/login");
    var refused = client.postBody("/backoffice/login", "multipart/form-data; boundary=x", "no parts here",
        Map.of("Accept-Language", "en", "HX-Request", "true"));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("error").asText()).isEqualTo("unreadable");
    assertThat(refused.json().get("message").asText())
        .isEqualTo("The request could not be read (a malformed body). Nothing was changed.");
  }
}
