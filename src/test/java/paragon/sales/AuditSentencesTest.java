package paragon.sales;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import paragon.receipts.Command;
import paragon.web.I18n;

/** The audit trail in words a person reads (issue 15): every command type named, no raw field shown. */
class AuditSentencesTest {
  private static final String R = "11111111-1111-4111-8111-111111111111";
  private static final String T = "22222222-2222-4222-8222-222222222222";
  private static final String L = "33333333-3333-4333-8333-333333333333";
  private static final Pattern RAW = Pattern.compile(
      "[0-9a-f]{8}-[0-9a-f]{4}|\\btrue\\b|\\bfalse\\b|987654|393939|4242|[{}\\[\\]\"]|\\b[A-Z][a-z ]+: \\d");
  /** One stored command of every type the parser knows, as a terminal sends it (ids and versions distinctive). */
  private static final Map<String, String> SAMPLES = new LinkedHashMap<>();

  static {
    SAMPLES.put("openAdHoc", "{\"receiptId\":\"" + R + "\"}");
    SAMPLES.put("openTable", "{\"slotId\":\"" + T + "\",\"generation\":393939,\"receiptId\":\"" + R + "\"}");
    SAMPLES.put("rename", "{\"receiptId\":\"" + R + "\",\"name\":\"Urodziny\"}");
    SAMPLES.put("delete", "{\"receiptId\":\"" + R + "\"}");
    SAMPLES.put("noteReceipt", "{\"receiptId\":\"" + R + "\",\"note\":\"bez cebuli\"}");
    SAMPLES.put("setGuests", "{\"receiptId\":\"" + R + "\",\"guests\":5}");
    SAMPLES.put("reassign", "{\"receiptId\":\"" + R + "\",\"userId\":4242}");
    SAMPLES.put("addLine", "{\"receiptId\":\"" + R + "\",\"lineId\":\"" + L + "\",\"productId\":987654,"
        + "\"name\":\"Espresso\",\"unitPrice\":900,\"vat\":\"8\",\"quantity\":2000}");
    SAMPLES.put("adjustQuantity", "{\"lineId\":\"" + L + "\",\"delta\":1000}");
    SAMPLES.put("removeLine", "{\"lineId\":\"" + L + "\"}");
    SAMPLES.put("markSent", "{\"receiptId\":\"" + R + "\",\"lineIds\":[\"" + L + "\"]}");
    SAMPLES.put("changePrice", "{\"lineId\":\"" + L + "\",\"unitPrice\":750}");
    SAMPLES.put("noteLine", "{\"lineId\":\"" + L + "\",\"note\":\"mocne\"}");
    SAMPLES.put("setLineCourse", "{\"lineId\":\"" + L + "\",\"course\":2}");
    SAMPLES.put("setLineSeat", "{\"lineId\":\"" + L + "\",\"seat\":3}");
    SAMPLES.put("setLineDiscount", "{\"lineId\":\"" + L + "\",\"kind\":\"PERCENT\",\"value\":1000,"
        + "\"reason\":\"Pracownik\"}");
    SAMPLES.put("setReceiptDiscount", "{\"receiptId\":\"" + R + "\",\"kind\":\"AMOUNT\",\"value\":500,"
        + "\"reason\":\"Stały klient\"}");
    SAMPLES.put("moveLines", "{\"receiptId\":\"" + R + "\",\"targetReceiptId\":\"" + T + "\",\"newTarget\":false,"
        + "\"lines\":[{\"lineId\":\"" + L + "\"},{\"lineId\":\"" + L + "\"},{\"lineId\":\"" + L + "\"}]}");
    SAMPLES.put("merge", "{\"receiptId\":\"" + T + "\",\"targetReceiptId\":\"" + R + "\"}");
    SAMPLES.put("moveReceipt", "{\"receiptId\":\"" + R + "\",\"slotId\":\"" + T + "\"}");
    SAMPLES.put("startPayment", "{\"receiptId\":\"" + R + "\"}");
    SAMPLES.put("cancelPayment", "{\"receiptId\":\"" + R + "\"}");
    SAMPLES.put("pay", "{\"receiptId\":\"" + R + "\",\"seq\":393939,\"payments\":[{\"method\":\"CASH\","
        + "\"amount\":3200}]}");
    SAMPLES.put("payPart", "{\"receiptId\":\"" + R + "\",\"seq\":393939,\"split\":{\"by\":\"EQUAL\",\"parts\":2},"
        + "\"payments\":[{\"method\":\"CARD\",\"amount\":1600}]}");
    SAMPLES.put("breakLease", "{\"receiptId\":\"" + R + "\"}");
    SAMPLES.put("dayClose", "{}");
    SAMPLES.put("payOffline", "{\"receiptId\":\"" + R + "\",\"seenSeq\":393939,\"amount\":3200,"
        + "\"method\":\"CASH\",\"paidAt\":393939}");
  }

