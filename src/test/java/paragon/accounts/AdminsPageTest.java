package paragon.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.Plan;
import paragon.testing.Owners;
import paragon.testing.Rows;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/** Several back-office logins: invitations, roles, the last owner, removal, resets and own passwords. */
class AdminsPageTest {
  private static final Pattern LINK =
      Pattern.compile("id=\"link-url\" value=\"https?://[^/]+(/invite\\?token=[^\"]+)\"");

  /** Invites {@code email} as {@code role} and returns the link's path (/invite?token=...). */
  static String invite(WebClient owner, String email, String name, String role) {
    owner.get("/backoffice/admins");
    var page = owner.postForm("/backoffice/admins", Map.of("email", email, "name", name, "role", role));
    assertThat(page.status()).as(page.body()).isEqualTo(201);
    return linkIn(page.body());
  }

  static String linkIn(String body) {
    Matcher m = LINK.matcher(body);
    assertThat(m.find()).as("a link in the page").isTrue();
    return m.group(1);
  }

  /** Opens the link in a fresh client and sets {@code password}; the client is then signed in. */
  static WebClient accept(TestApp app, String link, String name, String password) {
    WebClient c = app.client();
    var redirect = c.get(link);
    assertThat(redirect.status()).isEqualTo(303);
    assertThat(redirect.header("Location")).startsWith("/backoffice/invite?token=");
    var form = c.get(redirect.header("Location"));
    assertThat(form.status()).isEqualTo(200);
    var done = c.postForm("/backoffice/invite", Map.of("token", token(link), "name", name,
        "password", password, "again", password));
    assertThat(done.status()).as(done.body()).isEqualTo(303);
    assertThat(done.header("Location")).isEqualTo("/backoffice");
    return c;
  }

  static String token(String link) {
    return link.substring(link.indexOf("token=") + 6);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void owner_invites_an_admin_who_sets_a_password_and_is_signed_in_as_admin(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX, "en");
      var c = owner.client();
      assertThat(c.get("/backoffice/admins?lang=en").body()).contains("Olga Owner", owner.email(), ">Admins</a>");
      String link = invite(c, " Ada@Example.com ", "Ada Admin", "ADMIN");
      assertThat(c.get("/backoffice/admins").body()).contains("<td>ada@example.com</td>", "Invitation");
      assertThat(Rows.count(app.db, "admin_invitations WHERE token_hash = :t", "t",
          paragon.web.Tokens.hash(token(link)))).isEqualTo(1);

      WebClient ada = app.client();
      String page = ada.get(ada.get(link).header("Location")).body();
      assertThat(page).contains("ada@example.com", "value=\"Ada Admin\"");
      var mismatch = ada.postForm("/backoffice/invite", Map.of("token", token(link), "name", "Ada A.",
          "password", "long enough 1", "again", "long enough 2"));
      assertThat(mismatch.status()).isEqualTo(400);
      assertThat(mismatch.body()).contains("id=\"error-again\"", "value=\"Ada A.\"");
      var tooShort = ada.postForm("/backoffice/invite", Map.of("token", token(link), "name", "",
          "password", "short", "again", "short"));
      assertThat(tooShort.body()).contains("id=\"error-password\"", "id=\"error-name\"");
      assertThat(Rows.count(app.db, "admins WHERE email = 'ada@example.com'")).isZero();
      var done = ada.postForm("/backoffice/invite", Map.of("token", token(link), "name", "Ada A.",
          "password", "long enough 1", "again", "long enough 1"));
      assertThat(done.status()).isEqualTo(303);
      var home = ada.get("/backoffice?lang=en");
      assertThat(home.status()).isEqualTo(200);
      assertThat(home.body()).contains("Ada A.").doesNotContain(">Admins</a>");

      // The link works once.
      var again = app.client();
      assertThat(again.get(again.get(link).header("Location")).status()).isEqualTo(404);

      // An ADMIN manages neither logins nor the plan.
      assertThat(ada.get("/backoffice/admins").status()).isEqualTo(403);
      assertThat(ada.postForm("/backoffice/admins", Map.of("email", "x@example.com", "name", "X",
          "role", "OWNER")).status()).isEqualTo(403);
      var settings = ada.get("/backoffice/settings?lang=en").body();
      assertThat(settings).contains("Your plan is set by your Paragon operator")
          .doesNotContain("action=\"/backoffice/settings/plan\"");
      assertThat(ada.postForm("/backoffice/settings/plan", Map.of("plan", "START")).status()).isEqualTo(403);
      assertThat(new Accounts(app.db, app.clock).find(owner.accountId()).plan()).isEqualTo(Plan.MAX);
      // ... but does the rest (settings).
      assertThat(ada.postForm("/backoffice/settings", Map.of("visibility", "ALL", "loginMode", "PIN"))
          .status()).isEqualTo(303);

      // Signing in with the new password works.
      WebClient fresh = app.client();
      fresh.get("/backoffice/login");
      assertThat(fresh.postForm("/backoffice/login", Map.of("email", "ada@example.com",
          "password", "long enough 1")).status()).isEqualTo(303);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_bad_invitation_is_refused_by_its_field_and_nothing_is_made(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX, "en");
      var other = Owners.signedIn(app, Plan.MAX, "en");
      var c = owner.client();
      c.get("/backoffice/admins");
      var bad = c.postForm("/backoffice/admins", Map.of("email", "not-an-email", "name", "", "role", "KING"));
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body()).contains("id=\"error-email\"", "id=\"error-name\"", "id=\"error-role\"",
          "value=\"not-an-email\"");
      var taken = c.postForm("/backoffice/admins", Map.of("email", other.email().toUpperCase(), "name", "Dup",
          "role", "ADMIN"));
      assertThat(taken.status()).isEqualTo(400);
      assertThat(taken.body()).contains("id=\"error-email\">This email already signs in", "value=\"Dup\"");
      invite(c, "eve@example.com", "Eve", "ADMIN");
      var twice = c.postForm("/backoffice/admins", Map.of("email", "eve@example.com", "name", "Eve", "role", "ADMIN"));
      assertThat(twice.body()).contains("id=\"error-email\">There is already an open invitation");
      assertThat(Rows.count(app.db, "admin_invitations WHERE account_id = :a", "a", owner.accountId()))
          .isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_last_owner_can_be_neither_removed_nor_demoted_and_a_removed_login_is_signed_out(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX, "en");
      var c = owner.client();
      c.get("/backoffice/admins");
      var demote = c.postForm("/backoffice/admins/" + owner.ownerId() + "/role", Map.of("role", "ADMIN"));
      assertThat(demote.status()).isEqualTo(409);
      assertThat(demote.body()).contains("at least one owner");
      assertThat(c.postForm("/backoffice/admins/" + owner.ownerId() + "/remove", Map.of()).status()).isEqualTo(409);

