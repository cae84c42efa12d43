package paragon.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import paragon.storage.Database;
import paragon.web.Problem;

/**
 * Modifier groups ("Size": choose exactly 1; "Extras": any number) and their options, each with a
 * price delta in grosze. Options and groups are archived, never deleted: a receipt line keeps the
 * chosen options as the server priced them. A save is one revision; it is refused when an option's
 * negative delta could take a product that asks for the group below 0 zł.
 */
public final class ModifierGroups {
  private final Database db;
  private final Clock clock;

  public ModifierGroups(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public record Option(long id, String name, long delta, int position, boolean archived) {}

  /** {@code max} 0: any number of options. {@code options} archived ones included, in order. */
  public record Group(long id, String name, int min, int max, int position, boolean archived, List<Option> options) {
    public List<Option> active() {
      return options.stream().filter(o -> !o.archived()).toList();
    }

    long worstDelta() {
      return ModifierRules.worstDelta(max, active().stream().map(Option::delta).toList());
    }
  }

  public List<Group> list(long accountId) {
    return db.read(h -> list(h, accountId));
  }

  public Group find(long accountId, long id) {
    return db.read(h -> find(h, accountId, id));
  }

  /** Every group, active ones first in order, then the archived ones. */
  static List<Group> list(Handle h, long accountId) {
    Map<Long, List<Option>> options = new HashMap<>();
    h.createQuery("""
            SELECT id, group_id, name, price_delta, position, archived FROM modifier_options
            WHERE account_id = :a ORDER BY group_id, archived, position, id""")
        .bind("a", accountId)
        .map((rs, ctx) -> Map.entry(rs.getLong("group_id"), new Option(rs.getLong("id"), rs.getString("name"),
            rs.getLong("price_delta"), rs.getInt("position"), rs.getBoolean("archived"))))
        .forEach(e -> options.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return h.createQuery("""
            SELECT id, name, min_choices, max_choices, position, archived FROM modifier_groups
            WHERE account_id = :a ORDER BY archived, position, id""")
        .bind("a", accountId)
        .map((rs, ctx) -> new Group(rs.getLong("id"), rs.getString("name"), rs.getInt("min_choices"),
            rs.getInt("max_choices"), rs.getInt("position"), rs.getBoolean("archived"),
            List.copyOf(options.getOrDefault(rs.getLong("id"), List.of()))))
        .list();
  }

  static Group find(Handle h, long accountId, long id) {
    return list(h, accountId).stream().filter(g -> g.id() == id).findFirst()
        .orElseThrow(() -> Problem.notFound("modifier group", id));
  }

  /** Adds ({@code id} null) or changes a group and its options; one revision when something changed. */
  public Products.Saved save(long accountId, String author, Long id, ModifierRules.Valid v) {
    return db.inTransaction(h -> {
      Group before = id == null ? null : find(h, accountId, id);
      for (ModifierRules.ValidOption o : v.options()) {
        if (o.id() != null && (before == null || before.options().stream().noneMatch(x -> x.id() == o.id()))) {
          throw Problem.notFound("modifier option", o.id());
        }
      }
      long groupId;
      if (before == null) {
        int position = h.createQuery("SELECT COALESCE(MAX(position) + 1, 0) FROM modifier_groups WHERE account_id = :a")
            .bind("a", accountId).mapTo(Integer.class).one();
        groupId = h.createQuery("""
                INSERT INTO modifier_groups (account_id, name, min_choices, max_choices, position, archived, created_at)
                VALUES (:a, :n, :min, :max, :p, :f, :t) RETURNING id""")
            .bind("a", accountId).bind("n", v.name()).bind("min", v.min()).bind("max", v.max()).bind("p", position)
            .bind("f", false).bind("t", clock.millis()).mapTo(Long.class).one();
      } else {
        groupId = before.id();
        h.createUpdate("""
                UPDATE modifier_groups SET name = :n, min_choices = :min, max_choices = :max
                WHERE id = :id AND account_id = :a""")
            .bind("n", v.name()).bind("min", v.min()).bind("max", v.max()).bind("id", groupId).bind("a", accountId)
            .execute();
      }
      for (int i = 0; i < v.options().size(); i++) {
        ModifierRules.ValidOption o = v.options().get(i);
        if (o.id() == null) {
          h.createUpdate("""
                  INSERT INTO modifier_options (account_id, group_id, name, price_delta, position, archived)
                  VALUES (:a, :g, :n, :d, :p, :x)""")
              .bind("a", accountId).bind("g", groupId).bind("n", o.name()).bind("d", o.delta()).bind("p", i)
              .bind("x", o.archived()).execute();
        } else {
          h.createUpdate("""
                  UPDATE modifier_options SET name = :n, price_delta = :d, position = :p, archived = :x
                  WHERE id = :id AND group_id = :g AND account_id = :a""")
              .bind("n", o.name()).bind("d", o.delta()).bind("p", i).bind("x", o.archived())
              .bind("id", o.id()).bind("g", groupId).bind("a", accountId).execute();
        }
      }
      Group after = find(h, accountId, groupId);
      if (before != null && before.equals(after)) return new Products.Saved(groupId, false);
      checkFloor(h, accountId, groupId);
      String key = before == null ? "catalog.rev.group_added" : "catalog.rev.group_changed";
      CatalogRevision.record(h, accountId, author, Summaries.of(h, accountId, key, v.name()), clock);
      return new Products.Saved(groupId, true);
    });
  }

  /** Refuses the save when a product asking for the group could now cost less than 0 zł somewhere. */
  private static void checkFloor(Handle h, long accountId, long groupId) {
    Map<Long, Group> groups = new HashMap<>();
    list(h, accountId).forEach(g -> groups.put(g.id(), g));
    for (Products.Product p : Products.list(h, accountId)) {
      if (p.archived() || !p.groups().contains(groupId)) continue;
      List<Long> worst = p.groups().stream().map(groups::get).filter(g -> !g.archived())
          .map(Group::worstDelta).toList();
      long lowest = ModifierRules.lowestPrice(p.price(),
          p.shops().stream().map(ProductRules.ShopPrice::price).toList(), worst);
      if (lowest < 0) {
        throw Problem.invalid("options", "catalog.options.below_zero", p.name(), paragon.web.MoneyText.amount(lowest));
      }
    }
  }

  /** Archives (off every product and terminal) or restores a group; true when changed. */
  public boolean archive(long accountId, String author, long id, boolean archived) {
    return db.inTransaction(h -> {
      Group g = find(h, accountId, id);
      if (g.archived() == archived) return false;
      h.createUpdate("UPDATE modifier_groups SET archived = :x WHERE id = :id AND account_id = :a")
          .bind("x", archived).bind("id", id).bind("a", accountId).execute();
      if (!archived) checkFloor(h, accountId, id);
      CatalogRevision.record(h, accountId, author, Summaries.of(h, accountId,
          archived ? "catalog.rev.group_archived" : "catalog.rev.group_restored", g.name()), clock);
      return true;
    });
  }
}
