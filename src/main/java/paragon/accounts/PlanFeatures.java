package paragon.accounts;

import java.util.Arrays;
import java.util.List;
import paragon.configuration.Plan;

/**
 * What each plan enables, as the Settings page shows it to the owner: every feature a plan gates, with
 * whether the account's plan includes it and the lowest plan that does. The gates themselves live where
 * they act ({@link Plan#allowsSharing} for online parking); this list only says them in words.
 */
public final class PlanFeatures {
  private PlanFeatures() {}

  /** {@code key}: the feature's i18n key ({@code plan.feature.<key>}); {@code from}: the lowest plan with it. */
  public record Feature(String key, boolean included, Plan from) {}

  /** Parking (receipts and tables on each terminal) in every plan; online parking (sharing) from Max. */
  private enum Gate {
    PARKING(Plan.START), TABLES(Plan.START), SHARING(Plan.MAX);

    final Plan from;

    Gate(Plan from) {
      this.from = from;
    }
  }

  /** The features of {@code plan}: those it includes first, then those it does not, each in a fixed order. */
  public static List<Feature> of(Plan plan) {
    return Arrays.stream(Gate.values())
        .map(g -> new Feature(g.name().toLowerCase(java.util.Locale.ROOT), includes(plan, g), g.from))
        .sorted(java.util.Comparator.comparing(f -> !f.included()))
        .toList();
  }

  private static boolean includes(Plan plan, Gate gate) {
    return gate == Gate.SHARING ? plan.allowsSharing() : plan.compareTo(gate.from) >= 0;
  }
}
