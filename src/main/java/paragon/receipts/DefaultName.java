package paragon.receipts;

import com.fasterxml.jackson.annotation.JsonInclude;
import paragon.web.I18n;

/**
 * A receipt name that is not a person's text but rendered in the reader's language, so each terminal
 * (and the back office) shows it in its own: "Sale 3" / "Sprzedaż 3", "Table 4 (recovered)" /
 * "Stolik 4 (odzyskany)". {@code number}: the N of an ad-hoc "Sale N" (also when it is the source of a
 * recovered receipt); else {@code base}: the source's own name (a table, a renamed receipt), which only
 * a recovered name has. {@code recovered}: the name of a recovery receipt (DESIGN rule 6), its source's
 * name with the suffix. A receipt whose name a person gave (a rename) or that is a table has none: its
 * {@code name} is shown as it is, in every language.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DefaultName(Long number, String base, boolean recovered) {

  public DefaultName {
    if ((number == null) == (base == null)) {
      throw new IllegalArgumentException("a default name needs a number or a base, not both");
    }
    if (base != null && !recovered) throw new IllegalArgumentException("only a recovered name has a base");
  }

  public static DefaultName sale(long number) {
    return new DefaultName(number, null, false);
  }

  /**
   * The name of the receipt that takes the late lines of {@code source} (named {@code sourceName},
   * default name {@code sourceDefault} or null): the source's name with the suffix, once (a recovery of
   * a recovery receipt is named as the first one was, not "(recovered) (recovered)").
   */
  static DefaultName recoveryOf(String sourceName, DefaultName sourceDefault) {
    if (sourceDefault == null) return new DefaultName(null, sourceName, true);
    return new DefaultName(sourceDefault.number(), sourceDefault.base(), true);
  }

  /** This name in {@code i18n}'s language, at most {@link Limits#MAX_NAME} characters. */
  public String render(I18n i18n) {
    String name = number != null ? i18n.t("receipt.adhoc.name", number) : base;
    if (!recovered) return name;
    String suffix = i18n.t("receipt.recovered.suffix");
    // Counted and cut in characters (code points), as Guards counts a name: never half an emoji.
    int room = Limits.MAX_NAME - suffix.codePointCount(0, suffix.length());
    boolean over = name.codePointCount(0, name.length()) > room;
    return (over ? name.substring(0, name.offsetByCodePoints(0, room)).strip() : name) + suffix;
  }

  /** What a receipt is called in {@code i18n}'s language: its default name rendered, else its own. */
  public static String of(ReceiptView v, I18n i18n) {
    return v.defaultName() == null ? v.name() : v.defaultName().render(i18n);
  }
}
