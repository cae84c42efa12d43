package paragon.parking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.accounts.Accounts;
import paragon.accounts.Shops;
import paragon.configuration.ConfigSnapshot;
import paragon.configuration.DeviceModel;
import paragon.configuration.EffectiveConfig;
import paragon.configuration.Plan;
import paragon.configuration.Revisions;
import paragon.storage.Database;
import paragon.testing.MutableClock;
import paragon.testing.TestDatabases;
import paragon.web.Problem;

class ParkingStoreTest {

  private static List<SlotRules.Valid> names(String... names) {
    return java.util.Arrays.stream(names).map(n -> new SlotRules.Valid(null, n)).toList();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void slot_ids_stay_the_same_across_rename_and_reorder(TestDatabases.Kind kind) {
    try (Database db = TestDatabases.open(kind)) {
      var clock = new MutableClock();
      long account = new Accounts(db, clock).create(new Accounts.NewAccount("B", Plan.MAX, "pl",
          "a@b.pl", "A", "password1")).accountId();
      ParkingStore store = new ParkingStore(db, clock);
      assertThat(store.saveList(account, null, "t",
          names("Stolik 1", "Stolik 2", "Stolik 3"))).isEqualTo(new ParkingStore.Saved(2, true));
      var before = store.read(account).defaults();
      var reordered = List.of(new SlotRules.Valid(before.get(2).id(), "Taras"),
          new SlotRules.Valid(before.get(0).id(), "Stolik 1"),
          new SlotRules.Valid(null, "Bar"));
      assertThat(store.saveList(account, null, "t", reordered).revision()).isEqualTo(3);
      var after = store.read(account).defaults();
      assertThat(after).containsExactly(new ParkingStore.Slot(before.get(2).id(), "Taras"),
          new ParkingStore.Slot(before.get(0).id(), "Stolik 1"), new ParkingStore.Slot(after.get(2).id(), "Bar"));
      assertThat(after.get(2).id()).isNotIn(before.stream().map(ParkingStore.Slot::id).toList());
      var snapshot = db.read(h -> Revisions.snapshot(h, account, 3));
      assertThat(snapshot.defaultSlots()).extracting(ConfigSnapshot.Slot::id).containsExactly(before.get(2).id(),
          before.get(0).id(), after.get(2).id());
      var same = after.stream().map(s -> new SlotRules.Valid(s.id(), s.name())).toList();
      assertThat(store.saveList(account, null, "t", same)).isEqualTo(new ParkingStore.Saved(3, false));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void use_defaults_toggling_never_loses_the_shops_own_list(TestDatabases.Kind kind) {
    try (Database db = TestDatabases.open(kind)) {
      var clock = new MutableClock();
      long account = new Accounts(db, clock).create(new Accounts.NewAccount("B", Plan.MAX, "pl",
          "a@b.pl", "A", "password1")).accountId();
      long shop = new Shops(db, clock).create(account, "t", "Mokotów");
      ParkingStore store = new ParkingStore(db, clock);
      store.saveList(account, null, "t", names("Stolik 1", "Stolik 2"));
      assertThat(store.setUseDefaults(account, shop, "t", false).changed()).isTrue();
      store.saveList(account, shop, "t", names("Bar 1", "Taras 1"));
      long rev = store.setUseDefaults(account, shop, "t", true).revision();
      assertThat(store.setUseDefaults(account, shop, "t", true).changed()).isFalse();
      var effective = EffectiveConfig.of(db.read(h -> Revisions.snapshot(h, account, rev)), shop, DeviceModel.POCKET);
      assertThat(effective.slots()).extracting(ConfigSnapshot.Slot::name).containsExactly("Stolik 1", "Stolik 2");
      long rev2 = store.setUseDefaults(account, shop, "t", false).revision();
      var own = EffectiveConfig.of(db.read(h -> Revisions.snapshot(h, account, rev2)), shop, DeviceModel.POCKET);
      assertThat(own.slots()).extracting(ConfigSnapshot.Slot::name).containsExactly("Bar 1", "Taras 1");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void another_accounts_shop_or_slot_is_not_found_and_nothing_changes(TestDatabases.Kind kind) {
    try (Database db = TestDatabases.open(kind)) {
      var clock = new MutableClock();
      Accounts accounts = new Accounts(db, clock);
      long mine = accounts.create(new Accounts.NewAccount("B", Plan.MAX, "pl", "a@b.pl", "A", "password1")).accountId();
      long theirs = accounts.create(new Accounts.NewAccount("C", Plan.MAX, "pl", "c@b.pl", "C", "password1")).accountId();
      long theirShop = new Shops(db, clock).create(theirs, "t", "Obcy");
      ParkingStore store = new ParkingStore(db, clock);
      store.saveList(theirs, null, "t", names("Ich stolik"));
      String theirSlot = store.read(theirs).defaults().get(0).id();
      assertThatThrownBy(() -> store.saveList(mine, theirShop, "t", names("X"))).isInstanceOfSatisfying(Problem.class,
          p -> assertThat(p.status()).isEqualTo(404));
      assertThatThrownBy(() -> store.setUseDefaults(mine, theirShop, "t", false)).isInstanceOfSatisfying(Problem.class,
          p -> assertThat(p.status()).isEqualTo(404));
      assertThatThrownBy(() -> store.saveList(mine, null, "t", List.of(new SlotRules.Valid(theirSlot, "Mine now"))))
          .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
      assertThat(store.read(theirs).defaults()).containsExactly(new ParkingStore.Slot(theirSlot, "Ich stolik"));
      assertThat(store.read(mine).defaults()).isEmpty();
      assertThat(store.read(mine).revision()).isEqualTo(1);
    }
  }
}
