package paragon.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.accounts.AccountSettings;
import paragon.accounts.Accounts;
import paragon.accounts.Cutoffs;
import paragon.accounts.Roles;
import paragon.accounts.SettingsStore;
import paragon.accounts.Shops;
import paragon.accounts.UserRules;
import paragon.accounts.Users;
import paragon.configuration.DeviceModel;
import paragon.configuration.LoginMode;
import paragon.configuration.Revisions;
import paragon.demo.Seed;
import paragon.devices.DeviceStore;
import paragon.parking.ParkingStore;
import paragon.parking.SlotRules;
import paragon.configuration.Plan;
import paragon.configuration.Visibility;
import paragon.settings.Settings;
import paragon.sync.StreamSettings;
import paragon.testing.MutableClock;
import paragon.testing.Rows;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

class SetupRoutesTest {

  static Map<String, String> form(String email) {
    Map<String, String> f = new HashMap<>();
    f.put("name", "Kawiarnia Pod Lipą");
    f.put("nip", "123-456-32-18");
    f.put("language", "pl");
    f.put("shopName", "Rynek");
    f.put("shopAddress", "ul. Lipowa 3, Kraków");
    f.put("ownerName", "Ola Lipa");
    f.put("ownerEmail", email);
    f.put("ownerPassword", "lipa-lipa-lipa");
    f.put("ownerPasswordRepeat", "lipa-lipa-lipa");
    f.put("plan", "STANDARD");
    return f;
  }

