package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.testing.TestDatabases;

/**
 * A {@code not_found} refusal names the missing id in {@code details} with the type the command sent
 * it in (docs/protocol.md, "Refusal codes"): numbers for products and users, strings for UUIDs.
 */
class NotFoundDetailsTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void not_found_details_carry_numeric_ids_as_numbers_and_uuids_as_strings(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind)) {
      Terminal marek = f.terminal("marek");
      String receipt = marek.openAdHoc();
      JsonNode product = marek.send("addLine", "receiptId", receipt, "lineId", Terminal.uuid(), "productId", 987654);
      assertThat(product.path("code").asText()).isEqualTo("not_found");
      assertThat(product.path("details").path("productId").isIntegralNumber()).as(product.toString()).isTrue();
      assertThat(product.path("details").path("productId").asLong()).isEqualTo(987654);
      assertThat(product.path("message").asText()).contains("987654");
      JsonNode user = marek.send("reassign", "receiptId", receipt, "userId", 987655);
      assertThat(user.path("code").asText()).isEqualTo("not_found");
      assertThat(user.path("details").path("userId").isIntegralNumber()).as(user.toString()).isTrue();
      assertThat(user.path("details").path("userId").asLong()).isEqualTo(987655);
      String missing = Terminal.uuid();
      JsonNode line = marek.send("removeLine", "lineId", missing);
      assertThat(line.path("details").path("lineId").isTextual()).as(line.toString()).isTrue();
      assertThat(line.path("details").path("lineId").asText()).isEqualTo(missing);
    }
  }
}
