package paragon.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.receipts.DefaultName;
import paragon.receipts.ReceiptView;
import paragon.receipts.State;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/** The back office's open receipts, audit trail and sales pages, over HTTP as a signed-in owner. */
class SalesPagesTest {
  private static final long MINUTE = 60_000;

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void open_receipts_show_name_owner_terminal_age_total_and_who_is_paying(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Bistro b = new Bistro(app, "pl");
      long now = app.clock.millis();
      ReceiptView annas = b.receipt(b.shopA, b.till1, b.anna, "Sprzedaż 1", State.OPEN, null,
          List.of(Bistro.line("Kawa", 900, 2000), Bistro.line("Ciasto", 1450, 1000)), now - 30 * MINUTE);
      ReceiptView paying = b.receipt(b.shopA, b.till1, b.bob, "Stolik 4", State.PAYING,
          new ReceiptView.LeaseView(b.till1, b.bob, "Bob Lis", now + MINUTE), List.of(Bistro.line("Zupa", 1800, 1000)),
          now - 125 * MINUTE);
      ReceiptView otherShop = b.receipt(b.shopB, b.till2, b.anna, "Sprzedaż 9", State.OPEN, null,
          List.of(Bistro.line("Herbata", 700, 1000)), now - MINUTE);
      ReceiptView paid = b.receipt(b.shopA, b.till1, b.anna, "Sprzedaż 2", State.CLOSED, null,
          List.of(Bistro.line("Woda", 500, 1000)), now - 5 * MINUTE);

      WebClient.Response page = b.owner.client().get("/backoffice/receipts?shop=" + b.shopA);
      assertThat(page.status()).isEqualTo(200);
      String html = page.body();
      assertThat(html).contains("Otwarte paragony", "data-receipt=\"" + annas.id() + "\"", "Sprzedaż 1", "Anna Nowak",
          "Kasa przy barze", "30 min", "32,50\u00a0zł", "data-receipt=\"" + paying.id() + "\"",
          "Płatność: Bob Lis · Kasa przy barze", "2 godz. 05 min", "50,50\u00a0zł", "hx-trigger=\"every 5s\"");
      assertThat(html).doesNotContain(otherShop.id(), paid.id());

      WebClient.Response fragment = b.owner.client().get("/backoffice/receipts/live?shop=" + b.shopA + "&lang=en",
          Map.of("HX-Request", "true"));
      assertThat(fragment.status()).isEqualTo(200);
      assertThat(fragment.body()).doesNotContain("<html").contains("id=\"live\"", "32.50\u00a0zł", "Paying: Bob Lis",
          "2 h 05 min", annas.id(), paying.id()).doesNotContain(otherShop.id());

      app.clock.advance(Duration.ofMinutes(2)); // the lease ran out: the receipt is free again
      assertThat(b.owner.client().get("/backoffice/receipts?shop=" + b.shopA).body()).doesNotContain("Płatność: Bob Lis");

      assertThat(b.owner.client().get("/backoffice/receipts?shop=" + b.shopB).body()).contains(otherShop.id())
          .doesNotContain(annas.id());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_receipts_audit_trail_says_who_did_what_on_which_terminal_and_when(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Bistro b = new Bistro(app, "pl");
      long opened = app.clock.millis() - 30 * MINUTE; // 10:30 in Warsaw
      ReceiptView r = b.receipt(b.shopA, b.till1, b.anna, "Sprzedaż 1", State.OPEN, null,
          List.of(Bistro.line("Kawa", 900, 2000)), opened);
      String html = b.owner.client().get("/backoffice/receipts/" + r.id()).body();
      assertThat(html).contains("<h1>Sprzedaż 1</h1>", "Historia zmian", "2026-11-23 10:30:00", "2026-11-23 10:31:00",
          "10:30 Anna Nowak (Kasa przy barze): otwarto paragon",
          "10:31 Anna Nowak (Kasa przy barze): dodano 2 x Kawa (18,00\u00a0zł)", "przy oknie");
      assertThat(html.indexOf("otwarto paragon")).isLessThan(html.indexOf("dodano 2 x Kawa"));
      assertThat(html).doesNotContain("Nazwa: Kawa", "Ilość: 2");
      String english = b.owner.client().get("/backoffice/receipts/" + r.id() + "?lang=en").body();
      assertThat(english).contains("Audit trail", "10:30 Anna Nowak on Kasa przy barze opened the receipt",
          "10:31 Anna Nowak on Kasa przy barze added 2 x Kawa (18.00\u00a0zł)");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void sales_are_filtered_by_day_shop_user_and_method_with_totals(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Bistro b = new Bistro(app, "pl");
      long now = app.clock.millis(); // 2026-11-23 11:00 in Warsaw
      ReceiptView s1 = b.receipt(b.shopA, b.till1, b.anna, "Sprzedaż 1", State.CLOSED, null,
          List.of(Bistro.line("Kawa", 1000, 1000)), now - 60 * MINUTE);
      b.sale(s1, b.till1, b.anna, now - 50 * MINUTE, new String[] {"CASH"}, new long[] {1000});
      ReceiptView s2 = b.receipt(b.shopB, b.till2, b.bob, "Stolik 2", State.CLOSED, null,
          List.of(Bistro.line("Obiad", 5000, 1000)), now - 40 * MINUTE);
      b.sale(s2, b.till2, b.bob, now - 30 * MINUTE, new String[] {"CARD", "CASH"}, new long[] {3000, 2000});
      ReceiptView s3 = b.receipt(b.shopA, b.till1, b.anna, "Sprzedaż 3", State.CLOSED, null,
          List.of(Bistro.line("Sok", 700, 1000)), now - 24 * 60 * MINUTE);
      b.sale(s3, b.till1, b.anna, now - 24 * 60 * MINUTE, new String[] {"CARD"}, new long[] {700});
      WebClient c = b.owner.client();

      String today = c.get("/backoffice/sales").body();
      assertThat(today).contains("data-sale=\"" + s1.id(), "data-sale=\"" + s2.id(), "value=\"2026-11-23\"",
          "60,00\u00a0zł", "Gotówka 20,00\u00a0zł", "Karta 30,00\u00a0zł").doesNotContain(s3.id());
      assertThat(between(today, "class=\"count\">", "<")).isEqualTo("2");
      assertThat(c.get("/backoffice/sales?shop=" + b.shopA).body()).contains(s1.id()).doesNotContain(s2.id(), s3.id());
      assertThat(c.get("/backoffice/sales?user=" + b.bob).body()).contains(s2.id()).doesNotContain(s1.id(), s3.id());
      assertThat(c.get("/backoffice/sales?method=CARD").body()).contains(s2.id()).doesNotContain(s1.id(), s3.id());
      String yesterday = c.get("/backoffice/sales?day=2026-11-22&method=CARD&shop=" + b.shopA + "&user=" + b.anna).body();
      assertThat(yesterday).contains(s3.id(), "7,00\u00a0zł").doesNotContain(s1.id(), s2.id());
      assertThat(c.get("/backoffice/sales?day=2026-11-21").body()).contains("Brak sprzedaży");

      WebClient.Response badMethod = c.get("/backoffice/sales?method=BITCOIN", Map.of("HX-Request", "true"));
      assertThat(badMethod.status()).isEqualTo(400);
      assertThat(badMethod.json().get("field").asText()).isEqualTo("method");
      WebClient.Response badDay = c.get("/backoffice/sales?day=23.11.2026&lang=en", Map.of("HX-Request", "true"));
      assertThat(badDay.status()).isEqualTo(400);
      assertThat(badDay.json().get("field").asText()).isEqualTo("day");
      assertThat(badDay.json().get("message").asText()).contains("YYYY-MM-DD");
      assertThat(c.get("/backoffice/sales?shop=abc").status()).isEqualTo(400);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_default_receipt_name_is_shown_in_the_back_office_users_language(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Bistro b = new Bistro(app, "pl");
      long now = app.clock.millis();
      ReceiptView open = b.receipt(b.shopA, b.till1, b.anna, "Sprzedaż 4", DefaultName.sale(4), State.OPEN, null,
          List.of(Bistro.line("Kawa", 900, 1000)), now - MINUTE);
      ReceiptView paid = b.receipt(b.shopA, b.till1, b.anna, "Sprzedaż 7 (odzyskany)", new DefaultName(7L, null, true),
          State.CLOSED, null, List.of(Bistro.line("Woda", 500, 1000)), now - 5 * MINUTE);
      b.sale(paid, b.till1, b.anna, now - 4 * MINUTE, new String[] {"CASH"}, new long[] {500});
      WebClient c = b.owner.client();

      assertThat(c.get("/backoffice/receipts?shop=" + b.shopA).body()).contains("Sprzedaż 4");
      assertThat(c.get("/backoffice/receipts/live?shop=" + b.shopA + "&lang=en", Map.of("HX-Request", "true")).body())
          .contains("Sale 4").doesNotContain("Sprzedaż 4");
      assertThat(c.get("/backoffice/receipts/" + open.id()).body()).contains("<h1>Sale 4</h1>");
      assertThat(c.get("/backoffice/sales").body()).contains("Sale 7 (recovered)").doesNotContain("Sprzedaż 7");
      assertThat(c.get("/backoffice/sales?lang=pl").body()).contains("Sprzedaż 7 (odzyskany)");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void another_accounts_receipts_shops_and_users_are_not_found(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Bistro mine = new Bistro(app, "pl");
      Bistro theirs = new Bistro(app, "en");
      long now = app.clock.millis();
      ReceiptView foreign = theirs.receipt(theirs.shopA, theirs.till1, theirs.anna, "Sale 1", State.OPEN, null,
          List.of(Bistro.line("Tea", 700, 1000)), now - MINUTE);
      ReceiptView foreignPaid = theirs.receipt(theirs.shopA, theirs.till1, theirs.anna, "Sale 2", State.CLOSED, null,
          List.of(Bistro.line("Tea", 700, 1000)), now - MINUTE);
      theirs.sale(foreignPaid, theirs.till1, theirs.anna, now, new String[] {"CASH"}, new long[] {700});
      WebClient c = mine.owner.client();

      assertThat(c.get("/backoffice/receipts/" + foreign.id()).status()).isEqualTo(404);
      assertThat(c.get("/backoffice/receipts/" + foreignPaid.id()).status()).isEqualTo(404);
      assertThat(c.get("/backoffice/receipts?shop=" + theirs.shopA).status()).isEqualTo(404);
      assertThat(c.get("/backoffice/receipts/live?shop=" + theirs.shopA,
          Map.of("HX-Request", "true")).status()).isEqualTo(404);
      assertThat(c.get("/backoffice/sales?shop=" + theirs.shopA).status()).isEqualTo(404);
      assertThat(c.get("/backoffice/sales?user=" + theirs.anna).status()).isEqualTo(404);
      String mySales = c.get("/backoffice/sales").body();
      assertThat(mySales).doesNotContain(foreignPaid.id());
      assertThat(c.get("/backoffice/receipts").body()).doesNotContain(foreign.id());
      // The owner of the other account does see them.
      assertThat(theirs.owner.client().get("/backoffice/receipts/" + foreign.id()).status()).isEqualTo(200);
      assertThat(theirs.owner.client().get("/backoffice/sales").body()).contains(foreignPaid.id());
      // Signed out: off to the login page.
      assertThat(app.client().get("/backoffice/sales").status()).isEqualTo(303);
    }
  }

  private static String between(String s, String start, String end) {
    int i = s.indexOf(start) + start.length();
    return s.substring(i, s.indexOf(end, i));
  }
}
