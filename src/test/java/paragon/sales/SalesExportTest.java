package paragon.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.receipts.SaleRecords;
import paragon.receipts.SalesExport;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/** The sales CSV exports: columns, the Polish and plain number formats, the BOM, and a streamed 100,000 lines. */
class SalesExportTest {
  private static final String MODS = "[{\"groupId\":1,\"optionId\":3,\"group\":\"Size\",\"name\":\"Large\","
      + "\"delta\":200},"
      + "{\"groupId\":2,\"optionId\":7,\"group\":\"Extras\",\"name\":\"Oat milk\",\"delta\":0}]";

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void lines_and_sales_export_in_the_polish_and_the_plain_format(TestDatabases.Kind kind) throws IOException {
    try (TestApp app = TestApp.start(kind)) {
      Bistro b = new Bistro(app, "pl");
      Ledger ledger = new Ledger(app, b);
      Ledger.L latte = new Ledger.L(14L, "Latte; \"duża\"", 1450, 2000, "8", MODS, "PERCENT", 1000L, "Pracownik");
      Ledger.L cake = Ledger.L.of("Sernik", 1200, 1500);
      long at = SalesRangeTest.warsaw("2026-11-23T09:15:30");
      String sale = ledger.sales(1, b.shopA, b.till1, b.anna, at, 0, new Ledger.L[] {latte, cake}, "CARD", 290);
      WebClient c = b.owner.client();

      WebClient.Response pl = c.get("/backoffice/sales/export?from=2026-11-23&kind=lines&format=pl&bom=1");
      assertThat(pl.status()).isEqualTo(200);
      assertThat(pl.header("Content-Type")).startsWith("text/csv");
      assertThat(pl.header("Content-Disposition")).contains("paragon-lines-2026-11-23-2026-11-23.csv");
      assertThat(pl.body()).startsWith("\uFEFFID paragonu;Czas (polski);Czas (UTC);Sklep;Terminal;Kasjer;");
      List<CSVRecord> rows = parse(pl.body().substring(1), ';');
      assertThat(rows).hasSize(3);
      assertThat(rows.get(1).toList()).containsExactly(sale, "2026-11-23T09:15:30", "2026-11-23T08:15:30Z", "Rynek",
          "Kasa przy barze", "Anna Nowak", "14", "Latte; \"duża\"", "2", "14,50", "Large, Oat milk", "29,00", "2,90",
          "Pracownik", "8", "CARD", "0,00");
      assertThat(rows.get(2).toList()).containsExactly(sale, "2026-11-23T09:15:30", "2026-11-23T08:15:30Z", "Rynek",
          "Kasa przy barze", "Anna Nowak", "", "Sernik", "1,5", "12,00", "", "18,00", "0,00", "", "23", "CARD", "0,00");

      WebClient.Response plain = c.get("/backoffice/sales/export?from=2026-11-23&kind=sales&format=plain&lang=en");
      assertThat(plain.body()).doesNotStartWith("\uFEFF").startsWith("Receipt ID,Time (Polish time),Time (UTC),");
      List<CSVRecord> sales = parse(plain.body(), ',');
      assertThat(sales.get(0).toList()).containsExactly("Receipt ID", "Time (Polish time)", "Time (UTC)", "Shop",
          "Terminal", "Cashier", "Receipt", "Total", "Discount", "Net", "VAT", "Cash", "Card", "Voucher", "Transfer",
          "Tendered", "Change", "Tip", "Corrections");
      // 29.00 + 18.00 - 2.90 (the Ledger takes the discount off the first line's rate: 8 %).
      assertThat(sales.get(1).toList()).containsExactly(sale, "2026-11-23T09:15:30", "2026-11-23T08:15:30Z",
          "Rynek", "Kasa przy barze", "Anna Nowak", "Sprzedaż 1", "44.10", "2.90", "38.80", "5.30", "0.00", "44.10",
          "0.00", "0.00", "44.10", "0.00", "0.00", "0.00");
      assertThat(parse(c.get("/backoffice/sales/export?from=2026-11-22&kind=sales").body(), ';')).hasSize(1);

      // A tip (issue 12) has its own column and stays out of the total; a void after payment is a
      // correction in its own column, negative, and the sale row is unchanged.
      app.db.inTransaction(h -> {
        h.createUpdate("UPDATE sales SET tip = 500 WHERE id = :id").bind("id", sale).execute();
        return h.createUpdate("""
                INSERT INTO sale_corrections (id, account_id, sale_id, shop_id, admin_id, reason, amount, created_at)
                VALUES (:c, :a, :s, :shop, 1, 'Zwrot', 1800, :t)""")
            .bind("c", java.util.UUID.randomUUID().toString()).bind("a", b.owner.accountId()).bind("s", sale)
            .bind("shop", b.shopA).bind("t", at + 1000).execute();
      });
      List<CSVRecord> after = parse(c.get("/backoffice/sales/export?from=2026-11-23&kind=sales&format=plain&lang=en")
          .body(), ',');
      assertThat(after.get(1).toList()).endsWith("44.10", "0.00", "5.00", "-18.00");
      assertThat(after.get(1).get(7)).isEqualTo("44.10");
      // The lines' export: what the (whole-sale) void took back of each line, negative, by the line's rate.
      List<CSVRecord> voidedLines = parse(c.get("/backoffice/sales/export?from=2026-11-23&kind=lines&format=plain")
          .body(), ',');
      assertThat(voidedLines.get(1).toList()).endsWith("8", "CARD", "-26.10");
      assertThat(voidedLines.get(2).toList()).endsWith("23", "CARD", "-18.00");
    }
  }

