package paragon.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import paragon.storage.Database;
import paragon.web.FieldErrors;
import paragon.web.Problem;

/**
 * An account's product categories: ordered, renamable, archivable (never deleted: a sale's lines
 * keep their own names). Renaming also rewrites {@code products.category} of its products, so the
 * name column stays equal to the category's name. Each change is one configuration revision.
 * Another account's category is "not found".
 */
public final class Categories {
  private final Database db;
  private final Clock clock;

  public Categories(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** {@code course}: the course its products' lines take when added (issue 12), or null. */
  public record Category(long id, String name, int position, boolean archived, Integer course) {}

  /** The courses a category may give (as a line's: 1..9). */
  public static final int MAX_COURSE = 9;

  public List<Category> list(long accountId) {
    return db.read(h -> list(h, accountId));
  }

  /** Every category, active ones first in the owner's order, then the archived ones. */
  static List<Category> list(Handle h, long accountId) {
    return h.createQuery("""
            SELECT id, name, position, archived, course FROM categories WHERE account_id = :a
            ORDER BY archived, position, id""")
        .bind("a", accountId)
        .map((rs, ctx) -> {
          int course = rs.getInt("course");
          Integer given = rs.wasNull() ? null : course;
          return new Category(rs.getLong("id"), rs.getString("name"), rs.getInt("position"),
              rs.getBoolean("archived"), given);
        })
        .list();
  }

  /** The account's category {@code id} in the caller's transaction; another account's is not found (404). */
  public static Category find(Handle h, long accountId, long id) {
    return list(h, accountId).stream().filter(c -> c.id() == id).findFirst()
        .orElseThrow(() -> Problem.notFound("category", id));
  }

  /** The active category named {@code name} ignoring case, or null. */
  static Category byName(Handle h, long accountId, String name) {
    return list(h, accountId).stream()
        .filter(c -> !c.archived() && c.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
        .findFirst().orElse(null);
  }

  /** The name as typed, valid: 1-40 characters, unique among the active categories ignoring case. */
  static String validName(Handle h, long accountId, long exceptId, String raw) {
    FieldErrors errors = new FieldErrors();
    String name = CatalogRules.name(raw, "name", CatalogRules.CATEGORY_MAX, "catalog.category.length", errors);
    if (name == null) {
      var m = errors.all().get("name");
      throw Problem.invalid("name", m.key(), m.args());
    }
    Category same = byName(h, accountId, name);
    if (same != null && same.id() != exceptId) throw Problem.invalid("name", "catalog.category.taken", name);
    return name;
  }

  /**
   * Adds a category at the end in the caller's transaction, which records the revision (the demo).
   * The name is checked as {@link #create} checks it.
   */
  public static long add(Handle h, long accountId, String rawName, long now) {
    return insert(h, accountId, validName(h, accountId, -1, rawName), now);
  }

  /** Adds a category at the end; no revision (the caller records one). */
  static long insert(Handle h, long accountId, String name, long now) {
    int position = h.createQuery("SELECT COALESCE(MAX(position) + 1, 0) FROM categories WHERE account_id = :a")
        .bind("a", accountId).mapTo(Integer.class).one();
    return h.createQuery("""
            INSERT INTO categories (account_id, name, position, archived, created_at)
            VALUES (:a, :n, :p, :f, :t) RETURNING id""")
        .bind("a", accountId).bind("n", name).bind("p", position).bind("f", false).bind("t", now)
        .mapTo(Long.class).one();
  }

  public long create(long accountId, String author, String rawName) {
    return db.inTransaction(h -> create(h, accountId, author, rawName));
  }

  /** The same in the caller's transaction (the integrator API, which records its idempotency key in it). */
  public long create(Handle h, long accountId, String author, String rawName) {
    String name = validName(h, accountId, -1, rawName);
    long id = insert(h, accountId, name, clock.millis());
    CatalogRevision.record(h, accountId, author, Summaries.of(h, accountId, "catalog.rev.category_added", name), clock);
    return id;
  }

  /** True when the name changed (one revision); the products' name column follows. */
  public boolean rename(long accountId, String author, long id, String rawName) {
    return db.inTransaction(h -> rename(h, accountId, author, id, rawName));
  }

  /** The same in the caller's transaction. */
  public boolean rename(Handle h, long accountId, String author, long id, String rawName) {
    Category before = find(h, accountId, id);
    String name = validName(h, accountId, id, rawName);
    if (name.equals(before.name())) return false;
    h.createUpdate("UPDATE categories SET name = :n WHERE id = :id AND account_id = :a")
        .bind("n", name).bind("id", id).bind("a", accountId).execute();
    h.createUpdate("UPDATE products SET category = :n WHERE category_id = :id AND account_id = :a")
        .bind("n", name).bind("id", id).bind("a", accountId).execute();
    CatalogRevision.record(h, accountId, author,
        Summaries.of(h, accountId, "catalog.rev.category_renamed", before.name(), name), clock);
    return true;
  }

  /**
   * The default course of category {@code id}'s lines: "" or null for none, else 1..9 (a bad value is
   * refused naming the field {@code course}); true when it changed (one revision).
   */
  public boolean setCourse(long accountId, String author, long id, String raw) {
    Integer course = course(raw);
    return db.inTransaction(h -> setCourse(h, accountId, author, id, course));
  }

  /** The same in the caller's transaction, {@code course} null (none) or 1..9 (else 400 naming {@code course}). */
  public boolean setCourse(Handle h, long accountId, String author, long id, Integer course) {
    if (course != null && (course < 1 || course > MAX_COURSE)) {
      throw Problem.invalid("course", "catalog.invalid.course", MAX_COURSE);
    }
    Category before = find(h, accountId, id);
    if (java.util.Objects.equals(before.course(), course)) return false;
    h.createUpdate("UPDATE categories SET course = :c WHERE id = :id AND account_id = :a")
        .bind("c", course).bind("id", id).bind("a", accountId).execute();
    CatalogRevision.record(h, accountId, author, Summaries.of(h, accountId, "catalog.rev.category_course", before.name(),
        course == null ? "-" : String.valueOf(course)), clock);
    return true;
  }

  static Integer course(String raw) {
    if (raw == null || raw.isBlank()) return null;
    try {
      int c = Integer.parseInt(raw.strip());
      if (c >= 1 && c <= MAX_COURSE) return c;
    } catch (NumberFormatException e) {
      // Not a number: refused below, like one out of range.
    }
    throw Problem.invalid("course", "catalog.invalid.course", MAX_COURSE);
  }

  /** Moves an active category one place up ({@code by} -1) or down (+1); false at either end. */
  public boolean move(long accountId, String author, long id, int by) {
    if (by != -1 && by != 1) throw new IllegalArgumentException("by " + by);
    return db.inTransaction(h -> {
      Category moved = find(h, accountId, id);
      if (moved.archived()) return false;
      List<Category> active = new ArrayList<>(list(h, accountId).stream().filter(c -> !c.archived()).toList());
      int at = active.indexOf(moved);
      int to = at + by;
      if (to < 0 || to >= active.size()) return false;
      active.set(at, active.get(to));
      active.set(to, moved);
      for (int i = 0; i < active.size(); i++) {
        h.createUpdate("UPDATE categories SET position = :p WHERE id = :id AND account_id = :a")
            .bind("p", i).bind("id", active.get(i).id()).bind("a", accountId).execute();
      }
      CatalogRevision.record(h, accountId, author, Summaries.of(h, accountId, "catalog.rev.category_moved", moved.name()),
          clock);
      return true;
    });
  }

  /**
   * Archives (hides from terminals, with its products) or restores a category; true when changed.
   * A restored category goes to the end; its name must still be free among the active ones.
   */
  public boolean archive(long accountId, String author, long id, boolean archived) {
    return db.inTransaction(h -> archive(h, accountId, author, id, archived));
  }

  /** The same in the caller's transaction. */
  public boolean archive(Handle h, long accountId, String author, long id, boolean archived) {
    Category c = find(h, accountId, id);
    if (c.archived() == archived) return false;
    if (!archived) validName(h, accountId, id, c.name());
    int position = archived ? c.position()
        : h.createQuery("SELECT COALESCE(MAX(position) + 1, 0) FROM categories WHERE account_id = :a")
            .bind("a", accountId).mapTo(Integer.class).one();
    h.createUpdate("UPDATE categories SET archived = :x, position = :p WHERE id = :id AND account_id = :a")
        .bind("x", archived).bind("p", position).bind("id", id).bind("a", accountId).execute();
    CatalogRevision.record(h, accountId, author, Summaries.of(h, accountId,
        archived ? "catalog.rev.category_archived" : "catalog.rev.category_restored", c.name()), clock);
    return true;
  }
}
