package paragon.kitchen;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import paragon.receipts.KitchenStore;
import paragon.web.PageContext;

/**
 * A ticket as the kitchen reads it: times in Polish time (the shops are in Poland), quantities as
 * units ("2", "0.5"), the course and seat spelled out. {@code sentAt} epoch ms: the page's script
 * counts the time since it.
 */
public record TicketView(long id, String receiptName, boolean cancel, String waiter, long sentAt, String time,
    String course, List<ItemView> items, String doneBy, String waiting) {
  static final ZoneId ZONE = ZoneId.of("Europe/Warsaw");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZONE);

  /** {@code course}, {@code seat}: the words, or null. */
  public record ItemView(String quantity, String name, List<String> modifiers, String note, String course,
      String seat) {}

  static TicketView of(KitchenStore.Ticket t, PageContext page) {
    return of(t, page, null);
  }

  /** {@code waiting}: the course the ticket's table still holds back (null: none), as "Course 2 waiting". */
  static TicketView of(KitchenStore.Ticket t, PageContext page, Integer waiting) {
    List<ItemView> items = t.items().stream().map(i -> new ItemView(quantity(i.quantity()), i.name(), i.modifiers(),
        i.note(), i.course() == null ? null : page.t("kitchen.course", i.course()),
        i.seat() == null ? null : page.t("kitchen.seat", i.seat()))).toList();
    return new TicketView(t.id(), t.receiptName(), "cancel".equals(t.kind()), t.waiter(), t.createdAt(),
        TIME.format(Instant.ofEpochMilli(t.createdAt())),
        t.course() == null ? null : page.t("kitchen.course", t.course()), items, t.doneBy(),
        waiting == null ? null : page.t("kitchen.waiting", waiting));
  }

  /** Thousandths as units without trailing zeros: 2000 is "2", 1500 is "1.5". */
  static String quantity(long thousandths) {
    return BigDecimal.valueOf(thousandths, 3).stripTrailingZeros().toPlainString();
  }
}
