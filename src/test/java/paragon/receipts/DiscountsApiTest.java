package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.Plan;
import paragon.demo.Seed;
import paragon.testing.JsonText;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/**
 * Modifiers and discounts over real HTTP, on both databases: the server prices and checks them,
 * stores them in the V40 columns (every later command reads them back), sends them in the views of
 * the change feed, records them in the sale and the audit trail, and refuses what is wrong by name.
 */
class DiscountsApiTest {
  /** A latte (14,00 zł, 15,00 zł in Rynek) with a required size and optional extras. */
  private record Menu(long latte, long size, long small, long large, long extras, long syrup, long foreign) {}

  private static Menu menu(Floor f) {
    long[] ids = new long[7];
    long revision = f.change(h -> {
      ids[0] = Seed.product(h, f.account, "Latte", 1400, "8", "Kawa", 3);
      CatalogRows.shopPrice(h, f.account, ids[0], f.shop, 1500);
      ids[1] = CatalogRows.group(h, f.account, "Rozmiar", 1, 1, 0);
      ids[2] = CatalogRows.option(h, f.account, ids[1], "Mała", 0, 0);
      ids[3] = CatalogRows.option(h, f.account, ids[1], "Duża", 200, 1);
      ids[4] = CatalogRows.group(h, f.account, "Dodatki", 0, 0, 1);
      ids[5] = CatalogRows.option(h, f.account, ids[4], "Syrop", 150, 0);
      CatalogRows.attach(h, f.account, ids[0], ids[1], 0);
      CatalogRows.attach(h, f.account, ids[0], ids[4], 1);
      // Another account's option: "not found" here.
      long other = Seed.account(h, "Obcy", Plan.MAX, "pl", 0);
      long otherGroup = CatalogRows.group(h, other, "Rozmiar", 0, 0, 0);
      ids[6] = CatalogRows.option(h, other, otherGroup, "Duża", 1, 0);
    });
    assertThat(revision).isGreaterThan(1);
    return new Menu(ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[6]);
  }

