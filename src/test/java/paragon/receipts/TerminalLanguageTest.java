package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.devices.TerminalAuth;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/**
 * Every refusal a terminal shows is in the language its cashier chose there (sent as Accept-Language
 * with each call), not the account's: an English terminal on a Polish account (issue 8).
 */
class TerminalLanguageTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void an_english_terminal_on_a_polish_account_gets_english_refusals_and_errors(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal en = f.terminal("anna");
      en.lang = "en";
      JsonNode limit = en.send("rename", "receiptId", en.openAdHoc(), "name", "x".repeat(41));
      assertThat(limit.path("message").asText()).isEqualTo("A name must have 1 to 40 characters.");
      JsonNode gap = en.post(List.of(Map.of("n", 99, "type", "dayClose"))).get(0);
      assertThat(gap.path("message").asText()).startsWith("Command 99 arrived before command");

      WebClient.Response batch = f.app.client().postJson("/api/terminal/commands", Map.of("not", "an array"),
          en.headers());
      assertThat(batch.status()).isEqualTo(400);
      assertThat(batch.json().path("message").asText()).as("a Problem answer too").doesNotContain("musi");
      assertThat(batch.json().path("message").asText()).isEqualTo(
          paragon.web.I18n.of("en").t("receipts.batch.array", "commands"));

      WebClient.Response wrongPin = f.app.client().postJson("/api/device/login",
          Map.of("identifier", "anna", "pin", "0000"), Map.of("Authorization", "Bearer " + en.token,
              "Accept-Language", "en-GB,en;q=0.9,pl;q=0.5"));
      assertThat(wrongPin.json().path("message").asText()).startsWith("Wrong PIN.");

      Terminal pl = f.terminal("ola");
      JsonNode polish = pl.send("rename", "receiptId", pl.openAdHoc(), "name", "x".repeat(41));
      assertThat(polish.path("message").asText()).isEqualTo("Nazwa musi mieć od 1 do 40 znaków.");
      WebClient.Response noLanguage = f.app.client().postJson("/api/terminal/commands",
          List.of(Map.of("n", 99, "type", "dayClose")),
          Map.of("Authorization", "Bearer " + pl.token, TerminalAuth.SESSION_HEADER, pl.session));
      assertThat(noLanguage.json().get(0).path("message").asText()).as("no choice sent: the account's language")
          .startsWith("Polecenie 99");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void an_untouched_ad_hoc_receipt_carries_its_number_so_each_terminal_names_it_in_its_own_language(
      TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal en = f.terminal("anna");
      en.lang = "en";
      String sale = en.openAdHoc();
      ReceiptView v = f.receipt(sale);
      assertThat(v.name()).as("older clients: the account's language").isEqualTo("Sprzedaż 1");
      assertThat(v.defaultName()).isEqualTo(DefaultName.sale(1));
      assertThat(DefaultName.of(v, paragon.web.I18n.of("en"))).isEqualTo("Sale 1");

      en.add(sale, f.beer, 1000);
      en.send("pay", "receiptId", sale, "seq", f.receipt(sale).seq(),
          "payments", List.of(Map.of("method", "CASH", "amount", 1250)));
      Map<String, Object> note = Terminal.command("noteReceipt", "receiptId", sale, "note", "late");
      note.put("n", en.nextNumber());
      JsonNode closed = en.post(List.of(note)).get(0);
      assertThat(closed.path("code").asText()).isEqualTo("closed");
      assertThat(closed.path("message").asText()).isEqualTo("Receipt Sale 1 is already closed.");
      en.lang = "pl";
      JsonNode again = en.post(List.of(note)).get(0);
      assertThat(again.path("status").asText()).isEqualTo("duplicate");
      assertThat(again.path("message").asText()).as("a resend is told in the language it is sent in")
          .isEqualTo("Paragon Sprzedaż 1 jest już zamknięty.");
      en.skipNumbers(1);

      en.lang = "en";
      JsonNode late = en.send("addLine", "receiptId", sale, "lineId", Terminal.uuid(), "productId", f.espresso);
      ReceiptView recovery = f.receipt(late.path("result").path("receiptId").asText());
      assertThat(recovery.name()).isEqualTo("Sprzedaż 1 (odzyskany)");
      assertThat(recovery.defaultName()).isEqualTo(new DefaultName(1L, null, true));
      assertThat(DefaultName.of(recovery, paragon.web.I18n.of("en"))).isEqualTo("Sale 1 (recovered)");

      String renamed = en.openAdHoc();
      en.send("rename", "receiptId", renamed, "name", "Taras");
      assertThat(f.receipt(renamed).defaultName()).as("a renamed receipt keeps its name").isNull();
      assertThat(f.receipt(renamed).name()).isEqualTo("Taras");
    }
  }
}
