package paragon.sales;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import paragon.web.I18n;
import paragon.web.Json;

/**
 * An audit entry's "what" for a person, as the end of a sentence (issue 15): the receipt service stores
 * the command as the terminal sent it (JSON); this says what it did in the reader's language ("added
 * 2 x Espresso (18,00 zł)", "moved 3 lines to Stolik 2", "merged Sprzedaż 4 into this receipt"), with
 * amounts in zł, quantities in units, users, lines and receipts by name, never an id or a version.
 * Every command type has its sentence, and so has every other entry the trail is written with (a
 * device's join, an attention item resolved, a sale voided: {@code AuditSentencesTest}); only an
 * entry of a kind not known here falls back to its readable fields.
 */
final class AuditDetails {
  private static final ObjectMapper JSON = Json.MAPPER;
  private static final Set<String> HIDDEN = Set.of("n", "type", "receiptId", "lineId", "targetReceiptId", "newLineId",
      "slotId", "lineIds", "lines", "generation", "mergedReceiptId", "joinedReceiptId",
      "productId", "seq", "seenSeq", "newTarget", "vat", "paidAt", "attentionId");
  private static final Set<String> MONEY = Set.of("unitPrice", "amount");
  private static final Set<String> QUANTITY = Set.of("quantity", "delta");

  private AuditDetails() {}

  /** A line or product as a sentence names it: its name and unit price in grosze. */
  record Item(String name, long unitPrice) {}

  /**
   * What a sentence may name: {@code receiptId} the receipt whose trail it is; {@code users} by id;
   * {@code lines} by line id (a terminal sends a product's id, not its name: the line, or else
   * {@code products} by product id, names it; an unknown line is "an item"); {@code receipts} a
   * receipt's name by id, or null when it is unknown.
   */
  record Names(String receiptId, Map<Long, String> users, Map<String, Item> lines, Map<Long, Item> products,
      Function<String, String> receipts) {
    static Names of(Map<Long, String> users) {
      return new Names(null, users, Map.of(), Map.of(), id -> null);
    }
  }

  static String of(String stored, I18n i18n, Map<Long, String> users) {
    return of(stored, i18n, Names.of(users));
  }

  static String of(String stored, I18n i18n, Names names) {
    return of(null, stored, i18n, names);
  }

  /** {@code type}: the entry's type as the trail stored it beside the command (null: the command's own). */
  static String of(String type, String stored, I18n i18n, Names names) {
    JsonNode command;
    try {
      command = JSON.readTree(stored);
    } catch (IOException e) {
      return stored;
    }
    if (command == null || !command.isObject()) return stored;
    String sentence = sentence(type != null ? type : command.path("type").asText(), command, i18n, names);
    return sentence != null ? sentence : fields(command, i18n, names.users());
  }

  /** The sentence of a command type, or null for an entry that is not a command. */
  private static String sentence(String type, JsonNode c, I18n i18n, Names names) {
    String lang = i18n.language();
    String line = line(c, i18n, names);
    return switch (type) {
      case "openAdHoc", "openTable", "delete", "startPayment", "cancelPayment", "breakLease", "dayClose",
           "moveReceipt" -> i18n.t("sales.says." + type);
      case "rename" -> i18n.t("sales.says.rename", c.path("name").asText());
      case "noteReceipt" -> text(c, "note") == null ? i18n.t("sales.says.noteReceipt.removed")
          : i18n.t("sales.says.noteReceipt", text(c, "note"));
      case "setGuests" -> i18n.t("sales.says.setGuests", c.path("guests").asLong());
      case "reassign" -> i18n.t("sales.says.reassign",
          names.users().getOrDefault(c.path("userId").asLong(), i18n.t("sales.says.someone")));
      case "addLine" -> {
        long quantity = c.path("quantity").canConvertToLong() ? c.path("quantity").asLong() : 1000;
        Item known = names.lines().get(id(c, "lineId"));
        if (known == null && c.path("productId").canConvertToLong()) known = names.products().get(c.path("productId").asLong());
        String name = text(c, "name") != null ? text(c, "name") : known != null ? known.name() : i18n.t("sales.says.a_line");
        long price = c.path("unitPrice").canConvertToLong() ? c.path("unitPrice").asLong()
            : known != null ? known.unitPrice() : 0;
        yield i18n.t("sales.says.addLine", SalesRoutes.quantity(quantity, lang), name,
            Display.money(Math.multiplyExact(price, quantity) / 1000, lang));
      }
      case "adjustQuantity" -> {
        long delta = c.path("delta").asLong();
        yield i18n.t("sales.says.adjustQuantity", line, (delta > 0 ? "+" : "") + SalesRoutes.quantity(delta, lang));
      }
      case "removeLine" -> i18n.t("sales.says.removeLine", line);
      case "markSent" -> c.path("upToCourse").canConvertToInt()
          ? i18n.t("sales.says.markSent.course", c.path("upToCourse").asInt()) : i18n.t("sales.says.markSent");
      case "changePrice" -> i18n.t("sales.says.changePrice", line, Display.money(c.path("unitPrice").asLong(), lang));
      case "noteLine" -> text(c, "note") == null ? i18n.t("sales.says.noteLine.removed", line)
          : i18n.t("sales.says.noteLine", line, text(c, "note"));
      case "setLineCourse" -> c.path("course").canConvertToInt()
          ? i18n.t("sales.says.setLineCourse", line, c.path("course").asInt()) : i18n.t("sales.says.noCourse", line);
      case "setLineSeat" -> c.path("seat").canConvertToInt()
          ? i18n.t("sales.says.setLineSeat", line, c.path("seat").asInt()) : i18n.t("sales.says.noSeat", line);
      case "setLineDiscount" -> text(c, "kind") == null ? i18n.t("sales.says.discount.removed.line", line)
          : i18n.t("sales.says.setLineDiscount", line, discount(c, lang), c.path("reason").asText());
      case "setReceiptDiscount" -> text(c, "kind") == null ? i18n.t("sales.says.discount.removed")
          : i18n.t("sales.says.setReceiptDiscount", discount(c, lang), c.path("reason").asText());
      case "moveLines" -> {
        String target = c.path("newTarget").asBoolean() ? null : names.receipts().apply(id(c, "targetReceiptId"));
        int count = c.path("lines").size();
        yield c.path("newTarget").asBoolean() ? i18n.t("sales.says.moveLines.new", count)
            : target == null ? i18n.t("sales.says.moveLines", count) : i18n.t("sales.says.moveLines.to", count, target);
      }
      case "merge" -> merge(c, i18n, names);
      case "pay" -> i18n.t("sales.says.pay", payments(c.path("payments"), i18n));
      case "payPart" -> i18n.t("sales.says.payPart", payments(c.path("payments"), i18n));
      case "payOffline" -> i18n.t("sales.says.payOffline", Display.money(c.path("amount").asLong(), lang));
      case "join" -> join(c, i18n, names);
      case "resolveAttention" -> text(c, "note") == null ? i18n.t("sales.says.resolveAttention")
          : i18n.t("sales.says.resolveAttention.note", text(c, "note"));
      case "voidSale" -> {
        String amount = Display.money(c.path("amount").asLong(), lang);
        String reason = text(c, "reason") == null ? "" : text(c, "reason");
        yield c.path("lineIds").isArray() && !c.path("lineIds").isEmpty()
            ? i18n.t("sales.says.voidSale.lines", c.path("lineIds").size(), amount, reason)
            : i18n.t("sales.says.voidSale", amount, reason);
      }
      default -> null;
    };
  }

