package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import paragon.accounts.Permission;
import paragon.configuration.EffectiveConfig.SharingBlock;
import paragon.configuration.Visibility;
import paragon.receipts.LineCommands.AddLine;
import paragon.receipts.LineCommands.AdjustQuantity;
import paragon.receipts.LineCommands.RemoveLine;
import paragon.receipts.PaymentCommands.Method;
import paragon.receipts.PaymentCommands.Pay;
import paragon.receipts.PaymentCommands.Tender;

/** The pure rules, command family by command family, without a database. */
class RulesTest {
  private final Rig rig = new Rig();
  private final Actor anna = Rig.anna(1);
  private final Actor ola = Rig.actor(2, 2, Set.of(), Rig.config(true, true, null, Visibility.ALL));
  private final Actor marek = Rig.marek(3);

  private static String id() {
    return UUID.randomUUID().toString();
  }

  private String open(Actor a) {
    String id = id();
    rig.accepted(a, new ReceiptCommands.OpenAdHoc(id));
    return id;
  }

  private String add(Actor a, String receipt, long product, long quantity) {
    String line = id();
    rig.accepted(a, new AddLine(receipt, line, product, null, null, null, quantity, null));
    return line;
  }

  @Test
  void line_total_rounds_half_up_and_vat_is_split_per_rate() {
    assertThat(Money.lineTotal(1250, 1500)).isEqualTo(1875);
    assertThat(Money.lineTotal(333, 1500)).isEqualTo(500); // 499.5 -> 500
    assertThat(Money.lineTotal(333, 1499)).isEqualTo(499); // 499.167
    List<Line> lines = List.of(new Line("a", null, "x", 1230, 1000, Vat.V23, null, false),
        new Line("b", null, "y", 1080, 1000, Vat.V8, null, false), new Line("c", null, "z", 500, 1000, Vat.ZW, null, false));
    assertThat(Money.vat(lines)).containsExactly(new Money.VatShare("23", 1230, 1000, 230),
        new Money.VatShare("8", 1080, 1000, 80), new Money.VatShare("ZW", 500, 500, 0));
  }

  @Test
  void the_largest_receipt_cannot_overflow() {
    long max = Math.multiplyExact(Limits.MAX_LINES, Money.lineTotal(Limits.MAX_UNIT_PRICE, Limits.MAX_QUANTITY));
    assertThat(max).isEqualTo(50_000_000_000_000L).isLessThan(Long.MAX_VALUE / 1000);
  }

  @Test
  void ad_hoc_receipts_take_the_lowest_free_number_in_the_account_language() {
    String one = open(anna);
    String two = open(ola);
    assertThat(rig.get(one).name()).isEqualTo("Sprzedaż 1");
    assertThat(rig.get(two).name()).isEqualTo("Sprzedaż 2");
    rig.accepted(anna, new ReceiptCommands.Delete(one));
    assertThat(rig.get(open(anna)).name()).isEqualTo("Sprzedaż 1");
    assertThat(rig.get(open(anna)).name()).isEqualTo("Sprzedaż 3");
  }

  @Test
  void with_parking_off_a_device_has_exactly_one_current_receipt() {
    Actor solo = Rig.actor(4, 1, Set.of(), Rig.config(false, false, SharingBlock.PARKING_OFF, Visibility.ALL));
    String only = open(solo);
    assertThat(rig.get(only).space()).isEqualTo("device:4");
    assertThat(rig.refused(solo, new ReceiptCommands.OpenAdHoc(id())).code()).isEqualTo("parking_off");
    assertThat(rig.refused(solo, new ReceiptCommands.OpenTable("t1", null, null)).code()).isEqualTo("parking_off");
  }

  @Test
  void two_terminals_opening_the_same_table_meet_in_one_receipt() {
    Outcome.Accepted first = rig.accepted(anna, new ReceiptCommands.OpenTable("t1", null, null));
    Outcome.Accepted second = rig.accepted(ola, new ReceiptCommands.OpenTable("t1", 1L, null));
    String id = DerivedIds.table("shop:7", "t1", 1);
    assertThat(first.result().get("receiptId")).isEqualTo(id);
    assertThat(second.result().get("receiptId")).isEqualTo(id);
    assertThat(second.touched()).isEmpty();
    assertThat(rig.get(id).name()).isEqualTo("Stolik 1");
    assertThat(rig.refused(anna, new ReceiptCommands.OpenTable("nope", null, null)).code()).isEqualTo("unknown_table");
    assertThat(rig.refused(anna, new ReceiptCommands.Delete(id)).code()).isEqualTo("table_fixed");
  }

