package paragon.parking;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import paragon.accounts.Shops;
import paragon.configuration.Revisions;
import paragon.storage.Database;
import paragon.web.Problem;

/**
 * Predefined-receipt lists in {@code receipt_slots}: the account's default list ({@code shop_id} NULL)
 * and each shop's own list. A slot keeps its UUID across renames and reorders, so receipts opened on
 * it stay attached. A shop's "use defaults" flag only chooses which list its terminals use: the own
 * list is never deleted by it. Every save that changes something records exactly one revision.
 */
public final class ParkingStore {
  private final Database db;
  private final Clock clock;

  public ParkingStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public record Slot(String id, String name) {}

  public record ShopList(long shopId, String name, boolean useDefaults, List<Slot> own) {}

  public record Lists(long revision, List<Slot> defaults, List<ShopList> shops) {}

  public record Saved(long revision, boolean changed) {}

  public Lists read(long accountId) {
    return db.read(h -> new Lists(Revisions.current(h, accountId), slots(h, accountId, null),
        Shops.list(h, accountId).stream()
            .filter(s -> !s.archived()) // an archived shop keeps its list, but the page leaves it out
            .map(s -> new ShopList(s.id(), s.name(), s.useDefaults(), slots(h, accountId, s.id())))
            .toList()));
  }

  /** The list of {@code shopId}, or the default list when it is null. */
  static List<Slot> slots(Handle h, long accountId, Long shopId) {
    var q = h.createQuery("SELECT id, name FROM receipt_slots WHERE account_id = :a AND "
            + (shopId == null ? "shop_id IS NULL" : "shop_id = :s") + " ORDER BY position, id")
        .bind("a", accountId);
    if (shopId != null) q.bind("s", shopId);
    return q.map((rs, ctx) -> new Slot(rs.getString("id"), rs.getString("name"))).list();
  }

  /**
   * Replaces the list with {@code wanted} (validated by {@link SlotRules}): rows with an id keep their
   * slot (renamed, moved), rows without one become new slots, slots not in {@code wanted} are removed.
   * An id that is not in this list is "not found" and nothing is saved. With {@code useOwn} the shop
   * also stops using the defaults, in the same transaction and the same revision: unticking "use
   * defaults" publishes nothing by itself, the save of the shop's own list does it all at once.
   */
  public Saved saveList(long accountId, Long shopId, String author, List<SlotRules.Valid> wanted) {
    return saveList(accountId, shopId, author, wanted, false);
  }

  public Saved saveList(long accountId, Long shopId, String author, List<SlotRules.Valid> wanted, boolean useOwn) {
    if (useOwn && shopId == null) throw new IllegalArgumentException("useOwn for the default list");
    return db.inTransaction(h -> {
      Shops.Shop shop = shopId == null ? null : Shops.find(h, accountId, shopId);
      String label = shop == null ? "default list" : "list of " + shop.name();
      boolean switches = useOwn && shop.useDefaults();
      List<Slot> before = slots(h, accountId, shopId);
      Set<String> existing = new HashSet<>();
      before.forEach(s -> existing.add(s.id()));
      List<Slot> after = new ArrayList<>();
      for (SlotRules.Valid v : wanted) {
        if (v.id() != null && !existing.contains(v.id())) throw Problem.notFound("receipt", v.id());
        after.add(new Slot(v.id() == null ? UUID.randomUUID().toString() : v.id(), v.name()));
      }
      if (after.equals(before) && !switches) return new Saved(Revisions.current(h, accountId), false);
      if (switches) {
        Shops.setUseDefaults(h, accountId, shopId, false);
      }
      Set<String> kept = new HashSet<>();
      after.forEach(s -> kept.add(s.id()));
      for (Slot s : before) {
        if (!kept.contains(s.id())) {
          h.createUpdate("DELETE FROM receipt_slots WHERE id = :id AND account_id = :a")
              .bind("id", s.id()).bind("a", accountId).execute();
        }
      }
      for (int i = 0; i < after.size(); i++) {
        Slot s = after.get(i);
        if (existing.contains(s.id())) {
          h.createUpdate("UPDATE receipt_slots SET name = :n, position = :p WHERE id = :id AND account_id = :a")
              .bind("n", s.name()).bind("p", i).bind("id", s.id()).bind("a", accountId).execute();
        } else {
          h.createUpdate("INSERT INTO receipt_slots (id, account_id, shop_id, name, position) VALUES (:id, :a, :s, :n, :p)")
              .bind("id", s.id()).bind("a", accountId).bind("s", shopId).bind("n", s.name()).bind("p", i).execute();
        }
      }
      String summary = label + ": " + after.size() + " receipts" + (switches ? ", used instead of the defaults" : "");
      return new Saved(Revisions.record(h, accountId, author, summary, clock), true);
    });
  }

  /**
   * Chooses the default list or the shop's own for its terminals; the own list stays either way. The
   * Parking page only ticks with it: unticking goes through {@link #saveList} with {@code useOwn}, so the
   * shop never switches to a list the owner has not saved.
   */
  public Saved setUseDefaults(long accountId, long shopId, String author, boolean useDefaults) {
    return db.inTransaction(h -> {
      Shops.Shop shop = Shops.find(h, accountId, shopId);
      if (shop.useDefaults() == useDefaults) return new Saved(Revisions.current(h, accountId), false);
      Shops.setUseDefaults(h, accountId, shopId, useDefaults);
      String summary = shop.name() + (useDefaults ? ": uses the default list" : ": uses its own list");
      return new Saved(Revisions.record(h, accountId, author, summary, clock), true);
    });
  }
}
