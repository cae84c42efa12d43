package paragon.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import paragon.web.Json;

/**
 * The stream's server-to-terminal frames, one JSON object per WebSocket text message, each with a
 * {@code type}. docs/protocol.md "Stream" lists them with examples; {@code FramesTest} keeps the two
 * in step. A change frame ({@code receipt}, {@code delta}, {@code occupied}, {@code gone}) carries its {@code space}
 * and {@code seq}: after processing it the terminal's cursor for that space is {@code seq}.
 */
final class Frames {
  static final ObjectMapper JSON = Json.MAPPER;

  private Frames() {}

  /** First frame of every stream: who the server filters for and what follows for each space. */
  static String welcome(String viewer, List<String> spaces, Map<String, String> resume, long heartbeatSeconds) {
    ObjectNode n = JSON.createObjectNode().put("type", "welcome").put("viewer", viewer);
    ArrayNode list = n.putArray("spaces");
    spaces.forEach(list::add);
    ObjectNode modes = n.putObject("resume");
    resume.forEach(modes::put);
    n.put("heartbeatSeconds", heartbeatSeconds);
    return n.toString();
  }

  /**
   * The open receipts of a space at {@code seq}, already filtered: {@code receipts} the viewer sees in
   * full, {@code occupied} the tables they may not see, {@code generations} the current generation of
   * every table ever paid in the space (others are at 1). Replaces everything the terminal held for the
   * space. {@code by}: the terminal's device's last command number, every change of which it holds
   * (null: none).
   */
  static String snapshot(String space, long seq, Long by, List<String> fullPayloads, List<Sight.Occupied> occupied,
      Map<String, Long> generations) {
    StringBuilder b = new StringBuilder(256 + fullPayloads.stream().mapToInt(String::length).sum());
    b.append("{\"type\":\"snapshot\",\"space\":").append(quote(space)).append(",\"seq\":").append(seq)
        .append(by(by)).append(",\"receipts\":[");
    for (int i = 0; i < fullPayloads.size(); i++) b.append(i == 0 ? "" : ",").append(fullPayloads.get(i));
    b.append("],\"occupied\":[");
    for (int i = 0; i < occupied.size(); i++) b.append(i == 0 ? "" : ",").append(stub(occupied.get(i)));
    ObjectNode g = JSON.createObjectNode();
    generations.forEach(g::put);
    return b.append("],\"generations\":").append(g).append('}').toString();
  }

  /*
   * Change frames. {@code by}: set only in the frame for the device whose command {@code by} this
   * change completes in its space; with it, every command of that device up to {@code by} is in the
   * terminal's copy of the space (null for every other terminal).
   */

  static String receipt(String space, long seq, Long by, String payload) {
    return "{\"type\":\"receipt\",\"space\":" + quote(space) + ",\"seq\":" + seq + by(by) + ",\"receipt\":"
        + payload + "}";
  }

  /**
   * Change {@code seq} as a delta of receipt {@code id} onto its change {@code prev}; {@code delta}
   * the encoded {@code ReceiptDelta} ({"prev", "receipt", "lines", "removed"}), spliced in as it is.
   */
  static String delta(String space, long seq, Long by, String id, String delta) {
    return "{\"type\":\"delta\",\"space\":" + quote(space) + ",\"seq\":" + seq + by(by) + ",\"id\":" + quote(id)
        + "," + delta.substring(1);
  }

  static String occupied(String space, long seq, Long by, Sight.Occupied o) {
    return "{\"type\":\"occupied\",\"space\":" + quote(space) + ",\"seq\":" + seq + by(by) + ",\"receipt\":"
        + stub(o) + "}";
  }

  static String gone(String space, long seq, Long by, String receiptId) {
    ObjectNode n = JSON.createObjectNode().put("type", "gone").put("space", space).put("seq", seq);
    if (by != null) n.putObject("by").put("n", by);
    return n.put("id", receiptId).toString();
  }

  private static String by(Long n) {
    return n == null ? "" : ",\"by\":{\"n\":" + n + "}";
  }

  /** {@code cursors}: per space, the last seq queued for this terminal before the heartbeat. */
  static String heartbeat(Map<String, Long> cursors, long serverTime) {
    ObjectNode n = JSON.createObjectNode().put("type", "heartbeat");
    ObjectNode c = n.putObject("cursors");
    cursors.forEach(c::put);
    n.put("time", serverTime);
    return n.toString();
  }

  private static String stub(Sight.Occupied o) {
    return JSON.createObjectNode().put("id", o.id()).put("slotId", o.slotId()).put("name", o.name())
        .put("kind", o.kind().name()).put("state", o.state().name()).put("occupied", true).toString();
  }

  private static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
