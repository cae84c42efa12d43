package paragon.sales;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import paragon.web.I18n;
import paragon.web.Json;

/**
 * An audit entry's "what" for a person: the receipt service stores the command as the terminal sent
 * it (JSON); this shows its meaningful fields in the reader's language (amounts in zł, quantities in
 * units, users by name) and leaves out the ids a person cannot read.
 */
final class AuditDetails {
  private static final ObjectMapper JSON = Json.MAPPER;
  private static final Set<String> HIDDEN = Set.of("n", "type", "receiptId", "lineId", "targetReceiptId", "newLineId",
      "slotId", "lineIds", "lines", "generation", "mergedReceiptId", "joinedReceiptId",
      // Ids and versions a person cannot read (issue 15: never "Product: 9" or "Seen version: 39").
      "productId", "seq", "seenSeq", "newTarget", "vat", "paidAt", "attentionId");
  private static final Set<String> MONEY = Set.of("unitPrice", "amount");
  private static final Set<String> QUANTITY = Set.of("quantity", "delta");

  private AuditDetails() {}

  static String of(String stored, I18n i18n, Map<Long, String> users) {
    JsonNode command;
    try {
      command = JSON.readTree(stored);
    } catch (IOException e) {
      return stored;
    }
    if (command == null || !command.isObject()) return stored;
    String lang = i18n.language();
    String type = command.path("type").asText();
    boolean discount = type.equals("setLineDiscount") || type.equals("setReceiptDiscount");
    if (discount && (command.path("kind").isNull() || command.path("kind").isMissingNode())) {
      return i18n.t("sales.discount.removed");
    }
    String sentence = sentence(type, command, lang, i18n);
    if (sentence != null) return sentence;
    List<String> parts = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = command.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String field = e.getKey();
      JsonNode v = e.getValue();
      if (HIDDEN.contains(field) || v.isNull()) continue;
      String value;
      if (discount && field.equals("kind")) continue;
      if (discount && field.equals("value") && v.canConvertToLong()) value = discountValue(command, v.asLong(), lang);
      else if (MONEY.contains(field) && v.canConvertToLong()) value = Display.money(v.asLong(), lang);
      else if (QUANTITY.contains(field) && v.canConvertToLong()) value = (v.asLong() > 0 && field.equals("delta") ? "+" : "")
          + SalesRoutes.quantity(v.asLong(), lang);
      else if (field.equals("userId") && v.canConvertToLong()) value = users.getOrDefault(v.asLong(), "#" + v.asLong());
      else if (field.equals("payments") && v.isArray()) value = payments(v, i18n);
      else if (v.isValueNode()) value = v.asText();
      else continue;
      String key = "sales.field." + field;
      parts.add((i18n.has(key) ? i18n.t(key) : field) + ": " + value);
    }
    return String.join(" · ", parts);
  }

  /**
   * The commands whose meaning is more than their fields, as one sentence: "added 2 x Espresso
   * (18,00 zł)", "moved 3 lines to a new receipt"; the merge row's receipt is named by {@link Trails}.
   */
  private static String sentence(String type, JsonNode command, String lang, I18n i18n) {
    return switch (type) {
      case "addLine" -> {
        long quantity = command.path("quantity").canConvertToLong() ? command.path("quantity").asLong() : 1000;
        long price = command.path("unitPrice").asLong();
        yield i18n.t("sales.says.addLine", SalesRoutes.quantity(quantity, lang), command.path("name").asText(),
            Display.money(Math.multiplyExact(price, quantity) / 1000, lang));
      }
      case "moveLines" -> i18n.t(command.path("newTarget").asBoolean() ? "sales.says.moveLines.new"
          : "sales.says.moveLines", command.path("lines").size());
      case "merge" -> i18n.t("sales.says.merge");
      default -> null;
    };
  }

  /** A percent discount in hundredths of a percent as "12,5 %", an amount as money. */
  private static String discountValue(JsonNode command, long value, String lang) {
    if (!command.path("kind").asText().equals("PERCENT")) return Display.money(value, lang);
    return SalesRoutes.quantity(value * 10, lang) + " %";
  }

  private static String payments(JsonNode list, I18n i18n) {
    List<String> out = new ArrayList<>();
    for (JsonNode p : list) {
      String method = p.path("method").asText();
      String key = "sales.method." + method;
      out.add((i18n.has(key) ? i18n.t(key) : method) + " " + Display.money(p.path("amount").asLong(), i18n.language()));
    }
    return String.join(", ", out);
  }
}
