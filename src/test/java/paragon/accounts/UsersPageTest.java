package paragon.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.Plan;
import paragon.testing.Owners;
import paragon.testing.Rows;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

class UsersPageTest {

  private static long revision(TestApp app, long accountId) {
    return new Accounts(app.db, app.clock).find(accountId).revision();
  }

  private static Map<String, String> user(String identifier, String name, Object roleId, String pin) {
    return Map.of("identifier", identifier, "name", name, "roleId", String.valueOf(roleId), "pin", pin);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void owner_adds_edits_resets_the_pin_and_disables_a_user_one_revision_each(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX, "en");
      long kelner = new Roles(app.db, app.clock).create(owner.accountId(), "t", "Kelner", EnumSet.noneOf(Permission.class));
      long kasjer = new Roles(app.db, app.clock).create(owner.accountId(), "t", "Kasjer", EnumSet.of(Permission.VOID_LINES));
      long rev = revision(app, owner.accountId());
      var c = owner.client();
      assertThat(c.get("/backoffice/users?lang=en").body()).contains("No users yet.", ">Kelner</option>");
      assertThat(c.postForm("/backoffice/users", user(" anna ",
          "Anna Nowak", kelner, "1234")).header("Location")).isEqualTo("/backoffice/users?saved");
      assertThat(revision(app, owner.accountId())).isEqualTo(rev + 1);
      var anna = new Users(app.db, app.clock, new Cutoffs()).list(owner.accountId()).get(0);
      assertThat(anna.identifier()).isEqualTo("anna");
      assertThat(anna.hasPin()).isTrue();
      assertThat(c.get("/backoffice/users").body()).contains("<td>anna</td>", "<td>Anna Nowak</td>",
          "<td>Kelner</td>", "PIN set", "Active");

      var unchanged = c.postForm("/backoffice/users/" + anna.id(), Map.of("identifier", "anna", "name", "Anna Nowak",
          "roleId", String.valueOf(kelner)));
      assertThat(unchanged.header("Location")).isEqualTo("/backoffice/users/" + anna.id() + "?unchanged");
      var moved = c.postForm("/backoffice/users/" + anna.id(), Map.of("identifier", "anna", "name", "Anna Nowak",
          "roleId", String.valueOf(kasjer)));
      assertThat(moved.header("Location")).isEqualTo("/backoffice/users/" + anna.id() + "?saved");
      assertThat(revision(app, owner.accountId())).isEqualTo(rev + 2);

      String hashBefore = pinHash(app, anna.id());
      assertThat(c.postForm("/backoffice/users/" + anna.id() + "/pin", Map.of("pin", "87654321")).header("Location"))
          .isEqualTo("/backoffice/users/" + anna.id() + "?pin");
      assertThat(pinHash(app, anna.id())).isNotEqualTo(hashBefore);
      assertThat(Passwords.matches("87654321", pinHash(app, anna.id()))).isTrue();
      assertThat(revision(app, owner.accountId())).isEqualTo(rev + 3);

      assertThat(c.postForm("/backoffice/users/" + anna.id() + "/disable", Map.of()).header("Location")).endsWith("?saved");
      assertThat(c.postForm("/backoffice/users/" + anna.id() + "/disable", Map.of()).header("Location"))
          .endsWith("?unchanged");
      assertThat(revision(app, owner.accountId())).isEqualTo(rev + 4);
      assertThat(c.get("/backoffice/users/" + anna.id()).body()).contains("Disabled", "Enable user");
      assertThat(c.postForm("/backoffice/users/" + anna.id() + "/enable", Map.of()).header("Location")).endsWith("?saved");
      assertThat(revision(app, owner.accountId())).isEqualTo(rev + 5);
    }
  }

  private static String pinHash(TestApp app, long userId) {
    return app.db.read(h -> h.createQuery("SELECT pin_hash FROM users WHERE id = :u").bind("u", userId)
        .mapTo(String.class).one());
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void every_user_form_error_is_shown_by_its_field_and_nothing_is_saved(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX);
      long kelner = new Roles(app.db, app.clock).create(owner.accountId(), "t", "Kelner", EnumSet.noneOf(Permission.class));
      var c = owner.client();
      c.postForm("/backoffice/users", user("anna", "Anna", kelner, ""));
      long rev = revision(app, owner.accountId());
      var bad = c.postForm("/backoffice/users", user("ewa nowak", "", "", "12"));
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body()).contains("id=\"error-identifier\">Identyfikator musi mieć",
          "aria-describedby=\"identifier-hint error-identifier\"",
          "id=\"error-name\">Imię i nazwisko musi mieć", "id=\"error-roleId\">Wybierz rolę.",
          "id=\"error-pin\">PIN musi mieć od 4 do 8 cyfr.",
          "value=\"ewa nowak\"");
      var dup = c.postForm("/backoffice/users", user("ANNA", "Druga Anna", kelner, "1234"));
      assertThat(dup.status()).isEqualTo(400);
      assertThat(dup.body()).contains("Inny użytkownik ma już identyfikator „ANNA”.", "value=\"Druga Anna\"");
      long anna = new Users(app.db, app.clock, new Cutoffs()).list(owner.accountId()).get(0).id();
      var badPin = c.postForm("/backoffice/users/" + anna + "/pin", Map.of("pin", "12ab"));
      assertThat(badPin.status()).isEqualTo(400);
      assertThat(badPin.body()).contains("id=\"error-pin\">PIN musi mieć od 4 do 8 cyfr.");
      var badEdit = c.postForm("/backoffice/users/" + anna, Map.of("identifier", "", "name", "Anna",
          "roleId", String.valueOf(kelner)));
      assertThat(badEdit.status()).isEqualTo(400);
      assertThat(badEdit.body()).contains("id=\"error-identifier\"");
      assertThat(revision(app, owner.accountId())).isEqualTo(rev);
      assertThat(Rows.count(app.db, "users WHERE account_id = :a", "a", owner.accountId())).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_refused_user_form_names_every_error_at_once_and_keeps_all_it_was_given_but_the_pin(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX);
      Roles roles = new Roles(app.db, app.clock);
      long kelner = roles.create(owner.accountId(), "t", "Kelner", EnumSet.noneOf(Permission.class));
      long stara = roles.create(owner.accountId(), "t", "Stara rola", EnumSet.noneOf(Permission.class));
      var c = owner.client();
      c.postForm("/backoffice/users", user("anna", "Anna", kelner, ""));
      c.postForm("/backoffice/users", user("ola", "Ola", kelner, ""));
      roles.archive(owner.accountId(), "t", stara);
      long rev = revision(app, owner.accountId());

      // A duplicate identifier together with a missing name and a bad PIN: all three at once.
      var dup = c.postForm("/backoffice/users", user("ANNA", "", kelner, "12"));
      assertThat(dup.status()).isEqualTo(400);
      assertThat(dup.body()).contains("id=\"error-identifier\">Inny użytkownik ma już identyfikator „ANNA”.",
          "id=\"error-name\">Imię i nazwisko musi mieć", "id=\"error-pin\">PIN musi mieć od 4 do 8 cyfr.",
          "value=\"ANNA\"", "<option value=\"" + kelner + "\" selected>Kelner</option>",
          "id=\"pin-note\">Ze względów bezpieczeństwa wpisany PIN nie jest pokazywany ponownie",
          "aria-describedby=\"pin-hint pin-note error-pin\"");
      assertThat(dup.body()).doesNotContain("value=\"12\"");
      // A good PIN with a taken identifier and an archived role: the PIN is cleared too, and says so.
      var archived = c.postForm("/backoffice/users", user("ola", "Druga Ola", stara, "1234"));
      assertThat(archived.status()).isEqualTo(400);
      assertThat(archived.body()).contains("id=\"error-identifier\">Inny użytkownik", "id=\"error-roleId\">",
          "value=\"Druga Ola\"", "id=\"pin-note\"").doesNotContain("value=\"1234\"", "id=\"error-pin\"");
      // Nothing typed in the PIN: nothing to explain.
      assertThat(c.postForm("/backoffice/users", user("anna", "Anna", kelner, "")).body())
          .contains("id=\"error-identifier\"").doesNotContain("id=\"pin-note\"");
      String english = c.postForm("/backoffice/users?lang=en", user("anna", "", kelner, "1234")).body();
      assertThat(english).contains("Another user already has the identifier \"anna\".",
          "id=\"pin-note\">For safety, the PIN you typed is not shown again: type it once more.");
      c.get("/backoffice/users?lang=pl"); // the language chosen stays with the session: back to Polish

      long ola = new Users(app.db, app.clock, new Cutoffs()).list(owner.accountId()).stream()
          .filter(u -> u.identifier().equals("ola")).findFirst().orElseThrow().id();
      var edit = c.postForm("/backoffice/users/" + ola, Map.of("identifier", "Anna", "name", "x".repeat(61),
          "roleId", String.valueOf(stara)));
      assertThat(edit.status()).isEqualTo(400);
      assertThat(edit.body()).contains("id=\"error-identifier\">Inny użytkownik ma już identyfikator „Anna”.",
          "id=\"error-name\">", "id=\"error-roleId\">", "value=\"Anna\"", "value=\"" + "x".repeat(61) + "\"");
      var pin = c.postForm("/backoffice/users/" + ola + "/pin", Map.of("pin", "12ab"));
      assertThat(pin.status()).isEqualTo(400);
      assertThat(pin.body()).contains("id=\"error-pin\">", "id=\"pin-note\">Ze względów bezpieczeństwa")
          .doesNotContain("value=\"12ab\"");
      assertThat(revision(app, owner.accountId())).isEqualTo(rev);
      assertThat(Rows.count(app.db, "users WHERE account_id = :a", "a", owner.accountId())).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void another_accounts_user_and_role_are_not_found(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX);
      var other = Owners.signedIn(app, Plan.MAX);
      long mine = new Roles(app.db, app.clock).create(owner.accountId(), "t", "Kelner", EnumSet.noneOf(Permission.class));
      long theirs = new Roles(app.db, app.clock).create(other.accountId(), "t", "Obca", EnumSet.noneOf(Permission.class));
      long theirUser = new Users(app.db, app.clock, new Cutoffs()).create(other.accountId(), "t",
          new UserRules.Details("obcy", "Obcy", theirs), "1234");
      var c = owner.client();
      c.get("/backoffice/users");
      assertThat(c.get("/backoffice/users/" + theirUser).status()).isEqualTo(404);
      assertThat(c.postForm("/backoffice/users/" + theirUser, Map.of("identifier", "x", "name", "x",
          "roleId", String.valueOf(mine))).status()).isEqualTo(404);
      assertThat(c.postForm("/backoffice/users/" + theirUser + "/pin", Map.of("pin", "1111")).status()).isEqualTo(404);
      assertThat(c.postForm("/backoffice/users/" + theirUser + "/disable", Map.of()).status()).isEqualTo(404);
      assertThat(c.postForm("/backoffice/users", user("ewa", "Ewa", theirs, "1234")).status()).isEqualTo(404);
      assertThat(Rows.count(app.db, "users WHERE disabled = :f AND identifier = 'obcy'", "f", false)).isEqualTo(1);
      assertThat(Rows.count(app.db, "users WHERE account_id = :a", "a", owner.accountId())).isZero();
      assertThat(c.postFormRaw("/backoffice/users/" + theirUser + "/disable", Map.of()).status()).isEqualTo(403);
    }
  }
}
