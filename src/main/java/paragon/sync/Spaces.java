package paragon.sync;

import java.util.ArrayList;
import java.util.List;
import paragon.devices.TerminalSession;
import paragon.receipts.Actor;

/**
 * Which spaces a terminal's stream follows: every space the device may act on
 * ({@link Actor#reachableSpaces}, docs/protocol.md "Spaces and seq"), its current space first, so the
 * stream shows exactly the receipts the commands let it touch.
 */
final class Spaces {
  private Spaces() {}

  static List<String> of(TerminalSession s) {
    Actor actor = Actor.of(s);
    List<String> spaces = new ArrayList<>();
    spaces.add(actor.space());
    actor.reachableSpaces().stream().sorted().filter(space -> !spaces.contains(space)).forEach(spaces::add);
    return List.copyOf(spaces);
  }
}
