package paragon.integrations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import paragon.accounts.Shops;
import paragon.receipts.Audit;
import paragon.receipts.DayCloses;
import paragon.receipts.DayReport;
import paragon.receipts.ReceiptView;
import paragon.receipts.SaleRecords;
import paragon.web.Json;

/**
 * The shapes of the {@code /api/v1} answers (docs/api.md and /api/openapi.json describe them): pure
 * functions from the stores' records. Money in grosze, quantities in thousandths of a unit, times
 * ISO 8601 UTC; field names stay stable (a new field may appear, none changes meaning).
 */
final class ApiJson {
  private ApiJson() {}

  static Map<String, Object> shop(Shops.Shop s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("name", s.name());
    m.put("address", s.address());
    m.put("archived", s.archived());
    return m;
  }

  /** {@code waiter}: the receipt owner's name (null when unknown). */
  static Map<String, Object> receipt(ReceiptView r, String waiter) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("shopId", r.shopId());
    m.put("name", r.name());
    m.put("state", r.state().name().toLowerCase(Locale.ROOT));
    Map<String, Object> table = null;
    if (r.slotId() != null) {
      table = new LinkedHashMap<>();
      table.put("id", r.slotId());
      table.put("name", r.name());
    }
    m.put("table", table);
    Map<String, Object> w = new LinkedHashMap<>();
    w.put("id", r.ownerUserId());
    w.put("name", waiter);
    m.put("waiter", w);
    m.put("guests", r.guests());
    m.put("note", r.note());
    m.put("lines", r.lines().stream().map(ApiJson::line).toList());
    m.put("subtotal", r.subtotal());
    m.put("discountTotal", r.discountTotal());
    m.put("discount", r.discount());
    m.put("total", r.total());
    // The view's own VAT breakdown (ReceiptView.vat, the rule a sale records), as it serializes it.
    m.put("vat", Json.MAPPER.valueToTree(r).get("vat"));
    m.put("createdAt", ApiParams.time(r.createdAt()));
    m.put("updatedAt", ApiParams.time(r.updatedAt()));
    m.put("seq", r.seq());
    return m;
  }

  private static Map<String, Object> line(ReceiptView.LineView l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", l.id());
    m.put("productId", l.productId());
    m.put("name", l.name());
    m.put("unitPrice", l.unitPrice());
    m.put("quantity", l.quantity());
    m.put("vat", l.vat());
    m.put("note", l.note());
    m.put("modifiers", l.modifiers());
    m.put("discount", l.discount());
    m.put("total", l.total());
    m.put("due", l.due());
    m.put("course", l.course());
    m.put("seat", l.seat());
    m.put("sentAt", ApiParams.time(l.sentAt()));
    return m;
  }

  static List<Map<String, Object>> vat(List<DayReport.VatRow> shares) {
    return shares.stream().map(v -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("vat", v.vat());
      m.put("gross", v.gross());
      m.put("net", v.net());
      m.put("tax", v.tax());
      return m;
    }).toList();
  }

  static Map<String, Object> audit(Audit.Entry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("at", ApiParams.time(e.at()));
    m.put("type", e.type());
    m.put("deviceId", e.deviceId());
    m.put("userId", e.userId());
    m.put("userName", e.userName());
    m.put("seq", e.seq());
    m.put("command", e.command());
    return m;
  }

  static Map<String, Object> sale(SaleRecords.Sale s, List<SaleRecords.Payment> payments, List<DayReport.VatRow> vat) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("shopId", s.shopId());
    m.put("deviceId", s.deviceId());
    m.put("cashierId", s.userId());
    m.put("waiterId", s.ownerUserId());
    m.put("name", s.name());
    m.put("total", s.total());
    m.put("discount", s.discount());
    m.put("tip", s.tip());
    m.put("tendered", s.tendered());
    m.put("change", s.change());
    m.put("corrected", s.corrected());
    m.put("closedAt", ApiParams.time(s.closedAt()));
    m.put("payments", payments.stream().map(p -> {
      Map<String, Object> pm = new LinkedHashMap<>();
      pm.put("method", p.method());
      pm.put("amount", p.amount());
      pm.put("tendered", p.tendered());
      return pm;
    }).toList());
    m.put("vat", vat(vat));
    return m;
  }

  static Map<String, Object> dayClose(DayCloses.Closed c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("shopId", c.shopId());
    m.put("deviceId", c.deviceId());
    m.put("userId", c.userId());
    m.put("sales", c.sales());
    m.put("total", c.total());
    m.put("at", ApiParams.time(c.at()));
    m.put("methods", c.report() == null ? null : c.report().methods());
    m.put("vat", c.report() == null ? null : c.report().vat());
    m.put("discounts", c.report() == null ? null : c.report().discounts());
    m.put("tips", c.report() == null ? null : c.report().tips());
    return m;
  }
}
