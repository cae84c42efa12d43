package paragon.receipts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import paragon.storage.Events;

/**
 * The integration events of an accepted command (docs/api.md, "Webhooks"), written in the command's
 * transaction: {@code receipt.opened} for a receipt that is new and open, {@code receipt.closed} for
 * one that left the open states (then {@code sale.created} when it was paid), {@code receipt.changed}
 * otherwise; {@code day.closed} with the day close's totals.
 */
final class ReceiptEvents {
  private ReceiptEvents() {}

  static void receipt(Handle h, Actor a, Receipt before, Receipt saved, long now) {
    String type;
    if (before == null && saved.isOpen()) type = "receipt.opened";
    else if (!saved.isOpen() && (before == null || before.isOpen())) type = "receipt.closed";
    else type = "receipt.changed";
    Events.emit(h, a.accountId(), saved.shopId(), type, data(saved, a), now);
  }

  static void sale(Handle h, Actor a, Outcome.Sale sale, Receipt closed, long now) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("receiptId", sale.receiptId());
    data.put("name", closed.name());
    data.put("total", sale.total());
    data.put("discount", sale.discount());
    data.put("tip", sale.tip());
    List<Map<String, Object>> payments = new ArrayList<>();
    for (Outcome.Payment p : sale.payments()) {
      payments.add(Map.of("method", p.method().name(), "amount", p.amount()));
    }
    data.put("payments", payments);
    data.put("deviceId", a.deviceId());
    data.put("userId", a.userId());
    Events.emit(h, a.accountId(), closed.shopId(), "sale.created", data, now);
  }

  static void dayClosed(Handle h, Actor a, Map<String, Object> result, long now) {
    Map<String, Object> data = new LinkedHashMap<>();
    for (String key : List.of("dayCloseId", "sales", "total", "methods")) data.put(key, result.get(key));
    data.put("deviceId", a.deviceId());
    Events.emit(h, a.accountId(), a.shopId(), "day.closed", data, now);
  }

  private static Map<String, Object> data(Receipt r, Actor a) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("receiptId", r.id());
    data.put("name", r.name());
    data.put("state", r.state().name());
    data.put("slotId", r.slotId());
    data.put("seq", r.seq());
    data.put("lines", r.lines().size());
    data.put("total", r.total());
    data.put("deviceId", a.deviceId());
    data.put("userId", a.userId());
    return data;
  }
}