  /**
   * 100,000 lines (1,000 sales of 100 lines, inserted in one batch) export over HTTP with the right
   * count and sums. That the rows are not held: the export's rows go straight to a consumer that
   * keeps nothing, and the heap in use after a collection, measured before the export and again
   * after 60,000 rows, grows by far less than the rows would take (a List of them, or a driver that
   * read the whole result at once, holds tens of megabytes by then).
   */
  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_hundred_thousand_lines_stream_with_the_right_count_and_sum(TestDatabases.Kind kind) throws IOException {
    try (TestApp app = TestApp.start(kind)) {
      Bistro b = new Bistro(app, "en");
      Ledger ledger = new Ledger(app, b);
      Ledger.L[] lines = new Ledger.L[100];
      for (int i = 0; i < lines.length; i++) {
        lines[i] = new Ledger.L((long) i + 1, "Product number " + i, 100 + i, 1000 + i % 3 * 500, "23", MODS,
            null, null, null);
      }
      long from = SalesRangeTest.warsaw("2026-11-20T08:00:00");
      ledger.sales(1000, b.shopA, b.till1, b.anna, from, 60_000, lines, "CASH", 0);
      long expectedQuantity = 0;
      long expectedTotal = 0;
      for (Ledger.L l : lines) {
        expectedQuantity += 1000L * l.quantity();
        expectedTotal += 1000L * ((l.unitPrice() * l.quantity() + 500) / 1000);
      }

      WebClient.Response r = b.owner.client()
          .get("/backoffice/sales/export?from=2026-11-20&to=2026-11-21&kind=lines&format=plain");
      assertThat(r.status()).isEqualTo(200);
      List<CSVRecord> rows = parse(r.body(), ',');
      assertThat(rows).hasSize(100_001);
      long quantity = 0;
      long total = 0;
      for (CSVRecord row : rows.subList(1, rows.size())) {
        quantity += new BigDecimal(row.get(8)).movePointRight(3).longValueExact();
        total += new BigDecimal(row.get(11)).movePointRight(2).longValueExact();
      }
      assertThat(quantity).isEqualTo(expectedQuantity);
      assertThat(total).isEqualTo(expectedTotal);
      rows = null;
      r = null;

      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      long before = usedAfterGc(memory);
      AtomicLong count = new AtomicLong();
      AtomicLong atSixty = new AtomicLong(-1);
      new SalesExport(app.db).lines(b.owner.accountId(),
          new SaleRecords.Query(from, from + 2 * 86_400_000L, null, null, null), line -> {
            if (count.incrementAndGet() == 60_000) atSixty.set(usedAfterGc(memory));
          });
      assertThat(count.get()).isEqualTo(100_000);
      long grown = atSixty.get() - before;
      assertThat(grown).as("heap grown by %d bytes at row 60,000", grown).isLessThan(12L << 20);
    }
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static List<CSVRecord> parse(String body, char delimiter) throws IOException {
    return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(new StringReader(body)).getRecords();
  }
}
