package paragon.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.LoginMode;
import paragon.configuration.Plan;
import paragon.configuration.Revisions;
import paragon.configuration.Visibility;
import paragon.testing.Owners;
import paragon.testing.Rows;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

class SettingsPageTest {

  private static Map<String, String> form(String parking, String visibility, String sharing, String login) {
    var m = new java.util.LinkedHashMap<String, String>();
    if (parking != null) m.put("parkingEnabled", parking);
    if (visibility != null) m.put("visibility", visibility);
    if (sharing != null) m.put("sharingEnabled", sharing);
    if (login != null) m.put("loginMode", login);
    return m;
  }

  private static long revisions(TestApp app, long accountId) {
    return Rows.count(app.db, "config_revisions WHERE account_id = :a", "a", accountId);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_save_makes_exactly_one_revision_and_a_no_op_save_none(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX);
      var page = owner.client().get("/backoffice/settings");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("id=\"current-revision\">1<");
      var saved = owner.client().postForm("/backoffice/settings", form("on", "ALL", "on", "IDENTIFIER"));
      assertThat(saved.status()).isEqualTo(303);
      assertThat(saved.header("Location")).isEqualTo("/backoffice/settings?saved=2");
      assertThat(revisions(app, owner.accountId())).isEqualTo(2);
      var snapshot = app.db.read(h -> Revisions.snapshot(h, owner.accountId(), 2));
      assertThat(snapshot.parkingEnabled()).isTrue();
      assertThat(snapshot.visibility()).isEqualTo(Visibility.ALL);
      assertThat(snapshot.sharingEnabled()).isTrue();
      assertThat(snapshot.loginMode()).isEqualTo(LoginMode.IDENTIFIER);
      assertThat(owner.client().get("/backoffice/settings?saved=2").body())
          .contains("id=\"current-revision\">2<", "wersję 2");

      var again = owner.client().postForm("/backoffice/settings", form("on", "ALL", "on", "IDENTIFIER"));
      assertThat(again.header("Location")).isEqualTo("/backoffice/settings?unchanged");
      assertThat(revisions(app, owner.accountId())).isEqualTo(2);
      assertThat(new Accounts(app.db, app.clock).find(owner.accountId()).revision()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void below_max_the_sharing_toggle_is_disabled_with_the_reason_and_cannot_be_forced(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.STANDARD, "en");
      var page = owner.client().get("/backoffice/settings?lang=en");
      assertThat(page.body()).containsPattern("id=\"sharingEnabled\"[^>]*disabled")
          .contains("Online parking is not available in your plan (Standard). The Max plan enables it.");
      var forced = owner.client().postForm("/backoffice/settings", form("on", "OWN", "on", "PIN"));
      assertThat(forced.status()).isEqualTo(400);
      assertThat(forced.body()).contains("id=\"error-sharingEnabled\"",
          "Online parking can only be turned on in the Max plan.",
          "aria-describedby=\"sharing-hint error-sharingEnabled\"");
      assertThat(forced.body()).as("what the owner ticked is kept").containsPattern("id=\"parkingEnabled\"[^>]*checked");
      assertThat(new Accounts(app.db, app.clock).find(owner.accountId()).parkingEnabled()).isFalse();
      assertThat(revisions(app, owner.accountId())).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void unknown_visibility_and_login_mode_are_shown_next_to_their_fields(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX);
      owner.client().get("/backoffice/settings");
      var r = owner.client().postForm("/backoffice/settings", form("on", "EVERYONE", null, "FACE_ID"));
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.body()).contains("aria-describedby=\"error-visibility\"", "id=\"error-visibility\"",
          "Wybierz, kto widzi zaparkowane paragony.", "aria-describedby=\"error-loginMode\"",
          "Wybierz sposób logowania na kasoterminalach.", "Nic nie zapisano");
      var bad = owner.client().postForm("/backoffice/settings", form("maybe", "OWN", null, "PIN"));
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body()).contains("To pole wyboru przyszło z nieoczekiwaną wartością.");
      assertThat(revisions(app, owner.accountId())).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_business_name_and_nip_are_edited_with_errors_by_the_field_and_only_a_rename_is_a_revision(
      TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX);
      var c = owner.client();
      assertThat(c.get("/backoffice/settings").body()).contains("id=\"business-nip\"");
      var saved = c.postForm("/backoffice/settings/business",
          Map.of("name", " Kawiarnia Pod Lipą ", "nip", "123-456-32-18"));
      assertThat(saved.header("Location")).isEqualTo("/backoffice/settings?saved=2");
      assertThat(app.db.read(h -> Revisions.snapshot(h, owner.accountId(), 2)).accountName())
          .isEqualTo("Kawiarnia Pod Lipą");
      var accounts = new Accounts(app.db, app.clock);
      assertThat(accounts.find(owner.accountId()).nip()).isEqualTo("1234563218");
      assertThat(c.get("/backoffice/settings").body()).contains("value=\"1234563218\"");

      // The NIP alone is no revision: no terminal applies it.
      assertThat(c.postForm("/backoffice/settings/business", Map.of("name", "Kawiarnia Pod Lipą", "nip", ""))
          .header("Location")).isEqualTo("/backoffice/settings?saved=2");
      assertThat(accounts.find(owner.accountId()).nip()).isNull();

