package paragon.receipts;

import java.util.ArrayList;
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

  static long total(List<Line> lines) {
    long sum = 0;
    for (Line l : lines) sum = Math.addExact(sum, l.total());
    return sum;
  }

  /** One VAT rate's share of a sale: gross as charged, net = round-half-up(gross*100/(100+rate)). */
  public record VatShare(String vat, long gross, long net, long tax) {}

  /** The VAT breakdown of {@code lines}, per rate, in the order 23, 8, 5, 0, ZW. */
  static List<VatShare> vat(List<Line> lines) {
    Map<Vat, Long> gross = new TreeMap<>();
    for (Line l : lines) gross.merge(l.vat(), l.total(), Math::addExact);
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
