package paragon.parking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.accounts.Shops;
import paragon.configuration.Plan;
import paragon.testing.Owners;
import paragon.testing.Rows;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

class ParkingPageTest {

  /** A list form body: one id + name pair per row ({@code "id|name"}, id may be empty), then the action. */
  static String body(String action, String... rows) {
    StringBuilder b = new StringBuilder();
    for (String row : rows) {
      int bar = row.indexOf('|');
      b.append("id=").append(WebClient.enc(row.substring(0, bar))).append("&name=")
          .append(WebClient.enc(row.substring(bar + 1))).append('&');
    }
    return b.append("action=").append(WebClient.enc(action)).toString();
  }

  private static long revisions(TestApp app, long accountId) {
    return Rows.count(app.db, "config_revisions WHERE account_id = :a", "a", accountId);
  }

  private static List<String> ids(String html, String listKey) {
    String form = html.substring(html.indexOf("id=\"list-" + listKey + "\""));
    form = form.substring(0, form.indexOf("</form>"));
    Matcher m = Pattern.compile("name=\"id\" value=\"([^\"]*)\"").matcher(form);
    List<String> ids = new ArrayList<>();
    while (m.find()) ids.add(m.group(1));
    return ids;
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void owner_adds_default_receipts_with_the_plain_form(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX);
      var c = owner.client();
      var page = c.get("/backoffice/parking");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("Ustawienia domyślne", "Brak paragonów zdefiniowanych", "id=\"current-revision\">1<");
      var added = c.postEncoded("/backoffice/parking/lists/default", body("add"));
      assertThat(added.status()).isEqualTo(200);
      assertThat(added.body()).containsPattern("id=\"default-name-0\" name=\"name\" value=\"\"[^>]*autofocus");
      assertThat(revisions(app, owner.accountId())).as("add only edits the form").isEqualTo(1);
      var added2 = c.postEncoded("/backoffice/parking/lists/default", body("add", "|Stolik 1"));
      assertThat(added2.body()).contains("value=\"Stolik 1\"").containsPattern("id=\"default-name-1\"[^>]*autofocus");
      var saved = c.postEncoded("/backoffice/parking/lists/default", body("save", "|  Stolik 1 ", "|Stolik 2"));
      assertThat(saved.status()).isEqualTo(303);
      assertThat(saved.header("Location")).isEqualTo("/backoffice/parking?saved=default#default");
      assertThat(revisions(app, owner.accountId())).isEqualTo(2);
      var after = c.get("/backoffice/parking?saved=default");
      assertThat(after.body()).contains("value=\"Stolik 1\"", "value=\"Stolik 2\"", "Konfiguracja ma teraz wersję 2",
          "id=\"current-revision\">2<");
      assertThat(ids(after.body(), "default")).hasSize(2).allMatch(id -> id.length() == 36);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void rename_reorder_and_remove_keep_the_ids_and_a_no_op_save_makes_no_revision(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX);
      var c = owner.client();
      c.postEncoded("/backoffice/parking/lists/default", body("save", "|A", "|B", "|C"));
      List<String> ids = ids(c.get("/backoffice/parking").body(), "default");
      var moved = c.postEncoded("/backoffice/parking/lists/default", body("up:2", ids.get(0) + "|A",
          ids.get(1) + "|B", ids.get(2) + "|C"));
      assertThat(ids(moved.body(), "default")).containsExactly(ids.get(0), ids.get(2), ids.get(1));
      var removed = c.postEncoded("/backoffice/parking/lists/default", body("remove:0", ids.get(0) + "|A",
          ids.get(2) + "|C", ids.get(1) + "|B"));
      assertThat(ids(removed.body(), "default")).containsExactly(ids.get(2), ids.get(1));
      assertThat(revisions(app, owner.accountId())).isEqualTo(2);
      c.postEncoded("/backoffice/parking/lists/default", body("save", ids.get(2) + "|Cc", ids.get(1) + "|B"));
      assertThat(revisions(app, owner.accountId())).isEqualTo(3);
      assertThat(ids(c.get("/backoffice/parking").body(), "default")).containsExactly(ids.get(2), ids.get(1));
      var noop = c.postEncoded("/backoffice/parking/lists/default", body("save", ids.get(2) + "|Cc", ids.get(1) + "| B "));
      assertThat(noop.header("Location")).isEqualTo("/backoffice/parking?unchanged=default#default");
      assertThat(revisions(app, owner.accountId())).isEqualTo(3);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void every_name_error_is_shown_next_to_its_field_and_the_typed_rows_are_kept(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX, "en");
      var c = owner.client();
      c.get("/backoffice/parking?lang=en");
      String tooLong = "x".repeat(41);
      var r = c.postEncoded("/backoffice/parking/lists/default", body("save", "|Table 1", "|   ",
          "|" + tooLong, "|table 1"));
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.body()).contains("Nothing was saved",
          "aria-describedby=\"error-slots-1--name\"", "id=\"error-slots-1--name\">The name must have 1 to 40 characters.",
          "aria-describedby=\"error-slots-2--name\"", "id=\"error-slots-2--name\">The name must have 1 to 40 characters.",
          "id=\"error-slots-3--name\">This name is already on the list (\"Table 1\")",
          "value=\"" + tooLong + "\"", "value=\"table 1\"", "value=\"   \"");
      assertThat(r.body()).doesNotContain("aria-describedby=\"error-slots-0--name\"");
      List<String> many = new ArrayList<>();
      for (int i = 1; i <= 201; i++) many.add("|T" + i);
      var tooMany = c.postEncoded("/backoffice/parking/lists/default", body("save", many.toArray(String[]::new)));
      assertThat(tooMany.status()).isEqualTo(400);
      assertThat(tooMany.body()).contains("id=\"error-slots\">A list can hold at most 200 predefined receipts.");
      assertThat(revisions(app, owner.accountId())).isEqualTo(1);
      assertThat(Rows.count(app.db, "receipt_slots")).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void broken_forms_are_refused_naming_the_problem_and_change_nothing(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX, "en");
      var c = owner.client();
      c.postEncoded("/backoffice/parking/lists/default", body("save", "|A"));
      String id = ids(c.get("/backoffice/parking?lang=en").body(), "default").get(0);
      long before = revisions(app, owner.accountId());

