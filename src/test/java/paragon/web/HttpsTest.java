package paragon.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import paragon.accounts.Accounts;
import paragon.configuration.Plan;
import paragon.sync.StreamSettings;
import paragon.testing.MutableClock;
import paragon.testing.SelfSigned;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

/**
 * Paragon with PARAGON_TLS_KEYSTORE set, on a real TLS connector with a self-signed certificate for
 * localhost / 127.0.0.1 that the client trusts (and nothing else).
 */
class HttpsTest {
  private static SelfSigned cert;

  @BeforeAll
  static void certificate() {
    cert = SelfSigned.localhost();
  }

  private static TestApp https() {
    return new TestApp(TestDatabases.sqlite(), new MutableClock(), StreamSettings.DEFAULTS, cert.settings(), cert.trust());
  }

  @Test
  void health_and_the_terminal_app_answer_over_https_and_plain_http_gets_nothing() throws Exception {
    try (TestApp app = https()) {
      var ready = app.client().get("/health/ready");
      assertThat(ready.status()).isEqualTo(200);
      assertThat(ready.json().get("database").asText()).isEqualTo("sqlite");
      var terminal = app.client().get("/terminal");
      assertThat(terminal.status()).isEqualTo(200);
      assertThat(terminal.body()).contains("<html");

      HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpRequest overHttp = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/health/ready"))
          .timeout(Duration.ofSeconds(5)).build();
      assertThatThrownBy(() -> plain.send(overHttp, HttpResponse.BodyHandlers.ofString()))
          .as("the TLS port speaks no plain HTTP").isInstanceOf(IOException.class);
    }
  }

  @Test
  void a_client_that_does_not_trust_the_certificate_is_refused() {
    try (TestApp app = https()) {
      HttpClient jdkCasOnly = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpRequest req = HttpRequest.newBuilder(URI.create(app.url("/health/ready"))).timeout(Duration.ofSeconds(5)).build();
      assertThatThrownBy(() -> jdkCasOnly.send(req, HttpResponse.BodyHandlers.ofString()))
          .as("so the 200s above came through this certificate").isInstanceOf(SSLHandshakeException.class);
    }
  }

  @Test
  void the_back_office_session_cookie_is_secure_over_https_and_still_http_only_and_lax() {
    try (TestApp app = https()) {
      new Accounts(app.db, app.clock).create(new Accounts.NewAccount("A", Plan.START, "en",
          "a@example.com", "Ann", "password1"));
      var client = app.client();
      var login = client.get("/backoffice/login");
      assertThat(login.status()).isEqualTo(200);
      assertThat(setCookie(login, "paragon_csrf=")).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly");
      var r = client.postForm("/backoffice/login", Map.of("email", "a@example.com", "password", "password1"));
      assertThat(r.status()).as("CSRF double submit over https").isEqualTo(303);
      assertThat(setCookie(r, "paragon_session=")).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly")
          .containsIgnoringCase("SameSite=Lax").contains("Path=/backoffice");
      assertThat(client.get("/backoffice").status()).as("the secure cookie comes back over https").isEqualTo(200);
    }
  }

  @Test
  void over_plain_http_the_session_cookie_is_not_secure() {
    // A Secure cookie over http:// would be dropped by the browser: nobody could sign in.
    try (TestApp app = TestApp.start(TestDatabases.Kind.SQLITE)) {
      new Accounts(app.db, app.clock).create(new Accounts.NewAccount("A", Plan.START, "en",
          "a@example.com", "Ann", "password1"));
      var client = app.client();
      client.get("/backoffice/login");
      var r = client.postForm("/backoffice/login", Map.of("email", "a@example.com", "password", "password1"));
      assertThat(r.status()).isEqualTo(303);
      assertThat(setCookie(r, "paragon_session=")).doesNotContainIgnoringCase("Secure").containsIgnoringCase("HttpOnly");
    }
  }

  private static String setCookie(paragon.testing.WebClient.Response r, String prefix) {
    return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + prefix + " cookie in " + r.headers().allValues("Set-Cookie")));
  }
}
