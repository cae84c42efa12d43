package paragon.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.accounts.Shops;
import paragon.configuration.ConfigSnapshot;
import paragon.configuration.DeviceModel;
import paragon.configuration.EffectiveConfig;
import paragon.configuration.Plan;
import paragon.configuration.Revisions;
import paragon.parking.ParkingStore;
import paragon.parking.SlotRules;
import paragon.testing.Owners;
import paragon.testing.Rows;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/**
 * The floor page over HTTP on both databases: rooms and tables placed with the plain form, one revision
 * a save, the plan in the terminals' effective configuration; bad input names its field and changes nothing.
 */
class FloorPageTest {

  /** A shop "Rynek" on the default list "Stolik 1..3", its owner signed in. */
  record Bistro(TestApp app, Owners.Owner owner, long shop, List<String> slots) {
    WebClient c() {
      return owner.client();
    }

    long revision() {
      return Rows.revision(app.db, owner.accountId());
    }

    EffectiveConfig config() {
      ConfigSnapshot s = app.db.read(h -> Revisions.snapshot(h, owner.accountId(), Revisions.current(h, owner.accountId())));
      return EffectiveConfig.of(s, shop, DeviceModel.SMART_PLUS);
    }

    String path() {
      return "/backoffice/floor/" + shop;
    }
  }

  static Bistro bistro(TestApp app) {
    var owner = Owners.signedIn(app, Plan.MAX, "en");
    long shop = new Shops(app.db, app.clock).create(owner.accountId(), "test", "Rynek");
    ParkingStore parking = new ParkingStore(app.db, app.clock);
    parking.saveList(owner.accountId(), null, "test", List.of(new SlotRules.Valid(null, "Stolik 1"),
        new SlotRules.Valid(null, "Stolik 2"), new SlotRules.Valid(null, "Stolik 3")));
    List<String> slots = parking.read(owner.accountId()).defaults().stream().map(ParkingStore.Slot::id).toList();
    return new Bistro(app, owner, shop, slots);
  }