      var repeated = c.postEncoded("/backoffice/parking/lists/default", body("save", id + "|A", id + "|B"));
      assertThat(repeated.status()).isEqualTo(400);
      assertThat(repeated.body()).contains("The form sent one receipt twice.");
      var mismatch = c.postEncoded("/backoffice/parking/lists/default", "id=&name=A&name=B&action=save");
      assertThat(mismatch.status()).isEqualTo(400);
      assertThat(mismatch.body()).contains("The form is incomplete.");
      var action = c.postEncoded("/backoffice/parking/lists/default", body("jump:0", id + "|A"));
      assertThat(action.status()).isEqualTo(400);
      assertThat(action.body()).contains("Unknown action.");
      List<String> full = new ArrayList<>();
      for (int i = 1; i <= 200; i++) full.add("|T" + i);
      var add201 = c.postEncoded("/backoffice/parking/lists/default", body("add", full.toArray(String[]::new)));
      assertThat(add201.status()).isEqualTo(400);
      assertThat(add201.body()).contains("id=\"error-slots\">A list can hold at most 200 predefined receipts.",
              "value=\"T200\"")
          .doesNotContain("id=\"default-name-200\"");
      assertThat(revisions(app, owner.accountId())).isEqualTo(before);
      assertThat(ids(c.get("/backoffice/parking").body(), "default")).containsExactly(id);
    }
  }

  private static boolean usesDefaults(TestApp app, long shop) {
    return Rows.count(app.db, "shops WHERE id = :s AND use_defaults = :t", "s", shop, "t", true) == 1;
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void unticking_starts_the_own_list_as_a_copy_of_the_defaults_and_only_the_save_publishes_it(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX);
      long shop = new Shops(app.db, app.clock).create(owner.accountId(), "test", "Warszawa Mokotów");
      var c = owner.client();
      c.get("/backoffice/parking");
      c.postEncoded("/backoffice/parking/lists/default", body("save", "|Stolik 1", "|Stolik 2"));
      long before = revisions(app, owner.accountId());

      // The untick (the checkbox's own form, with or without htmx) only opens the draft.
      var untick = c.postForm("/backoffice/parking/shops/" + shop + "/use-defaults", Map.of());
      assertThat(untick.status()).isEqualTo(200);
      assertThat(untick.body()).contains("id=\"list-shop-" + shop + "\"", "value=\"Stolik 1\"", "value=\"Stolik 2\"",
              "name=\"ownList\" value=\"on\"", "Jeszcze nie zapisano")
          .doesNotContain("Nic się nie zmieniło", "Zapisano.")
          .doesNotContainPattern("id=\"useDefaults-" + shop + "\"[^>]*checked");
      assertThat(ids(untick.body(), "shop-" + shop)).containsExactly("", "");
      assertThat(revisions(app, owner.accountId())).as("nothing published by the untick").isEqualTo(before);
      assertThat(usesDefaults(app, shop)).isTrue();
      assertThat(Rows.count(app.db, "receipt_slots WHERE shop_id = :s", "s", shop)).isZero();

      // Editing the draft keeps it a draft of the own list.
      var added = c.postEncoded("/backoffice/parking/lists/" + shop, body("add", "|Stolik 1", "|Stolik 2") + "&ownList=on");
      assertThat(added.status()).isEqualTo(200);
      assertThat(added.body()).contains("id=\"shop-" + shop + "-name-2\"", "name=\"ownList\" value=\"on\"")
          .doesNotContainPattern("id=\"useDefaults-" + shop + "\"[^>]*checked");
      var refused = c.postEncoded("/backoffice/parking/lists/" + shop, body("save",
          "|Stolik 1", "|stolik 1") + "&ownList=on");
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body()).contains("id=\"list-shop-" + shop + "\"", "name=\"ownList\" value=\"on\"");
      assertThat(revisions(app, owner.accountId())).isEqualTo(before);

      // One save: the shop switches to its own list and the list is stored, in one revision.
      var saved = c.postEncoded("/backoffice/parking/lists/" + shop, body("save",
          "|Stolik 1", "|Stolik 2", "|Bar 1") + "&ownList=on");
      assertThat(saved.header("Location")).isEqualTo("/backoffice/parking?saved=shop-" + shop + "#shop-" + shop);
      assertThat(revisions(app, owner.accountId())).isEqualTo(before + 1);
      assertThat(usesDefaults(app, shop)).isFalse();
      assertThat(Rows.count(app.db, "receipt_slots WHERE shop_id = :s", "s", shop)).isEqualTo(3);
      assertThat(c.get(saved.header("Location")).body()).contains("Konfiguracja ma teraz wersję " + (before + 1));
      String own = c.get("/backoffice/parking").body();
      List<String> ids = ids(own, "shop-" + shop);
      var again = c.postEncoded("/backoffice/parking/lists/" + shop,
          body("save", ids.get(0) + "|Stolik 1", ids.get(1) + "|Stolik 2", ids.get(2) + "|Bar 1") + "&ownList=on");
      assertThat(again.header("Location")).isEqualTo("/backoffice/parking?unchanged=shop-" + shop + "#shop-" + shop);
      assertThat(revisions(app, owner.accountId())).isEqualTo(before + 1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void re_ticking_keeps_the_own_list_and_unticking_again_brings_it_back_unpublished(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX);
      long shop = new Shops(app.db, app.clock).create(owner.accountId(), "test", "Warszawa Mokotów");
      var c = owner.client();
      var page = c.get("/backoffice/parking");
      assertThat(page.body()).containsPattern("id=\"useDefaults-" + shop + "\"[^>]*checked")
          .doesNotContain("id=\"list-shop-" + shop + "\"");
      long before = revisions(app, owner.accountId());
      assertThat(c.postEncoded("/backoffice/parking/lists/" + shop,
          body("save", "|Bar 1", "|Taras 1") + "&ownList=on").status())
          .isEqualTo(303);
      assertThat(revisions(app, owner.accountId())).isEqualTo(before + 1);
      var tick = c.postForm("/backoffice/parking/shops/" + shop + "/use-defaults", Map.of("useDefaults", "on"));
      assertThat(tick.header("Location")).isEqualTo("/backoffice/parking?saved=shop-" + shop + "#shop-" + shop);
      assertThat(revisions(app, owner.accountId())).isEqualTo(before + 2);
      var ticked = c.get(tick.header("Location"));
      assertThat(ticked.body()).doesNotContain("id=\"list-shop-" + shop + "\"")
          .contains("Własna lista sklepu (paragonów na liście: 2)", "Konfiguracja ma teraz wersję " + (before + 2));
      assertThat(Rows.count(app.db, "receipt_slots WHERE shop_id = :s", "s", shop)).isEqualTo(2);
      var again = c.postForm("/backoffice/parking/shops/" + shop + "/use-defaults", Map.of("useDefaults", "on"));
      assertThat(again.header("Location")).startsWith("/backoffice/parking?unchanged=");
      assertThat(c.get(again.header("Location")).body()).contains("Nic się nie zmieniło");
      assertThat(revisions(app, owner.accountId())).isEqualTo(before + 2);
      var untick = c.postForm("/backoffice/parking/shops/" + shop + "/use-defaults", Map.of());
      assertThat(untick.status()).isEqualTo(200);
      assertThat(untick.body()).contains("value=\"Bar 1\"", "value=\"Taras 1\"", "Jeszcze nie zapisano");
      assertThat(revisions(app, owner.accountId())).isEqualTo(before + 2);
      assertThat(usesDefaults(app, shop)).isTrue();
      var bad = c.postForm("/backoffice/parking/shops/" + shop + "/use-defaults", Map.of("useDefaults", "perhaps"));
      assertThat(bad.status()).isEqualTo(400);
      var badOwn = c.postEncoded("/backoffice/parking/lists/" + shop, body("save", "|X") + "&ownList=perhaps");
      assertThat(badOwn.status()).isEqualTo(400);
      assertThat(revisions(app, owner.accountId())).isEqualTo(before + 2);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void another_accounts_shop_and_slot_ids_are_not_found(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX);
      var other = Owners.signedIn(app, Plan.MAX);
      long theirShop = new Shops(app.db, app.clock).create(other.accountId(), "test", "Obcy");
      other.client().postEncoded("/backoffice/parking/lists/default", body("save", "|Ich"));
      String theirSlot = ids(other.client().get("/backoffice/parking").body(), "default").get(0);
      var c = owner.client();
      c.get("/backoffice/parking");
      assertThat(c.postEncoded("/backoffice/parking/lists/" + theirShop, body("save", "|X")).status()).isEqualTo(404);
      assertThat(c.postEncoded("/backoffice/parking/lists/" + theirShop, body("add")).status()).isEqualTo(404);
      assertThat(c.postForm("/backoffice/parking/shops/" + theirShop + "/use-defaults", Map.of()).status()).isEqualTo(404);
      assertThat(c.postEncoded("/backoffice/parking/lists/default",
          body("save", theirSlot + "|Moje")).status()).isEqualTo(404);
      assertThat(c.postEncoded("/backoffice/parking/lists/nonsense", body("save", "|X")).status()).isEqualTo(404);
      assertThat(c.postEncoded("/backoffice/parking/lists/default", body("save", "not-a-uuid|X")).status()).isEqualTo(404);
      assertThat(Rows.count(app.db, "receipt_slots WHERE account_id = :a", "a", owner.accountId())).isZero();
      assertThat(Rows.count(app.db, "receipt_slots WHERE id = :id AND name = 'Ich'", "id", theirSlot)).isEqualTo(1);
      assertThat(revisions(app, owner.accountId())).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_list_save_without_the_csrf_token_is_refused(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX);
      var r = owner.client().postBody("/backoffice/parking/lists/default", "application/x-www-form-urlencoded",
          body("save", "|Stolik 1"), Map.of());
      assertThat(r.status()).isEqualTo(403);
      assertThat(Rows.count(app.db, "receipt_slots")).isZero();
      assertThat(revisions(app, owner.accountId())).isEqualTo(1);
    }
  }
}
