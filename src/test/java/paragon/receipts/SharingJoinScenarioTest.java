package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.DeviceModel;
import paragon.configuration.EffectiveConfig;
import paragon.configuration.Revisions;
import paragon.testing.StreamClient;
import paragon.testing.TestDatabases;
import paragon.web.I18n;

/**
 * One table, one open receipt, whatever the sharing history: a device that parked locally while its
 * shop could not share brings its open receipts into the shop's space when it acknowledges a revision
 * where sharing is effective again (docs/decisions.md, "Receipts join the shop when sharing returns").
 */
class SharingJoinScenarioTest {

  private static String status(JsonNode ack) {
    return ack.path("status").asText();
  }

  private static long setPlan(Floor f, String plan) {
    return f.change(h -> h.createUpdate("UPDATE accounts SET plan = :p WHERE id = :a")
        .bind("p", plan).bind("a", f.account).execute());
  }

  /** The new user's path: Max -> Premium (Kasa 1 parks Stolik 3 locally) -> Max (Kasa 3 opens it in the shop). */
  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_table_parked_locally_merges_into_the_shops_open_table_when_sharing_returns(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal kasa1 = f.terminal("anna");
      Terminal kasa3 = f.terminal("ola");
      String slot = f.slot("Stolik 3");
      String shop = "shop:" + f.shop;
      String device1 = "device:" + kasa1.deviceId;
      long premium = setPlan(f, "PREMIUM");
      kasa1.apply(premium);
      JsonNode local = kasa1.send("openTable", "slotId", slot);
      String localTable = local.path("result").path("receiptId").asText();
      assertThat(f.receipt(localTable).space()).isEqualTo(device1);
      String beer = kasa1.add(localTable, f.beer, 1000);
      assertThat(status(kasa1.send("noteReceipt", "receiptId", localTable, "note", "przy oknie"))).isEqualTo("accepted");
      assertThat(status(kasa1.send("setGuests", "receiptId", localTable, "guests", 2))).isEqualTo("accepted");
      String localSale = kasa1.openAdHoc();
      String coffee = kasa1.add(localSale, f.espresso, 2000);

      long max = setPlan(f, "MAX");
      kasa3.apply(max);
      String sharedTable = kasa3.send("openTable", "slotId", slot).path("result").path("receiptId").asText();
      assertThat(sharedTable).isEqualTo(DerivedIds.table(shop, slot, 1));
      String espresso = kasa3.add(sharedTable, f.espresso, 1000);
      assertThat(status(kasa3.send("noteReceipt", "receiptId", sharedTable, "note", "bez cukru"))).isEqualTo("accepted");
      assertThat(status(kasa3.send("setGuests", "receiptId", sharedTable, "guests", 3))).isEqualTo("accepted");
      String sharedSale = kasa3.openAdHoc();
      assertThat(f.receipt(sharedSale).name()).isEqualTo("Sprzedaż 1");

      try (StreamClient stream3 = StreamClient.connect(f.app.port(), kasa3.token, kasa3.session, new StreamClient.View());
          StreamClient stream1 = StreamClient.connect(f.app.port(), kasa1.token, kasa1.session, new StreamClient.View())) {
        stream3.awaitCursor(shop, f.receipt(sharedSale).seq(), Duration.ofSeconds(10));
        stream1.awaitCursor(device1, f.receipt(localSale).seq(), Duration.ofSeconds(10));

        kasa1.apply(max);

        // One open Stolik 3 in the whole account, holding both terminals' lines, notes and guests.
        assertThat(f.count("receipts WHERE slot_id = '" + slot + "' AND state IN ('OPEN', 'PAYING')")).isEqualTo(1);
        ReceiptView table = f.receipt(sharedTable);
        assertThat(table.lines()).extracting(ReceiptView.LineView::id).containsExactlyInAnyOrder(espresso, beer);
        assertThat(table.total()).isEqualTo(900 + 1250);
        assertThat(table.guests()).isEqualTo(5);
        assertThat(table.note()).contains("bez cukru").contains("przy oknie");
        assertThat(f.receipt(localTable).state()).isEqualTo(State.DELETED);
        // The local sale keeps its id and lines under the shop's next free number.
        ReceiptView sale = f.receipt(localSale);
        assertThat(sale.space()).isEqualTo(shop);
        assertThat(sale.state()).isEqualTo(State.OPEN);
        assertThat(sale.name()).isEqualTo("Sprzedaż 2");
        assertThat(sale.lines()).extracting(ReceiptView.LineView::id).containsExactly(coffee);
        assertThat(f.count("receipts WHERE space = '" + device1 + "' AND state IN ('OPEN', 'PAYING')")).isZero();

        // The merge is in the table's trail and names the receipt it came from.
        List<Audit.Entry> trail = new Audit(f.app.db).trail(f.account, sharedTable);
        Audit.Entry joined = trail.get(trail.size() - 1);
        assertThat(joined.type()).isEqualTo("join");
        assertThat(joined.deviceId()).isEqualTo(kasa1.deviceId);
        assertThat(joined.command().path("mergedReceiptId").asText()).isEqualTo(localTable);

        // Both terminals are told: Kasa 3 sees the merged table and Kasa 1's sale; Kasa 1 drops its
        // local copies and holds the shop's.
        long shopSeq = Math.max(f.receipt(localSale).seq(), table.seq());
        stream3.awaitCursor(shop, shopSeq, Duration.ofSeconds(10));
        assertThat(stream3.view().all().get(sharedTable).path("lines")).hasSize(2);
        assertThat(stream3.view().all()).containsKey(localSale);
        stream1.awaitCursor(device1, new ChangeFeed(f.app.db).seq(f.account, device1), Duration.ofSeconds(10));
        stream1.awaitCursor(shop, shopSeq, Duration.ofSeconds(10));
        assertThat(stream1.view().receipts.get(device1)).isEmpty();
        assertThat(stream1.view().receipts.get(shop)).containsKeys(sharedTable, localSale, sharedSale);
        assertThat(stream1.violations()).isEmpty();
        assertThat(stream3.violations()).isEmpty();
      }

      // Kasa 1 now works on the one table: opening it again lands in the shop's receipt.
      assertThat(kasa1.send("openTable", "slotId", slot).path("result").path("receiptId").asText()).isEqualTo(sharedTable);
      JsonNode paid = kasa3.send("pay", "receiptId", sharedTable, "seq", f.receipt(sharedTable).seq(),
          "payments", List.of(Map.of("method", "CASH", "amount", 2150)));
      assertThat(status(paid)).as("%s", paid).isEqualTo("accepted");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_table_parked_locally_moves_to_the_shop_when_the_shop_has_none_and_a_second_ack_changes_nothing(
      TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal kasa1 = f.terminal("anna");
      Terminal kasa3 = f.terminal("ola");
      String slot = f.slot("Stolik 2");
      String shop = "shop:" + f.shop;
      long premium = setPlan(f, "PREMIUM");
      kasa1.apply(premium);
      String localTable = kasa1.send("openTable", "slotId", slot).path("result").path("receiptId").asText();
      String beer = kasa1.add(localTable, f.beer, 1000);
      long max = setPlan(f, "MAX");
      kasa1.apply(max);
      long shopSeq = f.receipt(DerivedIds.table(shop, slot, 1)).seq();
      kasa1.apply(max);
      ReceiptView table = f.receipt(DerivedIds.table(shop, slot, 1));
      assertThat(table.seq()).as("acknowledging again joins nothing twice").isEqualTo(shopSeq);
      assertThat(table.lines()).extracting(ReceiptView.LineView::id).containsExactly(beer);
      assertThat(table.name()).isEqualTo("Stolik 2");
      // Kasa 3 starts the same table and lands in the one receipt.
      assertThat(kasa3.send("openTable", "slotId", slot).path("result").path("receiptId").asText()).isEqualTo(table.id());
      // A late line for the local copy (sent from an outbox) is not lost.
      JsonNode late = kasa1.send("addLine", "receiptId", localTable, "lineId", Terminal.uuid(), "productId", f.espresso);
      assertThat(status(late)).as("%s", late).isEqualTo("accepted");
      // ... and lands where the shop's terminals see it, not in the device's own space.
      ReceiptView recovered = f.receipt(late.path("result").path("receiptId").asText());
      assertThat(recovered.attention()).isTrue();
      assertThat(recovered.space()).isEqualTo(shop);
    }
  }

