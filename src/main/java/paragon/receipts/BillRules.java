package paragon.receipts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import paragon.receipts.BillCommands.Tip;
import paragon.receipts.Outcome.Accepted;
import paragon.receipts.Outcome.Payment;
import paragon.receipts.PaymentCommands.Method;
import paragon.receipts.PaymentCommands.Tender;

/**
 * The bill (issue 12): paying in parts and tips, beside {@link PaymentRules} (which keeps the plain
 * payment: no tip, no part paid).
 *
 * <p>A part is recorded against the receipt ({@code paid}, {@code partsPaid}) rather than by cutting
 * the receipt into child receipts: an even or amount split cuts money, not lines, and one receipt keeps
 * one table, one audit trail and one sale. (A split by seat moves each seat's lines to a receipt of
 * its own with {@code moveLines}: lines are what it cuts.) The rules, step by step:
 * <ol>
 *   <li>The part's amount is the server's: {@code EVEN}: ceil(left / parts), so 100,00 zł in 3 is
 *       33,34 + 33,33 + 33,33: the remainder goes to the first parts, one grosz each (left = r·(q+1) +
 *       (n-r)·q, and ceil takes the q+1 while r > 0); {@code AMOUNT}: 1..left.</li>
 *   <li>Never overpaid: a part is at most what is left, and the tenders are checked as for {@code pay}
 *       against the part plus its tip (only cash gives change).</li>
 *   <li>A tip: an amount, or hundredths of a percent of what this payment pays, rounded half up to the
 *       grosz; part of the tenders of its method, never of revenue (payments.tip, sales.tip).</li>
 *   <li>The part that pays what is left closes the receipt and makes the one sale, with every part's
 *       tenders; the table is free only then.</li>
 *   <li>While parts are paid, no change may leave a receipt owing less than they paid, nor delete it
 *       ({@link #keepParts}).</li>
 * </ol>
 */
final class BillRules {
  private BillRules() {}

  static final int MAX_PARTS = 100;

  static Outcome pay(PaymentCommands.Pay x, RuleState s, Context c) {
    Receipt r = s.receipt(x.receiptId());
    if (r == null || (x.tip() == null && r.partsPaid() == 0)) return PaymentRules.pay(x, s, c);
    Guards.requireEditable(r, x.receiptId(), c);
    return settle(r, x.seq(), r.remaining(), x.payments(), x.tip(), c);
  }

  static Outcome payPart(BillCommands.PayPart x, RuleState s, Context c) {
    Receipt r = s.receipt(x.receiptId());
    Guards.requireEditable(r, x.receiptId(), c);
    long left = r.remaining();
    long amount;
    if (x.split().by() == BillCommands.By.EVEN) {
      int parts = x.split().parts();
      if (parts < 1 || parts > MAX_PARTS) return Refusals.invalid("split.parts", "refusal.invalid.parts");
      amount = evenPart(left, parts);
    } else {
      amount = x.split().amount();
      if (amount <= 0) return Refusals.invalid("split.amount", "refusal.invalid.positive");
      if (amount > left) return Refusals.of("over_remaining", Map.of("remaining", left, "amount", amount), zl(amount), zl(left));
    }
    return settle(r, x.seq(), amount, x.payments(), x.tip(), c);
  }

  /** The next of {@code parts} equal parts of {@code left}: ceil(left / parts). */
  static long evenPart(long left, int parts) {
    return left / parts + (left % parts == 0 ? 0 : 1);
  }

  /** The tip in grosze: its amount, or round-half-up(base × percent / 10000). */
  static long tip(Tip tip, long base) {
    if (tip == null) return 0;
    if (tip.amount() != null) return tip.amount();
    return Money.halfUp(Math.multiplyExact(base, tip.percent()), 10_000);
  }

