package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import paragon.accounts.Permission;
import paragon.configuration.ConfigSnapshot;
import paragon.configuration.EffectiveConfig;
import paragon.configuration.Visibility;
import paragon.receipts.DiscountCommands.SetLineDiscount;
import paragon.receipts.DiscountCommands.SetReceiptDiscount;
import paragon.receipts.LineCommands.AddLine;
import paragon.receipts.PaymentCommands.Method;
import paragon.receipts.PaymentCommands.Pay;
import paragon.receipts.PaymentCommands.Tender;

/** Modifiers and discounts in the pure rules (docs/protocol.md, "Modifiers and discounts"). */
class ModifiersAndDiscountsTest {
  static final ConfigSnapshot.ModifierGroup SIZE = new ConfigSnapshot.ModifierGroup(1, "Rozmiar", 1, 1,
      List.of(new ConfigSnapshot.Option(2, "Mała", 0), new ConfigSnapshot.Option(3, "Duża", 200)));
  static final ConfigSnapshot.ModifierGroup EXTRAS = new ConfigSnapshot.ModifierGroup(4, "Dodatki", 0, 0,
      List.of(new ConfigSnapshot.Option(5, "Mleko owsiane", 0), new ConfigSnapshot.Option(7, "Syrop", 150)));
  static final ConfigSnapshot.ModifierGroup PROMO = new ConfigSnapshot.ModifierGroup(8, "Promocja", 0, 1,
      List.of(new ConfigSnapshot.Option(9, "Minus 20 zł", -2000)));
  static final ConfigSnapshot.Product LATTE = new ConfigSnapshot.Product(103, "Latte", 1200, "8", "Kawa", null,
      null, List.of(1L, 4L), List.of());
  static final ConfigSnapshot.Product CAKE = new ConfigSnapshot.Product(104, "Ciasto", 1000, "5", "Ciasta", null,
      null, List.of(8L), List.of());

  private final Rig rig = new Rig();
  private final Actor anna = Rig.actor(1, 1, Set.of(), catalog());
  private final Actor giver = Rig.actor(2, 2, Set.of(Permission.GIVE_DISCOUNTS), catalog());
  private final Actor marek = Rig.actor(3, 3, Set.of(Permission.values()), catalog());

  /** The rig's configuration with a latte (a required size, optional extras) and a cake (a negative delta). */
  static EffectiveConfig catalog() {
    EffectiveConfig c = Rig.config(true, true, null, Visibility.ALL);
    return new EffectiveConfig(c.revision(), c.shopId(), c.shopName(), c.parkingEnabled(), c.visibility(),
        c.sharingEnabled(), c.sharingEffective(), c.sharingBlockedBy(), c.loginMode(), c.language(), c.slots(),
        c.roles(), c.users(), List.of(Rig.ESPRESSO, Rig.BEER, LATTE, CAKE), List.of(), List.of(SIZE, EXTRAS, PROMO));
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }

  private String open(Actor a) {
    String id = id();
    rig.accepted(a, new ReceiptCommands.OpenAdHoc(id));
    return id;
  }

  private static AddLine add(String receipt, String line, long product, long quantity, Long... options) {
    return new AddLine(receipt, line, product, null, null, null, quantity, null, List.of(options));
  }

  private String line(String receipt, long product, long quantity, Long... options) {
    String line = id();
    rig.accepted(anna, add(receipt, line, product, quantity, options));
    return line;
  }

  private Line lineOf(String receipt, String line) {
    return rig.get(receipt).line(line);
  }

  private static Discount percent(long value) {
    return new Discount(Discount.Type.PERCENT, value, "Pracownik");
  }

  @Test
  void the_server_prices_a_line_with_its_modifiers_in_the_products_group_order() {
    String r = open(anna);
    String l = line(r, 103, 2000, 7L, 3L);
    Line latte = lineOf(r, l);
    assertThat(latte.unitPrice()).isEqualTo(1550);
    assertThat(latte.total()).isEqualTo(3100);
    assertThat(latte.modifiers()).containsExactly(new Modifier(1, 3, "Rozmiar", "Duża", 200),
        new Modifier(4, 7, "Dodatki", "Syrop", 150));
    ReceiptView.LineView view = rig.get(r).view(1, 1).lines().get(0);
    assertThat(view.modifiers()).hasSize(2);
    assertThat(view.discount()).isNull();
    assertThat(view.due()).isEqualTo(3100);
  }

