package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.testing.TestDatabases;

/** A day close's report: computed by the server, answered in the command's result and kept with the close. */
class DayReportTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_report_totals_methods_vat_rates_and_cashiers_and_is_kept(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      Terminal other = f.terminal("marek");
      // Anna: 2 beers (23 %) by card; 1 espresso (8 %) + 1 beer, cash 3000 for 2150 (change 850).
      pay(f, a, List.of(new long[] {f.beer, 2000}), Map.of("method", "CARD", "amount", 2500));
      pay(f, a, List.of(new long[] {f.espresso, 1000}, new long[] {f.beer, 1000}),
          Map.of("method", "CASH", "amount", 3000));
      // Then Ola logs in on the same terminal: one espresso, voucher.
      a.login("ola", "2222");
      pay(f, a, List.of(new long[] {f.espresso, 1000}), Map.of("method", "VOUCHER", "amount", 900));
      pay(f, other, List.of(new long[] {f.beer, 1000}), Map.of("method", "CASH", "amount", 1250));

      JsonNode close = a.send("dayClose");
      assertThat(close.path("status").asText()).isEqualTo("accepted");
      JsonNode report = close.path("result").path("report");
      assertThat(report.path("sales").asLong()).isEqualTo(3);
      assertThat(report.path("total").asLong()).isEqualTo(2500 + 2150 + 900);
      assertThat(report.path("discounts").asLong()).isZero();
      assertThat(report.path("methods").toString()).isEqualTo("{\"CASH\":2150,\"CARD\":2500,\"VOUCHER\":900}");
      // 23 %: 2500 + 1250 = 3750 gross; 8 %: 900 + 900 = 1800 (sums of each sale's recorded shares).
      assertThat(report.path("vat")).hasSize(2);
      assertThat(report.path("vat").get(0).path("vat").asText()).isEqualTo("23");
      assertThat(report.path("vat").get(0).path("gross").asLong()).isEqualTo(3750);
      assertThat(report.path("vat").get(0).path("net").asLong()).isEqualTo(2033 + 1016);
      assertThat(report.path("vat").get(1).path("vat").asText()).isEqualTo("8");
      assertThat(report.path("vat").get(1).path("gross").asLong()).isEqualTo(1800);
      assertThat(report.path("vat").get(1).path("tax").asLong()).isEqualTo(2 * (900 - 833));
      JsonNode cashiers = report.path("cashiers");
      assertThat(cashiers).hasSize(2);
      assertThat(cashiers.get(0).path("name").asText()).isEqualTo("Anna Nowak");
      assertThat(cashiers.get(0).path("sales").asLong()).isEqualTo(2);
      assertThat(cashiers.get(0).path("total").asLong()).isEqualTo(4650);
      assertThat(cashiers.get(1).path("userId").asLong()).isEqualTo(f.ola);
      assertThat(cashiers.get(1).path("total").asLong()).isEqualTo(900);
      assertThat(report.path("firstSaleAt").asLong()).isPositive();

      long id = close.path("result").path("dayCloseId").asLong();
      DayCloses.Closed kept = new DayCloses(f.app.db).find(f.account, id).orElseThrow();
      assertThat(kept.shopId()).isEqualTo(f.shop);
      assertThat(kept.deviceId()).isEqualTo(a.deviceId);
      assertThat(kept.report().total()).isEqualTo(5550);
      assertThat(kept.report().cashiers()).extracting(DayReport.CashierRow::name)
          .containsExactly("Anna Nowak", "Ola Lis");
      assertThat(new DayCloses(f.app.db).find(f.account + 1, id)).isEmpty();
      assertThat(new DayCloses(f.app.db).find(f.account, new DayCloses.Query(0, Long.MAX_VALUE, f.shop, null), 10))
          .extracting(DayCloses.Closed::id).containsExactly(id);

      JsonNode empty = a.send("dayClose").path("result").path("report");
      assertThat(empty.path("sales").asLong()).isZero();
      assertThat(empty.path("vat")).isEmpty();
      assertThat(empty.path("firstSaleAt").isNull()).isTrue();
    }
  }

  private static void pay(Floor f, Terminal t, List<long[]> lines, Map<String, Object> payment) {
    String r = t.openAdHoc();
    for (long[] l : lines) t.add(r, l[0], l[1]);
    JsonNode paid = t.send("pay", "receiptId", r, "seq", f.receipt(r).seq(), "payments", List.of(payment));
    assertThat(paid.path("status").asText()).as(paid.toString()).isEqualTo("accepted");
  }
}
