package paragon.accounts;

import paragon.web.FieldErrors;
import paragon.web.Storable;

/** Pure checks of the user forms: identifier, name, role and PIN as typed. */
public final class UserRules {
  static final int IDENTIFIER_MAX = 20;
  static final int NAME_MAX = 60;

  private UserRules() {}

  /** A user's details as typed (role as the submitted id text), so a refused form shows them again. */
  public record Draft(String identifier, String name, String roleId) {
    public static Draft of(Users.User u) {
      return new Draft(u.identifier(), u.name(), String.valueOf(u.roleId()));
    }

    public boolean role(long id) {
      return String.valueOf(id).equals(roleId);
    }
  }

  /** Valid details: identifier and name trimmed. */
  public record Details(String identifier, String name, long roleId) {}

  /**
   * Identifier: 1..20 letters, digits, dot, dash or underscore (what a cashier types on a terminal);
   * name: 1..60 characters; role: a number (whether it is this account's role, the store checks).
   */
  static Details validate(Draft d, FieldErrors errors) {
    String identifier = identifier(d);
    if (Storable.check(errors, "identifier", identifier)
        && !identifier.matches("[\\p{L}\\p{N}._-]{1," + IDENTIFIER_MAX + "}")) {
      errors.add("identifier", "users.identifier.invalid", IDENTIFIER_MAX);
    }
    String name = d.name() == null ? "" : d.name().strip();
    if (Storable.check(errors, "name", name) && (name.isEmpty() || name.length() > NAME_MAX)) {
      errors.add("name", "users.name.length", NAME_MAX);
    }
    Long roleId = roleId(d);
    if (roleId == null) errors.add("roleId", "users.role.required");
    return errors.isEmpty() ? new Details(identifier, name, roleId) : null;
  }

  /** The identifier as it would be stored (trimmed), or "" for none. */
  static String identifier(Draft d) {
    return d.identifier() == null ? "" : d.identifier().strip();
  }

  /** The role id typed, or null when it is not a number (then {@link #validate} reported it). */
  static Long roleId(Draft d) {
    try {
      return Long.parseLong(d.roleId() == null ? "" : d.roleId().strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A PIN is 4 to 8 digits; {@code field} names where it was typed. */
  static String pin(String raw, String field, FieldErrors errors) {
    if (raw == null || !raw.matches("[0-9]{4,8}")) {
      errors.add(field, "users.pin.invalid");
      return null;
    }
    return raw;
  }
}
