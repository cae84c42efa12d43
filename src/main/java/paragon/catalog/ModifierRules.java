package paragon.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import paragon.web.FieldErrors;

/**
 * Pure checks of a modifier group and its options, and the price floor: an option's delta may be 0
 * or negative, but no allowed choice may take a product's price (in any shop) below 0 zł.
 */
public final class ModifierRules {
  static final int NAME_MAX = 40;
  static final int OPTIONS_MAX = 30;

  private ModifierRules() {}

  /** An option row as typed; {@code id} "" for a new row. */
  public record OptionDraft(String id, String name, String delta, boolean archived) {}

  public record Draft(String name, String min, String max, List<OptionDraft> options) {
    public Draft {
      options = List.copyOf(options);
    }
  }

  /** A valid option; {@code id} null for a new one. */
  public record ValidOption(Long id, String name, long delta, boolean archived) {}

  public record Valid(String name, int min, int max, List<ValidOption> options) {
    public Valid {
      options = List.copyOf(options);
    }
  }

  /**
   * Name 1-40; min and max 0-20 (max 0: any number), min at most max and at most the options kept;
   * options: 1-40 characters, unique in the group ignoring case, at least one kept. A new row with a
   * blank name and a blank price is an unused row and is dropped.
   */
  static Valid validate(Draft d, FieldErrors errors) {
    String name = CatalogRules.name(d.name(), "name", NAME_MAX, "catalog.group.name.length", errors);
    Integer min = CatalogRules.choices(d.min(), "min", errors);
    Integer max = CatalogRules.choices(d.max(), "max", errors);
    List<ValidOption> options = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < d.options().size(); i++) {
      OptionDraft o = d.options().get(i);
      boolean isNew = o.id() == null || o.id().isBlank();
      if (isNew && blank(o.name()) && blank(o.delta())) continue;
      String field = "options[" + i + "]";
      String optionName = CatalogRules.name(o.name(), field + ".name", NAME_MAX, "catalog.option.name.length", errors);
      Long delta = CatalogRules.delta(o.delta(), field + ".delta", errors);
      Long id = isNew ? null : CatalogRules.id(o.id());
      if (id != null && id < 0) errors.add(field + ".name", "catalog.option.invalid");
      if (optionName != null && !o.archived()) {
        Integer first = seen.putIfAbsent(optionName.toLowerCase(Locale.ROOT), i + 1);
        if (first != null) errors.add(field + ".name", "catalog.option.duplicate", first);
      }
      if (optionName != null && delta != null) options.add(new ValidOption(id, optionName, delta, o.archived()));
    }
    if (options.size() > OPTIONS_MAX) errors.add("options", "catalog.options.too_many", OPTIONS_MAX);
    long kept = options.stream().filter(o -> !o.archived()).count();
    if (errors.isEmpty() && kept == 0) errors.add("options", "catalog.options.none");
    if (min != null && max != null && max > 0 && min > max) errors.add("min", "catalog.min.above_max");
    if (min != null && errors.isEmpty() && min > kept) errors.add("min", "catalog.min.above_options", kept);
    if (!errors.isEmpty()) return null;
    return new Valid(name, min, max, options);
  }

  /**
   * The lowest a group can change a price: the sum of its most negative deltas, as many as one may
   * choose ({@code max}, or all when {@code max} is 0). Positive deltas only raise the price, and the
   * minimum number of choices can always be met by non-negative options when they exist: choosing
   * fewer negative ones never lowers the price further.
   */
  static long worstDelta(int max, List<Long> deltas) {
    List<Long> negative = deltas.stream().filter(x -> x < 0).sorted().toList();
    int take = max == 0 ? negative.size() : Math.min(max, negative.size());
    long sum = 0;
    for (int i = 0; i < take; i++) sum += negative.get(i);
    return sum;
  }

  /** The lowest price a line of this product can have: its lowest shop price plus each group's worst delta. */
  static long lowestPrice(long price, List<Long> shopPrices, List<Long> groupWorstDeltas) {
    long lowest = price;
    for (Long p : shopPrices) if (p != null) lowest = Math.min(lowest, p);
    for (long d : groupWorstDeltas) lowest += d;
    return lowest;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
