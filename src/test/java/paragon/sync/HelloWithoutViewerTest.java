package paragon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.Visibility;
import paragon.testing.StreamClient;
import paragon.testing.TestDatabases;

/**
 * docs/protocol.md, "Connect and say hello": cursors are trusted only together with the viewer they
 * were filtered for. A hello with cursors but no {@code viewer} gets a snapshot of every space; the same
 * cursors with the viewer get the changes after them.
 */
class HelloWithoutViewerTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void cursors_without_a_viewer_are_answered_with_snapshots(TestDatabases.Kind kind) {
    try (Floor f = new Floor(kind, Visibility.OWN)) {
      Terminal anna = f.terminal("anna");
      StreamClient.View held;
      try (StreamClient first = f.connect(anna)) {
        first.awaitFrame(fr -> fr.path("type").asText().equals("heartbeat"), WAIT);
        held = first.view();
      }
      StreamClient.View noViewer = new StreamClient.View();
      noViewer.cursors.putAll(held.cursors);
      assertThat(noViewer.cursors).containsKey("shop:" + f.shop);
      try (StreamClient again = f.connect(anna, noViewer)) {
        JsonNode welcome = again.awaitFrame(fr -> fr.path("type").asText().equals("welcome"), WAIT);
        welcome.path("spaces").forEach(space ->
            assertThat(welcome.path("resume").path(space.asText()).asText()).as(space.asText()).isEqualTo("snapshot"));
      }
      StreamClient.View withViewer = new StreamClient.View();
      withViewer.cursors.putAll(held.cursors);
      withViewer.viewer = held.viewer;
      try (StreamClient again = f.connect(anna, withViewer)) {
        JsonNode welcome = again.awaitFrame(fr -> fr.path("type").asText().equals("welcome"), WAIT);
        assertThat(welcome.path("resume").path("shop:" + f.shop).asText()).isEqualTo("changes");
      }
    }
  }
}