  @Test
  void a_required_group_left_empty_is_refused_naming_the_group() {
    String r = open(anna);
    Outcome.Refused no = rig.refused(anna, add(r, id(), 103, 1000, 7L));
    assertThat(no.code()).isEqualTo("modifier_required");
    assertThat(no.details()).containsEntry("groupId", 1L).containsEntry("group", "Rozmiar").containsEntry("min", 1);
    assertThat(rig.get(r).lines()).isEmpty();
  }

  @Test
  void more_options_than_a_groups_maximum_are_refused() {
    String r = open(anna);
    Outcome.Refused no = rig.refused(anna, add(r, id(), 103, 1000, 2L, 3L));
    assertThat(no.code()).isEqualTo("modifier_too_many");
    assertThat(no.details()).containsEntry("group", "Rozmiar").containsEntry("max", 1);
  }

  @Test
  void an_option_of_another_products_group_or_unknown_is_not_found() {
    String r = open(anna);
    assertThat(rig.refused(anna, add(r, id(), 103, 1000, 3L, 9L)).details()).containsEntry("optionId", 9L);
    assertThat(rig.refused(anna, add(r, id(), 103, 1000, 3L, 999L)).code()).isEqualTo("not_found");
    // A product without groups takes none.
    assertThat(rig.refused(anna, add(r, id(), 101, 1000, 3L)).code()).isEqualTo("not_found");
  }

  @Test
  void a_negative_delta_never_takes_the_price_below_zero() {
    String r = open(anna);
    assertThat(lineOf(r, line(r, 104, 1000, 9L)).unitPrice()).isZero();
    assertThat(lineOf(r, line(r, 104, 1000)).unitPrice()).isEqualTo(1000);
  }

  @Test
  void a_price_of_its_own_with_modifiers_still_needs_change_prices() {
    String r = open(anna);
    AddLine own = new AddLine(r, id(), 103L, null, 500L, null, 1000L, null, List.of(3L));
    assertThat(rig.refused(anna, own).details()).containsEntry("permission", "CHANGE_PRICES");
    String l = id();
    rig.accepted(marek, new AddLine(r, l, 103L, null, 500L, null, 1000L, null, List.of(3L)));
    assertThat(lineOf(r, l).unitPrice()).isEqualTo(500);
    assertThat(lineOf(r, l).modifiers()).hasSize(1);
  }

  @Test
  void a_line_discount_needs_give_discounts_and_rounds_half_up() {
    String r = open(anna);
    String l = line(r, 102, 1500); // 12,50 x 1.5 = 18,75
    SetLineDiscount third = new SetLineDiscount(l, Discount.Type.PERCENT, 3333L, "  Stały klient ");
    assertThat(rig.refused(anna, third).details()).containsEntry("permission", "GIVE_DISCOUNTS");
    rig.accepted(giver, third);
    Line beer = lineOf(r, l);
    assertThat(beer.discount()).isEqualTo(new Discount(Discount.Type.PERCENT, 3333, "Stały klient"));
    assertThat(beer.discountAmount()).isEqualTo(625); // 1875 * 0.3333 = 624.94
    assertThat(beer.due()).isEqualTo(1250);
    assertThat(rig.get(r).total()).isEqualTo(1250);
    ReceiptView view = rig.get(r).view(1, 1);
    assertThat(view.lines().get(0).discount()).isEqualTo(
        new ReceiptView.DiscountView("PERCENT", 3333, "Stały klient", 625));
    assertThat(view.subtotal()).isEqualTo(1875);
    assertThat(view.discountTotal()).isEqualTo(625);
    assertThat(view.total()).isEqualTo(1250);
    assertThat(view.vat()).containsExactly(new Money.VatShare("23", 1250, 1016, 234));
    rig.accepted(giver, new SetLineDiscount(l, null, null, null));
    assertThat(lineOf(r, l).discount()).isNull();
    assertThat(rig.get(r).total()).isEqualTo(1875);
  }

  @Test
  void discount_values_and_reasons_out_of_bounds_are_refused_naming_the_limit() {
    String r = open(anna);
    String l = line(r, 101, 1000);
    Object[][] cases = {
        {Discount.Type.PERCENT, 0L, "x", "percent", 10_000L},
        {Discount.Type.PERCENT, 10_001L, "x", "percent", 10_000L},
        {Discount.Type.AMOUNT, 901L, "x", "discount", 900L},
        {Discount.Type.AMOUNT, 0L, "x", "discount", 900L},
        {Discount.Type.AMOUNT, 100L, "   ", "reason", 80L},
        {Discount.Type.AMOUNT, 100L, "r".repeat(81), "reason", 80L},
    };
    for (Object[] c : cases) {
      Outcome.Refused no = rig.refused(giver, new SetLineDiscount(l, (Discount.Type) c[0], (Long) c[1], (String) c[2]));
      assertThat(no.code()).isEqualTo("limit");
      assertThat(no.details()).as(List.of(c).toString()).containsEntry("limit", c[3]).containsEntry("max", c[4]);
    }
    assertThat(lineOf(r, l).discount()).isNull();
    rig.accepted(giver, new SetLineDiscount(l, Discount.Type.AMOUNT, 900L, "r".repeat(80)));
    assertThat(rig.get(r).total()).isZero();
  }

