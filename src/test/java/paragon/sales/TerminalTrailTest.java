package paragon.sales;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.LoginMode;
import paragon.configuration.Revisions;
import paragon.configuration.Visibility;
import paragon.demo.Seed;
import paragon.testing.JsonText;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.web.I18n;

/**
 * The receipt's trail on the terminal (issue 15): {@code GET /api/terminal/receipts/{id}/history}
 * answers the back office's sentences in the terminal's language, only for a receipt of the device's
 * shop that the cashier may see; another shop's receipt, one the cashier may not see, and an unknown
 * id are all 404.
 */
class TerminalTrailTest {

  private static List<String> sentences(JsonNode history) {
    List<String> out = new ArrayList<>();
    history.path("entries").forEach(e -> out.add(e.path("sentence").asText()));
    return out;
  }

  private static JsonNode docExample() {
    try {
      String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/protocol.md"));
      int start = doc.indexOf("```json", doc.indexOf("`GET /api/terminal/receipts/{id}/history`"));
      return JsonText.tree(doc.substring(start + "```json".length(), doc.indexOf("```", start + 7)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static java.util.Set<String> fieldNames(JsonNode node) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_terminal_reads_the_back_offices_sentences_in_its_language(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Tills t = new Tills(app);
      Tills.Till kasa1 = t.till("anna");
      Tills.Till kasa2 = t.till("ola");
      String receipt = kasa1.openAdHoc();
      long opened = app.clock.millis();
      String line = UUID.randomUUID().toString();
      kasa1.send("addLine", "receiptId", receipt, "lineId", line, "productId", t.espresso, "quantity", 2000);
      app.clock.advance(Duration.ofMinutes(3));
      kasa2.send("noteLine", "lineId", line, "note", "mocne");
      kasa2.send("rename", "receiptId", receipt, "name", "Urodziny");

      var pl = kasa1.get("/api/terminal/receipts/" + receipt + "/history", "pl");
      assertThat(pl.status()).as(pl.body()).isEqualTo(200);
      String at = Display.time(opened);
      String later = Display.time(opened + 180_000);
      assertThat(sentences(pl.json())).containsExactly(
          at + " Anna Nowak (Kasa 1): otwarto paragon",
          at + " Anna Nowak (Kasa 1): dodano 2 x Espresso (18,00\u00a0zł)",
          later + " Ola Lis (Kasa 2): dodano notatkę „mocne”: Espresso",
          later + " Ola Lis (Kasa 2): zmieniono nazwę paragonu na „Urodziny”");
      JsonNode first = pl.json().path("entries").get(1);
      assertThat(first.path("user").asText()).isEqualTo("Anna Nowak");
      assertThat(first.path("terminal").asText()).isEqualTo("Kasa 1");
      assertThat(first.path("time").asText()).isEqualTo(at);
      assertThat(first.path("at").asLong()).isEqualTo(opened);
      assertThat(first.path("what").asText()).isEqualTo("dodano 2 x Espresso (18,00\u00a0zł)");

      var en = kasa2.get("/api/terminal/receipts/" + receipt.toUpperCase() + "/history", "en");
      assertThat(en.status()).as(en.body()).isEqualTo(200);
      assertThat(sentences(en.json())).element(1)
          .isEqualTo(at + " Anna Nowak on Kasa 1 added 2 x Espresso (18.00\u00a0zł)");
      // The very sentences the back office's receipt page shows, from the same builder.
      for (String lang : I18n.LANGUAGES) {
        List<String> office = new Trails(new OfficeStore(app.db), t.account, I18n.of(lang)).of(receipt).stream()
            .map(Trails.Row::sentence).toList();
        assertThat(sentences(kasa1.get("/api/terminal/receipts/" + receipt + "/history", lang).json()))
            .as(lang).isEqualTo(office);
      }
      String page = t.owner.client().get("/backoffice/receipts/" + receipt).body();
      assertThat(page).contains("dodano 2 x Espresso (18,00\u00a0zł)");

      // docs/protocol.md's example has the answer's fields, no more, no fewer.
      JsonNode example = docExample();
      assertThat(fieldNames(example)).isEqualTo(fieldNames(en.json()));
      assertThat(fieldNames(example.path("entries").get(0))).isEqualTo(fieldNames(en.json().path("entries").get(0)));
      String said = example.path("entries").get(0).path("sentence").asText();
      assertThat(said).isEqualTo(I18n.of("en").t("sales.says.row", "11:03", "Anna Nowak", "Kasa 1",
          example.path("entries").get(0).path("what").asText()));
    }
  }

  /** The sentences of {@code merged}, one list per merged receipt, each headed by its id and name. */
  private static List<String> merged(JsonNode history) {
    List<String> out = new ArrayList<>();
    history.path("merged").forEach(m -> {
      out.add(m.path("receiptId").asText() + " " + m.path("name").asText());
      out.addAll(sentences(m));
    });
    return out;
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_history_carries_the_earlier_entries_of_the_receipts_merged_into_it_as_the_back_office_does(
      TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Tills t = new Tills(app);
      Tills.Till kasa1 = t.till("anna");
      Tills.Till kasa2 = t.till("ola");
      String target = kasa1.openAdHoc();
      kasa1.add(target, t.espresso);
      long opened = app.clock.millis();
      app.clock.advance(Duration.ofMinutes(2));
      String source = kasa2.openAdHoc();
      kasa2.add(source, t.espresso);
      kasa2.send("noteReceipt", "receiptId", source, "note", "bez cukru");
      // A receipt merged into the source earlier: its history comes along too, through the source's.
      String earlier = kasa2.openAdHoc();
      kasa2.add(earlier, t.espresso);
      kasa2.send("merge", "receiptId", earlier, "targetReceiptId", source);
      app.clock.advance(Duration.ofMinutes(2));
      kasa1.send("merge", "receiptId", source, "targetReceiptId", target);

      String at = Display.time(opened);
      String later = Display.time(opened + 120_000);
      String last = Display.time(opened + 240_000);
      var pl = kasa1.get("/api/terminal/receipts/" + target + "/history", "pl");
      assertThat(pl.status()).as(pl.body()).isEqualTo(200);
      assertThat(sentences(pl.json())).containsExactly(
          at + " Anna Nowak (Kasa 1): otwarto paragon",
          at + " Anna Nowak (Kasa 1): dodano 1 x Espresso (9,00\u00a0zł)",
          last + " Anna Nowak (Kasa 1): dołączono Sprzedaż 2 do tego paragonu");
      assertThat(merged(pl.json())).containsExactly(
          source + " Sprzedaż 2",
          later + " Ola Lis (Kasa 2): otwarto paragon",
          later + " Ola Lis (Kasa 2): dodano 1 x Espresso (9,00\u00a0zł)",
          later + " Ola Lis (Kasa 2): dodano notatkę do paragonu: „bez cukru”",
          later + " Ola Lis (Kasa 2): dołączono Sprzedaż 3 do tego paragonu",
          last + " Anna Nowak (Kasa 1): dołączono ten paragon do Sprzedaż 1",
          earlier + " Sprzedaż 3",
          later + " Ola Lis (Kasa 2): otwarto paragon",
          later + " Ola Lis (Kasa 2): dodano 1 x Espresso (9,00\u00a0zł)",
          later + " Ola Lis (Kasa 2): dołączono ten paragon do Sprzedaż 2");
      var en = kasa2.get("/api/terminal/receipts/" + target + "/history", "en");
      // In English the merged receipt is named as the terminal names it, in its heading and its sentences.
      assertThat(merged(en.json())).contains(source + " Sale 2",
          later + " Ola Lis on Kasa 2 merged Sale 3 into this receipt");

      // The very histories the back office's receipt page shows under "History of the merged receipt".
      for (String lang : I18n.LANGUAGES) {
        Trails trails = new Trails(new OfficeStore(app.db), t.account, I18n.of(lang));
        List<String> office = new ArrayList<>();
        for (Trails.Merged m : trails.mergedInto(target, trails.of(target))) {
          office.add(m.id() + " " + m.name());
          m.trail().forEach(r -> office.add(r.sentence()));
        }
        assertThat(merged(kasa1.get("/api/terminal/receipts/" + target + "/history", lang).json()))
            .as(lang).isEqualTo(office);
      }
      // The back office's page heads the merged receipt's history with the same name, in its language.
      assertThat(t.owner.client().get("/backoffice/receipts/" + target + "?lang=en").body())
          .contains("href=\"/backoffice/receipts/" + source + "\">Sale 2</a>");
      // A receipt nothing was merged into has none.
      String alone = kasa1.openAdHoc();
      kasa1.add(alone, t.espresso);
      JsonNode none = kasa1.get("/api/terminal/receipts/" + alone + "/history", "pl").json();
      assertThat(none.path("merged").isArray()).isTrue();
      assertThat(none.path("merged")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void another_shops_receipt_an_unknown_id_and_a_missing_session_are_refused(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Tills t = new Tills(app);
      long dworzec = app.db.inTransaction(h -> {
        long s = Seed.shop(h, t.account, "Dworzec", true, app.clock.millis());
        Revisions.record(h, t.account, "test", "second shop", app.clock);
        return s;
      });
      Tills.Till rynek = t.till("anna");
      Tills.Till there = t.till("anna", dworzec);
      String ours = rynek.openAdHoc();
      rynek.add(ours, t.espresso);
      String theirs = there.openAdHoc();
      there.add(theirs, t.espresso);

      assertThat(rynek.get("/api/terminal/receipts/" + ours + "/history", "pl").status()).isEqualTo(200);
      assertThat(there.get("/api/terminal/receipts/" + theirs + "/history", "pl").status()).isEqualTo(200);
      var foreign = rynek.get("/api/terminal/receipts/" + theirs + "/history", "en");
      assertThat(foreign.status()).isEqualTo(404);
      assertThat(foreign.body()).doesNotContain("Espresso");
      assertThat(there.get("/api/terminal/receipts/" + ours + "/history", "pl").status()).isEqualTo(404);
      assertThat(rynek.get("/api/terminal/receipts/" + UUID.randomUUID() + "/history", "pl").status())
          .isEqualTo(404);
      assertThat(rynek.get("/api/terminal/receipts/not-a-receipt/history", "pl").status()).isEqualTo(404);
      assertThat(app.client().get("/api/terminal/receipts/" + ours + "/history").status()).isEqualTo(401);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_receipt_the_cashier_may_not_see_is_not_found(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Tills t = new Tills(app);
      app.db.inTransaction(h -> {
        Seed.settings(h, t.account, true, Visibility.OWN, true, LoginMode.PIN);
        return Revisions.record(h, t.account, "test", "visibility OWN", app.clock);
      });
      Tills.Till anna = t.till("anna");
      Tills.Till ola = t.till("ola");
      String annas = anna.openAdHoc();
      anna.add(annas, t.espresso);
      assertThat(anna.get("/api/terminal/receipts/" + annas + "/history", "pl").status()).isEqualTo(200);
      assertThat(ola.get("/api/terminal/receipts/" + annas + "/history", "pl").status()).isEqualTo(404);
    }
  }
}
