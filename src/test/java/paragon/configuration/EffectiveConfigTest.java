package paragon.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import paragon.configuration.EffectiveConfig.SharingBlock;

class EffectiveConfigTest {
  static final List<ConfigSnapshot.Slot> DEFAULTS = List.of(new ConfigSnapshot.Slot("d1", "Stolik 1", 0));
  static final List<ConfigSnapshot.Slot> OWN = List.of(new ConfigSnapshot.Slot("o1", "Bar 1", 0));

  static ConfigSnapshot snapshot(Plan plan, boolean parking, boolean sharing, boolean useDefaults) {
    return new ConfigSnapshot(1, 7, "Bistro", "pl", plan, parking, Visibility.OWN, sharing, LoginMode.PIN, DEFAULTS,
        List.of(new ConfigSnapshot.Shop(10, "Kraków", useDefaults, OWN)), List.of(),
        List.of(new ConfigSnapshot.User(1, "anna", "Anna", 1, false), new ConfigSnapshot.User(2, "olek", "Olek", 1, true)),
        List.of(), List.of(), List.of());
  }

  @Test
  void sharing_is_effective_only_with_parking_setting_plan_max_and_a_capable_model() {
    assertThat(EffectiveConfig.of(snapshot(Plan.MAX, true, true, true),
        10, DeviceModel.SMART_PLUS).sharingEffective()).isTrue();
    assertThat(EffectiveConfig.of(snapshot(Plan.MAX, true, true, true), 10, DeviceModel.POCKET).sharingEffective()).isTrue();
    assertThat(EffectiveConfig.of(snapshot(Plan.MAX, true, true, true), 10, DeviceModel.SMART).sharingBlockedBy())
        .isEqualTo(SharingBlock.MODEL);
    assertThat(EffectiveConfig.of(snapshot(Plan.MAX, true, true, true), 10, DeviceModel.DUET).sharingBlockedBy())
        .isEqualTo(SharingBlock.MODEL);
    assertThat(EffectiveConfig.of(snapshot(Plan.PREMIUM, true, true, true),
        10, DeviceModel.SMART_PLUS).sharingBlockedBy()).isEqualTo(SharingBlock.PLAN);
    assertThat(EffectiveConfig.of(snapshot(Plan.MAX, true, false, true),
        10, DeviceModel.SMART_PLUS).sharingBlockedBy()).isEqualTo(SharingBlock.SETTING_OFF);
    assertThat(EffectiveConfig.of(snapshot(Plan.MAX, false, true, true),
        10, DeviceModel.SMART_PLUS).sharingBlockedBy()).isEqualTo(SharingBlock.PARKING_OFF);
  }

  @Test
  void a_shop_uses_the_default_list_or_its_own() {
    assertThat(EffectiveConfig.of(snapshot(Plan.MAX, true, true, true), 10, DeviceModel.SMART).slots()).isEqualTo(DEFAULTS);
    assertThat(EffectiveConfig.of(snapshot(Plan.MAX, true, true, false), 10, DeviceModel.SMART).slots()).isEqualTo(OWN);
  }

  @Test
  void disabled_users_are_not_offered_to_terminals() {
    assertThat(EffectiveConfig.of(snapshot(Plan.MAX, true, true, true), 10, DeviceModel.SMART).users())
        .extracting(ConfigSnapshot.User::identifier).containsExactly("anna");
  }

  @Test
  void a_terminal_gets_the_products_its_shop_sells_at_the_shops_price() {
    ConfigSnapshot base = snapshot(Plan.MAX, true, true, true);
    ConfigSnapshot.Product tea = new ConfigSnapshot.Product(1, "Herbata", 800, "8", "Napoje", 5L, "HE",
        List.of(), List.of(new ConfigSnapshot.ShopPrice(10, 950L, true), new ConfigSnapshot.ShopPrice(11, null, true)));
    ConfigSnapshot.Product beer = new ConfigSnapshot.Product(2, "Piwo", 1200, "23", "Bar", 6L, null,
        List.of(), List.of(new ConfigSnapshot.ShopPrice(10, null, false)));
    ConfigSnapshot.Product cake = new ConfigSnapshot.Product(3, "Sernik", 1400, "5", "Ciasta");
    ConfigSnapshot s = new ConfigSnapshot(1, 7, "Bistro", "pl", Plan.MAX, true, Visibility.OWN, true,
        LoginMode.PIN, DEFAULTS, base.shops(), List.of(), base.users(), List.of(tea, beer, cake), List.of(), List.of());

    List<ConfigSnapshot.Product> sold = EffectiveConfig.of(s, 10, DeviceModel.SMART).products();

    assertThat(sold).extracting(ConfigSnapshot.Product::name).containsExactly("Herbata", "Sernik");
    assertThat(sold).extracting(ConfigSnapshot.Product::price).containsExactly(950L, 1400L);
    assertThat(tea.priceIn(11)).isEqualTo(800);
    assertThat(beer.availableIn(11)).isTrue();
  }
}
