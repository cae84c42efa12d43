package paragon.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.DeviceModel;
import paragon.testing.TestDatabases;

/** The device API's bodies: text the database cannot store, and numbers beyond a long, are a 400 naming the field. */
class DeviceInputTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_nul_in_a_login_or_pairing_field_and_a_revision_beyond_a_long_are_refused_naming_the_field(
      TestDatabases.Kind kind) {
    try (World w = new World(kind)) {
      String token = w.pairedDevice(w.shopA, DeviceModel.SMART_PLUS);
      var login = w.http.postBody("/api/device/login", "application/json",
          "{\"identifier\": \"an\\u0000na\", \"pin\": \"1234\"}", World.bearer(token));
      assertThat(login.status()).as(login.body()).isEqualTo(400);
      assertThat(login.json().get("field").asText()).isEqualTo("identifier");
      var pair = w.http.postBody("/api/device/pair", "application/json", "{\"code\": \"ABCD\\ud800EFG\"}", Map.of());
      assertThat(pair.status()).as(pair.body()).isEqualTo(400);
      assertThat(pair.json().get("field").asText()).isEqualTo("code");
      // 2^64 + 1 would be read as revision 1.
      var ack = w.http.postBody("/api/device/ack", "application/json", "{\"revision\": 18446744073709551617}",
          World.bearer(token));
      assertThat(ack.status()).as(ack.body()).isEqualTo(400);
      assertThat(ack.json().get("field").asText()).isEqualTo("revision");
    }
  }
}
