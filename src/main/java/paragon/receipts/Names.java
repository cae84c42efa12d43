package paragon.receipts;

import java.util.Set;

/**
 * How a {@link DefaultName} reads, handed to the rules by the edge ({@link Context#names}) so that a
 * rule names no translation bundle and stays a function of what it is given. The edge's answer is
 * {@link I18nNames}; the words themselves are in i18n/receipts_*.properties.
 */
interface Names {
  /** {@code name} in the account's language: the stored {@code name} of a receipt (older clients show it). */
  String inAccountLanguage(DefaultName name);

  /** {@code name} in every language a reader may render it in: the names it takes ({@link Numbering}). */
  Set<String> inEveryLanguage(DefaultName name);
}
