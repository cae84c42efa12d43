package paragon.receipts;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Ad-hoc numbers (issue 8): a new receipt takes the lowest N whose name "Sale N" is not in use on the
 * list, in any language: renaming "Sprzedaż 2" to "Sprzedaż 3" frees 2 and takes 3, so the next receipt
 * is "Sprzedaż 2", never a second "Sprzedaż 3". A name is in use when an open receipt of the space or a
 * table of the list is called so, compared without case and surrounding spaces; a default name counts
 * in every language (an English terminal shows it as "Sale 3", so a receipt renamed "Sale 3" takes 3 too,
 * and neither terminal shows two receipts of one name).
 */
final class Numbering {
  private Numbering() {}

  /** The lowest N >= 1 whose default name in no language ({@code names}) is among {@code namesInUse}. */
  static long lowestFree(Collection<String> namesInUse, Names names) {
    Set<String> used = new HashSet<>();
    for (String name : namesInUse) used.add(key(name));
    for (long n = 1; ; n++) {
      boolean free = true;
      for (String name : names.inEveryLanguage(DefaultName.sale(n))) {
        if (used.contains(key(name))) free = false;
      }
      if (free) return n;
    }
  }

  /**
   * The names a receipt occupies: its default name in every language, or its own name. {@code
   * defaultName} null: the name a person (or the table list) gave it.
   */
  static Set<String> names(String name, DefaultName defaultName, Names names) {
    return defaultName == null ? Set.of(name) : names.inEveryLanguage(defaultName);
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