  @Test
  void paying_a_table_starts_its_next_generation() {
    String table = (String) rig.accepted(anna, new ReceiptCommands.OpenTable("t1", null, null)).result().get("receiptId");
    add(anna, table, Rig.BEER.id(), 1000);
    rig.accepted(anna, new Pay(table, rig.get(table).seq(), List.of(new Tender(Method.CARD, 1250L))));
    assertThat(rig.get(table).state()).isEqualTo(State.CLOSED);
    assertThat(rig.refused(ola, new ReceiptCommands.OpenTable("t1", 1L, null)).code()).isEqualTo("table_generation");
    Outcome.Accepted next = rig.accepted(ola, new ReceiptCommands.OpenTable("t1", null, null));
    assertThat(next.result().get("receiptId")).isEqualTo(DerivedIds.table("shop:7", "t1", 2)).isNotEqualTo(table);
  }

  @Test
  void quantity_deltas_add_up_and_cannot_go_below_one_thousandth() {
    String r = open(anna);
    String line = add(anna, r, Rig.ESPRESSO.id(), 1000);
    rig.accepted(anna, new AdjustQuantity(line, 1000L));
    rig.accepted(ola, new AdjustQuantity(line, 500L));
    assertThat(rig.get(r).line(line).quantity()).isEqualTo(2500);
    assertThat(rig.get(r).total()).isEqualTo(2250);
    Outcome.Refused low = rig.refused(anna, new AdjustQuantity(line, -2500L));
    assertThat(low.code()).isEqualTo("limit");
    assertThat(low.details()).containsEntry("limit", "quantity");
  }

  @Test
  void a_sent_line_needs_the_void_permission_to_be_removed_or_lowered() {
    String r = open(anna);
    String line = add(anna, r, Rig.BEER.id(), 2000);
    rig.accepted(anna, new LineCommands.MarkSent(r, null));
    assertThat(rig.refused(anna, new RemoveLine(line)).details()).containsEntry("permission", "VOID_LINES");
    assertThat(rig.refused(anna, new AdjustQuantity(line, -1000L)).code()).isEqualTo("permission");
    rig.accepted(anna, new AdjustQuantity(line, 1000L));
    rig.accepted(marek, new RemoveLine(line));
    assertThat(rig.get(r).lines()).isEmpty();
    // Removing a removed line is a no-op, not an error.
    assertThat(rig.accepted(anna, new RemoveLine(line)).touched()).isEmpty();
    String full = open(anna);
    add(anna, full, Rig.ESPRESSO.id(), 1000);
    assertThat(rig.refused(anna, new ReceiptCommands.Delete(full)).details()).containsEntry("permission", "VOID_LINES");
    assertThat(rig.accepted(anna, new ReceiptCommands.Delete(open(anna))).touched()).hasSize(1); // empty: anyone
    assertThat(rig.accepted(marek, new ReceiptCommands.Delete(full)).removedLines()).hasSize(1);
  }

  @Test
  void changing_a_price_and_reassigning_need_their_permissions() {
    String r = open(anna);
    String line = add(anna, r, Rig.BEER.id(), 1000);
    assertThat(rig.refused(anna, new LineCommands.ChangePrice(line, 1000L)).details())
        .containsEntry("permission", "CHANGE_PRICES");
    rig.accepted(marek, new LineCommands.ChangePrice(line, 1000L));
    assertThat(rig.get(r).total()).isEqualTo(1000);
    assertThat(rig.refused(anna, new ReceiptCommands.Reassign(r, 2L)).code()).isEqualTo("permission");
    rig.accepted(marek, new ReceiptCommands.Reassign(r, 2L));
    assertThat(rig.get(r).ownerUserId()).isEqualTo(2);
  }

  @Test
  void a_lease_blocks_other_devices_until_it_expires_or_is_broken() {
    String r = open(anna);
    add(anna, r, Rig.BEER.id(), 1000);
    rig.accepted(anna, new PaymentCommands.StartPayment(r));
    assertThat(rig.get(r).state()).isEqualTo(State.PAYING);
    Outcome.Refused blocked = rig.refused(ola, new AddLine(r, id(), Rig.BEER.id(), null, null, null, 1000L, null));
    assertThat(blocked.code()).isEqualTo("leased");
    assertThat(blocked.details()).containsEntry("userName", "Anna").containsEntry("deviceId", 1L);
    add(anna, r, Rig.ESPRESSO.id(), 1000); // the holder's own device may still edit
    assertThat(rig.refused(ola, new PaymentCommands.BreakLease(r)).code()).isEqualTo("permission");
    rig.now += Context.LEASE_MILLIS + 1;
    add(ola, r, Rig.ESPRESSO.id(), 1000); // expired: free
    rig.accepted(anna, new PaymentCommands.StartPayment(r));
    rig.accepted(marek, new PaymentCommands.BreakLease(r));
    assertThat(rig.get(r).state()).isEqualTo(State.OPEN);
    assertThat(rig.get(r).lease()).isNull();
  }