  /** The receipt whole, as a terminal receives it in a snapshot or a receipt frame. */
  private static JsonNode payload(Floor f, String id) {
    return JsonText.tree(paragon.web.Json.write(new ChangeFeed(f.app.db).latest(f.account, id).orElseThrow()));
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_line_with_modifiers_is_checked_and_priced_by_the_server_at_the_shops_price(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Menu m = menu(f);
      Terminal anna = f.terminal("anna");
      String r = anna.openAdHoc();
      JsonNode required = anna.send("addLine", "receiptId", r, "lineId", Terminal.uuid(), "productId", m.latte(),
          "modifiers", List.of(m.syrup()));
      assertThat(required.path("code").asText()).isEqualTo("modifier_required");
      assertThat(required.path("details").path("group").asText()).isEqualTo("Rozmiar");
      assertThat(required.path("details").path("groupId").asLong()).isEqualTo(m.size());
      assertThat(required.path("message").asText()).isEqualTo("Wybierz w grupie Rozmiar (co najmniej: 1).");
      JsonNode twoSizes = anna.send("addLine", "receiptId", r, "lineId", Terminal.uuid(), "productId", m.latte(),
          "modifiers", List.of(m.small(), m.large()));
      assertThat(twoSizes.path("code").asText()).isEqualTo("modifier_too_many");
      JsonNode foreign = anna.send("addLine", "receiptId", r, "lineId", Terminal.uuid(), "productId", m.latte(),
          "modifiers", List.of(m.large(), m.foreign()));
      assertThat(foreign.path("code").asText()).isEqualTo("not_found");
      assertThat(foreign.path("details").path("optionId").asLong()).isEqualTo(m.foreign());
      JsonNode free = anna.send("addLine", "receiptId", r, "lineId", Terminal.uuid(), "name", "Ciasto",
          "unitPrice", 1000, "vat", "8", "modifiers", List.of(m.large()));
      assertThat(free.path("code").asText()).isEqualTo("invalid");
      assertThat(free.path("details").path("field").asText()).isEqualTo("modifiers");
      JsonNode twice = anna.send("addLine", "receiptId", r, "lineId", Terminal.uuid(), "productId", m.latte(),
          "modifiers", List.of(m.large(), m.large()));
      assertThat(twice.path("details").path("field").asText()).isEqualTo("modifiers");
      assertThat(payload(f, r).path("lines")).isEmpty();

      String line = Terminal.uuid();
      JsonNode ok = anna.send("addLine", "receiptId", r, "lineId", line, "productId", m.latte(), "quantity", 2000,
          "modifiers", List.of(m.syrup(), m.large()));
      assertThat(ok.path("status").asText()).as(ok.toString()).isEqualTo("accepted");
      // A later command reads the line back from its columns: the modifiers survive the store.
      anna.send("noteLine", "lineId", line, "note", "na wynos");
      JsonNode view = payload(f, r).path("lines").get(0);
      assertThat(view.path("unitPrice").asLong()).isEqualTo(1850); // 15,00 in Rynek + 2,00 + 1,50
      assertThat(view.path("total").asLong()).isEqualTo(3700);
      assertThat(view.path("due").asLong()).isEqualTo(3700);
      assertThat(view.path("discount").isNull()).isTrue();
      assertThat(view.path("modifiers")).isEqualTo(JsonText.tree(json(
          "[{'groupId':%d,'optionId':%d,'group':'Rozmiar','name':'Duża','delta':200},"
              + "{'groupId':%d,'optionId':%d,'group':'Dodatki','name':'Syrop','delta':150}]",
          m.size(), m.large(), m.extras(), m.syrup())));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void discounts_need_the_permission_and_the_sale_records_the_discounted_total(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Menu m = menu(f);
      Terminal anna = f.terminal("anna");
      Terminal marek = f.terminal("marek");
      String r = anna.openAdHoc();
      String line = Terminal.uuid();
      anna.send("addLine", "receiptId", r, "lineId", line, "productId", m.latte(), "quantity", 2000,
          "modifiers", List.of(m.large()));
      anna.send("addLine", "receiptId", r, "lineId", Terminal.uuid(), "productId", f.beer);
      JsonNode refused = anna.send("setLineDiscount", "lineId", line, "kind", "PERCENT", "value", 1000,
          "reason", "Pracownik");
      assertThat(refused.path("code").asText()).isEqualTo("permission");
      assertThat(refused.path("details").path("permission").asText()).isEqualTo("GIVE_DISCOUNTS");
      assertThat(refused.path("message").asText()).isNotBlank();
      JsonNode lower = marek.send("setLineDiscount", "lineId", line, "kind", "percent", "value", 1000, "reason", "x");
      assertThat(lower.path("details").path("field").asText()).isEqualTo("kind");
      JsonNode noReason = marek.send("setReceiptDiscount", "receiptId", r, "kind", "AMOUNT", "value", 100);
      assertThat(noReason.path("details").path("field").asText()).isEqualTo("reason");
      JsonNode tooMuch = marek.send("setReceiptDiscount", "receiptId", r, "kind", "AMOUNT", "value", 5001,
          "reason", "x");
      assertThat(tooMuch.path("details").path("limit").asText()).isEqualTo("discount");
      assertThat(tooMuch.path("details").path("max").asLong()).isEqualTo(4650);
      assertThat(tooMuch.path("message").asText()).isEqualTo("Rabat kwotowy musi wynosić od 0,01\u00a0zł do 46,50\u00a0zł.");

      assertThat(marek.send("setLineDiscount", "lineId", line, "kind", "PERCENT", "value", 1000,
          "reason", "Pracownik").path("status").asText()).isEqualTo("accepted");
      JsonNode given = marek.send("setReceiptDiscount", "receiptId", r, "kind", "AMOUNT", "value", 315,
          "reason", "Stały klient");
      assertThat(given.path("status").asText()).isEqualTo("accepted");
      JsonNode view = payload(f, r);
      assertThat(view.path("lines").get(0).path("discount")).isEqualTo(
          JsonText.tree("{\"kind\": \"PERCENT\", \"value\": 1000, \"reason\": \"Pracownik\", \"amount\": 340}"));
      assertThat(view.path("lines").get(0).path("due").asLong()).isEqualTo(3060);
      assertThat(view.path("subtotal").asLong()).isEqualTo(4650);
      assertThat(view.path("discount").path("amount").asLong()).isEqualTo(315);
      assertThat(view.path("discountTotal").asLong()).isEqualTo(655);
      assertThat(view.path("total").asLong()).isEqualTo(3995);
      long gross = 0;
      for (JsonNode v : view.path("vat")) gross += v.path("gross").asLong();
      assertThat(gross).isEqualTo(3995);

      long seq = given.path("seq").asLong();
      JsonNode under = anna.send("pay", "receiptId", r, "seq", seq, "payments", List.of(Map.of("method", "CARD",
          "amount", 4650)));
      assertThat(under.path("code").asText()).isEqualTo("overpaid");
      JsonNode paid = anna.send("pay", "receiptId", r, "seq", seq, "payments", List.of(Map.of("method", "CARD",
          "amount", 3995)));
      assertThat(paid.path("status").asText()).as(paid.toString()).isEqualTo("accepted");
      assertThat(paid.path("result").path("total").asLong()).isEqualTo(3995);
      assertThat(paid.path("result").path("discount").asLong()).isEqualTo(655);
      Map<String, Object> sale = f.app.db.read(h -> h.createQuery(
          "SELECT total, discount FROM sales WHERE id = :id").bind("id", r).mapToMap().one());
      assertThat(((Number) sale.get("total")).longValue()).isEqualTo(3995);
      assertThat(((Number) sale.get("discount")).longValue()).isEqualTo(655);
      long vatGross = f.app.db.read(h -> h.createQuery("SELECT SUM(gross) FROM sale_vat WHERE sale_id = :id")
          .bind("id", r).mapTo(Long.class).one());
      assertThat(vatGross).isEqualTo(3995);
      // The sale's lines keep their modifiers and discounts (sales pages, exports).
      SaleRecords.Sale record = new SaleRecords(f.app.db).find(f.account,
          new SaleRecords.Query(0, Long.MAX_VALUE, null, null, null), 10).get(0);
      assertThat(record.discount()).isEqualTo(655);
      JsonNode closed = payload(f, r);
      assertThat(closed.path("state").asText()).isEqualTo("CLOSED");
      assertThat(closed.path("lines").get(0).path("modifiers")).hasSize(1);
      assertThat(closed.path("lines").get(0).path("discount").path("reason").asText()).isEqualTo("Pracownik");
      // The audit trail keeps each discount with its reason.
      List<Audit.Entry> trail = new Audit(f.app.db).trail(f.account, r);
      assertThat(trail).extracting(Audit.Entry::type).contains("setLineDiscount", "setReceiptDiscount");
      assertThat(trail.stream().filter(e -> e.type().equals("setReceiptDiscount")).findFirst().orElseThrow()
          .command().path("reason").asText()).isEqualTo("Stały klient");
      // The back office's page of the sale shows the modifiers, the discounts and the audit of them.
      WebClient office = owner(f);
      String page = office.get("/backoffice/receipts/" + r).body();
      assertThat(page).contains("Duża +2,00\u00a0zł", "Rabat: −3,40\u00a0zł (10 %) · Pracownik",
          "−3,15\u00a0zł · Stały klient", "6,55\u00a0zł", "39,95\u00a0zł", "Rabat na paragon",
          "udzielono rabatu 3,15\u00a0zł na paragon (Stały klient)");
      assertThat(office.get("/backoffice/receipts/" + r + "?lang=en").body())
          .contains("Receipt discount", "Discount: −3.40\u00a0zł (10 %) · Pracownik", "Discount on an item",
              "gave 3.15\u00a0zł off the receipt (Stały klient)");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void discounts_travel_through_a_split_and_refuse_a_merge_they_would_not_survive(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Menu m = menu(f);
      Terminal marek = f.terminal("marek");
      String r = marek.openAdHoc();
      String line = Terminal.uuid();
      marek.send("addLine", "receiptId", r, "lineId", line, "productId", m.latte(), "quantity", 3000,
          "modifiers", List.of(m.small()));
      marek.send("setLineDiscount", "lineId", line, "kind", "AMOUNT", "value", 100, "reason", "Reklamacja");
      marek.send("setReceiptDiscount", "receiptId", r, "kind", "PERCENT", "value", 500, "reason", "Happy hour");
      String target = Terminal.uuid();
      String part = Terminal.uuid();
      JsonNode split = marek.send("moveLines", "receiptId", r, "targetReceiptId", target, "newTarget", true,
          "lines", List.of(Map.of("lineId", line, "quantity", 1000, "newLineId", part)));
      assertThat(split.path("status").asText()).as(split.toString()).isEqualTo("accepted");
      // Read back through the store by later commands.
      marek.send("noteReceipt", "receiptId", r, "note", "a");
      marek.send("noteReceipt", "receiptId", target, "note", "b");
      JsonNode source = payload(f, r);
      JsonNode moved = payload(f, target);
      assertThat(source.path("lines").get(0).path("discount").path("value").asLong()).isEqualTo(67);
      assertThat(moved.path("lines").get(0).path("discount").path("value").asLong()).isEqualTo(33);
      assertThat(moved.path("lines").get(0).path("modifiers").get(0).path("name").asText()).isEqualTo("Mała");
      assertThat(source.path("discount").path("reason").asText()).isEqualTo("Happy hour");
      assertThat(moved.path("discount").isNull()).isTrue();
      JsonNode merge = marek.send("merge", "receiptId", r, "targetReceiptId", target);
      assertThat(merge.path("code").asText()).isEqualTo("receipt_discount");
      assertThat(payload(f, r).path("state").asText()).isEqualTo("OPEN");
      marek.send("setReceiptDiscount", "receiptId", r, "kind", null);
      assertThat(payload(f, r).path("discount").isNull()).isTrue();
      assertThat(marek.send("merge", "receiptId", r, "targetReceiptId", target).path("status").asText())
          .isEqualTo("accepted");
      JsonNode merged = payload(f, target);
      assertThat(merged.path("lines")).hasSize(2);
      assertThat(merged.path("discountTotal").asLong()).isEqualTo(100);
      assertThat(merged.path("total").asLong()).isEqualTo(4400);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void modifiers_and_discounts_come_along_when_local_receipts_join_the_shop(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Menu m = menu(f);
      Terminal kasa1 = f.terminal("marek");
      Terminal kasa3 = f.terminal("marek");
      String slot = f.slot("Stolik 3");
      long premium = f.change(h -> h.createUpdate("UPDATE accounts SET plan = 'PREMIUM' WHERE id = :a")
          .bind("a", f.account).execute());
      kasa1.apply(premium);
      String localTable = kasa1.send("openTable", "slotId", slot).path("result").path("receiptId").asText();
      String latte = Terminal.uuid();
      kasa1.send("addLine", "receiptId", localTable, "lineId", latte, "productId", m.latte(),
          "modifiers", List.of(m.large()));
      kasa1.send("setLineDiscount", "lineId", latte, "kind", "PERCENT", "value", 5000, "reason", "Pół ceny");
      kasa1.send("setReceiptDiscount", "receiptId", localTable, "kind", "AMOUNT", "value", 100, "reason", "Lokalny");
      String localSale = kasa1.openAdHoc();
      kasa1.add(localSale, f.beer, 1000);
      kasa1.send("setReceiptDiscount", "receiptId", localSale, "kind", "PERCENT", "value", 1000, "reason", "Stały");

      long max = f.change(h -> h.createUpdate("UPDATE accounts SET plan = 'MAX' WHERE id = :a")
          .bind("a", f.account).execute());
      kasa3.apply(max);
      String sharedTable = kasa3.send("openTable", "slotId", slot).path("result").path("receiptId").asText();
      kasa3.add(sharedTable, f.espresso, 1000);
      kasa3.send("setReceiptDiscount", "receiptId", sharedTable, "kind", "AMOUNT", "value", 50, "reason", "Sklep");
      kasa1.apply(max);

      JsonNode table = payload(f, sharedTable);
      JsonNode moved = null;
      for (JsonNode l : table.path("lines")) if (l.path("id").asText().equals(latte)) moved = l;
      assertThat(moved).isNotNull();
      assertThat(moved.path("modifiers").get(0).path("optionId").asLong()).isEqualTo(m.large());
      assertThat(moved.path("discount").path("amount").asLong()).isEqualTo(850); // half of 17,00
      assertThat(table.path("discount").path("reason").asText()).isEqualTo("Sklep");
      assertThat(table.path("total").asLong()).isEqualTo(900 + 850 - 50);
      List<Audit.Entry> trail = new Audit(f.app.db).trail(f.account, sharedTable);
      Audit.Entry joined = trail.get(trail.size() - 1);
      assertThat(joined.type()).isEqualTo("join");
      assertThat(joined.command().path("droppedDiscount").path("reason").asText()).isEqualTo("Lokalny");
      JsonNode sale = payload(f, localSale);
      assertThat(sale.path("space").asText()).isEqualTo("shop:" + f.shop);
      assertThat(sale.path("discount").path("amount").asLong()).isEqualTo(125);
      assertThat(sale.path("total").asLong()).isEqualTo(1125);
    }
  }

  /** A client signed in to the back office as an owner of the floor's account. */
  private static WebClient owner(Floor f) {
    String email = "owner@bistro.example";
    f.app.db.inTransaction(h -> Seed.owner(h, f.account, email, "Olga Owner", "correct horse battery",
        f.app.clock.millis()));
    WebClient client = f.app.client();
    assertThat(client.get("/backoffice/login").status()).isEqualTo(200);
    WebClient.Response in = client.postForm("/backoffice/login", Map.of("email", email,
        "password", "correct horse battery"));
    assertThat(in.status()).as(in.body()).isEqualTo(303);
    return client;
  }

  /** JSON written with single quotes, formatted. */
  private static String json(String template, Object... args) {
    return String.format(template, args).replace('\'', '"');
  }
}
