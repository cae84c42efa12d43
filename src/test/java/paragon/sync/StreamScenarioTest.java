package paragon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.Visibility;
import paragon.testing.StreamClient;
import paragon.testing.TestDatabases;

/** Several terminals over real WebSockets and real commands: what each one receives, frame by frame. */
class StreamScenarioTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  static JsonNode welcomed(StreamClient s) {
    return s.awaitFrame(f -> f.path("type").asText().equals("welcome"), WAIT);
  }

  /** Every change frame about {@code receiptId}, in order. */
  static List<JsonNode> about(StreamClient s, String receiptId) {
    return s.frames().stream().filter(f -> receiptId.equals(f.path("id").asText(null))
        || receiptId.equals(f.path("receipt").path("id").asText(null))).toList();
  }

  static Set<String> types(List<JsonNode> frames) {
    return frames.stream().map(f -> f.path("type").asText()).collect(Collectors.toSet());
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_line_added_on_one_terminal_reaches_the_other(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind, Visibility.ALL)) {
      Terminal a = f.terminal("anna");
      Terminal b = f.terminal("bob");
      try (StreamClient sb = f.connect(b)) {
        welcomed(sb);
        String receipt = a.openAdHoc();
        String line = a.addLine(receipt, "Pierogi", 2400);
        JsonNode frame = sb.awaitFrame(fr -> fr.path("type").asText().equals("receipt")
            && fr.path("receipt").path("lines").size() == 1, WAIT);
        assertThat(frame.path("space").asText()).isEqualTo(b.shopSpace());
        assertThat(frame.path("receipt").path("lines").get(0).path("id").asText()).isEqualTo(line);
        assertThat(frame.path("receipt").path("total").asLong()).isEqualTo(2400);
        f.assertUpToDate(sb, b, b.shopSpace());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void own_mode_never_sends_another_users_receipt_and_shows_their_tables_as_occupied(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind, Visibility.OWN)) {
      Terminal a = f.terminal("anna");
      Terminal b = f.terminal("bob");
      try (StreamClient sa = f.connect(a); StreamClient sb = f.connect(b)) {
        welcomed(sa);
        welcomed(sb);
        String annasSale = a.openAdHoc();
        a.addLine(annasSale, "Sekretny deser", 1900);
        String annasTable = a.openTable("Stolik 2");
        a.addLine(annasTable, "Tajna zupa", 1500);
        String bobsSale = b.openAdHoc();
        b.addLine(bobsSale, "Kawa Boba", 800);
        f.assertUpToDate(sa, a, a.shopSpace());
        f.assertUpToDate(sb, b, b.shopSpace());

        for (JsonNode frame : sb.frames()) {
          assertThat(frame.toString()).as("bob's stream frame").doesNotContain("Sekretny", "Tajna", "Anna");
          if (frame.path("type").asText().equals("receipt")) {
            assertThat(frame.path("receipt").path("ownerUserId").asLong()).isEqualTo(f.bob);
          }
        }
        assertThat(types(about(sb, annasSale))).containsOnly("gone");
        assertThat(types(about(sb, annasTable))).containsOnly("occupied");
        JsonNode stub = about(sb, annasTable).get(0).path("receipt");
        assertThat(stub.path("name").asText()).isEqualTo("Stolik 2");
        assertThat(stub.path("occupied").asBoolean()).isTrue();
        assertThat(stub.has("lines")).isFalse();
        assertThat(stub.has("ownerUserId")).isFalse();
        assertThat(stub.has("total")).isFalse();
        assertThat(sb.view().all().keySet()).containsExactlyInAnyOrder(annasTable, bobsSale);
        assertThat(sa.view().all().keySet()).containsExactlyInAnyOrder(annasSale, annasTable);
        assertThat(types(about(sa, bobsSale))).containsOnly("gone");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void same_role_mode_shares_within_a_role_and_the_see_all_permission_sees_everything(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind, Visibility.SAME_ROLE)) {
      Terminal anna = f.terminal("anna");
      Terminal bob = f.terminal("bob");
      Terminal kuba = f.terminal("kuba");
      Terminal marek = f.terminal("marek");
      try (StreamClient sb = f.connect(bob); StreamClient sk = f.connect(kuba); StreamClient sm = f.connect(marek)) {
        welcomed(sb);
        welcomed(sk);
        welcomed(sm);
        String waiters = anna.openAdHoc();
        anna.addLine(waiters, "Rosół", 1200);
        String cooks = kuba.openAdHoc();
        kuba.addLine(cooks, "Obiad pracowniczy", 0);
        for (StreamClient s : List.of(sb, sk, sm)) s.awaitCursor(bob.shopSpace(), f.server(bob.shopSpace()).seq(), WAIT);
        f.assertUpToDate(sb, bob, bob.shopSpace());
        f.assertUpToDate(sk, kuba, kuba.shopSpace());
        f.assertUpToDate(sm, marek, marek.shopSpace());
        assertThat(types(about(sb, waiters))).containsOnly("receipt");
        assertThat(types(about(sb, cooks))).containsOnly("gone");
        assertThat(types(about(sk, waiters))).containsOnly("gone");
        assertThat(types(about(sk, cooks))).containsOnly("receipt");
        assertThat(types(about(sm, waiters))).containsOnly("receipt");
        assertThat(types(about(sm, cooks))).containsOnly("receipt");
        assertThat(sm.view().all().keySet()).containsExactlyInAnyOrder(waiters, cooks);
        assertThat(sb.frames().toString()).doesNotContain("Obiad pracowniczy");
        assertThat(sk.frames().toString()).doesNotContain("Rosół");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_reassignment_hides_the_receipt_from_the_old_owner_and_reveals_it_to_the_new(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind, Visibility.OWN)) {
      Terminal anna = f.terminal("anna");
      Terminal bob = f.terminal("bob");
      Terminal marek = f.terminal("marek");
      try (StreamClient sa = f.connect(anna); StreamClient sb = f.connect(bob)) {
        welcomed(sa);
        welcomed(sb);
        String sale = anna.openAdHoc();
        anna.addLine(sale, "Tatar", 4200);
        String table = anna.openTable("Stolik 1");
        anna.addLine(table, "Piwo", 1250);
        f.assertUpToDate(sa, anna, anna.shopSpace());
        assertThat(sa.view().all()).containsKeys(sale, table);

        marek.accepted("reassign", "receiptId", sale, "userId", f.bob);
        marek.accepted("reassign", "receiptId", table, "userId", f.bob);
        f.assertUpToDate(sa, anna, anna.shopSpace());
        f.assertUpToDate(sb, bob, bob.shopSpace());
        assertThat(sa.view().all()).doesNotContainKey(sale);
        assertThat(sa.view().all().get(table).path("occupied").asBoolean()).isTrue();
        assertThat(sb.view().all().get(sale).path("lines").get(0).path("name").asText()).isEqualTo("Tatar");
        assertThat(sb.view().all().get(table).path("ownerUserId").asLong()).isEqualTo(f.bob);
        List<JsonNode> annaAboutSale = about(sa, sale);
        assertThat(annaAboutSale.get(annaAboutSale.size() - 1).path("type").asText()).isEqualTo("gone");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void another_user_logging_in_on_the_device_gets_their_own_view(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind, Visibility.OWN)) {
      Terminal till = f.terminal("anna");
      Terminal other = f.terminal("bob");
      String annas = till.openAdHoc();
      String bobs = other.openAdHoc();
      StreamClient sa = f.connect(till);
      f.assertUpToDate(sa, till, till.shopSpace());
      assertThat(sa.view().all().keySet()).containsExactly(annas);
      f.login(till, "bob");
      sa.awaitClose(WAIT);
      try (StreamClient sb = f.connect(till, sa.view())) {
        JsonNode welcome = welcomed(sb);
        assertThat(welcome.path("resume").path(till.shopSpace()).asText()).isEqualTo("snapshot");
        f.assertUpToDate(sb, till, till.shopSpace());
        assertThat(sb.view().all().keySet()).containsExactly(bobs);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_terminal_that_reconnects_resumes_from_its_cursor_without_gap_or_duplicate(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind, Visibility.ALL)) {
      Terminal a = f.terminal("anna");
      Terminal b = f.terminal("bob");
      String receipt = a.openAdHoc();
      StreamClient first = f.connect(b);
      a.addLine(receipt, "Zupa", 1000);
      f.assertUpToDate(first, b, b.shopSpace());
      long cursor = first.cursor(b.shopSpace());
      first.close();
      for (int i = 0; i < 5; i++) a.addLine(receipt, "Danie " + i, 500 + i);
      try (StreamClient again = f.connect(b, first.view())) {
        JsonNode welcome = welcomed(again);
        assertThat(welcome.path("resume").path(b.shopSpace()).asText()).isEqualTo("changes");
        f.assertUpToDate(again, b, b.shopSpace());
        List<JsonNode> changes = again.frames("receipt");
        assertThat(changes).hasSize(5);
        assertThat(changes.get(0).path("seq").asLong()).isEqualTo(cursor + 1);
        assertThat(again.frames("snapshot").stream().filter(s -> s.path("space").asText().equals(b.shopSpace()))).isEmpty();
      }
    }
  }

  /** The {@code by.n} of each frame, or null where it has none. */
  static List<Long> byNumbers(List<JsonNode> frames) {
    return frames.stream().map(fr -> fr.has("by") ? fr.path("by").path("n").asLong() : null).toList();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_change_frame_tells_only_the_device_that_made_it_which_of_its_commands_it_completes(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind, Visibility.ALL)) {
      Terminal a = f.terminal("anna");
      Terminal b = f.terminal("bob");
      StreamClient.View held;
      String receipt;
      try (StreamClient sa = f.connect(a); StreamClient sb = f.connect(b)) {
        held = sa.view();
        welcomed(sa);
        welcomed(sb);
        receipt = a.openAdHoc();
        String line = a.addLine(receipt, "Piwo", 1250);
        assertThat(a.accepted("adjustQuantity", "lineId", line, "delta", 2000).path("n").asLong()).isEqualTo(3);
        String target = Terminal.uuid();
        // One command, two change rows: only its last row in the space completes it.
        a.accepted("moveLines", "receiptId", receipt, "targetReceiptId", target, "newTarget", true,
            "lines", List.of(java.util.Map.of("lineId", line, "quantity", 1000, "newLineId", Terminal.uuid())));
        JsonNode refused = a.send("removeLine", "lineId", Terminal.uuid());
        assertThat(refused.path("status").asText()).as("%s", refused).isEqualTo("refused");
        assertThat(a.accepted("noteReceipt", "receiptId", receipt, "note", "okno").path("n").asLong()).isEqualTo(6);
        f.assertUpToDate(sa, a, a.shopSpace());
        f.assertUpToDate(sb, b, b.shopSpace());

        List<JsonNode> annas = sa.frames("receipt");
        assertThat(byNumbers(annas)).containsExactly(1L, 2L, 3L, null, 4L, 6L);
        assertThat(annas.get(3).path("receipt").path("id").asText()).isEqualTo(receipt);
        assertThat(annas.get(4).path("receipt").path("id").asText()).isEqualTo(target);
        // The field sits between seq and receipt, as docs/protocol.md shows it.
        assertThat(annas.get(0).fieldNames()).toIterable().containsExactly("type", "space", "seq", "by", "receipt");
        // Bob's terminal gets the same changes without it.
        List<JsonNode> bobs = sb.frames("receipt");
        assertThat(bobs).hasSize(6);
        assertThat(bobs).allSatisfy(fr -> assertThat(fr.has("by")).as("%s", fr).isFalse());
        for (int i = 0; i < 6; i++) {
          JsonNode withoutBy = annas.get(i).deepCopy();
          ((com.fasterxml.jackson.databind.node.ObjectNode) withoutBy).remove("by");
          assertThat(bobs.get(i)).isEqualTo(withoutBy);
        }
      }

      // Caught up from its cursor, the terminal gets the same field on the changes it missed.
      a.accepted("setGuests", "receiptId", receipt, "guests", 2);
      try (StreamClient again = f.connect(a, held)) {
        assertThat(welcomed(again).path("resume").path(a.shopSpace()).asText()).isEqualTo("changes");
        f.assertUpToDate(again, a, a.shopSpace());
        assertThat(byNumbers(again.frames("receipt"))).containsExactly(7L);
      }

      // A snapshot names the device's last command (the refused one counts: it is applied, as refused).
      try (StreamClient sa = f.connect(a); StreamClient sb = f.connect(b)) {
        welcomed(sa);
        welcomed(sb);
        f.assertUpToDate(sa, a, a.shopSpace());
        f.assertUpToDate(sb, b, b.shopSpace());
        // Shop space first; the device's own space never had a change, so nothing of it to name.
        // (Up to date in the shop space says nothing of the device's space: wait for its snapshot too.)
        sa.awaitFrame(fr -> "snapshot".equals(fr.path("type").asText())
            && a.deviceSpace().equals(fr.path("space").asText()), WAIT);
        sb.awaitFrame(fr -> "snapshot".equals(fr.path("type").asText())
            && b.deviceSpace().equals(fr.path("space").asText()), WAIT);
        assertThat(byNumbers(sa.frames("snapshot"))).containsExactly(7L, null);
        assertThat(byNumbers(sb.frames("snapshot"))).containsExactly(null, null);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_cursor_from_the_future_or_too_far_behind_gets_a_snapshot(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind, Visibility.ALL)) {
      Terminal a = f.terminal("anna");
      Terminal b = f.terminal("bob");
      String receipt = a.openAdHoc();
      a.addLine(receipt, "Zupa", 1000);
      StreamClient.View future = new StreamClient.View();
      future.viewer = "all";
      future.cursors.put(b.shopSpace(), 999L);
      try (StreamClient s = f.connect(b, future)) {
        assertThat(welcomed(s).path("resume").path(b.shopSpace()).asText()).isEqualTo("snapshot");
        f.assertUpToDate(s, b, b.shopSpace());
        assertThat(s.view().all()).containsKey(receipt);
      }
    }
  }
}
