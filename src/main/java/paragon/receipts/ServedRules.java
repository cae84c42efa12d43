package paragon.receipts;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import paragon.devices.TerminalRules;

/** The receipt rules a terminal is told in its configuration (docs/protocol.md "Configuration"). */
public final class ServedRules {
  private ServedRules() {}

  /** The tender methods by name, in the order a terminal offers them (the back office filters by them). */
  public static final List<String> METHODS =
      Arrays.stream(PaymentCommands.Method.values()).map(Enum::name).toList();

  public static TerminalRules of() {
    Map<String, Long> limits = new LinkedHashMap<>();
    for (Limits.Name n : Limits.Name.values()) limits.put(n.key(), n.max);
    return new TerminalRules(limits, Arrays.stream(PaymentCommands.Method.values())
        .map(m -> new TerminalRules.Tender(m.name(), m.givesChange())).toList());
  }
}