  @Test
  void pay_with_a_stale_seq_is_refused_and_change_comes_from_cash_only() {
    String r = open(anna);
    add(anna, r, Rig.BEER.id(), 2000); // 25,00
    long seen = rig.get(r).seq();
    add(ola, r, Rig.ESPRESSO.id(), 1000); // 34,00 now
    assertThat(rig.refused(anna, new Pay(r, seen, List.of(new Tender(Method.CASH, 5000L)))).code()).isEqualTo("stale");
    long now = rig.get(r).seq();
    rig.accepted(anna, new ReceiptCommands.NoteReceipt(r, "okno")); // a note does not change what is charged
    assertThat(rig.refused(anna, new Pay(r, now, List.of(new Tender(Method.CARD, 5000L)))).code()).isEqualTo("overpaid");
    assertThat(rig.refused(anna, new Pay(r, now, List.of(new Tender(Method.CARD, 3000L)))).code()).isEqualTo("underpaid");
    Outcome.Accepted paid = rig.accepted(anna,
        new Pay(r, now, List.of(new Tender(Method.CARD, 2000L), new Tender(Method.CASH, 5000L))));
    assertThat(paid.sale().total()).isEqualTo(3400);
    assertThat(paid.sale().change()).isEqualTo(3600);
    assertThat(paid.sale().payments()).extracting(Outcome.Payment::amount).containsExactly(2000L, 1400L);
    assertThat(rig.get(r).state()).isEqualTo(State.CLOSED);
  }

  @Test
  void lines_for_a_receipt_paid_meanwhile_are_recovered_into_an_attention_receipt() {
    String r = open(anna);
    String line = add(anna, r, Rig.BEER.id(), 1000);
    rig.accepted(anna, new ReceiptCommands.Rename(r, "Taras"));
    rig.accepted(anna, new Pay(r, rig.get(r).seq(), List.of(new Tender(Method.CASH, 1250L))));
    Outcome.Accepted late = rig.accepted(ola, new AddLine(r, id(), Rig.ESPRESSO.id(), null, null, null, 1000L, null));
    String recovery = (String) late.result().get("receiptId");
    assertThat(recovery).isEqualTo(DerivedIds.recovery(r));
    assertThat(rig.get(recovery).name()).isEqualTo("Taras (odzyskany)");
    assertThat(rig.get(recovery).attention()).isTrue();
    assertThat(rig.get(recovery).recoveredFrom()).isEqualTo(r);
    // A late +1 on a paid line is recovered as a new line there too; a late -1 is refused.
    rig.accepted(anna, new AdjustQuantity(line, 1000L));
    assertThat(rig.get(recovery).lines()).hasSize(2);
    assertThat(rig.get(recovery).total()).isEqualTo(900 + 1250);
    assertThat(rig.refused(anna, new AdjustQuantity(line, -1000L)).code()).isEqualTo("closed");
  }

  @Test
  void limits_are_refused_naming_the_limit() {
    String r = open(anna);
    assertThat(rig.refused(anna, new AddLine(r, id(), null, "", 100L, "23", 1000L, null)).details())
        .containsEntry("limit", "name");
    assertThat(rig.refused(anna, new AddLine(r, id(), null, "Tort", Limits.MAX_UNIT_PRICE + 1, "23", 1000L, null))
        .details()).containsEntry("limit", "unit_price");
    assertThat(rig.refused(anna, new AddLine(r, id(), null, "Tort", 100L, "23", Limits.MAX_QUANTITY + 1, null))
        .details()).containsEntry("limit", "quantity");
    assertThat(rig.refused(anna, new AddLine(r, id(), null, "Tort", 100L, "7", 1000L, null)).code()).isEqualTo("invalid");
    assertThat(rig.refused(anna, new ReceiptCommands.SetGuests(r, 1000)).details()).containsEntry("limit", "guests");
    assertThat(rig.refused(anna, new ReceiptCommands.NoteReceipt(r, "x".repeat(201))).details())
        .containsEntry("limit", "note");
    for (int i = 0; i < Limits.MAX_LINES; i++) {
      rig.accepted(anna, new AddLine(r, id(), null, "Pozycja " + i, 100L, "23", 1000L, null));
    }
    Outcome.Refused full = rig.refused(anna, new AddLine(r, id(), Rig.BEER.id(), null, null, null, 1000L, null));
    assertThat(full.details()).containsEntry("limit", "lines").containsEntry("max", 500L);
  }

