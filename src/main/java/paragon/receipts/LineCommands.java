package paragon.receipts;

import java.util.List;

/** Commands on lines. Except for addLine and markSent, a line is named by its id alone: the server
 * finds the receipt that holds it now, so a line moved by another terminal is still found. */
final class LineCommands {
  private LineCommands() {}

  /**
   * A catalog product ({@code productId}, with the option ids of its {@code modifiers}) or a free item
   * ({@code name}, {@code unitPrice}, {@code vat}; no modifiers).
   */
  record AddLine(String receiptId, String lineId, Long productId, String name, Long unitPrice, String vat,
      Long quantity, String note, List<Long> modifiers) implements Command, Command.OnLine, Command.OnReceipt {
    AddLine {
      receiptId = Command.uuid(receiptId, "receiptId");
      lineId = Command.uuid(lineId, "lineId");
      if (productId == null) {
        Command.require(name, "name");
        Command.require(unitPrice, "unitPrice");
        Command.require(vat, "vat");
      }
      if (quantity == null) quantity = 1000L;
      modifiers = modifiers == null ? List.of() : modifiers;
      Command.noNulls(modifiers, "modifiers");
      modifiers = List.copyOf(modifiers);
      if (productId == null && !modifiers.isEmpty()) {
        throw new InvalidCommand("modifiers", "refusal.invalid.modifiers_free");
      }
      if (modifiers.stream().distinct().count() < modifiers.size()) {
        throw new InvalidCommand("modifiers", "refusal.invalid.repeated_option");
      }
    }

    /** A line without modifiers (the shape before issue 10). */
    AddLine(String receiptId, String lineId, Long productId, String name, Long unitPrice, String vat, Long quantity,
        String note) {
      this(receiptId, lineId, productId, name, unitPrice, vat, quantity, note, List.of());
    }
  }

  record AdjustQuantity(String lineId, Long delta) implements Command, Command.OnLine {
    AdjustQuantity {
      lineId = Command.uuid(lineId, "lineId");
      Command.require(delta, "delta");
      if (delta == 0) throw new InvalidCommand("delta", "refusal.invalid.zero");
    }
  }

  record RemoveLine(String lineId) implements Command, Command.OnLine {
    RemoveLine {
      lineId = Command.uuid(lineId, "lineId");
    }
  }

  /** {@code lineIds} null: every line of the receipt. */
  record MarkSent(String receiptId, List<String> lineIds) implements Command, Command.OnReceipt {
    MarkSent {
      receiptId = Command.uuid(receiptId, "receiptId");
      if (lineIds != null) lineIds = lineIds.stream().map(id -> Command.uuid(id, "lineIds")).toList();
    }
  }

  record ChangePrice(String lineId, Long unitPrice) implements Command, Command.OnLine {
    ChangePrice {
      lineId = Command.uuid(lineId, "lineId");
      Command.require(unitPrice, "unitPrice");
    }
  }

  record NoteLine(String lineId, String note) implements Command, Command.OnLine {
    NoteLine {
      lineId = Command.uuid(lineId, "lineId");
    }
  }
}