  private static Outcome settle(Receipt r, long seq, long amount, List<Tender> tenders, Tip tipAsked, Context c) {
    if (r.lines().isEmpty()) return Refusals.of("empty", Map.of(), Refusals.name(r));
    if (seq < r.contentSeq()) return Refusals.of("stale", Map.of("seq", r.seq(), "contentSeq", r.contentSeq()));
    if (tenders.size() > Limits.MAX_TENDERS) return Refusals.limit(Limits.Name.TENDERS);
    if (tipAsked != null) {
      if (tipAsked.amount() != null && (tipAsked.amount() < 0 || tipAsked.amount() > Limits.MAX_TENDER)) {
        return Refusals.invalid("tip.amount", "refusal.invalid.tip");
      }
      if (tipAsked.percent() != null && (tipAsked.percent() < 0 || tipAsked.percent() > Limits.MAX_PERCENT)) {
        return Refusals.invalid("tip.percent", "refusal.invalid.tip");
      }
    }
    long tip = tip(tipAsked, amount);
    long cash = 0;
    long other = 0;
    for (Tender t : tenders) {
      if (t.amount() <= 0) return Refusals.invalid("payments.amount", "refusal.invalid.positive");
      if (t.amount() > Limits.MAX_TENDER) return Refusals.limit(Limits.Name.TENDER);
      if (t.method().givesChange()) cash += t.amount();
      else other += t.amount();
    }
    long due = amount + tip;
    if (other > due) return Refusals.of("overpaid", Map.of("total", due, "nonCash", other), zl(due));
    if (cash + other < due) {
      return Refusals.of("underpaid", Map.of("total", due, "paid", cash + other), zl(due), zl(cash + other));
    }
    long change = cash + other - due;
    Method tipMethod = tipAsked == null || tipAsked.method() == null ? tenders.get(0).method() : tipAsked.method();
    List<Payment> payments = recorded(tenders, change, tip, tipMethod);
    if (payments == null) return Refusals.invalid("tip.method", "refusal.invalid.tip_method");
    long tendered = cash + other;
    boolean closes = amount == r.remaining();
    boolean isPart = !closes || r.partsPaid() > 0;
    int number = r.partsPaid() + 1;
    Receipt after = r.with(b -> b.paid(r.paid() + amount).partsPaid(isPart ? number : r.partsPaid()));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("receiptId", r.id());
    if (isPart) result.put("part", number);
    result.put("amount", amount);
    result.put("tip", tip);
    result.put("tendered", tendered);
    result.put("change", change);
    result.put("remaining", r.remaining() - amount);
    if (!closes) {
      Outcome.Part part = new Outcome.Part(r.id(), number, amount, tip, payments);
      return new Accepted(List.of(after.touchedAt(c.now())), Set.of(), r.id(), result, null, false, part, null);
    }
    long total = r.total();
    long discount = Money.total(r.lines()) - total;
    Outcome.Sale sale = new Outcome.Sale(r.id(), total, discount, tendered, change, payments, r.vat(), tip);
    result.put("saleId", r.id());
    result.put("total", total);
    result.put("discount", discount);
    result.put("vat", sale.vat());
    Receipt closed = after.withState(State.CLOSED).touchedAt(c.now());
    return new Accepted(List.of(closed), Set.of(), r.id(), result, sale, false, null, null);
  }

  /**
   * The tenders as recorded: change comes out of the cash tenders, last first (as {@code pay}); then the
   * tip out of the tenders of its method, last first. Null when those hold less than the tip.
   */
  private static List<Payment> recorded(List<Tender> tenders, long change, long tip, Method tipMethod) {
    long[] net = new long[tenders.size()];
    long left = change;
    for (int i = tenders.size() - 1; i >= 0; i--) {
      Tender t = tenders.get(i);
      long back = t.method().givesChange() ? Math.min(left, t.amount()) : 0;
      left -= back;
      net[i] = t.amount() - back;
    }
    long[] tips = new long[tenders.size()];
    long tipLeft = tip;
    for (int i = tenders.size() - 1; i >= 0 && tipLeft > 0; i--) {
      if (tenders.get(i).method() != tipMethod) continue;
      tips[i] = Math.min(tipLeft, net[i]);
      tipLeft -= tips[i];
    }
    if (tipLeft > 0) return null;
    List<Payment> out = new ArrayList<>();
    for (int i = 0; i < tenders.size(); i++) {
      out.add(new Payment(tenders.get(i).method(), net[i] - tips[i], tenders.get(i).amount(), tips[i]));
    }
    return out;
  }

  /**
   * Step 5: an accepted change that would delete a receipt with parts paid, or leave it owing less than
   * they paid, is refused {@code parts_paid} (nobody is paid back by a silent edit).
   */
  static Outcome keepParts(Outcome o) {
    if (!(o instanceof Accepted acc)) return o;
    for (Receipt t : acc.touched()) {
      if (t.paid() == 0 || t.state() == State.CLOSED) continue;
      if (t.state() == State.DELETED || t.total() < t.paid()) {
        return Refusals.of("parts_paid", Map.of("receiptId", t.id(), "paid", t.paid()), zl(t.paid()));
      }
    }
    return o;
  }

  /** An amount as a message argument, written in the answer's language by the one money rule. */
  private static Object zl(long grosze) {
    return NameArg.money(grosze);
  }
}