  @Test
  void split_moves_whole_lines_or_part_of_a_quantity_and_merge_empties_the_source() {
    String r = open(anna);
    String beer = add(anna, r, Rig.BEER.id(), 3000);
    String coffee = add(anna, r, Rig.ESPRESSO.id(), 1000);
    String split = id();
    String part = id();
    rig.accepted(anna, new MoveCommands.MoveLines(r, split, true,
        List.of(new MoveCommands.MoveLines.Part(beer, 1000L, part), new MoveCommands.MoveLines.Part(coffee, null, null))));
    assertThat(rig.get(r).lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(2000));
    assertThat(rig.get(split).lines()).extracting(Line::id).containsExactly(part, coffee);
    assertThat(rig.get(split).name()).isEqualTo("Sprzedaż 2");
    rig.accepted(anna, new MoveCommands.Merge(split, r));
    assertThat(rig.get(split).state()).isEqualTo(State.DELETED);
    assertThat(rig.get(r).lines()).hasSize(3);
    assertThat(rig.get(r).total()).isEqualTo(3750 + 900);
    assertThat(rig.refused(anna, new MoveCommands.Merge(r, r)).code()).isEqualTo("same_receipt");
  }

  @Test
  void visibility_own_hides_other_users_receipts_from_commands() {
    Actor own1 = Rig.actor(1, 1, Set.of(), Rig.config(true, true, null, Visibility.OWN));
    Actor own2 = Rig.actor(2, 2, Set.of(), Rig.config(true, true, null, Visibility.OWN));
    Actor boss = Rig.actor(3, 3, Set.of(Permission.SEE_ALL_RECEIPTS), Rig.config(true, true, null, Visibility.OWN));
    String r = open(own1);
    assertThat(rig.refused(own2, new ReceiptCommands.Rename(r, "Moje")).code()).isEqualTo("not_visible");
    rig.accepted(boss, new ReceiptCommands.Rename(r, "Szefa"));
  }

  @Test
  void a_receipt_one_may_not_see_is_refused_without_telling_its_name() {
    Actor own1 = Rig.actor(1, 1, Set.of(), Rig.config(true, true, null, Visibility.OWN));
    Actor own2 = Rig.actor(2, 2, Set.of(), Rig.config(true, true, null, Visibility.OWN));
    String r = open(own1);
    rig.accepted(own1, new ReceiptCommands.Rename(r, "Pan Kowalski"));
    Outcome.Refused refused = rig.refused(own2, new ReceiptCommands.Rename(r, "Moje"));
    assertThat(refused.code()).isEqualTo("not_visible");
    assertThat(refused.args()).isEmpty();
    assertThat(refused.details()).containsOnlyKeys("receiptId");
  }

  @Test
  void a_model_that_cannot_share_reaches_only_its_own_space() {
    Actor smart = Rig.actor(9, 1, Set.of(), Rig.config(true, true, SharingBlock.MODEL, Visibility.ALL));
    String shared = open(anna);
    String local = open(smart);
    assertThat(rig.get(local).space()).isEqualTo("device:9");
    assertThat(rig.refused(smart, new ReceiptCommands.Rename(shared, "X")).code()).isEqualTo("not_found");
    // Sharing turned off for everyone: the shop's open receipts stay reachable.
    Actor off = Rig.actor(1, 1, Set.of(), Rig.config(true, false, SharingBlock.SETTING_OFF, Visibility.ALL));
    assertThat(off.space()).isEqualTo("device:1");
    rig.accepted(off, new ReceiptCommands.Rename(shared, "Po zmianie"));
    // ... but never for a model that cannot share, whatever else blocks sharing first.
    Actor smartOff = new Actor(1, 9, Rig.SHOP, paragon.configuration.DeviceModel.SMART, 1, "Anna", 10, Set.of(),
        Rig.config(true, false, SharingBlock.SETTING_OFF, Visibility.ALL));
    assertThat(smartOff.reachableSpaces()).containsExactly("device:9");
    assertThat(rig.refused(smartOff, new ReceiptCommands.Rename(shared, "X")).code()).isEqualTo("not_found");
  }
}
