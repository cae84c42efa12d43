package paragon.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.ConfigSnapshot;
import paragon.configuration.Plan;
import paragon.configuration.Revisions;
import paragon.testing.Owners;
import paragon.testing.Rows;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

/**
 * A category's default course (issue 12): set in the category form, one revision, in the configuration
 * the terminals apply; a bad course is refused naming the field and changes nothing.
 */
class CategoryCourseTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_category_gets_a_default_course_in_one_revision_and_a_bad_one_is_refused(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var owner = Owners.signedIn(app, Plan.MAX, "pl");
      var c = owner.client();
      c.get("/backoffice/products/categories");
      c.postForm("/backoffice/products/categories", Map.of("name", "Desery"));
      long id = new Categories(app.db, app.clock).list(owner.accountId()).get(0).id();
      long before = Rows.revision(app.db, owner.accountId());
      assertThat(c.get("/backoffice/products/categories").body()).contains("Domyślne danie", "Danie 9");

      var bad = c.postForm("/backoffice/products/categories/" + id + "/course", Map.of("course", "10"));
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body()).contains("Danie musi mieć numer od 1 do 9 albo żaden.");
      assertThat(Rows.revision(app.db, owner.accountId())).isEqualTo(before);

      assertThat(c.postForm("/backoffice/products/categories/" + id + "/course", Map.of("course", "3"))
          .header("Location")).endsWith("?saved");
      assertThat(c.postForm("/backoffice/products/categories/" + id + "/course", Map.of("course", "3"))
          .header("Location")).endsWith("?unchanged");
      assertThat(Rows.revision(app.db, owner.accountId())).isEqualTo(before + 1);
      assertThat(new Categories(app.db, app.clock).list(owner.accountId()).get(0).course()).isEqualTo(3);
      ConfigSnapshot snapshot = app.db.read(h -> Revisions.snapshot(h, owner.accountId(), before + 1));
      assertThat(snapshot.categories()).extracting(ConfigSnapshot.Category::course).containsExactly(3);
      assertThat(c.get("/backoffice/products/categories").body()).contains("<option value=\"3\" selected>");

      c.postForm("/backoffice/products/categories/" + id + "/course", Map.of("course", ""));
      assertThat(new Categories(app.db, app.clock).list(owner.accountId()).get(0).course()).isNull();
      // No course is none in the configuration the terminals apply too (not course 0, which no rule allows).
      ConfigSnapshot none = app.db.read(h -> Revisions.snapshot(h, owner.accountId(), before + 2));
      assertThat(none.categories()).extracting(ConfigSnapshot.Category::course).containsExactly((Integer) null);
    }
  }
}
