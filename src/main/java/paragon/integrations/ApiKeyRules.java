package paragon.integrations;

import java.util.List;

/**
 * The back office's API key form, checked (pure): a name of 1..{@value ApiKeys#NAME_MAX} characters, at
 * least one known scope, optionally one shop (its existence is the caller's check).
 */
final class ApiKeyRules {
  private ApiKeyRules() {}

  /** A checked key: {@code scopes} in {@link ApiKeys#SCOPES} order, no repeats. */
  record Valid(String name, List<String> scopes, Long shopId) {}

  /** The refused field and its message key, or null when {@code name}, {@code scopes} and {@code shop} are good. */
  record Refusal(String field, String key) {}

  static Refusal check(String name, List<String> scopes, String shop) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.codePointCount(0, n.length()) > ApiKeys.NAME_MAX) return new Refusal("name", "apikeys.name.invalid");
    if (scopes.isEmpty() || !ApiKeys.SCOPES.containsAll(scopes)) return new Refusal("scopes", "apikeys.scopes.invalid");
    if (shop != null && !shop.isBlank() && !shop.strip().matches("[0-9]{1,18}")) {
      return new Refusal("shop", "apikeys.shop.invalid");
    }
    return null;
  }

  /** The key as checked: call only when {@link #check} answered null. */
  static Valid valid(String name, List<String> scopes, String shop) {
    Long shopId = shop == null || shop.isBlank() ? null : Long.parseLong(shop.strip());
    return new Valid(name.strip(), ApiKeys.SCOPES.stream().filter(scopes::contains).toList(), shopId);
  }
}
