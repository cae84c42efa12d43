package paragon.catalog;

/** Grosze as the back office shows them: "12,50 zł" in Polish, "12.50 zł" in English. */
final class Money {
  private Money() {}

  static String text(long grosze, String language) {
    return CatalogRules.format(grosze, !"en".equals(language)) + " zł";
  }
}
