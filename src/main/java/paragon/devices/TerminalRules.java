package paragon.devices;

import java.util.List;
import java.util.Map;

/**
 * The rules the server enforces that a terminal also checks before it sends (the limits, by name as
 * in a {@code limit} refusal) or offers (the tender methods, and which of them may exceed the amount
 * due and give change). Served inside the device configuration so the terminal never restates them;
 * built by the receipts package, which owns them ({@code receipts.ServedRules}), and handed in by
 * {@code Paragon.create} (this package sits below receipts).
 */
public record TerminalRules(Map<String, Long> limits, List<Tender> payments) {

  public TerminalRules {
    limits = Map.copyOf(limits);
    payments = List.copyOf(payments);
  }

  /** A tender method; {@code change}: may exceed what is due, the excess given back as change. */
  public record Tender(String method, boolean change) {}
}
