package paragon.accounts;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import paragon.configuration.Revisions;
import paragon.storage.Database;
import paragon.web.FieldErrors;
import paragon.web.Problem;
import paragon.web.Storable;

/**
 * Roles of terminal users and what they may do ({@link Permission}). Roles are part of what terminals
 * use, so every change records one configuration revision; another account's role is "not found".
 */
public final class Roles {
  static final int NAME_MAX = 40;

  private final Database db;
  private final Clock clock;

  public Roles(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** {@code archived}: kept for history, but no longer given to users. */
  public record Role(long id, String name, Set<Permission> permissions, boolean archived) {
    public Role(long id, String name, Set<Permission> permissions) {
      this(id, name, permissions, false);
    }

    public boolean has(Permission p) {
      return permissions.contains(p);
    }
  }

  /** A role as typed in the form; permissions are the names of the ticked boxes. */
  public record Draft(String name, List<String> permissions) {
    public boolean ticked(Permission p) {
      return permissions.contains(p.name());
    }
  }

  /** Pure check of a draft: name 1..40 characters (trimmed), permissions known. */
  static Role validate(long id, Draft draft, FieldErrors errors) {
    String name = draft.name() == null ? "" : draft.name().strip();
    if (Storable.check(errors, "name", name) && (name.isEmpty() || name.length() > NAME_MAX)) {
      errors.add("name", "roles.name.length", NAME_MAX);
    }
    Set<Permission> permissions = EnumSet.noneOf(Permission.class);
    for (String p : draft.permissions()) {
      try {
        permissions.add(Permission.valueOf(p));
      } catch (IllegalArgumentException e) {
        errors.add("permissions", "roles.permission.unknown", p);
      }
    }
    return errors.isEmpty() ? new Role(id, name, permissions) : null;
  }

  public List<Role> list(long accountId) {
    return db.read(h -> list(h, accountId));
  }

  /** Every role of the account, archived ones too. */
  static List<Role> list(Handle h, long accountId) {
    return h.createQuery(
            "SELECT id, name, permissions, archived_at FROM roles WHERE account_id = :a ORDER BY name, id")
        .bind("a", accountId)
        .map((rs, ctx) -> {
          rs.getLong("archived_at");
          boolean archived = !rs.wasNull();
          return new Role(rs.getLong("id"), rs.getString("name"), Permission.parse(rs.getString("permissions")),
              archived);
        })
        .list();
  }

  /**
   * Archives the role (one revision); refused (409, naming them) while users that are not archived
   * have it. True when changed.
   */
  public boolean archive(long accountId, String author, long roleId) {
    return db.inTransaction(h -> {
      Role role = find(h, accountId, roleId);
      if (role.archived()) return false;
      List<String> holders = Users.holders(h, accountId, roleId);
      if (!holders.isEmpty()) throw Problem.conflict("in_use", "roles.archive.users", String.join(", ", holders));
      setArchived(h, accountId, roleId, clock.millis());
      Revisions.record(h, accountId, author, "role archived: " + role.name(), clock);
      return true;
    });
  }

  /** Restores an archived role (one revision); true when changed. */
  public boolean restore(long accountId, String author, long roleId) {
    return db.inTransaction(h -> {
      Role role = find(h, accountId, roleId);
      if (!role.archived()) return false;
      setArchived(h, accountId, roleId, null);
      Revisions.record(h, accountId, author, "role restored: " + role.name(), clock);
      return true;
    });
  }

  private static void setArchived(Handle h, long accountId, long roleId, Long at) {
    h.createUpdate("UPDATE roles SET archived_at = :t WHERE id = :id AND account_id = :a")
        .bind("t", at).bind("id", roleId).bind("a", accountId).execute();
  }

  static Role find(Handle h, long accountId, long roleId) {
    return list(h, accountId).stream().filter(r -> r.id() == roleId).findFirst()
        .orElseThrow(() -> Problem.notFound("role", roleId));
  }

  /** Adds a role; a name another role has (ignoring case) is refused on "name". Returns its id. */
  public long create(long accountId, String author, String name, Set<Permission> permissions) {
    return db.inTransaction(h -> {
      checkUnique(h, accountId, 0, name);
      long id = h.createQuery("INSERT INTO roles (account_id, name, permissions) VALUES (:a, :n, :p) RETURNING id")
          .bind("a", accountId).bind("n", name).bind("p", Permission.format(permissions)).mapTo(Long.class).one();
      Revisions.record(h, accountId, author, "role added: " + name, clock);
      return id;
    });
  }

  /** Renames the role and sets its permissions; true when something changed (one revision). */
  public boolean update(long accountId, String author, Role wanted) {
    return db.inTransaction(h -> {
      Role before = find(h, accountId, wanted.id());
      checkUnique(h, accountId, wanted.id(), wanted.name());
      if (before.name().equals(wanted.name()) && before.permissions().equals(wanted.permissions())) return false;
      h.createUpdate("UPDATE roles SET name = :n, permissions = :p WHERE id = :id AND account_id = :a")
          .bind("n", wanted.name()).bind("p", Permission.format(wanted.permissions()))
          .bind("id", wanted.id()).bind("a", accountId)
          .execute();
      Revisions.record(h, accountId, author,
          "role changed: " + wanted.name() + " " + Permission.format(wanted.permissions()), clock);
      return true;
    });
  }

  private static void checkUnique(Handle h, long accountId, long exceptId, String name) {
    if (list(h, accountId).stream().anyMatch(r -> r.id() != exceptId && r.name().equalsIgnoreCase(name))) {
      throw Problem.invalid("name", "roles.name.taken", name);
    }
  }
}
