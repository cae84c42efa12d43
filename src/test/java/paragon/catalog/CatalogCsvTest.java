package paragon.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.Revisions;
import paragon.storage.Database;
import paragon.testing.MutableClock;
import paragon.testing.Rows;
import paragon.testing.TestDatabases;

class CatalogCsvTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void semicolons_and_a_decimal_comma_with_a_bom() {
    var parsed = CatalogCsv.parse(utf8("\uFEFFname;price;vat;category;code;active;sort\r\n"
        + "Espresso;9,00;8;Kawa;ESP;1;1\r\n\r\nSernik;18,5;8;Desery;;tak;\r\n"));
    assertThat(parsed.error()).isNull();
    assertThat(parsed.separator()).isEqualTo(';');
    assertThat(parsed.rows()).extracting(CatalogCsv.Row::line).containsExactly(2, 4);
    var sernik = CatalogCsv.check(parsed.rows().get(1));
    assertThat(sernik.errors().isEmpty()).isTrue();
    assertThat(sernik.valid()).isEqualTo(new CatalogCsv.CsvProduct("Sernik", 1850, "8", "Desery", null, true, null));
  }

  @Test
  void commas_with_quoted_decimal_commas_and_polish_headers_in_another_order() {
    var parsed = CatalogCsv.parse(utf8("kategoria,nazwa,cena,vat\nKawa,\"Latte, duże\",\"15,00\",8\n"
        + "Kawa,Mocha,16.50,ZW\n"));
    assertThat(parsed.separator()).isEqualTo(',');
    assertThat(parsed.rows()).hasSize(2);
    assertThat(CatalogCsv.check(parsed.rows().get(0)).valid().name()).isEqualTo("Latte, duże");
    assertThat(CatalogCsv.check(parsed.rows().get(0)).valid().price()).isEqualTo(1500);
    assertThat(CatalogCsv.check(parsed.rows().get(1)).valid().vat()).isEqualTo("ZW");
  }

  @Test
  void a_bad_row_names_its_line_column_and_why() {
    var parsed = CatalogCsv.parse(utf8("name;price;vat;category\nEspresso;9,00;8;Kawa\nZupa;dużo;7;Dania\n"));
    var bad = CatalogCsv.check(parsed.rows().get(1));
    assertThat(bad.row().line()).isEqualTo(3);
    assertThat(bad.valid()).isNull();
    assertThat(bad.errors().all().keySet()).containsExactlyInAnyOrder("price", "vat");
    assertThat(bad.errors().all().get("price").key()).isEqualTo("catalog.price.invalid");
  }

  @Test
  void a_file_that_cannot_be_previewed_says_why() {
    assertThat(CatalogCsv.parse(utf8("name;cost;vat;category\n")).error().key())
        .isEqualTo("catalog.csv.unknown_column");
    assertThat(CatalogCsv.parse(utf8("name;vat;category\nX;8;Y\n")).error().key())
        .isEqualTo("catalog.csv.missing_column");
    assertThat(CatalogCsv.parse(new byte[] {(byte) 0xC3, (byte) 0x28}).error().key()).isEqualTo("catalog.csv.not_utf8");
    assertThat(CatalogCsv.parse(new byte[CatalogCsv.MAX_BYTES + 1]).error().key()).isEqualTo("catalog.csv.too_big");
    StringBuilder many = new StringBuilder("name;price;vat;category\n");
    for (int i = 0; i <= CatalogCsv.MAX_ROWS; i++) many.append("P").append(i).append(";1;8;K\n");
    assertThat(CatalogCsv.parse(utf8(many.toString())).error().key()).isEqualTo("catalog.csv.too_many");
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void preview_writes_nothing_and_confirm_imports_the_valid_rows_in_one_revision(TestDatabases.Kind kind)
      throws java.io.IOException {
    try (Database db = TestDatabases.open(kind)) {
      var clock = new MutableClock();
      long a = CatalogStoreTest.account(db, clock, "pl");
      long coffee = new Categories(db, clock).create(a, "t", "Kawa");
      long espresso = new Products(db, clock).save(a, "t", null,
          CatalogStoreTest.product("Espresso", 800, coffee, "ESP")).id();
      long before = Rows.revision(db, a);
      var rows = CatalogCsv.parse(utf8("name;price;vat;category;code;active;sort\n"
          + "Espresso doppio;12,00;8;kawa;esp;1;\n"
          + "Sernik;18,50;8;Desery;;1;\n"
          + "Zupa;abc;8;Dania;;1;\n"
          + "Szarlotka;17,00;8;Desery;SZA;0;5\n"
          + "Sernik;19,00;8;Desery;;1;\n")).rows();
      CatalogImport imports = new CatalogImport(db, clock);
      var preview = imports.preview(a, rows);
      assertThat(preview.lines()).extracting(CatalogImport.Line::action).containsExactly(CatalogImport.Action.UPDATE,
          CatalogImport.Action.ADD, CatalogImport.Action.ERROR, CatalogImport.Action.ADD, CatalogImport.Action.ERROR);
      assertThat(preview.lines().get(0).matched()).isEqualTo("Espresso");
      assertThat(preview.lines().get(4).errors().all().get("name").key()).isEqualTo("catalog.csv.name.repeated");
      assertThat(preview.newCategories()).containsExactly("Desery");
      assertThat(Rows.revision(db, a)).isEqualTo(before);
      assertThat(Rows.count(db, "products WHERE account_id = :a", "a", a)).isEqualTo(1);

      var result = imports.confirm(a, "t", rows);
      assertThat(result).isEqualTo(new CatalogImport.Result(2, 1, 0, 2, before + 1));
      assertThat(Rows.revision(db, a)).isEqualTo(before + 1);
      var snapshot = db.read(h -> Revisions.snapshot(h, a, before + 1));
      assertThat(snapshot.products()).extracting(p -> p.name() + "/" + p.price() + "/" + p.category())
          .containsExactlyInAnyOrder("Espresso doppio/1200/Kawa", "Sernik/1850/Desery");
      var all = new Products(db, clock).list(a);
      assertThat(all).hasSize(3);
      assertThat(all.stream().filter(p -> p.id() == espresso).findFirst().orElseThrow().code()).isEqualTo("esp");
      var szarlotka = all.stream().filter(p -> p.name().equals("Szarlotka")).findFirst().orElseThrow();
      assertThat(szarlotka.active()).isFalse();
      assertThat(szarlotka.position()).isEqualTo(5);

      StringWriter out = new StringWriter();
      CatalogCsv.export(all, out);
      assertThat(out.toString()).startsWith("\uFEFFname;price;vat;category;code;active;sort\r\n")
          .contains("Sernik;18,50;8;Desery;;1;");
      var again = CatalogCsv.parse(utf8(out.toString())).rows();
      var reimport = imports.preview(a, again);
      assertThat(reimport.lines()).extracting(CatalogImport.Line::action)
          .containsOnly(CatalogImport.Action.UNCHANGED);
      assertThat(imports.confirm(a, "t", again)).isEqualTo(new CatalogImport.Result(0, 0, 3, 0, 0));
      assertThat(Rows.revision(db, a)).isEqualTo(before + 1);
      assertThat(new Products(db, clock).list(a)).isEqualTo(all);
      var cheaper = CatalogCsv.parse(utf8(out.toString().replace("18,50", "17,50"))).rows();
      assertThat(imports.confirm(a, "t", cheaper)).isEqualTo(new CatalogImport.Result(0, 1, 2, 0, before + 2));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_file_with_no_valid_row_changes_nothing(TestDatabases.Kind kind) {
    try (Database db = TestDatabases.open(kind)) {
      var clock = new MutableClock();
      long a = CatalogStoreTest.account(db, clock, "en");
      long before = Rows.revision(db, a);
      var rows = CatalogCsv.parse(utf8("name,price,vat,category\n,1,8,K\nX,1,99,K\n")).rows();
      assertThat(new CatalogImport(db, clock).confirm(a, "t", rows)).isEqualTo(new CatalogImport.Result(0, 0, 0, 2, 0));
      assertThat(Rows.revision(db, a)).isEqualTo(before);
      assertThat(Rows.count(db, "categories WHERE account_id = :a", "a", a)).isZero();
    }
  }
}