      var badNip = c.postForm("/backoffice/settings/business",
          Map.of("name", "Inna nazwa", "nip", "123-456-32-19"));
      assertThat(badNip.status()).isEqualTo(400);
      assertThat(badNip.body()).contains("id=\"error-nip\"", "value=\"123-456-32-19\"", "value=\"Inna nazwa\"");
      var noName = c.postForm("/backoffice/settings/business", Map.of("name", "  ", "nip", ""));
      assertThat(noName.status()).isEqualTo(400);
      assertThat(noName.body()).contains("id=\"error-name\"");
      assertThat(accounts.find(owner.accountId()).name()).isEqualTo("Kawiarnia Pod Lipą");
      assertThat(revisions(app, owner.accountId())).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_demo_plan_change_makes_a_revision_and_enables_the_toggle(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.START);
      new Accounts(app.db, app.clock).markDemo(owner.accountId()); // only the demo's owner changes the plan here
      owner.client().get("/backoffice/settings");
      var r = owner.client().postForm("/backoffice/settings/plan", Map.of("plan", "MAX"));
      assertThat(r.header("Location")).isEqualTo("/backoffice/settings?saved=2");
      assertThat(app.db.read(h -> Revisions.snapshot(h, owner.accountId(), 2)).plan()).isEqualTo(Plan.MAX);
      assertThat(owner.client().get("/backoffice/settings").body())
          .doesNotContainPattern("id=\"sharingEnabled\"[^>]*disabled");
      assertThat(owner.client().postForm("/backoffice/settings/plan", Map.of("plan", "MAX")).header("Location"))
          .isEqualTo("/backoffice/settings?unchanged");
      var bad = owner.client().postForm("/backoffice/settings/plan", Map.of("plan", "GOLD"));
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body()).contains("id=\"error-plan\"", "Wybierz jedną z taryf.");
      assertThat(revisions(app, owner.accountId())).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void with_sharing_on_devices_that_cannot_share_are_listed_with_the_reason(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX, "en");
      var other = Owners.signedIn(app, Plan.MAX, "en");
      long shop = app.db.inTransaction(h -> h.createQuery(
              "INSERT INTO shops (account_id, name, use_defaults, created_at) VALUES (:a, 'Rynek', :t, 0) RETURNING id")
          .bind("a", owner.accountId()).bind("t", true).mapTo(Long.class).one());
      long otherShop = app.db.inTransaction(h -> h.createQuery(
              "INSERT INTO shops (account_id, name, use_defaults, created_at) VALUES (:a, 'Elsewhere', :t, 0) RETURNING id")
          .bind("a", other.accountId()).bind("t", true).mapTo(Long.class).one());
      app.db.inTransaction(h -> {
        for (String[] d : new String[][] {{"Front", "SMART_PLUS"}, {"Old till", "SMART"}, {"Bar", "DUET"}}) {
          h.createUpdate("INSERT INTO devices (account_id, shop_id, name, model, created_at) VALUES (:a, :s, :n, :m, 0)")
              .bind("a", owner.accountId()).bind("s", shop).bind("n", d[0]).bind("m", d[1]).execute();
        }
        return h.createUpdate("INSERT INTO devices (account_id, shop_id, name, model, created_at)"
                + " VALUES (:a, :s, 'Foreign', 'SMART', 0)")
            .bind("a", other.accountId()).bind("s", otherShop).execute();
      });
      var off = owner.client().get("/backoffice/settings?lang=en");
      assertThat(off.body()).doesNotContain("id=\"local-only\"");
      owner.client().postForm("/backoffice/settings", form("on", "OWN", "on", "PIN"));
      var on = owner.client().get("/backoffice/settings");
      assertThat(on.body()).contains("id=\"local-only\"",
          "<strong>Old till</strong> (Smart, Rynek): the Smart model cannot share receipts",
          "<strong>Bar</strong> (Duet, Rynek)").doesNotContain("<strong>Front</strong>").doesNotContain("Foreign");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void below_max_with_sharing_on_the_page_says_the_plan_blocks_it_and_lists_no_models(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX, "en");
      long shop = app.db.inTransaction(h -> h.createQuery(
              "INSERT INTO shops (account_id, name, use_defaults, created_at) VALUES (:a, 'Rynek', :t, 0) RETURNING id")
          .bind("a", owner.accountId()).bind("t", true).mapTo(Long.class).one());
      app.db.inTransaction(h -> h.createUpdate("INSERT INTO devices (account_id, shop_id, name, model, created_at)"
              + " VALUES (:a, :s, 'Old till', 'SMART', 0)")
          .bind("a", owner.accountId()).bind("s", shop).execute());
      owner.client().get("/backoffice/settings?lang=en");
      owner.client().postForm("/backoffice/settings", form("on", "OWN", "on", "PIN"));
      assertThat(owner.client().get("/backoffice/settings").body()).contains("id=\"local-only\"")
          .doesNotContain("id=\"plan-blocks-sharing\"");
      new Accounts(app.db, app.clock).markDemo(owner.accountId());
      owner.client().postForm("/backoffice/settings/plan", Map.of("plan", "PREMIUM"));
      var premium = owner.client().get("/backoffice/settings");
      assertThat(premium.body()).contains("id=\"plan-blocks-sharing\"",
              "Online parking is on, but your plan (Premium) does not allow it: every terminal parks its receipts locally"
                  + " until the plan is Max.")
          .doesNotContain("id=\"local-only\"", "the Smart model cannot share receipts", "Old till");
      var pl = owner.client().get("/backoffice/settings?lang=pl");
      assertThat(pl.body()).contains("id=\"plan-blocks-sharing\"",
          "Parkowanie online jest włączone, ale Twoja taryfa (Premium)");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_save_without_the_csrf_token_is_refused_and_changes_nothing(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX);
      var r = owner.client().postFormRaw("/backoffice/settings", form("on", "ALL", null, "PIN"));
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.body()).contains("Formularz wygasł");
      assertThat(new Accounts(app.db, app.clock).find(owner.accountId()).parkingEnabled()).isFalse();
      assertThat(revisions(app, owner.accountId())).isEqualTo(1);
    }
  }
}
