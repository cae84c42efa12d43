package paragon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.Visibility;
import paragon.testing.StreamClient;
import paragon.testing.TestDatabases;

/**
 * Change frames carry the change, not the receipt (issue 11): a change to a long receipt is a
 * {@code delta} as small as one to a short receipt, and terminals that apply deltas end with the
 * receipts a snapshot gives.
 */
class StreamDeltaTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static List<JsonNode> deltasOf(StreamClient s, String receiptId) {
    return s.wire().stream().filter(f -> f.path("type").asText().equals("delta")
        && f.path("id").asText().equals(receiptId)).toList();
  }

  private static Map<String, JsonNode> held(StreamClient s, String space) {
    synchronized (s.view()) {
      return new TreeMap<>(s.view().receipts.getOrDefault(space, Map.of()));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_change_to_a_200_line_receipt_is_a_frame_the_size_of_one_to_a_1_line_receipt(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind, Visibility.ALL)) {
      Terminal a = f.terminal("anna");
      Terminal b = f.terminal("bob");
      String space = a.shopSpace();
      String small = a.openAdHoc();
      String smallLine = a.addLine(small, "Kawa", 900);
      String big = a.openAdHoc();
      List<Map<String, Object>> adds = new ArrayList<>();
      for (int i = 0; i < 199; i++) {
        adds.add(Terminal.command("addLine", "receiptId", big, "lineId", Terminal.uuid(), "name", "Danie " + i,
            "unitPrice", 1000 + i, "vat", "23"));
      }
      a.sendAll(adds);
      String bigLine = a.addLine(big, "Kawa", 900);
      try (StreamClient sa = f.connect(a); StreamClient sb = f.connect(b)) {
        f.assertUpToDate(sa, a, space);
        f.assertUpToDate(sb, b, space);
        // The same three changes to each receipt: a line added, a quantity, a note.
        for (String[] r : List.of(new String[] {small, smallLine}, new String[] {big, bigLine})) {
          a.addLine(r[0], "Herbata", 800);
          a.accepted("adjustQuantity", "lineId", r[1], "delta", 2000);
          a.accepted("noteReceipt", "receiptId", r[0], "note", "okno");
        }
        f.assertUpToDate(sa, a, space);
        f.assertUpToDate(sb, b, space);

        List<JsonNode> toSmall = deltasOf(sb, small);
        List<JsonNode> toBig = deltasOf(sb, big);
        assertThat(toSmall).hasSize(3);
        assertThat(toBig).hasSize(3);
        JsonNode bigReceipt = held(sb, space).get(big);
        assertThat(bigReceipt.path("lines")).hasSize(201);
        int whole = bigReceipt.toString().length();
        for (int i = 0; i < 3; i++) {
          int s = toSmall.get(i).toString().length();
          int l = toBig.get(i).toString().length();
          // Same changes, same size, whatever the receipt's length (digits of totals aside).
          assertThat(l).as("delta %s to the 200-line receipt vs the 1-line one", i).isBetween(s - 40, s + 40);
          assertThat(l).isLessThan(whole / 20);
          assertThat(toBig.get(i).path("lines").size()).isEqualTo(i < 2 ? 1 : 0); // the note: no line
        }
        assertThat(toBig.get(1).path("lines").get(0).path("quantity").asLong()).isEqualTo(3000);
        assertThat(toBig.get(1).path("receipt").has("lines")).isFalse();
        // The device whose command it was learns it from its own frame, as with whole receipts.
        assertThat(deltasOf(sa, big)).allSatisfy(d -> assertThat(d.path("by").path("n").asLong()).isPositive());
        assertThat(deltasOf(sb, big)).allSatisfy(d -> assertThat(d.has("by")).isFalse());

        // Two terminals that followed the deltas hold what a new terminal's snapshot gives.
        try (StreamClient fresh = f.connect(b)) {
          f.assertUpToDate(fresh, b, space);
          assertThat(fresh.wire().stream().filter(w -> w.path("type").asText().equals("snapshot")
              && w.path("space").asText().equals(space))).hasSize(1);
          assertThat(held(sa, space)).isEqualTo(held(fresh, space));
          assertThat(held(sb, space)).isEqualTo(held(fresh, space));
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void removing_and_moving_lines_and_paying_reach_the_other_terminal_as_deltas(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind, Visibility.ALL)) {
      Terminal a = f.terminal("anna");
      Terminal b = f.terminal("bob");
      String space = a.shopSpace();
      String from = a.openAdHoc();
      String to = a.openAdHoc();
      String l1 = a.addLine(from, "Zupa", 1200);
      String l2 = a.addLine(from, "Pierogi", 2400);
      String l3 = a.addLine(from, "Kompot", 600);
      a.addLine(to, "Kawa", 900);
      try (StreamClient sb = f.connect(b)) {
        f.assertUpToDate(sb, b, space);
        a.accepted("removeLine", "lineId", l1);
        a.accepted("moveLines", "receiptId", from, "targetReceiptId", to,
            "lines", List.of(Map.of("lineId", l3)));
        a.accepted("noteLine", "lineId", l3, "note", "bez cukru");
        f.assertUpToDate(sb, b, space);
        assertThat(deltasOf(sb, from)).extracting(d -> d.path("removed").get(0).asText()).containsExactly(l1, l3);
        assertThat(held(sb, space).get(from).path("lines")).extracting(l -> l.path("id").asText()).containsExactly(l2);
        assertThat(held(sb, space).get(to).path("lines")).hasSize(2);
        assertThat(held(sb, space).get(to).path("lines").get(1).path("note").asText()).isEqualTo("bez cukru");
        assertThat(deltasOf(sb, to)).last().satisfies(d -> assertThat(d.path("lines")).hasSize(1));

        long seq = held(sb, space).get(to).path("seq").asLong();
        long total = held(sb, space).get(to).path("total").asLong();
        a.accepted("startPayment", "receiptId", to);
        a.accepted("pay", "receiptId", to, "seq", seq, "payments", List.of(Map.of("method", "CASH", "amount", total)));
        f.assertUpToDate(sb, b, space);
        assertThat(held(sb, space)).doesNotContainKey(to);
        assertThat(deltasOf(sb, to)).isNotEmpty();
      }
    }
  }
}