  /**
   * A device's join of its local receipts into the shop's when sharing came on (SharingJoin): on the
   * local receipt's trail, the shop's receipt it went into; on that receipt's, the local one it took
   * (and a receipt discount it could not keep); an ad-hoc receipt moved whole, the name it now has.
   */
  private static String join(JsonNode c, I18n i18n, Names names) {
    if (c.has("joinedReceiptId")) {
      String into = names.receipts().apply(id(c, "joinedReceiptId"));
      return into == null ? i18n.t("sales.says.join.joined") : i18n.t("sales.says.join.joinedInto", into);
    }
    if (c.has("mergedReceiptId")) {
      String from = text(c, "from") != null ? text(c, "from") : i18n.t("sales.says.join.aReceipt");
      String took = i18n.t("sales.says.join.took", from);
      if (!c.path("droppedDiscount").isObject()) return took;
      return i18n.t("sales.says.join.droppedDiscount", took, discount(c.path("droppedDiscount"), i18n.language()));
    }
    return text(c, "name") == null ? i18n.t("sales.says.join.moved") : i18n.t("sales.says.join.movedAs", text(c, "name"));
  }

  /** "merged Sprzedaż 4 into this receipt" on the target's trail, "merged this receipt into Stolik 2" on the source's. */
  private static String merge(JsonNode c, I18n i18n, Names names) {
    String source = id(c, "receiptId");
    String target = id(c, "targetReceiptId");
    boolean intoThis = target != null && target.equals(names.receiptId());
    String other = names.receipts().apply(intoThis ? source : target);
    if (other == null) return i18n.t("sales.says.merge");
    return i18n.t(intoThis ? "sales.says.merge.from" : "sales.says.merge.into", other);
  }

  /** The line a command names, by its name, or "an item" when it is not on the receipt any more. */
  private static String line(JsonNode c, I18n i18n, Names names) {
    String id = id(c, "lineId");
    Item item = id == null ? null : names.lines().get(id);
    return item == null ? i18n.t("sales.says.a_line") : item.name();
  }

  private static String id(JsonNode c, String field) {
    return c.path(field).isTextual() ? c.path(field).asText().toLowerCase(java.util.Locale.ROOT) : null;
  }

  private static String text(JsonNode c, String field) {
    JsonNode v = c.path(field);
    return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
  }

  /** A percent discount in hundredths of a percent as "12,5 %", an amount as money. */
  private static String discount(JsonNode c, String lang) {
    long value = c.path("value").asLong();
    if (!c.path("kind").asText().equals("PERCENT")) return Display.money(value, lang);
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

  /** An entry that is not a command: its readable fields, named in the reader's language. */
  private static String fields(JsonNode command, I18n i18n, Map<Long, String> users) {
    String lang = i18n.language();
    List<String> parts = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = command.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String field = e.getKey();
      JsonNode v = e.getValue();
      if (HIDDEN.contains(field) || v.isNull()) continue;
      String value;
      if (MONEY.contains(field) && v.canConvertToLong()) value = Display.money(v.asLong(), lang);
      else if (QUANTITY.contains(field) && v.canConvertToLong()) value = SalesRoutes.quantity(v.asLong(), lang);
      else if (field.equals("userId") && v.canConvertToLong()) value = users.getOrDefault(v.asLong(), "#" + v.asLong());
      else if (v.isValueNode()) value = v.asText();
      else continue;
      String key = "sales.field." + field;
      parts.add((i18n.has(key) ? i18n.t(key) : field) + ": " + value);
    }
    return String.join(" · ", parts);
  }
}