  @Test
  void a_receipt_discount_is_spread_so_each_rates_gross_stays_exact() {
    String r = open(anna);
    line(r, 101, 1000); // 9,00 at 8 %
    line(r, 102, 1000); // 12,50 at 23 %
    Outcome.Refused tooMuch = rig.refused(giver, new SetReceiptDiscount(r, Discount.Type.AMOUNT, 2151L, "x"));
    assertThat(tooMuch.details()).containsEntry("limit", "discount").containsEntry("max", 2150L);
    rig.accepted(giver, new SetReceiptDiscount(r, Discount.Type.AMOUNT, 1001L, "Reklamacja"));
    Receipt receipt = rig.get(r);
    assertThat(receipt.total()).isEqualTo(1149);
    // 1001 * 900 / 2150 = 419.02, 1001 * 1250 / 2150 = 581.98: the grosz left goes to the larger remainder.
    assertThat(Money.spread(1001, new long[] {900, 1250})).containsExactly(419, 582);
    assertThat(receipt.vat()).containsExactly(new Money.VatShare("23", 668, 543, 125),
        new Money.VatShare("8", 481, 445, 36));
    ReceiptView view = receipt.view(1, 1);
    assertThat(view.vat()).isEqualTo(receipt.vat());
    assertThat(view.discount()).isEqualTo(new ReceiptView.DiscountView("AMOUNT", 1001, "Reklamacja", 1001));
    assertThat(view.discountTotal()).isEqualTo(1001);
  }

  @Test
  void equal_remainders_go_to_the_earlier_line() {
    assertThat(Money.spread(1, new long[] {1000, 1000})).containsExactly(1, 0);
    assertThat(Money.spread(5, new long[] {1, 1, 1, 1, 1})).containsExactly(1, 1, 1, 1, 1);
    assertThat(Money.spread(0, new long[] {0, 7})).containsExactly(0, 0);
  }

  @Test
  void a_discount_changes_what_is_charged_so_an_older_seq_is_stale_and_the_sale_records_it() {
    String r = open(anna);
    line(r, 103, 2000, 3L, 7L); // 2 x 15,50 = 31,00
    long seen = rig.get(r).seq();
    String l = rig.get(r).lines().get(0).id();
    rig.accepted(giver, new SetLineDiscount(l, Discount.Type.PERCENT, 1000L, "Pracownik"));
    rig.accepted(giver, new SetReceiptDiscount(r, Discount.Type.AMOUNT, 290L, "Stały klient"));
    assertThat(rig.refused(anna, new Pay(r, seen, List.of(new Tender(Method.CARD, 3100L)))).code()).isEqualTo("stale");
    long now = rig.get(r).seq();
    assertThat(rig.refused(anna, new Pay(r, now, List.of(new Tender(Method.CARD, 2600L)))).code())
        .isEqualTo("overpaid");
    Outcome.Accepted paid = rig.accepted(anna, new Pay(r, now, List.of(new Tender(Method.CARD, 2500L))));
    assertThat(paid.sale().total()).isEqualTo(2500);
    assertThat(paid.sale().discount()).isEqualTo(600);
    assertThat(paid.sale().vat()).containsExactly(new Money.VatShare("8", 2500, 2315, 185));
    assertThat(paid.result()).containsEntry("total", 2500L).containsEntry("discount", 600L);
    // The closed receipt keeps its lines' modifiers and discounts for the sales pages.
    assertThat(rig.get(r).lines().get(0).modifiers()).hasSize(2);
    assertThat(rig.get(r).view(9, 9).discountTotal()).isEqualTo(600);
  }

