package paragon.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.Plan;
import paragon.demo.Demo;
import paragon.onboarding.AccountCommands;
import paragon.testing.Owners;
import paragon.testing.Rows;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/**
 * The plan is not the owner's to raise (issue 15): outside the demo, Settings shows the plan with what
 * it enables and what it does not, read-only, and a forced change is 403 with nothing changed; the
 * operator's {@code account set-plan} changes it. The demo's owner may change it, to try the gating.
 */
class PlanGatingTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void outside_the_demo_the_owner_sees_the_plan_read_only_and_the_operator_sets_it(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.PREMIUM, "pl");
      WebClient c = owner.client();
      String pl = c.get("/backoffice/settings").body();
      assertThat(pl).contains("id=\"plan-name\">Premium</p>",
          "W Twojej taryfie: parkowanie paragonów na kasoterminalu",
          "W Twojej taryfie: paragony zdefiniowane (stoliki) i plan sali",
          "Poza Twoją taryfą: parkowanie online: kasoterminale sklepu dzielą otwarte paragony na żywo"
              + " (modele Smart+ i Pocket) (od taryfy Max)",
          "id=\"plan-readonly\">Taryfę ustala operator Paragonu i nie można jej zmienić tutaj.")
          .doesNotContain("action=\"/backoffice/settings/plan\"", "<select id=\"plan\"");
      String en = c.get("/backoffice/settings?lang=en").body();
      assertThat(en).contains("Not in your plan: online parking: a shop's terminals share open receipts live"
          + " (Smart+ and Pocket models) (from the Max plan)", "In your plan: parking receipts on a terminal",
          "Your plan is set by your Paragon operator and cannot be changed here.");

      long revision = Rows.revision(app.db, owner.accountId());
      WebClient.Response raise = c.postForm("/backoffice/settings/plan", Map.of("plan", "MAX"));
      assertThat(raise.status()).isEqualTo(403);
      assertThat(raise.body()).contains("it can be changed here only in the demo account");
      assertThat(new Accounts(app.db, app.clock).find(owner.accountId()).plan()).isEqualTo(Plan.PREMIUM);
      assertThat(Rows.revision(app.db, owner.accountId())).isEqualTo(revision);

      // The operator raises it: the owner sees what it now enables.
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int exit = AccountCommands.run(new String[] {"set-plan", "--account", String.valueOf(owner.accountId()),
          "--plan", "MAX", "--database-url=" + app.db.url()}, Map.of(), new ByteArrayInputStream(new byte[0]),
          new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
      assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(AccountCommands.OK);
      assertThat(Rows.revision(app.db, owner.accountId())).isEqualTo(revision + 1);
      c.get("/backoffice/settings?lang=pl");
      assertThat(c.get("/backoffice/settings").body()).contains("id=\"plan-name\">Max</p>",
          "W Twojej taryfie: parkowanie online").doesNotContain("Poza Twoją taryfą", "<select id=\"plan\"");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_demos_owner_may_change_the_plan_and_its_admin_may_not(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Demo.Report demo = Demo.prepare(app.db, app.clock);
      assertThat(new Accounts(app.db, app.clock).find(demo.accountId()).demo()).isTrue();
      WebClient c = app.client();
      c.get("/backoffice/login");
      assertThat(c.postForm("/backoffice/login", Map.of("email", Demo.OWNER_EMAIL, "password", Demo.OWNER_PASSWORD))
          .status()).isEqualTo(303);
      assertThat(c.get("/backoffice/settings").body()).contains("action=\"/backoffice/settings/plan\"",
          "<select id=\"plan\"", "To konto demonstracyjne: zmień taryfę", "W Twojej taryfie: parkowanie online");
      assertThat(c.postForm("/backoffice/settings/plan", Map.of("plan", "STANDARD")).status()).isEqualTo(303);
      assertThat(new Accounts(app.db, app.clock).find(demo.accountId()).plan()).isEqualTo(Plan.STANDARD);
      assertThat(c.get("/backoffice/settings").body()).contains("Poza Twoją taryfą: parkowanie online");

      // A second start with --demo finds the demo and keeps it marked; an ADMIN of the demo changes nothing.
      assertThat(Demo.prepare(app.db, app.clock).existed()).isTrue();
      assertThat(new Accounts(app.db, app.clock).find(demo.accountId()).demo()).isTrue();
      app.db.inTransaction(h -> h.createUpdate("""
              INSERT INTO admins (account_id, email, name, role, password_hash, created_at)
              VALUES (:a, 'ada@bistro-demo.pl', 'Ada', 'ADMIN', :hash, 0)""")
          .bind("a", demo.accountId()).bind("hash", Passwords.hash("long enough 1")).execute());
      WebClient ada = app.client();
      ada.get("/backoffice/login");
      assertThat(ada.postForm("/backoffice/login", Map.of("email", "ada@bistro-demo.pl", "password", "long enough 1"))
          .status()).isEqualTo(303);
      assertThat(ada.get("/backoffice/settings?lang=en").body()).contains("Only an owner can change the plan.")
          .doesNotContain("<select id=\"plan\"");
      assertThat(ada.postForm("/backoffice/settings/plan", Map.of("plan", "MAX")).status()).isEqualTo(403);
      assertThat(new Accounts(app.db, app.clock).find(demo.accountId()).plan()).isEqualTo(Plan.STANDARD);
    }
  }
}
