package paragon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import paragon.storage.Database;
import paragon.testing.TestDatabases;
import paragon.web.Json;

/**
 * The wake-ups a node sends the others after its commits (issue 11): off the committing thread, tiny,
 * the highest seq per space, nothing but the space and its seq.
 */
class PgBridgePublishTest {

  @Test
  void every_space_published_reaches_a_listener_with_its_highest_seq_in_a_tiny_payload() throws Exception {
    try (Database db = TestDatabases.open(TestDatabases.Kind.POSTGRES);
        Connection listen = db.dedicatedConnection();
        PgBridge bridge = new PgBridge(db, new Quiet())) {
      try (Statement s = listen.createStatement()) {
        s.execute("LISTEN " + PgBridge.CHANNEL);
      }
      bridge.publish(7, "shop:1", 5);
      bridge.publish(7, "shop:1", 9);
      bridge.publish(7, "shop:1", 8); // late: a lower seq never replaces a higher one still pending
      bridge.publish(7, "shop:2", 3);
      bridge.publish(8, "device:4", 1);
      Map<String, Long> highest = new HashMap<>();
      PGConnection pg = listen.unwrap(PGConnection.class);
      for (int polls = 0; polls < 100 && !(highest.getOrDefault("7/shop:1", 0L) == 9 && highest.size() == 3); polls++) {
        PGNotification[] got = pg.getNotifications(100);
        if (got == null) continue;
        for (PGNotification n : got) {
          assertThat(n.getParameter().length()).as(n.getParameter()).isLessThan(100);
          JsonNode p = Json.MAPPER.readTree(n.getParameter());
          highest.merge(p.path("a").asLong() + "/" + p.path("s").asText(), p.path("q").asLong(), Math::max);
        }
      }
      assertThat(highest).containsExactlyInAnyOrderEntriesOf(Map.of("7/shop:1", 9L, "7/shop:2", 3L, "8/device:4", 1L));
    }
  }

  /** A hub that expects nothing: this test listens by itself. */
  private static final class Quiet implements PgBridge.Wakeable {
    @Override
    public void wake(long accountId, String space) {}

    @Override
    public void wakeAll() {}

    @Override
    public void cutDevice(long accountId, long deviceId) {}

    @Override
    public void cutUser(long accountId, long userId) {}

    @Override
    public void recheckDevice(long accountId, long deviceId) {}

    @Override
    public void cutApiKey(long accountId, long keyId) {}
  }
}