  @Test
  void a_lower_quantity_or_price_caps_an_amount_discount_at_the_lines_total() {
    String r = open(anna);
    String l = line(r, 101, 2000); // 18,00
    rig.accepted(giver, new SetLineDiscount(l, Discount.Type.AMOUNT, 1500L, "x"));
    rig.accepted(anna, new LineCommands.AdjustQuantity(l, -1000L)); // 9,00
    assertThat(lineOf(r, l).discountAmount()).isEqualTo(900);
    assertThat(rig.get(r).total()).isZero();
    rig.accepted(marek, new LineCommands.ChangePrice(l, 2000L));
    assertThat(lineOf(r, l).due()).isEqualTo(500);
  }

  @Test
  void a_split_part_keeps_modifiers_a_percent_and_a_share_of_an_amount() {
    String r = open(anna);
    String pct = line(r, 103, 3000, 3L);
    String amt = line(r, 101, 3000);
    rig.accepted(giver, new SetLineDiscount(pct, Discount.Type.PERCENT, 1000L, "a"));
    rig.accepted(giver, new SetLineDiscount(amt, Discount.Type.AMOUNT, 100L, "b"));
    rig.accepted(giver, new SetReceiptDiscount(r, Discount.Type.PERCENT, 500L, "c"));
    String target = id();
    String pctPart = id();
    String amtPart = id();
    rig.accepted(anna, new MoveCommands.MoveLines(r, target, true, List.of(
        new MoveCommands.MoveLines.Part(pct, 1000L, pctPart), new MoveCommands.MoveLines.Part(amt, 1000L, amtPart))));
    assertThat(lineOf(target, pctPart).modifiers()).isEqualTo(lineOf(r, pct).modifiers()).hasSize(1);
    assertThat(lineOf(target, pctPart).discount()).isEqualTo(lineOf(r, pct).discount());
    assertThat(lineOf(target, amtPart).discount().value()).isEqualTo(33); // 100 * 1/3 = 33.3
    assertThat(lineOf(r, amt).discount().value()).isEqualTo(67);
    assertThat(rig.get(r).discount()).isNotNull();
    assertThat(rig.get(target).discount()).isNull();
    // A whole line moves as it is.
    String back = id();
    rig.accepted(anna, new MoveCommands.MoveLines(target, r, false, List.of(
        new MoveCommands.MoveLines.Part(amtPart, null, null))));
    assertThat(lineOf(r, amtPart).discount().value()).isEqualTo(33);
    assertThat(back).isNotNull();
  }

  @Test
  void an_amount_share_of_zero_leaves_that_part_without_a_discount() {
    Discount one = new Discount(Discount.Type.AMOUNT, 1, "x");
    assertThat(one.movedPart(1000, 3000)).isNull();
    assertThat(one.remainingPart(1000, 3000)).isEqualTo(one);
    assertThat(one.movedPart(2000, 3000)).isEqualTo(one);
    assertThat(one.remainingPart(2000, 3000)).isNull();
  }

  @Test
  void a_merge_keeps_the_lines_discounts_and_refuses_a_source_with_a_receipt_discount() {
    String a = open(anna);
    String b = open(anna);
    String l = line(a, 103, 1000, 3L);
    rig.accepted(giver, new SetLineDiscount(l, Discount.Type.PERCENT, 5000L, "pół"));
    rig.accepted(giver, new SetReceiptDiscount(a, Discount.Type.AMOUNT, 100L, "x"));
    Outcome.Refused no = rig.refused(anna, new MoveCommands.Merge(a, b));
    assertThat(no.code()).isEqualTo("receipt_discount");
    assertThat(no.details()).containsEntry("receiptId", a);
    rig.accepted(giver, new SetReceiptDiscount(a, null, null, null));
    rig.accepted(giver, new SetReceiptDiscount(b, Discount.Type.PERCENT, 1000L, "y"));
    rig.accepted(anna, new MoveCommands.Merge(a, b));
    Receipt merged = rig.get(b);
    assertThat(merged.line(l).modifiers()).hasSize(1);
    assertThat(merged.line(l).discount().value()).isEqualTo(5000);
    assertThat(merged.discount().value()).isEqualTo(1000);
    assertThat(merged.total()).isEqualTo(630); // 1400 - 700 = 700, - 10 % = 630
  }

