package paragon.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.storage.Database;
import paragon.testing.MutableClock;
import paragon.testing.Rows;
import paragon.testing.TestDatabases;

/** The largest file the import takes (5 000 rows) is previewed and imported in one revision. */
class CatalogImportSizeTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void five_thousand_rows_import_in_one_revision(TestDatabases.Kind kind) {
    try (Database db = TestDatabases.open(kind)) {
      var clock = new MutableClock();
      long a = CatalogStoreTest.account(db, clock, "pl");
      StringBuilder csv = new StringBuilder("name;price;vat;category;code\n");
      for (int i = 0; i < CatalogCsv.MAX_ROWS; i++) {
        csv.append("Produkt ").append(i).append(';').append(i % 100).append(",50;8;Kategoria ").append(i % 20)
            .append(";P").append(i).append('\n');
      }
      var rows = CatalogCsv.parse(csv.toString().getBytes(StandardCharsets.UTF_8)).rows();
      long before = Rows.revision(db, a);
      var result = new CatalogImport(db, clock).confirm(a, "t", rows);
      assertThat(result.added()).isEqualTo(CatalogCsv.MAX_ROWS);
      assertThat(Rows.revision(db, a)).isEqualTo(before + 1);
      assertThat(Rows.count(db, "categories WHERE account_id = :a", "a", a)).isEqualTo(20);
    }
  }
}
