package paragon.receipts;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Amount arithmetic: grosze and thousandths, integers only, rounding half up. */
final class Money {
  private Money() {}

  /** round-half-up(unitPrice * quantity / 1000) for non-negative inputs within {@link Limits}. */
  static long lineTotal(long unitPrice, long quantity) {
    return Math.floorDiv(Math.multiplyExact(unitPrice, quantity) + 500, 1000);
  }

  /** round-half-up(x / y) for x >= 0, y > 0: floor((2x + y) / 2y), without overflow for x < 4.6 * 10^18. */
  static long halfUp(long x, long y) {
    return x / y + (x % y >= y - x % y ? 1 : 0);
  }

  /** The lines' totals, before any discount. */
  static long total(List<Line> lines) {
    long sum = 0;
    for (Line l : lines) sum = Math.addExact(sum, l.total());
    return sum;
  }

  /** The lines' dues (total minus each line's own discount), summed. */
  static long dues(List<Line> lines) {
    long sum = 0;
    for (Line l : lines) sum = Math.addExact(sum, l.due());
    return sum;
  }

  /**
   * {@code amount} (0 <= amount <= the sum of {@code weights}) spread over the weights in proportion,
   * by the largest remainder: each share is floor(amount * weight / sum), and the grosze left go one
   * each to the largest remainders of those divisions, the earlier weight first on a tie. The shares
   * sum to {@code amount} exactly and none exceeds its weight (docs/protocol.md, "Modifiers and
   * discounts", step 3). The products need 128 bits (5 * 10^13 squared), hence BigInteger.
   */
  static long[] spread(long amount, long[] weights) {
    long[] shares = new long[weights.length];
    long sum = 0;
    for (long w : weights) sum = Math.addExact(sum, w);
    if (amount < 0 || amount > sum) throw new IllegalArgumentException("cannot spread " + amount + " over " + sum);
    if (amount == 0) return shares;
    BigInteger a = BigInteger.valueOf(amount);
    BigInteger s = BigInteger.valueOf(sum);
    long[] remainders = new long[weights.length];
    long left = amount;
    for (int i = 0; i < weights.length; i++) {
      BigInteger[] qr = a.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(s);
      shares[i] = qr[0].longValueExact();
      remainders[i] = qr[1].longValueExact();
      left -= shares[i];
    }
    Integer[] order = new Integer[weights.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, (x, y) -> remainders[x] != remainders[y] ? Long.compare(remainders[y], remainders[x]) : x - y);
    for (int k = 0; left > 0; k++, left--) shares[order[k]]++;
    return shares;
  }

  /** One VAT rate's share of a sale: gross as charged, net = round-half-up(gross*100/(100+rate)). */
  public record VatShare(String vat, long gross, long net, long tax) {}

  /**
   * The VAT breakdown of {@code lines}, per rate, in the order 23, 8, 5, 0, ZW, after their own discounts
   * and {@code receiptDiscount} grosze off the whole, spread over their dues ({@link #spread}).
   */
  static List<VatShare> vat(List<Line> lines, long receiptDiscount) {
    return vat(lines.stream().map(Line::vat).toList(), lines.stream().mapToLong(Line::due).toArray(), receiptDiscount);
  }

  /** Lines without discounts (the shape of the issue 9 table of cases). */
  static List<VatShare> vat(List<Line> lines) {
    return vat(lines, 0);
  }

  /**
   * The one rule over the lines' rates and dues, for a receipt ({@link #vat}) and its view
   * ({@link ReceiptView#vat}).
   */
  static List<VatShare> vat(List<Vat> rates, long[] dues, long receiptDiscount) {
    long[] off = spread(receiptDiscount, dues);
    Map<Vat, Long> gross = new TreeMap<>();
    for (int i = 0; i < dues.length; i++) gross.merge(rates.get(i), dues[i] - off[i], Math::addExact);
    return shares(gross);
  }

  /**
   * The one VAT rule, over the gross per rate (in the rates' order): what a sale records
   * ({@link #vat}) and what every receipt view carries ({@link ReceiptView#vat}).
   */
  static List<VatShare> shares(Map<Vat, Long> gross) {
    List<VatShare> shares = new ArrayList<>();
    gross.forEach((vat, g) -> {
      long net = Math.floorDiv(Math.multiplyExact(g, 100) * 2 + (100 + vat.rate()), 2L * (100 + vat.rate()));
      shares.add(new VatShare(vat.code(), g, net, g - net));
    });
    return shares;
  }
}