  private static String code(String url) {
    return url.substring(url.indexOf("code=") + 5);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_first_run_prints_a_setup_address_that_creates_the_business_once_and_signs_the_owner_in(
      TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      FirstRun.Setup setup = FirstRun.prepare(app.db, app.clock, "http://localhost:8080");
      assertThat(setup.url()).startsWith("http://localhost:8080/setup?code=");
      String code = code(setup.url());
      assertThat(code).matches("[A-Za-z0-9_-]{32,}");
      assertThat(Rows.count(app.db, "setup_codes WHERE id = :h", "h", paragon.web.Tokens.hash(code))).isEqualTo(1);
      assertThat(Rows.count(app.db, "setup_codes WHERE id = :c", "c", code)).as("stored hashed only").isZero();
      assertThat(FirstRun.describe(setup)).contains(setup.url());

      WebClient browser = app.client();
      var redirect = browser.get("/setup?code=" + code);
      assertThat(redirect.status()).isEqualTo(303);
      assertThat(redirect.header("Location")).isEqualTo("/backoffice/setup?code=" + code);
      var page = browser.get("/backoffice/setup?code=" + code + "&lang=en");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("Set up Paragon", "name=\"nip\"", "name=\"shopAddress\"",
          "name=\"ownerPasswordRepeat\"", "<option value=\"MAX\"", "value=\"" + code + "\"");

      Map<String, String> f = form("ola@example.com");
      f.put("code", code);
      var created = browser.postForm("/backoffice/setup", f);
      assertThat(created.status()).as(created.body()).isEqualTo(303);
      assertThat(created.header("Location")).isEqualTo("/backoffice/start");
      assertThat(Rows.count(app.db, "accounts WHERE nip = '1234563218' AND plan = 'STANDARD'")).isEqualTo(1);
      assertThat(Rows.count(app.db, "shops WHERE address = 'ul. Lipowa 3, Kraków'")).isEqualTo(1);
      assertThat(Rows.count(app.db, "setup_codes WHERE used_at IS NOT NULL AND account_id IS NOT NULL")).isEqualTo(1);

      var start = browser.get("/backoffice/start");
      assertThat(start.status()).isEqualTo(200);
      assertThat(start.body()).contains("Getting started", "0 of 5 done", "href=\"/backoffice/products\"",
          "href=\"/backoffice/parking\"", "href=\"/backoffice/users\"", "href=\"/backoffice/devices\"",
          "href=\"/backoffice/settings\"", "Ola Lipa");
      assertThat(browser.get("/backoffice").body()).contains("href=\"/backoffice/start\"");

      WebClient again = app.client();
      var used = again.get("/backoffice/setup?code=" + code);
      assertThat(used.status()).isEqualTo(404);
      assertThat(used.body()).contains("nieważny");
      f.put("ownerEmail", "someone@example.com");
      again.get("/backoffice/login");
      assertThat(again.postForm("/backoffice/setup", f).status()).isEqualTo(404);
      assertThat(Rows.count(app.db, "accounts")).isEqualTo(1);
      assertThat(FirstRun.prepare(app.db, app.clock, "http://x")).as("an account exists: no code").isNull();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_refused_form_names_each_field_keeps_what_was_typed_and_leaves_the_code_valid(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      String code = code(FirstRun.prepare(app.db, app.clock, "http://x").url());
      WebClient browser = app.client();
      browser.get("/backoffice/setup?code=" + code + "&lang=en");
      Map<String, String> f = form("not-an-email");
      f.put("code", code);
      f.put("nip", "123-456-32-19");
      f.put("shopName", "  ");
      f.put("ownerPasswordRepeat", "something else");
      f.put("plan", "GOLD");
      var refused = browser.postForm("/backoffice/setup", f);
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body()).contains("id=\"error-nip\"", "id=\"error-ownerEmail\"", "id=\"error-shopName\"",
          "id=\"error-ownerPasswordRepeat\"", "id=\"error-plan\"", "check digit", "value=\"123-456-32-19\"",
          "value=\"not-an-email\"", "value=\"Kawiarnia Pod Lipą\"", "value=\"ul. Lipowa 3, Kraków\"");
      assertThat(refused.body()).doesNotContain("lipa-lipa-lipa");
      assertThat(Rows.count(app.db, "accounts")).isZero();

      // A taken email is found in the transaction: it rolls back, and the code stays unused.
      new Accounts(app.db, app.clock).create(new Accounts.NewAccount("Other", Plan.START, "en", "taken@example.com",
          "Other", "other-password"));
      Map<String, String> taken = form("taken@example.com");
      taken.put("code", code);
      var again = browser.postForm("/backoffice/setup", taken);
      assertThat(again.status()).isEqualTo(400);
      assertThat(again.body()).contains("id=\"error-ownerEmail\"");
      assertThat(Rows.count(app.db, "setup_codes WHERE used_at IS NULL")).isEqualTo(1);
      assertThat(Rows.count(app.db, "accounts")).isEqualTo(1);
      Map<String, String> good = form("ola@example.com");
      good.put("code", code);
      assertThat(browser.postForm("/backoffice/setup", good).status()).isEqualTo(303);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_character_the_database_cannot_store_is_refused_at_its_field(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      String code = code(FirstRun.prepare(app.db, app.clock, "http://x").url());
      WebClient browser = app.client();
      browser.get("/backoffice/setup?code=" + code + "&lang=en");
      Map<String, String> f = form("o\u0000la@example.com");
      f.put("code", code);
      f.put("name", "Lip\u0000a");
      f.put("shopName", "Ry\u0000nek");
      f.put("shopAddress", "Lipowa\u0000 3");
      f.put("ownerName", "O\u0000la");
      var refused = browser.postForm("/backoffice/setup", f);
      assertThat(refused.status()).isEqualTo(400);
      String message = "This field contains a character that cannot be stored (such as NUL).";
      for (String field : new String[] {"name", "shopName", "shopAddress", "ownerName", "ownerEmail"}) {
        assertThat(refused.body()).contains("id=\"error-" + field + "\">" + message);
      }
      assertThat(Rows.count(app.db, "accounts")).isZero();
      assertThat(Rows.count(app.db, "setup_codes WHERE used_at IS NULL")).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_restart_voids_the_old_code_and_wrong_codes_are_limited_per_ip(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      FirstRun.Setup first = FirstRun.prepare(app.db, app.clock, "http://x");
      FirstRun.Setup second = FirstRun.prepare(app.db, app.clock, "http://x");
      assertThat(second.voided()).isEqualTo(1);
      assertThat(FirstRun.describe(second)).contains("void");
      WebClient browser = app.client();
      assertThat(browser.get("/backoffice/setup?code=" + code(first.url())).status()).isEqualTo(404);
      assertThat(browser.get("/setup").header("Location")).isEqualTo("/backoffice/setup");
      assertThat(browser.get("/backoffice/setup").status()).as("no code at all").isEqualTo(404);
      assertThat(browser.get("/backoffice/setup?code=" + code(second.url())).status()).isEqualTo(200);
      for (int i = 0; i < 8; i++) {
        assertThat(browser.get("/backoffice/setup?code=wrong" + i + "-0123456789abcdef").status()).isEqualTo(404);
      }
      var limited = browser.get("/backoffice/setup?code=" + code(second.url()) + "&lang=en");
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.header("Retry-After")).isNotNull();
      assertThat(limited.body()).contains("Too many wrong setup addresses");
      app.clock.advance(Duration.ofMinutes(2));
      assertThat(browser.get("/backoffice/setup?code=" + code(second.url())).status()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_checklist_ticks_itself_off_from_the_configuration(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      String code = code(FirstRun.prepare(app.db, app.clock, "http://x").url());
      WebClient browser = app.client();
      browser.get("/backoffice/setup?code=" + code);
      Map<String, String> f = form("ola@example.com");
      f.put("code", code);
      assertThat(browser.postForm("/backoffice/setup", f).status()).isEqualTo(303);
      long accountId = new Accounts(app.db, app.clock).login("ola@example.com").orElseThrow().accountId();
      long role = new Roles(app.db, app.clock).create(accountId, "t", "Kelner", Set.of());
      new Users(app.db, app.clock, new Cutoffs())
          .create(accountId, "t", new UserRules.Details("anna", "Anna", role), "1234");
      new SettingsStore(app.db, app.clock)
          .save(accountId, "t", new AccountSettings(true, Visibility.OWN, false, LoginMode.PIN));
      var start = browser.get("/backoffice/start?lang=en").body();
      assertThat(start).contains("2 of 5 done");
      assertThat(start).containsPattern("id=\"start-users\" class=\"done\"");
      assertThat(start).containsPattern("id=\"start-parking\" class=\"done\"");
      assertThat(start).containsPattern("id=\"start-products\" class=\"open\"");
      assertThat(browser.get("/backoffice").body()).contains("id=\"getting-started\"");

      // Products (as the catalog will save them: rows, then one revision), tables and a paired device.
      app.db.inTransaction(h -> {
        Seed.product(h, accountId, "Espresso", 900, "8", "Kawa", 0);
        return Revisions.record(h, accountId, "t", "product added", app.clock);
      });
      new ParkingStore(app.db, app.clock)
          .saveList(accountId, null, "t", List.of(new SlotRules.Valid(null, "Stolik 1")));
      long shop = app.db.read(h -> Shops.list(h, accountId)).get(0).id();
      String pairing = new DeviceStore(app.db, app.clock, new Cutoffs())
          .register(accountId, shop, "Kasa 1", DeviceModel.SMART).code();
      assertThat(browser.get("/backoffice/start?lang=en").body()).contains("4 of 5 done");
      assertThat(app.client().postJson("/api/device/pair", Map.of("code", pairing), Map.of()).status())
          .isEqualTo(201);
      String done = browser.get("/backoffice/start?lang=en").body();
      assertThat(done).contains("All done: 5 of 5").doesNotContain("class=\"open\"");
      assertThat(browser.get("/backoffice").body()).doesNotContain("id=\"getting-started\"");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void sign_up_is_closed_by_default_and_when_open_the_login_page_offers_it_on_plan_start_whatever_the_form_says(TestDatabases.Kind kind) {
    try (TestApp closed = TestApp.start(kind)) {
      WebClient browser = closed.client();
      assertThat(browser.get("/backoffice/login").body()).doesNotContain("/signup");
      assertThat(browser.get("/backoffice/signup").status()).isEqualTo(404);
      assertThat(browser.postForm("/backoffice/signup", form("a@example.com")).status()).isEqualTo(404);
      assertThat(Rows.count(closed.db, "accounts")).isZero();
    }
    Settings open = new Settings(0, "jdbc:sqlite:unused", false, "127.0.0.1", null, true);
    try (TestApp app = new TestApp(TestDatabases.open(kind), new MutableClock(), StreamSettings.DEFAULTS, open, null)) {
      WebClient browser = app.client();
      assertThat(browser.get("/backoffice/login?lang=en").body()).contains("href=\"/signup\"", "Create an account");
      assertThat(browser.get("/signup").header("Location")).isEqualTo("/backoffice/signup");
      var page = browser.get("/backoffice/signup");
      assertThat(page.status()).isEqualTo(200);
      // A stranger signing up does not pick the plan: the operator does (issue 15), even when the
      // form is forged to ask for Max.
      assertThat(page.body()).contains("id=\"plan-by-operator\"").doesNotContain("name=\"plan\"");
      Map<String, String> f = form("new@example.com");
      f.put("plan", "MAX");
      var created = browser.postForm("/backoffice/signup", f);
      assertThat(created.status()).as(created.body()).isEqualTo(303);
      assertThat(created.header("Location")).isEqualTo("/backoffice/start");
      assertThat(browser.get("/backoffice/start").status()).isEqualTo(200);
      assertThat(Rows.count(app.db, "accounts WHERE plan = 'START'")).isEqualTo(1);
      for (int i = 1; i < 20; i++) {
        assertThat(browser.postForm("/backoffice/signup", form("bad")).status()).isEqualTo(400);
      }
      assertThat(browser.postForm("/backoffice/signup", form("late@example.com")).status()).isEqualTo(429);
      assertThat(Rows.count(app.db, "accounts")).isEqualTo(1);
    }
  }
}
