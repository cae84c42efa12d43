package paragon.sales;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

/**
 * The open-receipts list names the terminal where a receipt was opened and its waiter, whichever
 * terminal of the shared shop changed it since (issue 15: a receipt opened on Kasa 3 showed Kasa 1).
 */
class OpenReceiptsTerminalTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_receipt_opened_on_the_third_terminal_shows_that_terminal_and_its_waiter(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Tills t = new Tills(app);
      Tills.Till kasa1 = t.till("anna");
      Tills.Till kasa2 = t.till("anna");
      Tills.Till kasa3 = t.till("ola");
      String annas = kasa1.openAdHoc();
      kasa1.add(annas, t.espresso);
      String olas = kasa3.openAdHoc();
      kasa3.add(olas, t.espresso);
      kasa1.add(olas, t.espresso); // Anna adds to Ola's receipt on Kasa 1: still opened on Kasa 3, still Ola's
      String table = kasa2.send("openTable", "slotId", slot(t, "Stolik 1")).path("result").path("receiptId").asText();
      kasa1.add(table, t.espresso);

      String html = t.owner.client().get("/backoffice/receipts?shop=" + t.shop).body();
      assertThat(row(html, olas)).contains("<td>Ola Lis</td>", "Kasa 3").doesNotContain("Kasa 2");
      assertThat(cell(row(html, olas), 2)).isEqualTo("Kasa 3 ostatnio: Kasa 1");
      assertThat(cell(row(html, annas), 1)).isEqualTo("Anna Nowak");
      assertThat(cell(row(html, annas), 2)).isEqualTo("Kasa 1");
      assertThat(cell(row(html, table), 2)).isEqualTo("Kasa 2 ostatnio: Kasa 1");
      assertThat(html).contains("<th>Kelner</th>", "<th>Otwarty na</th>");
      String english = t.owner.client().get("/backoffice/receipts?shop=" + t.shop + "&lang=en").body();
      assertThat(english).contains("<th>Waiter</th>", "<th>Opened on</th>");
      assertThat(cell(row(english, olas), 2)).isEqualTo("Kasa 3 last: Kasa 1");
    }
  }

  private static String slot(Tills t, String name) {
    return t.app.db.read(h -> h.createQuery("SELECT id FROM receipt_slots WHERE account_id = :a AND name = :n")
        .bind("a", t.account).bind("n", name).mapTo(String.class).one());
  }

  /** The list's row of receipt {@code id}. */
  static String row(String html, String id) {
    int at = html.indexOf("data-receipt=\"" + id + "\"");
    assertThat(at).as("a row for %s", id).isPositive();
    return html.substring(at, html.indexOf("</tr>", at));
  }

  /** The text of the {@code index}th cell (from 0) of a row, tags removed, spaces folded. */
  static String cell(String row, int index) {
    String[] cells = row.split("<td[^>]*>");
    return cells[index + 1].replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
  }
}
