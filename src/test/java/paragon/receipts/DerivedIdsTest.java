package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class DerivedIdsTest {

  @Test
  void uuid5_matches_the_rfc_4122_reference_vector() {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
    UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    assertThat(DerivedIds.uuid5(dns, "python.org")).hasToString("886313e1-3b8a-5372-9b90-0c9aee199e5d");
  }

  @Test
  void table_id_is_derived_from_space_slot_and_generation() {
    // Python: uuid.uuid5(uuid.UUID("6f1c2e0a-3d4b-5c6d-8e7f-9a0b1c2d3e4f"), "shop:3/slot-a/1")
    assertThat(DerivedIds.table("shop:3", "slot-a", 1)).isEqualTo("30fe37e1-e2d3-56f4-8daa-df10f3f46473");
    assertThat(DerivedIds.table("shop:3", "slot-a", 2)).isNotEqualTo(DerivedIds.table("shop:3", "slot-a", 1));
    assertThat(DerivedIds.table("device:3", "slot-a", 1)).isNotEqualTo(DerivedIds.table("shop:3", "slot-a", 1));
  }

  @Test
  void only_uuid_strings_are_ids() {
    assertThat(DerivedIds.isUuid(UUID.randomUUID().toString())).isTrue();
    assertThat(DerivedIds.isUuid("table-1")).isFalse();
    assertThat(DerivedIds.isUuid(null)).isFalse();
  }
}
