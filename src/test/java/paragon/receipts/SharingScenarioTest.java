package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.DeviceModel;
import paragon.testing.StreamClient;
import paragon.testing.TestDatabases;

/** Several terminals of one shop sharing receipts, over real HTTP, with real threads where it matters. */
class SharingScenarioTest {

  private static String status(JsonNode ack) {
    return ack.path("status").asText();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void two_terminals_starting_the_same_table_at_once_write_into_one_receipt(TestDatabases.Kind kind) throws Exception {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      Terminal b = f.terminal("ola");
      String slot = f.slot("Stolik 2");
      CyclicBarrier start = new CyclicBarrier(2);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try (StreamClient streamB = StreamClient.connect(f.app.port(), b.token, b.session, new StreamClient.View())) {
        List<Future<String>> opened = new ArrayList<>();
        for (Terminal t : List.of(a, b)) {
          opened.add(pool.submit(() -> {
            start.await();
            JsonNode ack = t.send("openTable", "slotId", slot);
            assertThat(status(ack)).as("%s", ack).isEqualTo("accepted");
            String receipt = ack.path("result").path("receiptId").asText();
            t.add(receipt, t == a ? f.beer : f.espresso, 1000);
            return receipt;
          }));
        }
        String ra = opened.get(0).get();
        String rb = opened.get(1).get();
        assertThat(ra).isEqualTo(rb).isEqualTo(DerivedIds.table("shop:" + f.shop, slot, 1));
        ReceiptView table = f.receipt(ra);
        assertThat(table.lines()).hasSize(2);
        assertThat(table.total()).isEqualTo(1250 + 900);
        assertThat(f.count("receipts")).isEqualTo(1);
        // B's live stream ends on the same single receipt with both lines.
        streamB.awaitCursor("shop:" + f.shop, table.seq(), Duration.ofSeconds(10));
        JsonNode streamed = streamB.view().all().get(ra);
        assertThat(streamed.path("lines")).hasSize(2);
        assertThat(streamed.path("total").asLong()).isEqualTo(2150);
        assertThat(streamB.violations()).isEmpty();
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void concurrent_plus_one_deltas_from_several_terminals_add_up(TestDatabases.Kind kind) throws Exception {
    try (Floor f = new Floor(kind)) {
      List<Terminal> terminals = List.of(f.terminal("anna"), f.terminal("ola"), f.terminal("marek"));
      String receipt = terminals.get(0).openAdHoc();
      String line = terminals.get(0).add(receipt, f.espresso, 1000);
      int each = 10;
      CyclicBarrier start = new CyclicBarrier(terminals.size());
      ExecutorService pool = Executors.newFixedThreadPool(terminals.size());
      try {
        List<Future<?>> runs = new ArrayList<>();
        for (Terminal t : terminals) {
          runs.add(pool.submit(() -> {
            start.await();
            for (int i = 0; i < each; i++) {
              assertThat(status(t.send("adjustQuantity", "lineId", line, "delta", 1000))).isEqualTo("accepted");
            }
            return null;
          }));
        }
        for (Future<?> run : runs) run.get();
      } finally {
        pool.shutdownNow();
      }
      ReceiptView v = f.receipt(receipt);
      assertThat(v.lines().get(0).quantity()).isEqualTo(1000 + terminals.size() * each * 1000L);
      assertThat(v.total()).isEqualTo(900L * (1 + terminals.size() * each));
      long changes = f.count("changes WHERE space = 'shop:" + f.shop + "'");
      assertThat(v.seq()).isEqualTo(changes); // seq 1..changes, one per accepted change
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void pay_with_a_stale_seq_is_refused(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      Terminal b = f.terminal("ola");
      String receipt = a.openAdHoc();
      JsonNode added = a.send("addLine", "receiptId", receipt, "lineId", Terminal.uuid(), "productId", f.beer);
      long seen = added.path("seq").asLong();
      b.add(receipt, f.espresso, 1000);
      JsonNode stale = a.send("pay", "receiptId", receipt, "seq", seen,
          "payments", List.of(Map.of("method", "CASH", "amount", 1250)));
      assertThat(stale.path("code").asText()).isEqualTo("stale");
      assertThat(stale.path("message").asText()).contains("zmienił się");
      long fresh = f.receipt(receipt).seq();
      JsonNode paid = a.send("pay", "receiptId", receipt, "seq", fresh,
          "payments", List.of(Map.of("method", "CARD", "amount", 1000), Map.of("method", "CASH", "amount", 2000)));
      assertThat(status(paid)).as("%s", paid).isEqualTo("accepted");
      assertThat(paid.path("result").path("total").asLong()).isEqualTo(2150);
      assertThat(paid.path("result").path("change").asLong()).isEqualTo(850);
      assertThat(f.receipt(receipt).state()).isEqualTo(State.CLOSED);
      assertThat(f.count("sales")).isEqualTo(1);
      assertThat(f.count("payments")).isEqualTo(2);
      assertThat(f.count("sale_vat")).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_lease_blocks_other_edits_expires_and_can_be_broken(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      Terminal b = f.terminal("ola");
      Terminal boss = f.terminal("marek");
      String receipt = a.openAdHoc();
      a.add(receipt, f.beer, 1000);
      assertThat(status(a.send("startPayment", "receiptId", receipt))).isEqualTo("accepted");
      JsonNode blocked = b.send("addLine", "receiptId", receipt, "lineId", Terminal.uuid(), "productId", f.beer);
      assertThat(blocked.path("code").asText()).isEqualTo("leased");
      assertThat(blocked.path("details").path("userName").asText()).isEqualTo("Anna Nowak");
      assertThat(blocked.path("message").asText()).contains("Anna Nowak");
      f.app.clock.advance(Duration.ofSeconds(61));
      assertThat(status(b.send("addLine", "receiptId", receipt, "lineId", Terminal.uuid(), "productId", f.beer)))
          .isEqualTo("accepted");
      assertThat(status(a.send("startPayment", "receiptId", receipt))).isEqualTo("accepted");
      assertThat(b.send("breakLease", "receiptId", receipt).path("code").asText()).isEqualTo("permission");
      assertThat(status(boss.send("breakLease", "receiptId", receipt))).isEqualTo("accepted");
      assertThat(f.receipt(receipt).state()).isEqualTo(State.OPEN);
      assertThat(status(b.send("noteReceipt", "receiptId", receipt, "note", "przy oknie"))).isEqualTo("accepted");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void lines_for_a_receipt_paid_elsewhere_are_recovered_into_an_attention_receipt(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      Terminal b = f.terminal("ola");
      JsonNode table = a.send("openTable", "slotId", f.slot("Stolik 1"));
      String receipt = table.path("result").path("receiptId").asText();
      a.add(receipt, f.beer, 1000);
      assertThat(status(a.send("pay", "receiptId", receipt, "seq", f.receipt(receipt).seq(),
          "payments", List.of(Map.of("method", "CARD", "amount", 1250))))).isEqualTo("accepted");
      // B was offline and still thinks the table is open: its line must not vanish.
      String late = Terminal.uuid();
      JsonNode ack = b.send("addLine", "receiptId", receipt, "lineId", late, "productId", f.espresso);
      assertThat(status(ack)).isEqualTo("accepted");
      assertThat(ack.path("result").path("recovered").asBoolean()).isTrue();
      String recovery = ack.path("result").path("receiptId").asText();
      ReceiptView r = f.receipt(recovery);
      assertThat(r.name()).isEqualTo("Stolik 1 (odzyskany)");
      assertThat(r.attention()).isTrue();
      assertThat(r.recoveredFrom()).isEqualTo(receipt);
      assertThat(r.lines()).extracting(ReceiptView.LineView::id).containsExactly(late);
      assertThat(f.receipt(receipt).lines()).hasSize(1);
      // The table itself is at its next generation, empty.
      JsonNode next = b.send("openTable", "slotId", f.slot("Stolik 1"));
      assertThat(next.path("result").path("generation").asLong()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_table_removed_from_the_configuration_while_occupied_stays_reachable_until_paid(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      String slot = f.slot("Stolik 3");
      String receipt = a.send("openTable", "slotId", slot).path("result").path("receiptId").asText();
      a.add(receipt, f.beer, 1000);
      long revision = f.change(h -> h.createUpdate("DELETE FROM receipt_slots WHERE id = :id").bind("id", slot).execute());
      a.apply(revision);
      assertThat(a.send("openTable", "slotId", slot).path("code").asText()).isEqualTo("unknown_table");
      assertThat(status(a.send("addLine", "receiptId", receipt, "lineId", Terminal.uuid(), "productId", f.espresso)))
          .isEqualTo("accepted");
      ChangeFeed.Snapshot snap = new ChangeFeed(f.app.db).snapshot(f.account, "shop:" + f.shop);
      assertThat(snap.receipts()).extracting(ReceiptView::id).contains(receipt);
      assertThat(status(a.send("pay", "receiptId", receipt, "seq", f.receipt(receipt).seq(),
          "payments", List.of(Map.of("method", "CASH", "amount", 2150))))).isEqualTo("accepted");
      assertThat(new ChangeFeed(f.app.db).snapshot(f.account, "shop:" + f.shop).receipts()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void turning_sharing_off_leaves_open_shared_receipts_reachable_and_new_ones_park_locally(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal a = f.terminal("anna");
      Terminal b = f.terminal("ola");
      String shared = a.openAdHoc();
      a.add(shared, f.beer, 1000);
      long revision = f.change(h -> h.createUpdate("UPDATE accounts SET sharing_enabled = :f WHERE id = :a")
          .bind("f", false).bind("a", f.account).execute());
      a.apply(revision);
      b.apply(revision);
      String local = a.openAdHoc();
      assertThat(f.receipt(local).space()).isEqualTo("device:" + a.deviceId);
      assertThat(f.receipt(local).name()).isEqualTo("Sprzedaż 1");
      assertThat(status(a.send("addLine", "receiptId", shared, "lineId", Terminal.uuid(), "productId", f.espresso)))
          .isEqualTo("accepted");
      // B's local receipts are its own, but the shop's leftover receipt is still B's to pay.
      assertThat(b.send("rename", "receiptId", local, "name", "Cudzy").path("code").asText()).isEqualTo("not_found");
      JsonNode paid = b.send("pay", "receiptId", shared, "seq", f.receipt(shared).seq(),
          "payments", List.of(Map.of("method", "CARD", "amount", 2150)));
      assertThat(status(paid)).as("%s", paid).isEqualTo("accepted");
      assertThat(paid.path("space").asText()).isEqualTo("shop:" + f.shop);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_device_that_cannot_share_by_model_or_plan_parks_locally(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal plus = f.terminal("anna");
      Terminal smart = f.terminal(f.shop, DeviceModel.SMART, "ola");
      String shared = plus.openAdHoc();
      String local = smart.openAdHoc();
      assertThat(f.receipt(shared).space()).isEqualTo("shop:" + f.shop);
      assertThat(f.receipt(local).space()).isEqualTo("device:" + smart.deviceId);
      assertThat(f.receipt(local).name()).isEqualTo("Sprzedaż 1");
      assertThat(smart.send("rename", "receiptId", shared, "name", "X").path("code").asText()).isEqualTo("not_found");
      assertThat(plus.send("rename", "receiptId", local, "name", "X").path("code").asText()).isEqualTo("not_found");
      long revision = f.change(h -> h.createUpdate("UPDATE accounts SET plan = 'STANDARD' WHERE id = :a")
          .bind("a", f.account).execute());
      plus.apply(revision);
      String parked = plus.openAdHoc();
      assertThat(f.receipt(parked).space()).isEqualTo("device:" + plus.deviceId);
    }
  }
}
