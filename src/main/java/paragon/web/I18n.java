package paragon.web;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every string a user reads, in Polish and English. Each feature owns a bundle under {@code i18n/}
 * (e.g. {@code i18n/backoffice_pl.properties}); {@link #BUNDLES} lists them. A key missing from a
 * bundle is a bug, so it throws instead of showing a placeholder; a test checks both languages
 * carry the same keys.
 */
public final class I18n {
  public static final List<String> LANGUAGES = List.of("pl", "en");
  public static final List<String> BUNDLES = List.of("common", "backoffice", "receipts", "terminal", "devices", "sales",
      "onboarding", "people", "catalog", "floor", "kitchen", "integrations");

  private final String language;
  private final List<ResourceBundle> bundles;

  private I18n(String language) {
    this.language = language;
    List<ResourceBundle> loaded = new ArrayList<>();
    for (String name : BUNDLES) {
      try {
        loaded.add(ResourceBundle.getBundle("i18n." + name, Locale.of(language), NO_FALLBACK));
      } catch (MissingResourceException e) {
        // A feature that has no strings yet has no bundle: nothing to load.
      }
    }
    this.bundles = List.copyOf(loaded);
  }

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
  private static final I18n PL = new I18n("pl");
  private static final I18n EN = new I18n("en");

  /** The translator for {@code language}; anything but "en" is Polish, the default. */
  public static I18n of(String language) {
    return "en".equals(language) ? EN : PL;
  }

  public static boolean supported(String language) {
    return LANGUAGES.contains(language);
  }

  public String language() {
    return language;
  }

  /** The text for {@code key}, with {@code args} put in by {@link MessageFormat}. */
  public String t(String key, Object... args) {
    for (ResourceBundle bundle : bundles) {
      if (bundle.containsKey(key)) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.of(language)).format(rendered(args));
      }
    }
    throw new MissingResourceException("no translation for '" + key + "' in " + language, "I18n", key);
  }

  /** {@code args} with each amount ({@link MoneyText.Amount}) written in this language by the one money rule. */
  private Object[] rendered(Object[] args) {
    Object[] out = args.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof MoneyText.Amount a) out[i] = MoneyText.format(a.grosze(), language);
    }
    return out;
  }

  public boolean has(String key) {
    return bundles.stream().anyMatch(b -> b.containsKey(key));
  }

  /** Every key of every bundle in this language, for the test that both languages match. */
  public Set<String> keys() {
    Set<String> keys = new TreeSet<>();
    for (ResourceBundle bundle : bundles) keys.addAll(Collections.list(bundle.getKeys()));
    return keys;
  }
}
