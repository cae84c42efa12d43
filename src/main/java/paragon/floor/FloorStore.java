package paragon.floor;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import paragon.accounts.Shops;
import paragon.configuration.ConfigSnapshot;
import paragon.configuration.Revisions;
import paragon.storage.Database;
import paragon.web.Problem;

/**
 * A shop's floor plan in {@code floor_plans}, {@code floor_rooms} and {@code floor_tables}. The shop's
 * list of predefined receipts stays the source of truth: the plan only adds where each is, and a table
 * whose slot left the list is not shown (and is dropped at the next save). Every save that changes
 * something records exactly one configuration revision, so terminals get the plan at their next sync.
 */
public final class FloorStore {
  private final Database db;
  private final Clock clock;

  public FloorStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The page's data: the shop, its predefined receipts in list order, and its plan as stored. */
  public record Plan(long revision, Shops.Shop shop, List<ConfigSnapshot.Slot> slots, ConfigSnapshot.FloorPlan floor,
      List<Shops.Shop> shops) {}

  public record Saved(long revision, boolean changed) {}

  /** The first shop (by name) that is not archived, or null: where the menu's "Floor" opens. */
  public Long firstShop(long accountId) {
    return db.read(h -> Shops.list(h, accountId).stream().filter(s -> !s.archived()).map(Shops.Shop::id)
        .findFirst().orElse(null));
  }

  public Plan read(long accountId, long shopId) {
    return db.read(h -> read(h, accountId, shopId));
  }

  private static Plan read(Handle h, long accountId, long shopId) {
    Shops.Shop shop = Shops.find(h, accountId, shopId);
    long revision = Revisions.current(h, accountId);
    ConfigSnapshot snapshot = Revisions.snapshot(h, accountId, revision);
    List<ConfigSnapshot.Slot> slots = snapshot == null || snapshot.shops().stream().noneMatch(s -> s.id() == shopId)
        ? List.of()
        : snapshot.shop(shopId).slots(snapshot.defaultSlots());
    List<Shops.Shop> active = Shops.list(h, accountId).stream().filter(s -> !s.archived()).toList();
    return new Plan(revision, shop, slots, stored(h, accountId, shopId).onlyTables(slots), active);
  }

  /** The plan's rows as they are (tables of every slot, also one that left the list). */
  static ConfigSnapshot.FloorPlan stored(Handle h, long accountId, long shopId) {
    return Revisions.floor(h, accountId, shopId);
  }

  /**
   * Replaces the shop's plan with {@code wanted} (validated by {@link FloorRules} against the shop's
   * slots, checked again here inside the transaction). A room id that is not this shop's is "not found"
   * and nothing is saved. Unchanged: no revision.
   */
  public Saved save(long accountId, long shopId, String author, FloorRules.Valid wanted) {
    return db.inTransaction(h -> {
      Plan before = read(h, accountId, shopId);
      Set<String> slots = new HashSet<>();
      before.slots().forEach(s -> slots.add(s.id()));
      for (FloorRules.ValidTable t : wanted.tables()) {
        if (!slots.contains(t.slotId())) throw Problem.invalid("slotId", "floor.slot.unknown");
      }
      Set<Long> existing = new HashSet<>();
      before.floor().rooms().forEach(r -> existing.add(r.id()));
      for (FloorRules.ValidRoom r : wanted.rooms()) {
        if (r.id() != null && !existing.contains(r.id())) throw Problem.notFound("room", r.id());
      }
      if (same(before.floor(), wanted)) return new Saved(before.revision(), false);
      h.createUpdate("DELETE FROM floor_tables WHERE account_id = :a AND shop_id = :s")
          .bind("a", accountId).bind("s", shopId).execute();
      Set<Long> kept = new HashSet<>();
      wanted.rooms().forEach(r -> kept.add(r.id()));
      for (Long id : existing) {
        if (kept.contains(id)) continue;
        h.createUpdate("DELETE FROM floor_rooms WHERE id = :id AND account_id = :a AND shop_id = :s")
            .bind("id", id).bind("a", accountId).bind("s", shopId).execute();
      }
      List<Long> roomIds = new ArrayList<>();
      for (int i = 0; i < wanted.rooms().size(); i++) {
        FloorRules.ValidRoom r = wanted.rooms().get(i);
        if (r.id() != null) {
          h.createUpdate("UPDATE floor_rooms SET name = :n, position = :p WHERE id = :id AND account_id = :a")
              .bind("n", r.name()).bind("p", i).bind("id", r.id()).bind("a", accountId).execute();
          roomIds.add(r.id());
        } else {
          roomIds.add(h.createQuery("""
                  INSERT INTO floor_rooms (account_id, shop_id, name, position) VALUES (:a, :s, :n, :p) RETURNING id""")
              .bind("a", accountId).bind("s", shopId).bind("n", r.name()).bind("p", i).mapTo(Long.class).one());
        }
      }
      for (FloorRules.ValidTable t : wanted.tables()) {
        h.createUpdate("""
                INSERT INTO floor_tables (account_id, shop_id, slot_id, room_id, x, y, shape, seats)
                VALUES (:a, :s, :slot, :room, :x, :y, :shape, :seats)""")
            .bind("a", accountId).bind("s", shopId).bind("slot", t.slotId()).bind("room", roomIds.get(t.room()))
            .bind("x", t.x()).bind("y", t.y()).bind("shape", t.shape()).bind("seats", t.seats()).execute();
      }
      h.createUpdate("""
              INSERT INTO floor_plans (shop_id, account_id, open_too_long_minutes) VALUES (:s, :a, :m)
              ON CONFLICT (shop_id) DO UPDATE SET open_too_long_minutes = excluded.open_too_long_minutes""")
          .bind("s", shopId).bind("a", accountId).bind("m", wanted.openTooLongMinutes()).execute();
      String summary = "floor of " + before.shop().name() + ": " + wanted.rooms().size() + " rooms, "
          + wanted.tables().size() + " tables";
      return new Saved(Revisions.record(h, accountId, author, summary, clock), true);
    });
  }

  /** Whether {@code wanted} is the plan as shown (a new room is always a change). */
  private static boolean same(ConfigSnapshot.FloorPlan before, FloorRules.Valid wanted) {
    if (before.openTooLongMinutes() != wanted.openTooLongMinutes()) return false;
    if (before.rooms().size() != wanted.rooms().size()) return false;
    Set<List<Object>> had = new HashSet<>();
    Set<List<Object>> want = new HashSet<>();
    for (int i = 0; i < wanted.rooms().size(); i++) {
      ConfigSnapshot.Room r = before.rooms().get(i);
      FloorRules.ValidRoom w = wanted.rooms().get(i);
      if (w.id() == null || w.id() != r.id() || !w.name().equals(r.name())) return false;
      for (ConfigSnapshot.FloorTable t : r.tables()) had.add(List.of(t.slotId(), i, t.x(), t.y(), t.shape(), t.seats()));
    }
    for (FloorRules.ValidTable t : wanted.tables()) {
      want.add(List.of(t.slotId(), t.room(), t.x(), t.y(), t.shape(), t.seats()));
    }
    return had.equals(want);
  }
}
