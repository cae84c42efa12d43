package paragon.receipts;

import java.util.LinkedHashSet;
import java.util.Set;
import paragon.web.I18n;

/** {@link Names} by the UI's translations: the account's language, and every language of {@link I18n}. */
final class I18nNames implements Names {
  private static final Names PL = new I18nNames(I18n.of("pl"));
  private static final Names EN = new I18nNames(I18n.of("en"));

  private final I18n account;

  private I18nNames(I18n account) {
    this.account = account;
  }

  /** The names of an account whose language is {@code language} (anything but "en" is Polish). */
  static Names of(String language) {
    return "en".equals(language) ? EN : PL;
  }

  @Override
  public String inAccountLanguage(DefaultName name) {
    return name.render(account);
  }

  @Override
  public Set<String> inEveryLanguage(DefaultName name) {
    Set<String> out = new LinkedHashSet<>();
    for (String language : I18n.LANGUAGES) out.add(name.render(I18n.of(language)));
    return out;
  }
}
