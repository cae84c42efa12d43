package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.testing.TestDatabases;

/**
 * Sending to the kitchen (issue 12): a send makes one ticket, once, even when the command is sent
 * again; "Hold" and "Fire course N" send by course; a sent line lowered or removed makes a
 * cancellation; course and seat are set and validated. Over HTTP, on both databases.
 */
class KitchenTicketsTest {

  private static String status(JsonNode ack) {
    return ack.path("status").asText();
  }

  private static List<KitchenStore.Ticket> open(Floor f) {
    return new KitchenStore(f.app.db).open(f.account, f.shop);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_send_makes_one_ticket_with_the_sent_lines_even_when_the_command_is_sent_again(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal anna = f.terminal("anna");
      String table = anna.send("openTable", "slotId", f.slot("Stolik 2")).path("result").path("receiptId").asText();
      String beer = anna.add(table, f.beer, 2000);
      anna.send("noteLine", "lineId", beer, "note", "bez piany");
      anna.send("setLineSeat", "lineId", beer, "seat", 3);
      long n = anna.nextNumber();
      Map<String, Object> send = Terminal.command("markSent", "receiptId", table);
      send.put("n", n);
      anna.skipNumbers(1);
      assertThat(status(anna.post(List.of(send)).get(0))).isEqualTo("accepted");
      assertThat(status(anna.post(List.of(send)).get(0))).isEqualTo("duplicate");

      List<KitchenStore.Ticket> tickets = open(f);
      assertThat(tickets).hasSize(1);
      KitchenStore.Ticket t = tickets.get(0);
      assertThat(t.kind()).isEqualTo("send");
      assertThat(t.receiptName()).isEqualTo("Stolik 2");
      assertThat(t.waiter()).isEqualTo("Anna Nowak");
      assertThat(t.items()).containsExactly(new KitchenStore.Item(beer, "Piwo", 2000, List.of(), "bez piany", null, 3));
      assertThat(f.receipt(table).lines().get(0).sentAt()).isEqualTo(t.createdAt());

      // Sending again sends nothing new: no ticket. A new line goes out on a ticket of its own.
      assertThat(status(anna.send("markSent", "receiptId", table))).isEqualTo("accepted");
      assertThat(open(f)).hasSize(1);
      String espresso = anna.add(table, f.espresso, 1000);
      anna.send("markSent", "receiptId", table);
      assertThat(open(f)).hasSize(2);
      assertThat(open(f).get(1).items()).extracting(KitchenStore.Item::lineId).containsExactly(espresso);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void hold_sends_the_first_course_and_fire_course_two_sends_only_course_two(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal anna = f.terminal("anna");
      String r = anna.openAdHoc();
      String soup = Terminal.uuid();
      anna.send("addLine", "receiptId", r, "lineId", soup, "productId", f.espresso, "course", 1);
      String steak = Terminal.uuid();
      anna.send("addLine", "receiptId", r, "lineId", steak, "productId", f.beer, "course", 2, "seat", 1);
      String cake = anna.add(r, f.espresso, 1000);
      assertThat(status(anna.send("setLineCourse", "lineId", cake, "course", 3))).isEqualTo("accepted");

      assertThat(status(anna.send("markSent", "receiptId", r, "upToCourse", 1))).isEqualTo("accepted");
      assertThat(open(f)).hasSize(1);
      assertThat(open(f).get(0).items()).extracting(KitchenStore.Item::lineId).containsExactly(soup);
      assertThat(f.receipt(r).lines()).extracting(ReceiptView.LineView::sent).containsExactly(true, false, false);

      assertThat(status(anna.send("markSent", "receiptId", r, "upToCourse", 2))).isEqualTo("accepted");
      assertThat(open(f)).hasSize(2);
      KitchenStore.Ticket fired = open(f).get(1);
      assertThat(fired.items()).extracting(KitchenStore.Item::lineId).containsExactly(steak);
      assertThat(fired.course()).isEqualTo(2);
      assertThat(f.receipt(r).lines()).extracting(ReceiptView.LineView::sent).containsExactly(true, true, false);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_sent_line_lowered_or_removed_makes_a_cancellation_and_an_unsent_one_does_not(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal anna = f.terminal("anna");
      Terminal marek = f.terminal("marek");
      String r = anna.openAdHoc();
      String beer = anna.add(r, f.beer, 3000);
      String espresso = anna.add(r, f.espresso, 1000);
      anna.send("markSent", "receiptId", r);
      String fresh = anna.add(r, f.espresso, 1000);
      assertThat(status(anna.send("removeLine", "lineId", fresh))).isEqualTo("accepted");
      assertThat(status(anna.send("adjustQuantity", "lineId", beer, "delta", 1000))).isEqualTo("accepted");
      assertThat(open(f)).hasSize(1);

      assertThat(status(marek.send("adjustQuantity", "lineId", beer, "delta", -2000))).isEqualTo("accepted");
      assertThat(status(marek.send("removeLine", "lineId", espresso))).isEqualTo("accepted");
      List<KitchenStore.Ticket> tickets = open(f);
      assertThat(tickets).extracting(KitchenStore.Ticket::kind).containsExactly("send", "cancel", "cancel");
      assertThat(tickets.get(1).items()).containsExactly(new KitchenStore.Item(beer, "Piwo", 2000, List.of(), null,
          null, null));
      assertThat(tickets.get(1).waiter()).isEqualTo("Marek Kowal");
      assertThat(tickets.get(2).items()).extracting(KitchenStore.Item::lineId, KitchenStore.Item::quantity)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(espresso, 1000L));

      // Deleting the receipt takes back what is left of the sent lines.
      assertThat(status(marek.send("delete", "receiptId", r))).isEqualTo("accepted");
      assertThat(open(f).get(3).items()).extracting(KitchenStore.Item::lineId, KitchenStore.Item::quantity)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(beer, 2000L));

      // Done leaves the board, once.
      KitchenStore store = new KitchenStore(f.app.db);
      long first = tickets.get(0).id();
      assertThat(store.done(f.account, first, "Kuchnia", 5)).isTrue();
      assertThat(store.done(f.account, first, "Kuchnia", 6)).isFalse();
      assertThat(open(f)).hasSize(3);
      assertThat(store.find(f.account, first).orElseThrow().doneBy()).isEqualTo("Kuchnia");
      assertThat(store.done(f.account + 1, tickets.get(1).id(), "Obcy", 7)).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void course_and_seat_are_validated_naming_the_field_and_a_category_gives_its_course(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal anna = f.terminal("anna");
      String r = anna.openAdHoc();
      String line = anna.add(r, f.beer, 1000);
      JsonNode bad = anna.send("setLineCourse", "lineId", line, "course", 10);
      assertThat(bad.path("code").asText()).isEqualTo("invalid");
      assertThat(bad.path("details").path("field").asText()).isEqualTo("course");
      assertThat(anna.send("setLineSeat", "lineId", line, "seat", 0).path("details").path("field").asText())
          .isEqualTo("seat");
      assertThat(anna.send("addLine", "receiptId", r, "lineId", Terminal.uuid(), "productId", f.beer, "seat", 100)
          .path("details").path("field").asText()).isEqualTo("seat");
      assertThat(anna.send("markSent", "receiptId", r, "upToCourse", 0).path("details").path("field").asText())
          .isEqualTo("upToCourse");
      assertThat(status(anna.send("setLineSeat", "lineId", line, "seat", 99))).isEqualTo("accepted");
      assertThat(status(anna.send("setLineCourse", "lineId", line, "course", null))).isEqualTo("accepted");
      assertThat(f.receipt(r).lines().get(0).seat()).isEqualTo(99);
      assertThat(f.receipt(r).lines().get(0).course()).isNull();

      long revision = f.change(h -> {
        long desserts = h.createQuery("""
                INSERT INTO categories (account_id, name, position, archived, created_at, course)
                VALUES (:a, 'Desery', 9, :f, 0, 3) RETURNING id""")
            .bind("a", f.account).bind("f", false).mapTo(Long.class).one();
        h.createUpdate("UPDATE products SET category_id = :c WHERE id = :p").bind("c", desserts).bind("p", f.espresso)
            .execute();
      });
      anna.apply(revision);
      String cake = anna.add(r, f.espresso, 1000);
      String given = Terminal.uuid();
      anna.send("addLine", "receiptId", r, "lineId", given, "productId", f.espresso, "course", 1);
      assertThat(f.receipt(r).lines()).extracting(ReceiptView.LineView::id, ReceiptView.LineView::course)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(line, null), org.assertj.core.groups.Tuple.tuple(cake, 3),
              org.assertj.core.groups.Tuple.tuple(given, 1));
    }
  }
}
