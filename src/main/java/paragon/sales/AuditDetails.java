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
      "slotId", "lineIds", "lines", "generation", "mergedReceiptId", "joinedReceiptId");
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
