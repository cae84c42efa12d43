package paragon.receipts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import paragon.accounts.Permission;
import paragon.receipts.Outcome.Accepted;
import paragon.receipts.Outcome.Payment;
import paragon.receipts.Outcome.Sale;
import paragon.receipts.PaymentCommands.Method;

/**
 * The payment lease (60 s by the injected clock, renewable by its holder, free once expired, breakable
 * with BREAK_PAYMENT_LOCK), paying with split tender, and the day close.
 */
final class PaymentRules {
  private PaymentRules() {}

  static Outcome start(PaymentCommands.StartPayment x, RuleState s, Context c) {
    Receipt r = s.receipt(x.receiptId());
    Guards.requireEditable(r, x.receiptId(), c);
    if (r.lines().isEmpty()) return Refusals.of("empty", Map.of(), Refusals.name(r));
    Actor a = c.actor();
    Receipt.Lease lease =
        new Receipt.Lease(a.deviceId(), a.userId(), a.userName(), c.now() + Context.LEASE_MILLIS);
    return Accepted.of(r.withLease(lease).touchedAt(c.now())).withResult(Map.of("until", lease.until()));
  }

  static Outcome cancel(PaymentCommands.CancelPayment x, RuleState s, Context c) {
    Receipt r = s.receipt(x.receiptId());
    Guards.requireReach(r, x.receiptId(), c);
    Guards.requireOpen(r);
    Guards.requireNoLease(r, c);
    return release(r, c);
  }

  static Outcome breakLease(PaymentCommands.BreakLease x, RuleState s, Context c) {
    Receipt r = s.receipt(x.receiptId());
    Guards.requireReach(r, x.receiptId(), c);
    Guards.requireOpen(r);
    Receipt.Lease l = r.activeLease(c.now());
    if (l != null && l.deviceId() != c.actor().deviceId()) Guards.requirePermission(Permission.BREAK_PAYMENT_LOCK, c);
    return release(r, c);
  }

  /** Back to OPEN; a receipt that holds no lease (or an expired one already cleared) is left as it is. */
  private static Outcome release(Receipt r, Context c) {
    if (r.state() == State.OPEN) return Accepted.noChange(r.id());
    return Accepted.of(r.withLease(null).touchedAt(c.now()));
  }

  static Outcome pay(PaymentCommands.Pay x, RuleState s, Context c) {
    Receipt r = s.receipt(x.receiptId());
    Guards.requireEditable(r, x.receiptId(), c);
    if (r.lines().isEmpty()) return Refusals.of("empty", Map.of(), Refusals.name(r));
    // The cashier must have seen what is charged: no line, quantity or price changed after their seq.
    if (x.seq() < r.contentSeq()) {
      return Refusals.of("stale", Map.of("seq", r.seq(), "contentSeq", r.contentSeq()));
    }
    if (x.payments().size() > Limits.MAX_TENDERS) return Refusals.limit(Limits.Name.TENDERS);
    long cash = 0;
    long other = 0;
    for (PaymentCommands.Tender t : x.payments()) {
      if (t.amount() <= 0) return Refusals.invalid("payments.amount", "refusal.invalid.positive");
      if (t.amount() > Limits.MAX_TENDER) return Refusals.limit(Limits.Name.TENDER);
      if (t.method().givesChange()) cash += t.amount();
      else other += t.amount();
    }
    long total = r.total();
    if (other > total) return Refusals.of("overpaid", Map.of("total", total, "nonCash", other), zl(total));
    if (cash + other < total) {
      return Refusals.of("underpaid", Map.of("total", total, "paid", cash + other), zl(total), zl(cash + other));
    }
    long change = cash + other - total;
    long discount = Money.total(r.lines()) - total;
    Sale sale = new Sale(r.id(), total, discount, cash + other, change, payments(x.payments(), change), r.vat());
    Receipt closed = r.withState(State.CLOSED).touchedAt(c.now());
    return new Accepted(List.of(closed), Set.of(), r.id(), Map.of("saleId", r.id(), "total", total,
        "discount", discount, "tendered", cash + other, "change", change, "vat", sale.vat()), sale, false);
  }

  /** An amount as a message argument, written in the answer's language by the one money rule. */
  private static Object zl(long grosze) {
    return NameArg.money(grosze);
  }

  /** The tenders as recorded: change comes out of the cash tenders, last first. */
  private static List<Payment> payments(List<PaymentCommands.Tender> tenders, long change) {
    List<Payment> out = new ArrayList<>();
    long left = change;
    for (int i = tenders.size() - 1; i >= 0; i--) {
      PaymentCommands.Tender t = tenders.get(i);
      long back = t.method().givesChange() ? Math.min(left, t.amount()) : 0;
      left -= back;
      out.add(0, new Payment(t.method(), t.amount() - back, t.amount()));
    }
    return out;
  }

  static Outcome dayClose(PaymentCommands.DayClose x, RuleState s, Context c) {
    if (s.deviceLeases() > 0) return Refusals.of("paying", Map.of());
    return new Accepted(List.of(), Set.of(), null, Map.of(), null, true);
  }
}