  /**
   * Every entry the trail holds that is not a terminal's command, as the code writes it: a device's join
   * (SharingJoin, three shapes), an attention item resolved (Attention), a sale voided (Corrections).
   */
  private static final Map<String, String[]> OTHERS = new LinkedHashMap<>();

  static {
    OTHERS.put("join into the shop's receipt", new String[] {"join", "{\"joinedReceiptId\":\"" + T + "\"}"});
    OTHERS.put("join took a local receipt", new String[] {"join", "{\"mergedReceiptId\":\"" + T + "\",\"from\":"
        + "\"Stolik 2\",\"droppedDiscount\":{\"kind\":\"PERCENT\",\"value\":1000,\"reason\":\"Pracownik\"}}"});
    OTHERS.put("join moved an ad-hoc receipt", new String[] {"join", "{\"name\":\"Sprzedaż 3\",\"number\":393939}"});
    OTHERS.put("resolveAttention", new String[] {"resolveAttention", "{\"type\":\"resolveAttention\",\"attentionId\":\""
        + T + "\",\"note\":\"policzone\"}"});
    OTHERS.put("voidSale", new String[] {"voidSale", "{\"type\":\"voidSale\",\"correctionId\":\"" + T
        + "\",\"saleId\":\"" + R + "\",\"lineIds\":[\"" + L + "\"],\"reason\":\"pomyłka\",\"amount\":900}"});
    OTHERS.put("voidSale whole", new String[] {"voidSale", "{\"type\":\"voidSale\",\"correctionId\":\"" + T
        + "\",\"saleId\":\"" + R + "\",\"reason\":\"pomyłka\",\"amount\":3200}"});
  }

  /** The names a trail gives: user 4242 is Ola, line L is Espresso, receipt T is "Stolik 2" (R is this one). */
  private static AuditDetails.Names names() {
    return new AuditDetails.Names(R, Map.of(4242L, "Ola"), Map.of(L, new AuditDetails.Item("Espresso", 900)), Map.of(),
        id -> T.equals(id) ? "Stolik 2" : null);
  }

  private static String said(String type, String lang) {
    String body = SAMPLES.get(type);
    String stored = "{\"type\":\"" + type + "\"," + body.substring(1);
    if (body.equals("{}")) stored = "{\"type\":\"" + type + "\"}";
    return AuditDetails.of(type, stored, I18n.of(lang), names());
  }

