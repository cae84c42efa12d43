package paragon.receipts;

import java.util.Set;
import java.util.stream.Collectors;
import paragon.accounts.Permission;
import paragon.configuration.Visibility;

/**
 * Who looks at a space through one terminal: the logged-in user, their role and its permissions, and
 * the visibility mode of the configuration revision the device applied (DESIGN rule 2).
 */
public record Viewer(long userId, long roleId, Set<Permission> permissions, Visibility visibility) {

  public Viewer {
    permissions = Set.copyOf(permissions);
    if (visibility == null) throw new IllegalArgumentException("visibility == null");
  }

  /**
   * Rule 2: may this viewer see a receipt owned by {@code ownerUserId} (whose role is
   * {@code ownerRoleId})? The "see all receipts" permission wins over the mode.
   */
  public boolean sees(long ownerUserId, long ownerRoleId) {
    if (permissions.contains(Permission.SEE_ALL_RECEIPTS)) return true;
    return switch (visibility) {
      case ALL -> true;
      case OWN -> ownerUserId == userId;
      case SAME_ROLE -> ownerRoleId == roleId;
    };
  }

  /**
   * A short fingerprint of everything {@link #sees} depends on. A terminal keeps it with its cursor;
   * a different fingerprint on reconnect (another user logged in, a new role or mode) means the
   * terminal's cached view was filtered for someone else, so it gets a snapshot instead of changes.
   */
  public String key() {
    boolean all = permissions.contains(Permission.SEE_ALL_RECEIPTS) || visibility == Visibility.ALL;
    if (all) return "all";
    return switch (visibility) {
      case OWN -> "user:" + userId;
      case SAME_ROLE -> "role:" + roleId;
      case ALL -> "all";
    };
  }

  @Override
  public String toString() {
    return "Viewer[user " + userId + ", role " + roleId + ", " + visibility + ", "
        + permissions.stream().map(Enum::name).sorted().collect(Collectors.joining(",")) + "]";
  }
}