      WebClient bob = accept(app, invite(c, "bob@example.com", "Bob", "OWNER"), "Bob", "bob password 1");
      long bobId = new Admins(app.db, app.clock).list(owner.accountId()).stream()
          .filter(a -> a.email().equals("bob@example.com")).findFirst().orElseThrow().id();
      assertThat(bob.get("/backoffice/admins").status()).isEqualTo(200);
      // With a second owner, the first can be made an admin; then Bob is the last owner.
      assertThat(c.postForm("/backoffice/admins/" + owner.ownerId() + "/role", Map.of("role", "ADMIN"))
          .header("Location")).isEqualTo("/backoffice/admins?role");
      assertThat(c.get("/backoffice/admins").status()).isEqualTo(403);
      bob.get("/backoffice/admins");
      assertThat(bob.postForm("/backoffice/admins/" + bobId + "/remove", Map.of()).status()).isEqualTo(409);
      assertThat(bob.postForm("/backoffice/admins/" + owner.ownerId() + "/remove", Map.of()).header("Location"))
          .isEqualTo("/backoffice/admins?removed");
      // Olga is signed out and cannot sign in again; her email stays taken.
      assertThat(c.get("/backoffice/settings").status()).isEqualTo(303);
      WebClient again = app.client();
      again.get("/backoffice/login");
      assertThat(again.postForm("/backoffice/login", Map.of("email", owner.email(), "password", Owners.PASSWORD))
          .status()).isEqualTo(401);
      assertThat(bob.get("/backoffice/admins").body()).contains("Removed");
      assertThat(bob.postForm("/backoffice/admins", Map.of("email", owner.email(), "name", "Olga", "role", "ADMIN"))
          .status()).isEqualTo(400);
      // Another account's login is not found.
      var stranger = Owners.signedIn(app, Plan.MAX, "en");
      stranger.client().get("/backoffice/admins");
      assertThat(stranger.client().postForm("/backoffice/admins/" + bobId + "/remove", Map.of()).status())
          .isEqualTo(404);
      assertThat(stranger.client().postForm("/backoffice/admins/" + bobId + "/reset", Map.of()).status())
          .isEqualTo(404);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_reset_kills_the_old_password_and_sessions_and_its_link_sets_a_new_one(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX, "en");
      var c = owner.client();
      WebClient ada = accept(app, invite(c, "ada@example.com", "Ada", "ADMIN"), "Ada", "first password");
      long adaId = new Admins(app.db, app.clock).list(owner.accountId()).stream()
          .filter(a -> a.email().equals("ada@example.com")).findFirst().orElseThrow().id();
      c.get("/backoffice/admins");
      var reset = c.postForm("/backoffice/admins/" + adaId + "/reset", Map.of());
      assertThat(reset.status()).isEqualTo(201);
      String link = linkIn(reset.body());
      assertThat(ada.get("/backoffice/settings").status()).isEqualTo(303);
      WebClient login = app.client();
      login.get("/backoffice/login");
      assertThat(login.postForm("/backoffice/login", Map.of("email", "ada@example.com", "password", "first password"))
          .status()).isEqualTo(401);
      WebClient back = accept(app, link, "Ada Nowak", "second password");
      assertThat(back.get("/backoffice?lang=en").body()).contains("Ada Nowak");
      assertThat(app.client().get(link).status()).isEqualTo(303);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void revoked_expired_and_guessed_links_do_not_open_and_guessing_is_limited(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX, "en");
      var c = owner.client();
      String revoked = invite(c, "r@example.com", "R", "ADMIN");
      long id = app.db.read(h -> h.createQuery("SELECT id FROM admin_invitations WHERE email = 'r@example.com'")
          .mapTo(Long.class).one());
      c.get("/backoffice/admins");
      assertThat(c.postForm("/backoffice/admins/invitations/" + id + "/revoke", Map.of()).header("Location"))
          .isEqualTo("/backoffice/admins?revoked");
      String expiring = invite(c, "x@example.com", "X", "ADMIN");
      app.clock.advance(Duration.ofDays(7).plusSeconds(1));
      WebClient guest = app.client();
      assertThat(guest.get("/backoffice/invite?token=" + token(revoked)).status()).isEqualTo(404);
      assertThat(guest.get("/backoffice/invite?token=" + token(expiring)).status()).isEqualTo(404);
      guest.get("/backoffice/login");
      var post = guest.postForm("/backoffice/invite", Map.of("token", token(expiring), "name", "X",
          "password", "long enough", "again", "long enough"));
      assertThat(post.status()).isEqualTo(404);
      assertThat(Rows.count(app.db, "admins WHERE account_id = :a", "a", owner.accountId())).isEqualTo(1);
      for (int i = 0; i < 7; i++) guest.get("/backoffice/invite?token=guess" + i);
      var limited = guest.get("/backoffice/invite?token=guess-more");
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.header("Retry-After")).isNotNull();
      // A foreign account's invitation cannot be revoked.
      var other = Owners.signedIn(app, Plan.MAX);
      other.client().get("/backoffice/admins");
      var foreign = other.client().postForm("/backoffice/admins/invitations/" + id + "/revoke", Map.of());
      assertThat(foreign.status()).as(foreign.body()).isEqualTo(404);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void changing_ones_own_password_ends_the_other_sessions_only(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX, "en");
      var c = owner.client();
      WebClient second = app.client();
      second.get("/backoffice/login");
      second.postForm("/backoffice/login", Map.of("email", owner.email(), "password", Owners.PASSWORD));
      assertThat(second.get("/backoffice/settings").status()).isEqualTo(200);
      c.get("/backoffice/password");
      var wrong = c.postForm("/backoffice/password", Map.of("current", "nope", "password", "new password 1",
          "again", "new password 1"));
      assertThat(wrong.status()).isEqualTo(400);
      assertThat(wrong.body()).contains("id=\"error-current\"");
      var differ = c.postForm("/backoffice/password", Map.of("current", Owners.PASSWORD, "password", "new password 1",
          "again", "new password 2"));
      assertThat(differ.body()).contains("id=\"error-again\"");
      assertThat(second.get("/backoffice/settings").status()).isEqualTo(200);
      var ok = c.postForm("/backoffice/password", Map.of("current", Owners.PASSWORD, "password", "new password 1",
          "again", "new password 1"));
      assertThat(ok.header("Location")).isEqualTo("/backoffice/password?saved");
      assertThat(c.get("/backoffice/settings").status()).isEqualTo(200);
      assertThat(second.get("/backoffice/settings").status()).isEqualTo(303);
      WebClient third = app.client();
      third.get("/backoffice/login");
      assertThat(third.postForm("/backoffice/login", Map.of("email", owner.email(), "password", "new password 1"))
          .status()).isEqualTo(303);
    }
  }
}