  /** A form body: rooms as "id|name", tables as "slot|room|x|y|shape|seats", then the threshold and action. */
  static String body(String action, String minutes, List<String> rooms, List<String> tables) {
    StringBuilder b = new StringBuilder();
    for (String room : rooms) {
      String[] f = room.split("\\|", -1);
      b.append("roomId=").append(WebClient.enc(f[0])).append("&roomName=").append(WebClient.enc(f[1])).append('&');
    }
    String[] names = {"slotId", "room", "x", "y", "shape", "seats"};
    for (String table : tables) {
      String[] f = table.split("\\|", -1);
      for (int i = 0; i < names.length; i++) b.append(names[i]).append('=').append(WebClient.enc(f[i])).append('&');
    }
    return b.append("openTooLongMinutes=").append(WebClient.enc(minutes)).append("&action=").append(WebClient.enc(action))
        .toString();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void owner_adds_a_room_places_tables_and_the_terminals_configuration_carries_the_plan(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Bistro b = bistro(app);
      assertThat(b.config().floor()).isEqualTo(ConfigSnapshot.FloorPlan.EMPTY);
      var page = b.c().get(b.path());
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("Floor plan: Rynek", "Stolik 1", "No rooms yet", "/assets/floor.js")
          .doesNotContain("<script>");
      long before = b.revision();

      var added = b.c().postEncoded(b.path(), body("addRoom", "90", List.of(), List.of()));
      assertThat(added.status()).isEqualTo(200);
      assertThat(added.body()).contains("id=\"room-name-0\"", "data-room=\"0\"");
      assertThat(b.revision()).as("an editing step saves nothing").isEqualTo(before);

      String s1 = b.slots().get(0);
      String s2 = b.slots().get(1);
      String s3 = b.slots().get(2);
      var saved = b.c().postEncoded(b.path(), body("save", " 120 ", List.of("|Sala", "|Taras"),
          List.of(s1 + "|0|2|3|round|4", s2 + "|1|23|15|square|50", s3 + "||||square|4")));
      assertThat(saved.status()).as(saved.body()).isEqualTo(303);
      assertThat(b.revision()).isEqualTo(before + 1);

      ConfigSnapshot.FloorPlan floor = b.config().floor();
      assertThat(floor.openTooLongMinutes()).isEqualTo(120);
      assertThat(floor.rooms()).extracting(ConfigSnapshot.Room::name).containsExactly("Sala", "Taras");
      assertThat(floor.rooms().get(0).tables()).containsExactly(new ConfigSnapshot.FloorTable(s1, 2, 3, "round", 4));
      assertThat(floor.rooms().get(1).tables()).containsExactly(new ConfigSnapshot.FloorTable(s2, 23, 15, "square", 50));

      // The same plan again makes no revision; moving the rooms keeps their tables with them.
      long sala = floor.rooms().get(0).id();
      long taras = floor.rooms().get(1).id();
      List<String> rooms = List.of(sala + "|Sala", taras + "|Taras");
      List<String> tables = List.of(s1 + "|0|2|3|round|4", s2 + "|1|23|15|square|50", s3 + "||||square|4");
      var again = b.c().postEncoded(b.path(), body("save", "120", rooms, tables));
      assertThat(again.header("Location")).endsWith("?unchanged=1");
      assertThat(b.revision()).isEqualTo(before + 1);
      var up = b.c().postEncoded(b.path(), body("upRoom:1", "120", rooms, tables));
      assertThat(up.body()).containsPattern("id=\"room-name-0\" name=\"roomName\" value=\"Taras\"");
      var removed = b.c().postEncoded(b.path(), body("removeRoom:0", "120", rooms, tables));
      assertThat(removed.body()).doesNotContain("value=\"Sala\"");
      assertThat(b.revision()).isEqualTo(before + 1);

      // Renamed, one table moved, the threshold back to the default: one more revision.
      var moved = b.c().postEncoded(b.path(), body("save", "90", List.of(sala + "|Sala główna", taras + "|Taras"),
          List.of(s1 + "|0|5|6|round|6", s2 + "|1|23|15|square|50", s3 + "|0|2|3|square|2")));
      assertThat(moved.status()).isEqualTo(303);
      floor = b.config().floor();
      assertThat(floor.openTooLongMinutes()).isEqualTo(90);
      assertThat(floor.rooms().get(0).name()).isEqualTo("Sala główna");
      assertThat(floor.rooms().get(0).tables()).containsExactlyInAnyOrder(
          new ConfigSnapshot.FloorTable(s1, 5, 6, "round", 6), new ConfigSnapshot.FloorTable(s3, 2, 3, "square", 2));
      var shown = b.c().get(b.path() + "?saved=1");
      assertThat(shown.body()).contains("value=\"Sala główna\"", "grid-column:6;grid-row:7");

      // The list stays the source of truth: a table removed from it leaves the plan.
      new ParkingStore(app.db, app.clock).saveList(b.owner().accountId(), null, "test",
          List.of(new SlotRules.Valid(s1, "Stolik 1"), new SlotRules.Valid(s2, "Stolik 2")));
      assertThat(b.config().floor().rooms().get(0).tables()).extracting(ConfigSnapshot.FloorTable::slotId)
          .containsExactly(s1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void bad_input_names_the_field_and_changes_nothing(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Bistro b = bistro(app);
      String s1 = b.slots().get(0);
      String s2 = b.slots().get(1);
      b.c().postEncoded(b.path(), body("save", "90", List.of("|Sala"), List.of(s1 + "|0|2|3|round|4")));
      long revision = b.revision();
      ConfigSnapshot.FloorPlan stored = b.config().floor();
      long sala = stored.rooms().get(0).id();
      List<String> room = List.of(sala + "|Sala");
      record Case(String minutes, List<String> rooms, List<String> tables, String field) {}
      List<Case> cases = new ArrayList<>(List.of(
          new Case("90", room, List.of(s1 + "|0|24|3|round|4"), "tables[0].x"),
          new Case("90", room, List.of(s1 + "|0|-1|3|round|4"), "tables[0].x"),
          new Case("90", room, List.of(s1 + "|0|2|16|round|4"), "tables[0].y"),
          new Case("90", room, List.of(s1 + "|0|2|3|round|4", s2 + "|0|2|3|square|2"), "tables[1].x"),
          new Case("90", room, List.of("no-such-slot|0|2|3|round|4"), "tables[0].slotId"),
          new Case("90", room, List.of(s1 + "|0|2|3|oval|4"), "tables[0].shape"),
          new Case("90", room, List.of(s1 + "|0|2|3|round|0"), "tables[0].seats"),
          new Case("90", room, List.of(s1 + "|0|2|3|round|51"), "tables[0].seats"),
          new Case("90", room, List.of(s1 + "|3|2|3|round|4"), "tables[0].room"),
          new Case("0", room, List.of(s1 + "|0|2|3|round|4"), "openTooLongMinutes"),
          new Case("1441", room, List.of(s1 + "|0|2|3|round|4"), "openTooLongMinutes"),
          new Case("abc", room, List.of(s1 + "|0|2|3|round|4"), "openTooLongMinutes"),
          new Case("90", List.of(sala + "| "), List.of(s1 + "|0|2|3|round|4"), "rooms[0].name"),
          new Case("90", List.of(sala + "|Sala", "|sala"), List.of(s1 + "|0|2|3|round|4"), "rooms[1].name")));
      for (Case c : cases) {
        var refused = b.c().postEncoded(b.path(), body("save", c.minutes(), c.rooms(), c.tables()));
        String id = "error-" + c.field().replaceAll("[^A-Za-z0-9_-]", "-");
        assertThat(refused.status()).as("%s", c).isEqualTo(400);
        assertThat(refused.body()).as("%s", c).contains("id=\"" + id + "\"");
        // A typed field points at its message (the slot is a hidden field: its message stands by the table's name).
        if (!c.field().endsWith("slotId")) assertThat(refused.body()).as("%s", c).containsPattern("aria-describedby=\"([^\"]* )?" + id + "\"");
        assertThat(b.revision()).as("%s", c).isEqualTo(revision);
        assertThat(b.config().floor()).as("%s", c).isEqualTo(stored);
      }
      // A room id of another shop (or none at all) is not found, and nothing is saved.
      var foreign = b.c().postEncoded(b.path(), body("save", "90", List.of("999999|Sala"), List.of()));
      assertThat(foreign.status()).isEqualTo(404);
      assertThat(b.c().get("/backoffice/floor/999999").status()).isEqualTo(404);
      assertThat(b.revision()).isEqualTo(revision);
    }
  }
}
