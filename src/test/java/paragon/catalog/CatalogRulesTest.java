package paragon.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import paragon.web.FieldErrors;

class CatalogRulesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "12,50|1250", "12.50|1250", "12|1200", "12,5|1250", "0|0", "0,01|1", " 7,00 zł |700", "1 200,00|120000",
      "-2,00|-200", "+3|300", "1000000,00|100000000", "9 PLN|900"})
  void money_accepts_a_decimal_comma_or_point(String typed, long grosze) {
    assertThat(CatalogRules.money(typed)).isEqualTo(grosze);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"abc", "12,505", "12,", ",50", "1.200,00", "12 50", "1e3", "--1", "1234567890"})
  void money_refuses_anything_else(String typed) {
    assertThat(CatalogRules.money(typed)).isNull();
  }

  @Test
  void a_price_is_zero_to_a_million_zloty_and_a_delta_may_be_negative() {
    FieldErrors e = new FieldErrors();
    assertThat(CatalogRules.price("1000000,01", "price", e)).isNull();
    assertThat(e.all().get("price").key()).isEqualTo("catalog.price.invalid");
    e = new FieldErrors();
    assertThat(CatalogRules.price("-1", "price", e)).isNull();
    assertThat(CatalogRules.price("", "p2", e)).isNull();
    assertThat(e.all().get("p2").key()).isEqualTo("catalog.price.required");
    e = new FieldErrors();
    assertThat(CatalogRules.delta("-1,50", "d", e)).isEqualTo(-150);
    assertThat(CatalogRules.delta("", "d", e)).isZero();
    assertThat(e.isEmpty()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"23,23", "8,8", "5,5", "0,0", "ZW,ZW", "zw,ZW", "23%,23", "' 8 %',8"})
  void vat_rates_are_the_polish_ones(String typed, String rate) {
    assertThat(CatalogRules.vat(typed, "vat", new FieldErrors())).isEqualTo(rate);
  }

  @Test
  void other_vat_rates_codes_and_names_are_refused_on_their_field() {
    FieldErrors e = new FieldErrors();
    CatalogRules.vat("7", "vat", e);
    CatalogRules.code("AB-1", "code", e);
    CatalogRules.name("x".repeat(61), "name", CatalogRules.NAME_MAX, "catalog.name.length", e);
    CatalogRules.position("-1", "position", e);
    assertThat(e.all().keySet()).containsExactlyInAnyOrder("vat", "code", "name", "position");
    FieldErrors ok = new FieldErrors();
    assertThat(CatalogRules.code(" esp1 ", "code", ok)).isEqualTo("esp1");
    assertThat(CatalogRules.code("  ", "code", ok)).isNull();
    assertThat(CatalogRules.name(" Żurek ", "name", 60, "k", ok)).isEqualTo("Żurek");
    assertThat(ok.isEmpty()).isTrue();
  }

  @Test
  void the_worst_a_group_can_do_is_its_most_negative_allowed_choices() {
    assertThat(ModifierRules.worstDelta(1, List.of(200L, -100L, -300L))).isEqualTo(-300);
    assertThat(ModifierRules.worstDelta(0, List.of(200L, -100L, -300L))).isEqualTo(-400);
    assertThat(ModifierRules.worstDelta(2, List.of(0L, 50L))).isZero();
    assertThat(ModifierRules.lowestPrice(1000, java.util.Arrays.asList(null, 700L), List.of(-300L, -500L)))
        .isEqualTo(-100);
  }

  @Test
  void a_group_needs_a_name_options_and_a_sensible_choice_count() {
    FieldErrors e = new FieldErrors();
    var valid = ModifierRules.validate(new ModifierRules.Draft("Rozmiar", "1", "1", List.of(
        new ModifierRules.OptionDraft("", "Mały", "0", false),
        new ModifierRules.OptionDraft("", "Duży", "2,00", false),
        new ModifierRules.OptionDraft("", "", "", false))), e);
    assertThat(e.isEmpty()).isTrue();
    assertThat(valid.options()).extracting(ModifierRules.ValidOption::delta).containsExactly(0L, 200L);

    FieldErrors bad = new FieldErrors();
    assertThat(ModifierRules.validate(new ModifierRules.Draft("", "3", "2", List.of(
        new ModifierRules.OptionDraft("", "Mały", "x", false),
        new ModifierRules.OptionDraft("", "mały", "1", false))), bad)).isNull();
    assertThat(bad.all().keySet()).contains("name", "options[0].delta", "options[1].name", "min");
    assertThat(bad.all().get("options[1].name").key()).isEqualTo("catalog.option.duplicate");

    FieldErrors none = new FieldErrors();
    ModifierRules.validate(new ModifierRules.Draft("Extras", "0", "0", List.of()), none);
    assertThat(none.all().get("options").key()).isEqualTo("catalog.options.none");
  }

  @Test
  void a_product_draft_is_checked_field_by_field_and_keeps_shops_and_groups() {
    FieldErrors e = new FieldErrors();
    var d = new ProductRules.Draft("Latte", "15,00", "8", "3", "LAT", true, "",
        List.of(new ProductRules.ShopDraft(7, "16,50", true), new ProductRules.ShopDraft(8, "", false)),
        List.of("4", "5", "4"));
    var v = ProductRules.validate(d, e);
    assertThat(e.isEmpty()).isTrue();
    assertThat(v.price()).isEqualTo(1500);
    assertThat(v.position()).isNull();
    assertThat(v.groups()).containsExactly(4L, 5L);
    assertThat(v.shops()).containsExactly(new ProductRules.ShopPrice(7, 1650L, true),
        new ProductRules.ShopPrice(8, null, false));

    FieldErrors bad = new FieldErrors();
    ProductRules.validate(new ProductRules.Draft(" ", "abc", "7", "", "toolongcode1", true, "x",
        List.of(new ProductRules.ShopDraft(7, "-1", true)), List.of("g")), bad);
    assertThat(bad.all().keySet()).containsExactlyInAnyOrder("name", "price", "vat", "categoryId", "code",
        "position", "shop.7.price", "groups");
  }
}
