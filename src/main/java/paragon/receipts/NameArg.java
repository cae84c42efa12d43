package paragon.receipts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import paragon.web.I18n;
import paragon.web.MoneyText;

/**
 * A receipt's default name as an argument of a refusal message. The command log keeps a refusal's
 * arguments as JSON and renders the message for each answer in that answer's language, so the name is
 * kept as {@code {"defaultName": {...}}} and rendered there, never in the language of the first answer.
 */
final class NameArg {
  private static final String KEY = "defaultName";
  private static final String MONEY = "money";

  private NameArg() {}

  static Map<String, Object> of(DefaultName name) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("number", name.number());
    fields.put("base", name.base());
    fields.put("recovered", name.recovered());
    return Map.of(KEY, fields);
  }

  /**
   * An amount in grosze as an argument, kept as {@code {"money": grosze}} and written in each answer's
   * language by the one money rule ({@link MoneyText}: "32,00 zł", "1,234.50 zł"), like a default name.
   */
  static Map<String, Object> money(long grosze) {
    return Map.of(MONEY, grosze);
  }

  /** {@code args} with each default name and amount rendered in {@code i18n}'s language. */
  static Object[] render(List<Object> args, I18n i18n) {
    Object[] out = args.toArray();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof Map<?, ?> m && m.size() == 1 && m.get(MONEY) instanceof Number g) {
        out[i] = MoneyText.format(g.longValue(), i18n.language());
      } else if (out[i] instanceof Map<?, ?> m && m.size() == 1 && m.get(KEY) instanceof Map<?, ?> f) {
        Object number = f.get("number");
        Object recovered = f.get("recovered");
        out[i] = new DefaultName(number == null ? null : ((Number) number).longValue(), (String) f.get("base"),
            Boolean.TRUE.equals(recovered)).render(i18n);
      }
    }
    return out;
  }
}
