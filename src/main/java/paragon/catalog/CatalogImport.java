package paragon.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import paragon.storage.Database;
import paragon.web.FieldErrors;

/**
 * A CSV import in two steps. {@link #preview} checks every row against the catalog as it is and says
 * what it would do (add, update, or why not); nothing is written. {@link #confirm} checks the same
 * rows again inside one transaction, writes every valid row and records ONE revision.
 *
 * <p>Matching: a row with a code updates the active product with that code (ignoring case); a row
 * without a code updates the one active product with that name that has no code (so an exported file
 * re-imports without duplicates), else it adds a product. An update changes the CSV's columns only:
 * shop prices and modifier groups stay. A category is found by name ignoring case, or created.
 */
public final class CatalogImport {
  private final Database db;
  private final Clock clock;

  public CatalogImport(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** What a row does; UNCHANGED: it matches a product that already has exactly its values. */
  public enum Action { ADD, UPDATE, UNCHANGED, ERROR }

  /** One row of the preview; {@code matched} the updated product's name; {@code errors} by column. */
  public record Line(CatalogCsv.Row row, Action action, String matched, FieldErrors errors,
      CatalogCsv.CsvProduct valid, Long productId) {}

  public record Preview(List<Line> lines, List<String> newCategories) {
    public long count(Action a) {
      return lines.stream().filter(l -> l.action() == a).count();
    }
  }

  /** What a confirm did; {@code revision} 0 when it changed nothing (no revision). */
  public record Result(int added, int updated, int unchanged, int skipped, long revision) {}

  public Preview preview(long accountId, List<CatalogCsv.Row> rows) {
    return db.read(h -> preview(h, accountId, rows));
  }

  static Preview preview(Handle h, long accountId, List<CatalogCsv.Row> rows) {
    List<Products.Product> products = Products.list(h, accountId).stream().filter(p -> !p.archived()).toList();
    Map<String, Products.Product> byCode = new HashMap<>();
    Map<String, List<Products.Product>> byName = new HashMap<>();
    for (Products.Product p : products) {
      if (p.code() != null) byCode.put(p.code().toUpperCase(Locale.ROOT), p);
      else byName.computeIfAbsent(key(p.name()), k -> new ArrayList<>()).add(p);
    }
    Map<Long, ModifierGroups.Group> groups = new HashMap<>();
    ModifierGroups.list(h, accountId).forEach(g -> groups.put(g.id(), g));
    Map<String, Categories.Category> categories = new HashMap<>();
    Categories.list(h, accountId).stream().filter(c -> !c.archived()).forEach(c -> categories.put(key(c.name()), c));
    Set<String> newCategories = new LinkedHashSet<>();
    Map<String, Integer> codesSeen = new HashMap<>();
    Map<String, Integer> namesSeen = new HashMap<>();
    List<Line> lines = new ArrayList<>();
    for (CatalogCsv.Row row : rows) {
      CatalogCsv.Checked checked = CatalogCsv.check(row);
      FieldErrors errors = checked.errors();
      CatalogCsv.CsvProduct v = checked.valid();
      Products.Product match = null;
      if (v != null) {
        if (v.code() != null) {
          Integer first = codesSeen.putIfAbsent(v.code().toUpperCase(Locale.ROOT), row.line());
          if (first != null) errors.add("code", "catalog.csv.code.repeated", first);
          match = byCode.get(v.code().toUpperCase(Locale.ROOT));
        } else {
          Integer first = namesSeen.putIfAbsent(key(v.name()), row.line());
          if (first != null) errors.add("name", "catalog.csv.name.repeated", first);
          List<Products.Product> same = byName.getOrDefault(key(v.name()), List.of());
          match = same.size() == 1 ? same.get(0) : null;
        }
        if (match != null) {
          Products.Product m = match;
          List<Long> worst = m.groups().stream().map(groups::get).filter(g -> g != null && !g.archived())
              .map(ModifierGroups.Group::worstDelta).toList();
          long lowest = ModifierRules.lowestPrice(v.price(),
              m.shops().stream().map(ProductRules.ShopPrice::price).toList(), worst);
          if (lowest < 0) errors.add("price", "catalog.price.below_zero", paragon.web.MoneyText.amount(lowest));
        }
      }
      if (!errors.isEmpty()) {
        lines.add(new Line(row, Action.ERROR, null, errors, null, null));
        continue;
      }
      Categories.Category category = categories.get(key(v.category()));
      if (category == null) newCategories.add(v.category());
      Action action = match == null ? Action.ADD : same(match, v, category) ? Action.UNCHANGED : Action.UPDATE;
      lines.add(new Line(row, action, match == null ? null : match.name(), errors, v,
          match == null ? null : match.id()));
    }
    // A category typed twice in different cases is created once, as first typed.
    List<String> created = new ArrayList<>();
    Set<String> createdKeys = new java.util.HashSet<>();
    for (String c : newCategories) if (createdKeys.add(key(c))) created.add(c);
    return new Preview(List.copyOf(lines), List.copyOf(created));
  }

  /** Imports every valid row in one transaction and one revision; an all-invalid file changes nothing. */
  public Result confirm(long accountId, String author, List<CatalogCsv.Row> rows) {
    return db.inTransaction(h -> {
      Preview preview = preview(h, accountId, rows);
      long now = clock.millis();
      Map<String, Long> categoryIds = new HashMap<>();
      Categories.list(h, accountId).stream().filter(c -> !c.archived())
          .forEach(c -> categoryIds.put(key(c.name()), c.id()));
      Map<Long, Products.Product> existing = new HashMap<>();
      Products.list(h, accountId).forEach(p -> existing.put(p.id(), p));
      int added = 0;
      int updated = 0;
      for (Line line : preview.lines()) {
        if (line.action() == Action.ERROR || line.action() == Action.UNCHANGED) continue;
        CatalogCsv.CsvProduct v = line.valid();
        long category = categoryIds.computeIfAbsent(key(v.category()), k -> Categories.insert(h, accountId,
            v.category(), now));
        var valid = new ProductRules.Valid(v.name(), v.price(), v.vat(), category, v.code(), v.active(), v.sort(),
            List.of(), List.of());
        if (line.action() == Action.UPDATE) {
          Products.update(h, accountId, existing.get(line.productId()), valid, now);
          updated++;
        } else {
          // preview() above checked every code against the catalog and the file, in this transaction.
          Products.write(h, accountId, null, valid, now, true);
          added++;
        }
      }
      int skipped = (int) preview.count(Action.ERROR);
      int unchanged = (int) preview.count(Action.UNCHANGED);
      if (added + updated == 0) return new Result(0, 0, unchanged, skipped, 0);
      long revision = CatalogRevision.record(h, accountId, author,
          Summaries.of(h, accountId, "catalog.rev.imported", added, updated), clock);
      return new Result(added, updated, unchanged, skipped, revision);
    });
  }

  /** Whether the row would leave {@code p} as it is (its category by name, blank sort = keep). */
  private static boolean same(Products.Product p, CatalogCsv.CsvProduct v, Categories.Category category) {
    return category != null && category.id() == (p.categoryId() == null ? -1 : p.categoryId())
        && category.name().equals(p.category()) && p.name().equals(v.name()) && p.price() == v.price()
        && p.vat().equals(v.vat()) && java.util.Objects.equals(p.code(), v.code()) && p.active() == v.active()
        && (v.sort() == null || v.sort() == p.position());
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
