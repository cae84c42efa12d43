package paragon.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.DeviceModel;
import paragon.configuration.LoginMode;
import paragon.configuration.Plan;
import paragon.configuration.Visibility;
import paragon.demo.Seed;
import paragon.parking.ParkingStore;
import paragon.testing.TestDatabases;

/** What a device is served: its shop's list, and sharing gated by setting, plan and model. */
class DeviceConfigTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_shop_uses_the_defaults_or_its_own_list_and_toggling_keeps_the_own_list(TestDatabases.Kind kind) {
    try (World w = new World(kind)) {
      String a = w.pairedDevice(w.shopA, DeviceModel.SMART_PLUS);
      String b = w.pairedDevice(w.shopB, DeviceModel.SMART_PLUS);
      assertThat(slots(config(w, a))).containsExactly("Stolik 1", "Stolik 2", "Stolik 3");
      assertThat(slots(config(w, b))).containsExactly("Bar 1");
      String barId = config(w, b).at("/config/slots/0/id").asText();

      ParkingStore parking = new ParkingStore(w.app.db, w.app.clock);
      long before = revision(w, b);
      assertThat(parking.setUseDefaults(w.account, w.shopB, "test", true).revision()).isEqualTo(before + 1);
      assertThat(revision(w, b)).as("exactly one revision per save").isEqualTo(before + 1);
      assertThat(parking.setUseDefaults(w.account, w.shopB, "test", true).changed()).isFalse();
      assertThat(revision(w, b)).as("a save that changes nothing makes no revision").isEqualTo(before + 1);
      assertThat(slots(config(w, b))).containsExactly("Stolik 1", "Stolik 2", "Stolik 3");

      parking.setUseDefaults(w.account, w.shopB, "test", false);
      JsonNode back = config(w, b);
      assertThat(slots(back)).containsExactly("Bar 1");
      assertThat(back.at("/config/slots/0/id").asText()).as("the own list and its ids survive").isEqualTo(barId);
      assertThat(revision(w, b)).isEqualTo(before + 2);
      assertThat(slots(config(w, a))).containsExactly("Stolik 1", "Stolik 2", "Stolik 3");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void sharing_is_effective_only_with_parking_setting_plan_max_and_a_capable_model(TestDatabases.Kind kind) {
    try (World w = new World(kind)) {
      String smartPlus = w.pairedDevice(w.shopA, DeviceModel.SMART_PLUS);
      String pocket = w.pairedDevice(w.shopA, DeviceModel.POCKET);
      String smart = w.pairedDevice(w.shopA, DeviceModel.SMART);
      String duet = w.pairedDevice(w.shopB, DeviceModel.DUET);
      assertThat(blocked(w, smartPlus)).isEqualTo("null");
      assertThat(blocked(w, pocket)).isEqualTo("null");
      assertThat(blocked(w, smart)).isEqualTo("MODEL");
      assertThat(blocked(w, duet)).isEqualTo("MODEL");

      w.change(h -> Seed.plan(h, w.account, Plan.PREMIUM));
      assertThat(blocked(w, smartPlus)).isEqualTo("PLAN");
      assertThat(config(w, smartPlus).at("/config/sharingEnabled").asBoolean()).isTrue();
      w.change(h -> Seed.settings(h, w.account, true, Visibility.ALL, false, LoginMode.PIN));
      assertThat(blocked(w, pocket)).isEqualTo("SETTING_OFF");
      w.change(h -> Seed.settings(h, w.account, false, Visibility.ALL, true, LoginMode.PIN));
      assertThat(blocked(w, pocket)).isEqualTo("PARKING_OFF");
      w.change(h -> {
        Seed.settings(h, w.account, true, Visibility.ALL, true, LoginMode.PIN);
        Seed.plan(h, w.account, Plan.MAX);
      });
      assertThat(blocked(w, pocket)).isEqualTo("null");
      assertThat(config(w, pocket).at("/config/sharingEffective").asBoolean()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_server_enforces_the_applied_revision_until_the_device_acknowledges(TestDatabases.Kind kind) {
    try (World w = new World(kind); DeviceAuth auth = new DeviceAuth(w.app.db, w.app.clock, w.cutoffs)) {
      String token = w.pairedDevice(w.shopA, DeviceModel.SMART_PLUS);
      long two = w.change(h -> Seed.plan(h, w.account, Plan.START));
      assertThat(auth.appliedConfig(auth.authenticate(token)).sharingEffective()).as("still revision 1").isTrue();
      w.http.postJson("/api/device/ack", Map.of("revision", two), World.bearer(token));
      var applied = auth.appliedConfig(auth.authenticate(token));
      assertThat(applied.revision()).isEqualTo(two);
      assertThat(applied.sharingEffective()).isFalse();
      assertThat(applied.sharingBlockedBy()).hasToString("PLAN");
    }
  }

  private static JsonNode config(World w, String token) {
    var r = w.http.get("/api/device/config", World.bearer(token));
    assertThat(r.status()).isEqualTo(200);
    return r.json();
  }

  private static long revision(World w, String token) {
    return w.http.get("/api/device/heartbeat", World.bearer(token)).json().get("revision").asLong();
  }

  private static String blocked(World w, String token) {
    return config(w, token).at("/config/sharingBlockedBy").asText();
  }

  private static List<String> slots(JsonNode config) {
    return DeviceApiTest.names(config.at("/config/slots"));
  }
}
