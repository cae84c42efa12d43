package paragon.receipts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a rule decided: the receipts as they are after the command, or a refusal with its reason. */
sealed interface Outcome {

  /**
   * {@code touched}: every receipt the command changed, in full, after the change (none for a no-op);
   * {@code removedLines}: lines that left every receipt by this command (removed, or the receipt
   * deleted); {@code main}: the receipt the ack talks about; {@code result}: facts for the ack;
   * {@code sale}: set when the command paid a receipt; {@code dayClose}: set by a day close;
   * {@code attention}: a payment kept for the manager ({@link OfflineRules}), or null.
   */
  record Accepted(List<Receipt> touched, Set<String> removedLines, String main, Map<String, Object> result,
      Sale sale, boolean dayClose, Part part, AttentionItem attention) implements Outcome {
    public Accepted {
      touched = List.copyOf(touched);
      removedLines = Set.copyOf(removedLines);
      result = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(result));
    }

    Accepted(List<Receipt> touched, Set<String> removedLines, String main, Map<String, Object> result, Sale sale,
        boolean dayClose) {
      this(touched, removedLines, main, result, sale, dayClose, null, null);
    }

    static Accepted of(Receipt r) {
      return new Accepted(List.of(r), Set.of(), r.id(), Map.of(), null, false);
    }

    static Accepted noChange(String main) {
      return new Accepted(List.of(), Set.of(), main, Map.of(), null, false);
    }

    Accepted withResult(Map<String, Object> r) {
      return new Accepted(touched, removedLines, main, r, sale, dayClose, part, attention);
    }
  }

  /**
   * {@code code}: the machine reason (docs/protocol.md, refusal codes); {@code key} and {@code args}: the
   * message (i18n/receipts_*.properties); {@code details}: the facts, e.g. who holds the lease.
   */
  record Refused(String code, String key, List<Object> args, Map<String, Object> details) implements Outcome {
    public Refused {
      args = List.copyOf(args);
      details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
  }

  /** A paid receipt: the sale record the store writes; {@code total} after {@code discount} (grosze off). */
  record Sale(String receiptId, long total, long discount, long tendered, long change, List<Payment> payments,
      List<Money.VatShare> vat, long tip) {
    Sale(String receiptId, long total, long discount, long tendered, long change, List<Payment> payments,
        List<Money.VatShare> vat) {
      this(receiptId, total, discount, tendered, change, payments, vat, 0);
    }
  }

  /**
   * {@code amount} counts towards the total (a cash tender net of its change and its tip);
   * {@code tendered} as handed; {@code tip}: what of it was a tip (not revenue).
   */
  record Payment(PaymentCommands.Method method, long amount, long tendered, long tip) {
    Payment(PaymentCommands.Method method, long amount, long tendered) {
      this(method, amount, tendered, 0);
    }
  }

  /**
   * One part of a split bill paid ({@link BillRules}): {@code number} is the part's (1, 2, ...), its
   * {@code payments} as recorded (their amounts sum to the part's amount), kept in receipt_parts until
   * the last part makes the sale (then {@code sale} is set too).
   */
  record Part(String receiptId, int number, long amount, long tip, List<Payment> payments) {}
}
