package paragon.receipts;

import paragon.receipts.Outcome.Refused;

/**
 * A refusal on its way out of a rule: thrown by a check ({@link Guards}, a rule's own helper) so that
 * the rule reads as the checks in order, and caught once, in {@link Rules#apply}, which returns its
 * {@link Refused}. It never leaves {@code Rules.apply}: a refusal is an answer, not an error, so it
 * carries no stack trace.
 */
final class Refusal extends RuntimeException {
  private final transient Refused refused;

  Refusal(Refused refused) {
    super(refused.code(), null, false, false);
    this.refused = refused;
  }

  Refused refused() {
    return refused;
  }
}