  /**
   * A command authenticated under the old revision that reaches the database only after the ack and
   * its join: it is judged by the revision applied by then, so it cannot start a second, local copy of
   * a table the join just brought into the shop.
   */
  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_command_in_flight_across_the_ack_is_judged_by_the_revision_applied_when_it_runs(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal kasa1 = f.terminal("anna");
      String slot = f.slot("Stolik 1");
      long premium = setPlan(f, "PREMIUM");
      kasa1.apply(premium);
      String local = kasa1.send("openTable", "slotId", slot).path("result").path("receiptId").asText();
      kasa1.add(local, f.beer, 1000);
      // The actor a request built before the ack: the device's configuration was Premium's then.
      EffectiveConfig before = f.app.db.read(h -> EffectiveConfig.of(Revisions.snapshot(h, f.account, premium), f.shop,
          DeviceModel.SMART_PLUS));
      Actor inFlight = new Actor(f.account, kasa1.deviceId, f.shop, DeviceModel.SMART_PLUS, f.anna, "Anna Nowak",
          f.waiterRole, Set.of(), before);
      kasa1.apply(setPlan(f, "MAX"));
      ObjectNode open = JsonNodeFactory.instance.objectNode().put("n", kasa1.nextNumber()).put("type", "openTable")
          .put("slotId", slot);
      kasa1.skipNumbers(1);
      List<Ack> acks = new CommandService(f.app.db, Feed.NONE, f.app.clock)
          .submit(inFlight, JsonNodeFactory.instance.arrayNode().add(open), I18n.of("pl"), "test-request");
      assertThat(acks.get(0).status()).isEqualTo("accepted");
      String shopTable = DerivedIds.table("shop:" + f.shop, slot, 1);
      assertThat(acks.get(0).result().get("receiptId")).isEqualTo(shopTable);
      assertThat(f.count("receipts WHERE slot_id = '" + slot + "' AND state IN ('OPEN', 'PAYING')")).isEqualTo(1);
      assertThat(f.receipt(shopTable).lines()).hasSize(1);
    }
  }

  /** Parking off with a shared receipt still open from before: the device has its one receipt already. */
  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void with_parking_off_a_device_with_an_open_shared_receipt_gets_no_second_one(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal kasa1 = f.terminal("anna");
      Terminal kasa3 = f.terminal("ola");
      String shared = kasa1.openAdHoc();
      kasa1.add(shared, f.beer, 1000);
      long off = f.change(h -> h.createUpdate("UPDATE accounts SET parking_enabled = :f WHERE id = :a")
          .bind("f", false).bind("a", f.account).execute());
      kasa1.apply(off);
      kasa3.apply(off);
      JsonNode second = kasa1.send("openAdHoc", "receiptId", Terminal.uuid());
      assertThat(second.path("code").asText()).as("%s", second).isEqualTo("parking_off");
      // A device that created no open receipt still gets its one.
      assertThat(f.receipt(kasa3.openAdHoc()).space()).isEqualTo("device:" + kasa3.deviceId);
    }
  }
}