  @Test
  void a_product_archived_after_it_was_added_breaks_nothing_on_the_open_receipt_nor_its_sale() {
    String r = open(anna);
    String l = line(r, 103, 1000, 3L); // Latte Duża, 14,00
    // The next revision no longer has the latte (archived) nor its size group.
    EffectiveConfig c = catalog();
    EffectiveConfig archived = new EffectiveConfig(c.revision() + 1, c.shopId(), c.shopName(), c.parkingEnabled(),
        c.visibility(), c.sharingEnabled(), c.sharingEffective(), c.sharingBlockedBy(), c.loginMode(), c.language(),
        c.slots(), c.roles(), c.users(), List.of(Rig.ESPRESSO), List.of(), List.of());
    Actor annaLater = Rig.actor(1, 1, Set.of(), archived);
    Actor giverLater = Rig.actor(2, 2, Set.of(Permission.GIVE_DISCOUNTS), archived);

    assertThat(rig.refused(annaLater, add(r, id(), 103, 1000, 3L)).code()).isEqualTo("not_found");
    rig.accepted(annaLater, new LineCommands.AdjustQuantity(l, 1000L)); // 2 x 14,00
    rig.accepted(giverLater, new SetLineDiscount(l, Discount.Type.AMOUNT, 300L, "Reklamacja"));
    assertThat(lineOf(r, l).name()).isEqualTo("Latte");
    assertThat(lineOf(r, l).modifiers()).extracting(Modifier::name).containsExactly("Duża");
    long seq = rig.get(r).seq();
    Outcome.Accepted paid = rig.accepted(annaLater, new Pay(r, seq, List.of(new Tender(Method.CARD, 2500L))));
    assertThat(paid.sale().total()).isEqualTo(2500);
    assertThat(paid.sale().vat()).containsExactly(new Money.VatShare("8", 2500, 2315, 185));
  }

  @Test
  void late_lines_keep_their_modifiers_and_a_late_increase_only_a_percent_discount() {
    String r = open(anna);
    String pct = line(r, 103, 1000, 3L);
    String amt = line(r, 101, 1000);
    rig.accepted(giver, new SetLineDiscount(pct, Discount.Type.PERCENT, 1000L, "a"));
    rig.accepted(giver, new SetLineDiscount(amt, Discount.Type.AMOUNT, 100L, "b"));
    long seq = rig.get(r).seq();
    rig.accepted(anna, new Pay(r, seq, List.of(new Tender(Method.CASH, 10_000L))));
    String late = id();
    Outcome.Accepted added = rig.accepted(anna, add(r, late, 103, 1000, 2L, 7L));
    String recovery = (String) added.result().get("receiptId");
    assertThat(recovery).isNotEqualTo(r);
    assertThat(lineOf(recovery, late).unitPrice()).isEqualTo(1350);
    Outcome.Accepted more = rig.accepted(anna, new LineCommands.AdjustQuantity(pct, 1000L));
    Outcome.Accepted moreAmt = rig.accepted(anna, new LineCommands.AdjustQuantity(amt, 1000L));
    Line copy = lineOf(recovery, (String) more.result().get("lineId"));
    assertThat(copy.modifiers()).hasSize(1);
    assertThat(copy.discount().kind()).isEqualTo(Discount.Type.PERCENT);
    assertThat(lineOf(recovery, (String) moreAmt.result().get("lineId")).discount()).isNull();
  }

  @Test
  void the_sharing_join_keeps_line_discounts_and_the_shops_receipt_discount() {
    Receipt local = Receipt.builder().id(id()).space("device:1").shopId(Rig.SHOP).slotId("t1").generation(1L)
        .name("Stolik 1").kind(Kind.TABLE).state(State.OPEN)
        .lines(List.of(new Line(id(), 103L, "Latte", 1400, 1000, Vat.V8, null, false,
            List.of(new Modifier(1, 3, "Rozmiar", "Duża", 200)), percent(1000))))
        .discount(new Discount(Discount.Type.AMOUNT, 100, "lokalny")).build();
    Receipt shop = Receipt.builder().id(id()).space("shop:7").shopId(Rig.SHOP).slotId("t1").generation(1L)
        .name("Stolik 1").kind(Kind.TABLE).state(State.OPEN).build();
    List<JoinRules.Step> steps = JoinRules.join(List.of(local), "shop:7", Map.of("t1", shop), Map.of(), Set.of(),
        Rig.NAMES, 5);
    Receipt merged = steps.get(1).receipt();
    assertThat(merged.lines().get(0).modifiers()).hasSize(1);
    assertThat(merged.lines().get(0).discount()).isEqualTo(percent(1000));
    assertThat(merged.discount()).isEqualTo(local.discount());
    Receipt discounted = shop.with(b -> b.discount(percent(500)));
    steps = JoinRules.join(List.of(local), "shop:7", Map.of("t1", discounted), Map.of(), Set.of(), Rig.NAMES, 5);
    assertThat(steps.get(1).receipt().discount()).isEqualTo(percent(500));
    assertThat(steps.get(1).audit()).containsEntry("droppedDiscount", local.discount());
  }
}
