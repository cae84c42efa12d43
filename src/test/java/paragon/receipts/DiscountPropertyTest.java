package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The discount rules over random receipts (docs/protocol.md, "Modifiers and discounts"): whatever the
 * lines and discounts, the receipt discount's shares sum to its amount and none exceeds its line's
 * due, each rate's gross is never negative and the grosses sum to the total to pay, and the view a
 * terminal reads says the same as the receipt the server charges.
 */
class DiscountPropertyTest {
  private static final Vat[] RATES = Vat.values();

  @Test
  void per_rate_grosses_sum_to_the_total_and_are_never_negative() {
    Random random = new Random(20261202);
    for (int round = 0; round < 3000; round++) {
      Receipt r = receipt(random, round % 100 == 0);
      long[] dues = r.lines().stream().mapToLong(Line::due).toArray();
      long[] shares = Money.spread(r.discountAmount(), dues);
      assertThat(Arrays.stream(shares).sum()).isEqualTo(r.discountAmount());
      for (int i = 0; i < dues.length; i++) assertThat(shares[i]).isBetween(0L, dues[i]);
      List<Money.VatShare> vat = r.vat();
      assertThat(vat).allSatisfy(v -> {
        assertThat(v.gross()).isNotNegative();
        assertThat(v.net()).isBetween(0L, v.gross());
        assertThat(v.net() + v.tax()).isEqualTo(v.gross());
      });
      assertThat(vat.stream().mapToLong(Money.VatShare::gross).sum()).as(r.toString()).isEqualTo(r.total());
      assertThat(r.total()).isBetween(0L, Money.total(r.lines()));
      ReceiptView view = r.view(1, 1);
      assertThat(view.total()).isEqualTo(r.total());
      assertThat(view.subtotal() - view.discountTotal()).isEqualTo(r.total());
      assertThat(view.vat()).isEqualTo(vat);
    }
  }

  /** Up to 30 lines (or, now and then, 500 at the largest price: the 128-bit path of the spread). */
  private static Receipt receipt(Random random, boolean huge) {
    int count = huge ? Limits.MAX_LINES : 1 + random.nextInt(30);
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long price = huge ? Limits.MAX_UNIT_PRICE - random.nextInt(1000) : random.nextInt(5) == 0 ? 0 : 1
          + random.nextInt(20_000);
      long quantity = huge ? Limits.MAX_QUANTITY : 1 + random.nextInt(5000);
      Line plain = new Line("l" + i, null, "x", price, quantity, RATES[random.nextInt(RATES.length)], null, false);
      lines.add(plain.with(b -> b.discount(discount(random, plain.total()))));
    }
    Receipt r = Receipt.builder().id("r").kind(Kind.AD_HOC).state(State.OPEN).lines(lines).build();
    return r.with(b -> b.discount(discount(random, Money.dues(lines))));
  }

  /** None, a percent 0.01..100 %, or an amount 1..base (or beyond it, as a later lower quantity leaves it). */
  private static Discount discount(Random random, long base) {
    return switch (random.nextInt(4)) {
      case 0 -> null;
      case 1 -> new Discount(Discount.Type.PERCENT, 1 + random.nextInt(10_000), "r");
      default -> new Discount(Discount.Type.AMOUNT, 1 + Math.floorMod(random.nextLong(), Math.max(1, base) + 10), "r");
    };
  }
}