  @Test
  void every_command_type_the_parser_knows_reads_as_a_sentence_without_raw_ids_or_fields() {
    JsonSubTypes.Type[] types = Command.class.getAnnotation(JsonSubTypes.class).value();
    assertThat(SAMPLES.keySet()).as("a sample for every command type")
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(types).map(JsonSubTypes.Type::name).toList());
    for (JsonSubTypes.Type type : types) {
      for (String lang : I18n.LANGUAGES) {
        I18n i18n = I18n.of(lang);
        String sentence = said(type.name(), lang);
        assertThat(sentence).as("%s in %s", type.name(), lang).isNotBlank().doesNotContainPattern(RAW)
            .doesNotContain(" · ");
        for (String field : new String[] {"productId", "seq", "newTarget", "vat", "name", "quantity", "userId"}) {
          if (i18n.has("sales.field." + field)) {
            assertThat(sentence).as("%s in %s", type.name(), lang).doesNotContain(i18n.t("sales.field." + field) + ": ");
          }
        }
        String row = i18n.t("sales.says.row", "12:04", "Anna", "Kasa 1", sentence);
        assertThat(row).as("%s in %s", type.name(), lang).startsWith("12:04 Anna").contains("Kasa 1", sentence);
      }
    }
  }

  @Test
  void every_entry_that_is_not_a_command_reads_as_a_sentence_too() {
    for (Map.Entry<String, String[]> e : OTHERS.entrySet()) {
      for (String lang : I18n.LANGUAGES) {
        I18n i18n = I18n.of(lang);
        String sentence = AuditDetails.of(e.getValue()[0], e.getValue()[1], i18n, names());
        assertThat(sentence).as("%s in %s", e.getKey(), lang).isNotBlank().doesNotContainPattern(RAW)
            .doesNotContain(" · ").doesNotContain(": 3").doesNotContain("393939");
        for (String field : new String[] {"name", "number", "from", "note", "reason", "unitPrice", "seq"}) {
          if (i18n.has("sales.field." + field)) {
            assertThat(sentence).as("%s in %s", e.getKey(), lang).doesNotContain(i18n.t("sales.field." + field) + ":");
          }
        }
      }
    }
    I18n en = I18n.of("en");
    I18n pl = I18n.of("pl");
    assertThat(other("join into the shop's receipt", en))
        .isEqualTo("brought this receipt into Stolik 2, shared in the shop (sharing came on)");
    assertThat(other("join took a local receipt", en))
        .isEqualTo("took in Stolik 2 from this terminal (sharing came on); its discount 10 % could not be kept");
    assertThat(other("join moved an ad-hoc receipt", pl))
        .isEqualTo("przeniesiono ten paragon do wspólnych paragonów sklepu jako Sprzedaż 3 (włączono współdzielenie)");
    assertThat(other("resolveAttention", pl)).isEqualTo("oznaczono jako wyjaśnione: „policzone”");
    assertThat(other("voidSale", en)).isEqualTo("voided 1 line of the sale (9.00\u00a0zł), reason: pomyłka");
    assertThat(other("voidSale", pl)).isEqualTo("anulowano pozycje sprzedaży (1) na 9,00\u00a0zł, powód: pomyłka");
    assertThat(other("voidSale whole", pl)).isEqualTo("anulowano sprzedaż (32,00\u00a0zł), powód: pomyłka");
    assertThat(AuditDetails.of("join", "{\"joinedReceiptId\":\"" + R + "\"}", en, names()))
        .as("the shop's receipt unknown").isEqualTo("brought this receipt into the shared receipts of the shop (sharing came on)");
  }

  private static String other(String sample, I18n i18n) {
    return AuditDetails.of(OTHERS.get(sample)[0], OTHERS.get(sample)[1], i18n, names());
  }

  /**
   * Convention: every type the main code writes into the trail besides a command (a device's entry, a
   * row inserted by hand) has a sample above, so none can come without its sentence.
   */
  @Test
  void every_entry_type_the_code_writes_besides_commands_has_a_sample() throws java.io.IOException {
    Pattern byDevice = Pattern.compile("Audit\\.writeByDevice\\([^;]*?\"(\\w+)\"");
    Pattern inserted = Pattern.compile("INSERT INTO receipt_audit[^;]*?VALUES \\([^)]*'(\\w+)'");
    java.util.Set<String> written = new java.util.TreeSet<>();
    try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java/paragon"))) {
      for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = java.nio.file.Files.readString(file);
        for (Pattern p : new Pattern[] {byDevice, inserted}) p.matcher(source).results().forEach(m -> written.add(m.group(1)));
      }
    }
    assertThat(written).as("found the device's and inserted entries").contains("join", "voidSale");
    assertThat(OTHERS.values().stream().map(v -> v[0]).toList()).containsAll(written);
  }

  @Test
  void a_line_added_by_product_id_alone_is_named_by_its_line_or_product() {
    String stored = "{\"type\":\"addLine\",\"receiptId\":\"" + R + "\",\"lineId\":\"" + T
        + "\",\"productId\":987654,\"quantity\":3000}";
    var byProduct = new AuditDetails.Names(R, Map.of(), Map.of(), Map.of(987654L, new AuditDetails.Item("Piwo", 1250)),
        id -> null);
    assertThat(AuditDetails.of("addLine", stored, I18n.of("pl"), byProduct)).isEqualTo("dodano 3 x Piwo (37,50\u00a0zł)");
    var byLine = new AuditDetails.Names(R, Map.of(), Map.of(T, new AuditDetails.Item("Duże piwo", 1500)), Map.of(),
        id -> null);
    assertThat(AuditDetails.of("addLine", stored, I18n.of("en"), byLine)).isEqualTo("added 3 x Duże piwo (45.00\u00a0zł)");
  }

  @Test
  void the_issues_examples_read_as_written() {
    I18n en = I18n.of("en");
    assertThat(en.t("sales.says.row", "12:04", "Anna", "Kasa 1", said("addLine", "en")))
        .isEqualTo("12:04 Anna on Kasa 1 added 2 x Espresso (18.00\u00a0zł)");
    assertThat(said("moveLines", "en")).isEqualTo("moved 3 lines to Stolik 2");
    assertThat(said("merge", "en")).isEqualTo("merged Stolik 2 into this receipt");
    assertThat(said("reassign", "en")).isEqualTo("handed the receipt over to Ola");
    assertThat(said("removeLine", "en")).isEqualTo("removed Espresso");
    assertThat(said("pay", "en")).isEqualTo("took the payment: Cash 32.00\u00a0zł");
    I18n pl = I18n.of("pl");
    assertThat(pl.t("sales.says.row", "12:04", "Anna", "Kasa 1", said("addLine", "pl")))
        .isEqualTo("12:04 Anna (Kasa 1): dodano 2 x Espresso (18,00\u00a0zł)");
    assertThat(said("moveLines", "pl")).isEqualTo("przeniesiono pozycje (3) na Stolik 2");
    assertThat(said("merge", "pl")).isEqualTo("dołączono Stolik 2 do tego paragonu");
    assertThat(said("adjustQuantity", "pl")).isEqualTo("zmieniono ilość o +1: Espresso");
  }
  @Test
  void every_command_type_has_an_action_in_both_languages() {
    for (JsonSubTypes.Type type : Command.class.getAnnotation(JsonSubTypes.class).value()) {
      for (String lang : I18n.LANGUAGES) {
        assertThat(I18n.of(lang).has("sales.action." + type.name())).as(type.name() + " in " + lang).isTrue();
      }
    }
    assertThat(Command.class.getPermittedSubclasses()).hasSize(Command.class.getAnnotation(JsonSubTypes.class)
        .value().length);
  }

  @Test
  void an_added_line_reads_as_a_sentence_with_its_total() {
    String stored = "{\"type\":\"addLine\",\"receiptId\":\"r\",\"lineId\":\"l\",\"productId\":9,\"name\":\"Espresso\","
        + "\"unitPrice\":900,\"vat\":\"A\",\"quantity\":2000}";
    assertThat(AuditDetails.of(stored, I18n.of("pl"), Map.of())).isEqualTo("dodano 2 x Espresso (18,00\u00a0zł)");
    assertThat(AuditDetails.of(stored, I18n.of("en"), Map.of())).doesNotContain("Product").contains("2 x Espresso");
  }

  @Test
  void moves_and_payments_leak_no_ids_or_versions() {
    String move = "{\"type\":\"moveLines\",\"receiptId\":\"r\",\"targetReceiptId\":\"t\",\"newTarget\":true,"
        + "\"lines\":[{\"lineId\":\"a\"},{\"lineId\":\"b\"},{\"lineId\":\"c\"}]}";
    String pay = "{\"type\":\"pay\",\"receiptId\":\"r\",\"seq\":39,\"payments\":[{\"method\":\"CASH\",\"amount\":3200}]}";
    for (String lang : I18n.LANGUAGES) {
      I18n i18n = I18n.of(lang);
      assertThat(AuditDetails.of(move, i18n, Map.of())).contains("3").doesNotContain(i18n.t("sales.field.newTarget"));
      assertThat(AuditDetails.of(pay, i18n, Map.of())).doesNotContain(i18n.t("sales.field.seq")).doesNotContain("39");
    }
    assertThat(Arrays.asList(AuditDetails.of(move, I18n.of("en"), Map.of()))).containsExactly(
        "moved 3 lines to a new receipt");
  }
}
