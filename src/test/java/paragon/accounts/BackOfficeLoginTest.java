package paragon.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.Plan;
import paragon.testing.Owners;
import paragon.testing.Rows;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

class BackOfficeLoginTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void owner_signs_in_and_sees_the_menu(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX);
      var home = owner.client().get("/backoffice");
      assertThat(home.status()).isEqualTo(200);
      assertThat(home.body()).contains("Ustawienia", "Parkowanie", "Sklepy", "Role", "Użytkownicy", "Urządzenia",
          "Paragony", "Sprzedaż", "Wyloguj", "Olga Owner", "htmx.min.js");
      var english = owner.client().get("/backoffice?lang=en");
      assertThat(english.body()).contains("Settings", "Parking", "Shops", "Roles", "Users", "Devices",
          "Receipts", "Sales", "Sign out");
      assertThat(app.client().get("/webjars/htmx.org/2.0.8/dist/htmx.min.js").status()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void session_cookie_is_http_only_lax_and_scoped_to_the_back_office(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var created = new Accounts(app.db, app.clock)
          .create(new Accounts.NewAccount("A", Plan.START, "en", "a@example.com", "Ann", "password1"));
      var client = app.client();
      client.get("/backoffice/login");
      var r = client.postForm("/backoffice/login", Map.of("email", "A@example.com ", "password", "password1",
          "next", "/backoffice/parking"));
      assertThat(r.status()).isEqualTo(303);
      assertThat(r.header("Location")).isEqualTo("/backoffice/parking");
      String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("paragon_session="))
          .findFirst().orElseThrow();
      assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/backoffice");
      String token = cookie.substring("paragon_session=".length(), cookie.indexOf(';'));
      long stored = Rows.count(app.db, "web_sessions WHERE id = :id AND account_id = :a",
          "id", paragon.web.Tokens.hash(token), "a", created.accountId());
      assertThat(stored).as("stored by the SHA-256 of the cookie, never the cookie").isEqualTo(1);
      assertThat(Rows.count(app.db, "web_sessions WHERE id = :t", "t", token)).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void wrong_password_and_unknown_email_get_the_same_answer_and_keep_the_email(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      new Accounts(app.db, app.clock).create(new Accounts.NewAccount("A", Plan.START, "en",
          "a@example.com", "Ann", "password1"));
      var client = app.client();
      client.get("/backoffice/login?lang=en");
      var wrong = client.postForm("/backoffice/login", Map.of("email", "a@example.com", "password", "password2"));
      assertThat(wrong.status()).isEqualTo(401);
      assertThat(wrong.body()).contains("Wrong email or password.", "value=\"a@example.com\"",
          "aria-describedby=\"login-error\"");
      var unknown = client.postForm("/backoffice/login", Map.of("email", "b@example.com", "password", "password1"));
      assertThat(unknown.status()).isEqualTo(401);
      assertThat(unknown.body()).contains("Wrong email or password.");
      assertThat(client.get("/backoffice").status()).isEqualTo(303);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void ten_failed_sign_ins_in_a_minute_are_followed_by_429_with_retry_after(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      new Accounts(app.db, app.clock).create(new Accounts.NewAccount("A", Plan.START, "pl",
          "a@example.com", "Ann", "password1"));
      new Accounts(app.db, app.clock).create(new Accounts.NewAccount("B", Plan.START, "pl",
          "b@example.com", "Bob", "password1"));
      var client = app.client();
      client.get("/backoffice/login");
      for (int i = 0; i < 10; i++) {
        app.clock.advance(Duration.ofSeconds(1));
        var wrong = client.postForm("/backoffice/login", Map.of("email",
            i % 2 == 0 ? "a@example.com" : "A@Example.com ", "password", "guess" + i));
        assertThat(wrong.status()).isEqualTo(401);
      }
      var limited = client.postForm("/backoffice/login", Map.of("email", "a@example.com", "password", "password1"));
      assertThat(limited.status()).as("even the right password waits").isEqualTo(429);
      assertThat(limited.header("Retry-After")).isEqualTo("51");
      assertThat(limited.body()).contains(
          "Zbyt wiele nieudanych logowań na ten e-mail z tego adresu. Odczekaj 51 s i spróbuj ponownie.",
          "value=\"a@example.com\"");
      var english = client.postForm("/backoffice/login?lang=en", Map.of("email", "a@example.com", "password", "password1"));
      assertThat(english.status()).isEqualTo(429);
      assertThat(english.body()).contains(
          "Too many failed sign-ins for this email from your address. Wait 51 s and try again.");
      assertThat(client.get("/backoffice").status()).as("no session was opened").isEqualTo(303);
      assertThat(client.postForm("/backoffice/login", Map.of("email", "b@example.com", "password", "password1")).status())
          .as("another account from the same address is not limited").isEqualTo(303);

      app.clock.advance(Duration.ofSeconds(51));
      var again = app.client();
      again.get("/backoffice/login");
      assertThat(again.postForm("/backoffice/login", Map.of("email",
          "a@example.com", "password", "password1")).status()).isEqualTo(303);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void without_a_session_pages_send_to_the_login_and_actions_are_refused(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var client = app.client();
      var page = client.get("/backoffice/parking");
      assertThat(page.status()).isEqualTo(303);
      assertThat(page.header("Location")).isEqualTo("/backoffice/login?next=/backoffice/parking");
      var home = client.get("/backoffice");
      assertThat(home.status()).isEqualTo(303);
      var htmx = client.get("/backoffice/parking", Map.of("HX-Request", "true"));
      assertThat(htmx.status()).isEqualTo(401);
      assertThat(htmx.header("HX-Redirect")).isEqualTo("/backoffice/login");
      client.get("/backoffice/login");
      var post = client.postForm("/backoffice/settings", Map.of("parkingEnabled", "on"));
      assertThat(post.status()).isEqualTo(303);
      assertThat(post.header("Location")).isEqualTo("/backoffice/login");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void sign_in_without_the_csrf_token_is_refused(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      new Accounts(app.db, app.clock).create(new Accounts.NewAccount("A", Plan.START, "en",
          "a@example.com", "Ann", "password1"));
      var client = app.client();
      client.get("/backoffice/login");
      var r = client.postFormRaw("/backoffice/login", Map.of("email", "a@example.com", "password", "password1", "_csrf",
          "forged-token-000000000000"));
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.header("Set-Cookie") == null || !r.header("Set-Cookie").startsWith("paragon_session=")).isTrue();
      assertThat(client.get("/backoffice").status()).isEqualTo(303);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void logout_ends_the_session_on_the_server(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.START);
      owner.client().get("/backoffice");
      assertThat(owner.client().postForm("/backoffice/logout", Map.of()).status()).isEqualTo(303);
      assertThat(owner.client().get("/backoffice").status()).isEqualTo(303);
      assertThat(Rows.count(app.db, "web_sessions")).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void an_idle_session_expires_and_an_active_one_slides(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var active = Owners.signedIn(app, Plan.START);
      var idle = Owners.signedIn(app, Plan.START);
      for (int i = 0; i < 4; i++) {
        app.clock.advance(Duration.ofHours(5));
        assertThat(active.client().get("/backoffice").status()).as("active after %d x 5h", i + 1).isEqualTo(200);
      }
      assertThat(idle.client().get("/backoffice").status()).isEqualTo(303);
      app.clock.advance(Sessions.TTL.plusMinutes(1));
      assertThat(active.client().get("/backoffice").status()).isEqualTo(303);
    }
  }
}
