package paragon.accounts;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What a role may do on a terminal beyond selling. Stored as a comma-separated list of names. */
public enum Permission {
  SEE_ALL_RECEIPTS,
  VOID_LINES,
  BREAK_PAYMENT_LOCK,
  REASSIGN_RECEIPTS,
  CHANGE_PRICES,
  GIVE_DISCOUNTS,
  /** Void a sale after payment (whole or chosen lines), as a correction record (issue 12). */
  VOID_SALES;

  public static Set<Permission> parse(String stored) {
    Set<Permission> set = EnumSet.noneOf(Permission.class);
    if (stored == null || stored.isBlank()) return set;
    for (String name : stored.split(",")) set.add(Permission.valueOf(name.trim()));
    return set;
  }

  public static String format(Set<Permission> permissions) {
    return permissions.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
  }
}
