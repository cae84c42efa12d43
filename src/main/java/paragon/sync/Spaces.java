package paragon.sync;

import java.util.ArrayList;
import java.util.List;
import paragon.devices.TerminalSession;

/**
 * Which spaces a terminal's stream follows: every space the device may act on (docs/protocol.md
 * "Spaces and seq"), its current space first. That is its own {@code device:<id>} space, and its
 * shop's {@code shop:<id>} space unless its model can never share: so receipts shared before sharing
 * was turned off stay visible, and locally parked ones stay visible after it was turned on.
 */
final class Spaces {
  private Spaces() {}

  static List<String> of(TerminalSession s) {
    String device = "device:" + s.device().id();
    String shop = "shop:" + s.device().shopId();
    List<String> spaces = new ArrayList<>();
    spaces.add(s.config().sharingEffective() ? shop : device);
    if (!spaces.contains(device)) spaces.add(device);
    if (s.device().model().canShare() && !spaces.contains(shop)) spaces.add(shop);
    return List.copyOf(spaces);
  }
}
