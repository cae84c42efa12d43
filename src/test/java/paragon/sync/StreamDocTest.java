package paragon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import paragon.receipts.Viewer;

/**
 * docs/protocol.md "Stream" cannot drift: its examples parse as the code reads them, every frame and close code is
 * listed.
 */
class StreamDocTest {
  private static String section() throws IOException {
    String doc = Files.readString(Path.of("docs/protocol.md"));
    int start = doc.indexOf("\n## Stream");
    assertThat(start).as("docs/protocol.md has a Stream section").isPositive();
    int end = doc.indexOf("\n## ", start + 5);
    return end < 0 ? doc.substring(start) : doc.substring(start, end);
  }

  @Test
  void the_hello_example_is_a_hello_the_server_accepts() throws IOException {
    String s = section();
    int i = s.indexOf("{\"type\": \"hello\"");
    Hello hello = Hello.parse(s.substring(i, s.indexOf('\n', i)));
    assertThat(hello.deviceToken()).isNotBlank();
    assertThat(hello.cursors()).containsEntry("shop:3", 118L);
  }

  @Test
  void every_frame_example_parses_and_every_frame_type_is_in_the_table() throws IOException {
    String s = section();
    Set<String> shown = new HashSet<>();
    for (String line : s.split("\n")) {
      if (!line.startsWith("{\"type\": ")) continue;
      JsonNode frame = Frames.JSON.readTree(line);
      shown.add(frame.path("type").asText());
    }
    Set<String> frames = Set.of("welcome", "snapshot", "receipt", "delta", "occupied", "gone", "heartbeat");
    assertThat(shown).containsAll(frames);
    for (String type : frames) assertThat(s).contains("| `" + type + "` |");
    // The receipt example is a ReceiptView the code can read.
    int i = s.indexOf("{\"type\": \"receipt\"");
    JsonNode receipt = Frames.JSON.readTree(s.substring(i, s.indexOf('\n', i))).path("receipt");
    assertThat(Frames.JSON.treeToValue(receipt, paragon.receipts.ReceiptView.class).total()).isEqualTo(1800);
  }

  /** The documented frames with {@code by} are what the code builds for the device of that command. */
  @Test
  void the_own_command_examples_are_the_real_frames() throws IOException {
    String s = section();
    int i = s.indexOf("{\"type\": \"receipt\", \"space\": \"shop:3\", \"seq\": 119, \"by\"");
    assertThat(i).as("a receipt frame with by").isPositive();
    JsonNode doc = Frames.JSON.readTree(s.substring(i, s.indexOf('\n', i)));
    paragon.receipts.ReceiptView view = Frames.JSON.treeToValue(doc.path("receipt"), paragon.receipts.ReceiptView.class);
    FramedChange row = new FramedChange("shop:3", 119, view, 12L, 57L);
    Viewer anyone = new Viewer(7, 2, Set.of(), paragon.configuration.Visibility.ALL);
    // The envelope as documented; the receipt as the code encodes that view.
    com.fasterxml.jackson.databind.node.ObjectNode expected = doc.deepCopy();
    expected.set("receipt", Frames.JSON.readTree(FramedChange.json(view)));
    assertThat(Frames.JSON.readTree(row.frameFor(anyone, 12))).isEqualTo(expected);
    JsonNode other = Frames.JSON.readTree(row.frameFor(anyone, 13));
    expected.remove("by");
    assertThat(other).isEqualTo(expected);

    int j = s.indexOf("{\"type\": \"snapshot\", \"space\": \"shop:3\", \"seq\": 119, \"by\"");
    assertThat(j).as("a snapshot frame with by").isPositive();
    JsonNode snapshot = Frames.JSON.readTree(s.substring(j, s.indexOf('\n', j)));
    assertThat(Frames.JSON.readTree(Frames.snapshot("shop:3", 119, 57L, java.util.List.of(), java.util.List.of(),
        java.util.Map.of()))).isEqualTo(snapshot);
  }

  /**
   * The documented delta is the frame the code builds from that change, and applied to the documented
   * receipt frame (its {@code prev}) it gives a receipt whose amounts are the ones the delta states.
   */
  @Test
  void the_delta_example_is_the_real_frame_and_applies_onto_the_receipt_example() throws IOException {
    String s = section();
    int i = s.indexOf("{\"type\": \"delta\"");
    assertThat(i).as("a delta frame").isPositive();
    JsonNode doc = Frames.JSON.readTree(s.substring(i, s.indexOf('\n', i)));
    com.fasterxml.jackson.databind.node.ObjectNode change = doc.deepCopy();
    change.remove(java.util.List.of("type", "space", "seq", "id"));
    paragon.receipts.ReceiptDelta delta = Frames.JSON.treeToValue(change, paragon.receipts.ReceiptDelta.class);
    FramedChange row = new FramedChange("shop:3", 122, delta, null, null);
    Viewer anyone = new Viewer(7, 2, Set.of(), paragon.configuration.Visibility.ALL);
    assertThat(Frames.JSON.readTree(row.frameFor(anyone, 13))).isEqualTo(doc);

    int r = s.indexOf("{\"type\": \"receipt\", \"space\": \"shop:3\", \"seq\": " + doc.path("prev").asLong() + ",");
    assertThat(r).as("the receipt frame of the delta's prev").isPositive();
    paragon.receipts.ReceiptView before = Frames.JSON.treeToValue(
        Frames.JSON.readTree(s.substring(r, s.indexOf('\n', r))).path("receipt"), paragon.receipts.ReceiptView.class);
    paragon.receipts.ReceiptView after = delta.applyTo(before);
    JsonNode header = doc.path("receipt");
    JsonNode whole = Frames.JSON.readTree(FramedChange.json(after));
    header.fieldNames().forEachRemaining(field -> assertThat(whole.path(field)).as(field).isEqualTo(header.path(field)));
    assertThat(whole.path("lines")).isEqualTo(doc.path("lines"));
  }

  @Test
  void every_close_code_is_in_the_table() throws IOException, IllegalAccessException {
    String s = section();
    for (Field f : CloseCodes.class.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers()) || f.getType() != int.class) continue;
      f.setAccessible(true);
      assertThat(s).as(f.getName()).contains("| `" + f.getInt(null) + "` |");
    }
  }

  @Test
  void the_documented_defaults_are_the_real_ones() throws IOException {
    String s = section();
    assertThat(s).contains("Every " + StreamSettings.DEFAULTS.heartbeat().toSeconds() + " s");
    assertThat(s).contains(String.format("%,d frames", StreamSettings.DEFAULTS.queueCapacity()));
    assertThat(s).contains(String.format("more than %,d changes behind", StreamSettings.DEFAULTS.replayLimit()));
    assertThat(s).contains("more than " + StreamSettings.DEFAULTS.writeTimeout().toSeconds() + " s");
    assertThat(s).contains("within " + StreamSettings.DEFAULTS.helloTimeout().toSeconds() + " seconds");
  }
}
