package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.testing.StreamClient;
import paragon.testing.TestDatabases;

/**
 * moveReceipt (issue 12, "Move a table"): a whole open receipt moves to a free table in one command,
 * keeps what it had, is audited and seen live; onto an occupied table it is refused and nothing changes.
 * Over HTTP, on both databases.
 */
class MoveReceiptTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_table_moves_to_a_free_table_with_its_lines_note_guests_and_owner_and_a_colleague_sees_it_live(
      TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal anna = f.terminal("anna");
      Terminal ola = f.terminal("ola");
      String from = anna.send("openTable", "slotId", f.slot("Stolik 1")).path("result").path("receiptId").asText();
      String beer = anna.add(from, f.beer, 2000);
      anna.send("markSent", "receiptId", from, "lineIds", List.of(beer));
      anna.send("noteReceipt", "receiptId", from, "note", "przy oknie");
      anna.send("setGuests", "receiptId", from, "guests", 3);
      try (StreamClient stream = StreamClient.connect(f.app.port(), ola.token, ola.session, new StreamClient.View())) {
        String slot2 = f.slot("Stolik 2");
        JsonNode ack = anna.send("moveReceipt", "receiptId", from, "slotId", slot2);

        assertThat(ack.path("status").asText()).as("%s", ack).isEqualTo("accepted");
        String to = ack.path("result").path("receiptId").asText();
        assertThat(to).isEqualTo(DerivedIds.table("shop:" + f.shop, slot2, 1));
        assertThat(ack.path("result").path("movedReceiptId").asText()).isEqualTo(from);
        ReceiptView moved = f.receipt(to);
        assertThat(moved.name()).isEqualTo("Stolik 2");
        assertThat(moved.lines()).extracting(ReceiptView.LineView::id).containsExactly(beer);
        assertThat(moved.lines().get(0).sent()).isTrue();
        assertThat(moved.note()).isEqualTo("przy oknie");
        assertThat(moved.guests()).isEqualTo(3);
        assertThat(moved.total()).isEqualTo(2500);
        assertThat(moved.state()).isEqualTo(State.OPEN);
        assertThat(f.receipt(from).state()).isEqualTo(State.DELETED);
        // The table left behind is free: opening it starts its next generation, empty.
        JsonNode reopened = anna.send("openTable", "slotId", f.slot("Stolik 1"));
        assertThat(reopened.path("result").path("generation").asLong()).isEqualTo(2);
        assertThat(f.receipt(reopened.path("result").path("receiptId").asText()).lines()).isEmpty();

        // Ola's terminal sees the move live: the table's receipt with the line, the old one gone.
        stream.awaitCursor("shop:" + f.shop, moved.seq(), Duration.ofSeconds(10));
        assertThat(stream.view().all()).containsKey(to).doesNotContainKey(from);
        assertThat(stream.view().all().get(to).path("lines")).hasSize(1);
        assertThat(stream.violations()).isEmpty();

        // Both trails hold the command, which names the source.
        for (String id : List.of(from, to)) {
          JsonNode trail = anna.http.get("/api/terminal/receipts/" + id + "/audit", anna.headers()).json();
          JsonNode last = id.equals(from) ? trail.get(trail.size() - 1) : trail.get(0);
          assertThat(last.path("type").asText()).isEqualTo("moveReceipt");
          assertThat(last.path("command").path("receiptId").asText()).isEqualTo(from);
          assertThat(last.path("command").path("slotId").asText()).isEqualTo(slot2);
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void an_ad_hoc_receipt_moves_to_a_table(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal anna = f.terminal("anna");
      String sale = anna.openAdHoc();
      anna.add(sale, f.espresso, 1000);
      JsonNode ack = anna.send("moveReceipt", "receiptId", sale, "slotId", f.slot("Stolik 3"));
      assertThat(ack.path("status").asText()).as("%s", ack).isEqualTo("accepted");
      ReceiptView moved = f.receipt(ack.path("result").path("receiptId").asText());
      assertThat(moved.name()).isEqualTo("Stolik 3");
      assertThat(moved.total()).isEqualTo(900);
      assertThat(f.receipt(sale).state()).isEqualTo(State.DELETED);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void moving_onto_an_occupied_table_is_refused_occupied_and_changes_nothing(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal anna = f.terminal("anna");
      Terminal ola = f.terminal("ola");
      String from = anna.send("openTable", "slotId", f.slot("Stolik 1")).path("result").path("receiptId").asText();
      anna.add(from, f.beer, 1000);
      String taken = ola.send("openTable", "slotId", f.slot("Stolik 2")).path("result").path("receiptId").asText();
      ola.add(taken, f.espresso, 1000);
      long changes = f.count("changes");

      JsonNode refused = anna.send("moveReceipt", "receiptId", from, "slotId", f.slot("Stolik 2"));

      assertThat(refused.path("status").asText()).isEqualTo("refused");
      assertThat(refused.path("code").asText()).isEqualTo("occupied");
      assertThat(refused.path("details").path("receiptId").asText()).isEqualTo(taken);
      assertThat(refused.path("message").asText()).contains("Stolik 2");
      assertThat(f.count("changes")).isEqualTo(changes);
      assertThat(f.receipt(from).state()).isEqualTo(State.OPEN);
      assertThat(f.receipt(from).lines()).hasSize(1);
      assertThat(f.receipt(taken).lines()).hasSize(1);
      // Its own table, and a table that is not in the list.
      assertThat(anna.send("moveReceipt", "receiptId", from, "slotId", f.slot("Stolik 1")).path("code").asText())
          .isEqualTo("same_receipt");
      JsonNode unknown = anna.send("moveReceipt", "receiptId", from, "slotId", "no-such-table");
      assertThat(unknown.path("code").asText()).isEqualTo("unknown_table");
      assertThat(anna.send("moveReceipt", "receiptId", from).path("details").path("field").asText())
          .isEqualTo("slotId");
      assertThat(f.count("changes")).isEqualTo(changes);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void two_waiters_moving_to_the_same_free_table_at_once_one_gets_it_the_other_is_refused_occupied(
      TestDatabases.Kind kind) throws Exception {
    try (Floor f = new Floor(kind)) {
      Terminal anna = f.terminal("anna");
      Terminal ola = f.terminal("ola");
      String a = anna.openAdHoc();
      anna.add(a, f.beer, 1000);
      String o = ola.openAdHoc();
      ola.add(o, f.espresso, 1000);
      String slot = f.slot("Stolik 3");
      CyclicBarrier start = new CyclicBarrier(2);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<JsonNode> first = pool.submit(() -> {
          start.await();
          return anna.send("moveReceipt", "receiptId", a, "slotId", slot);
        });
        Future<JsonNode> second = pool.submit(() -> {
          start.await();
          return ola.send("moveReceipt", "receiptId", o, "slotId", slot);
        });
        List<String> outcomes = List.of(first.get().path("status").asText() + "/" + first.get().path("code").asText(),
            second.get().path("status").asText() + "/" + second.get().path("code").asText());
        assertThat(outcomes).containsExactlyInAnyOrder("accepted/", "refused/occupied");
        ReceiptView table = f.receipt(DerivedIds.table("shop:" + f.shop, slot, 1));
        assertThat(table.lines()).hasSize(1);
        // The loser's receipt is untouched.
        String loser = outcomes.get(0).startsWith("accepted") ? o : a;
        assertThat(f.receipt(loser).state()).isEqualTo(State.OPEN);
        assertThat(f.receipt(loser).lines()).hasSize(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_receipt_another_device_is_paying_is_not_moved(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal anna = f.terminal("anna");
      Terminal ola = f.terminal("ola");
      String r = anna.send("openTable", "slotId", f.slot("Stolik 1")).path("result").path("receiptId").asText();
      anna.add(r, f.beer, 1000);
      assertThat(anna.send("startPayment", "receiptId", r).path("status").asText()).isEqualTo("accepted");
      JsonNode refused = ola.send("moveReceipt", "receiptId", r, "slotId", f.slot("Stolik 2"));
      assertThat(refused.path("code").asText()).isEqualTo("leased");
      assertThat(f.receipt(r).state()).isEqualTo(State.PAYING);
    }
  }
}
