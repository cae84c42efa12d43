package paragon.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.DeviceModel;
import paragon.testing.TestDatabases;

/** The ack's hook runs in the ack's transaction: both commit, or neither does. */
class RevisionAppliedTest {

  private static long applied(World w, Device d) {
    return w.app.db.read(h -> DeviceStore.appliedRevision(h, w.account, d.id()));
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_failing_hook_leaves_the_device_on_its_old_revision_and_undoes_what_the_hook_wrote(TestDatabases.Kind kind) {
    try (World w = new World(kind)) {
      Device device = w.store.byToken(w.pairedDevice(w.shopA, DeviceModel.SMART_PLUS));
      long before = device.appliedRevision();
      long next = w.change(h -> h.createUpdate("UPDATE accounts SET plan = 'PREMIUM' WHERE id = :a")
          .bind("a", w.account).execute());
      List<String> ran = new ArrayList<>();
      assertThatThrownBy(() -> w.store.ack(device, next, (h, d, revision) -> {
        h.createUpdate("UPDATE devices SET name = 'half done' WHERE id = :d").bind("d", d.id()).execute();
        throw new IllegalStateException("join failed");
      })).hasMessageContaining("join failed");
      assertThat(applied(w, device)).isEqualTo(before);
      String name = w.app.db.read(h -> h.createQuery("SELECT name FROM devices WHERE id = :d").bind("d", device.id())
          .mapTo(String.class).one());
      assertThat(name).as("what the hook wrote is undone").isEqualTo(device.name());

      w.store.ack(device, next, (h, d, revision) -> {
        ran.add("in transaction at " + revision);
        return () -> ran.add("after commit, applied " + applied(w, device));
      });
      assertThat(ran).containsExactly("in transaction at " + next, "after commit, applied " + next);
    }
  }
}
