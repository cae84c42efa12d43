package paragon.receipts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import paragon.configuration.ConfigSnapshot;

/**
 * The modifiers of a new line, checked against the applied configuration (docs/protocol.md,
 * "Modifiers and discounts"): every option is one of the product's groups', and each of those groups
 * has between {@code min} and {@code max} options chosen ({@code max} 0: any number). A pure function;
 * it throws the refusal of the first breach. The options of another account, of another product, or
 * of a group not in the revision, are not found.
 */
final class ModifierRules {
  private ModifierRules() {}

  /** The chosen options in the product's group order, then each group's option order. */
  static List<Modifier> choose(ConfigSnapshot.Product p, List<Long> optionIds,
      List<ConfigSnapshot.ModifierGroup> groups) {
    Map<Long, ConfigSnapshot.ModifierGroup> byId = new LinkedHashMap<>();
    for (ConfigSnapshot.ModifierGroup g : groups) byId.put(g.id(), g);
    List<ConfigSnapshot.ModifierGroup> own = new ArrayList<>();
    for (long id : p.groups()) if (byId.containsKey(id)) own.add(byId.get(id));
    Set<Long> asked = new HashSet<>(optionIds);
    Set<Long> known = new HashSet<>();
    for (ConfigSnapshot.ModifierGroup g : own) for (ConfigSnapshot.Option o : g.options()) known.add(o.id());
    for (long id : optionIds) if (!known.contains(id)) throw Guards.refuse(Refusals.notFound("optionId", id));
    List<Modifier> chosen = new ArrayList<>();
    for (ConfigSnapshot.ModifierGroup g : own) {
      int count = 0;
      for (ConfigSnapshot.Option o : g.options()) {
        if (!asked.contains(o.id())) continue;
        count++;
        chosen.add(new Modifier(g.id(), o.id(), g.name(), o.name(), o.delta()));
      }
      if (count < g.min()) {
        throw Guards.refuse(Refusals.of("modifier_required", Map.of("groupId", g.id(), "group", g.name(),
            "min", g.min()), g.name(), g.min()));
      }
      if (g.max() > 0 && count > g.max()) {
        throw Guards.refuse(Refusals.of("modifier_too_many", Map.of("groupId", g.id(), "group", g.name(),
            "max", g.max()), g.name(), g.max()));
      }
    }
    return chosen;
  }

  /**
   * The unit price of {@code price} with {@code chosen}: price + the deltas, never below 0 (a delta
   * is at most the unit price limit, so 500 of them cannot overflow).
   */
  static long price(long price, List<Modifier> chosen) {
    long sum = price;
    for (Modifier m : chosen) sum = Math.addExact(sum, m.delta());
    return Math.max(0, sum);
  }
}
