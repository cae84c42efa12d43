package paragon.receipts;

import java.util.List;
import java.util.stream.Stream;

/** Split (move lines), merge, and moving a whole receipt to a table. */
final class MoveCommands {
  private MoveCommands() {}

  /**
   * Moves lines to {@code targetReceiptId}: an open receipt, or with {@code newTarget} a new ad-hoc
   * receipt of that id. A part with a {@code quantity} below the line's moves only that much, as a new
   * line {@code newLineId}.
   */
  record MoveLines(String receiptId, String targetReceiptId, Boolean newTarget, List<Part> lines) implements Command {
    MoveLines {
      receiptId = Command.uuid(receiptId, "receiptId");
      targetReceiptId = Command.uuid(targetReceiptId, "targetReceiptId");
      if (newTarget == null) newTarget = false;
      Command.require(lines, "lines");
      if (lines.isEmpty()) throw new InvalidCommand("lines", "refusal.invalid.empty");
      Command.noNulls(lines, "lines");
    }

    record Part(String lineId, Long quantity, String newLineId) {
      Part {
        lineId = Command.uuid(lineId, "lines.lineId");
        if (newLineId != null) newLineId = Command.uuid(newLineId, "lines.newLineId");
      }
    }

    @Override
    public List<String> receiptRefs() {
      return List.of(receiptId, targetReceiptId);
    }

    @Override
    public List<String> lineRefs() {
      return lines.stream().flatMap(p -> p.newLineId == null ? Stream.of(p.lineId) : Stream.of(p.lineId, p.newLineId))
          .toList();
    }
  }

  record Merge(String receiptId, String targetReceiptId) implements Command {
    Merge {
      receiptId = Command.uuid(receiptId, "receiptId");
      targetReceiptId = Command.uuid(targetReceiptId, "targetReceiptId");
    }

    @Override
    public List<String> receiptRefs() {
      return List.of(receiptId, targetReceiptId);
    }
  }

  /**
   * Moves the whole open receipt {@code receiptId} to the predefined table {@code slotId}: it becomes
   * that table's receipt (docs/protocol.md, moveReceipt). Not a merge: a table that has an open
   * receipt refuses it ({@code occupied}), and the terminal may then ask for a {@code merge}.
   */
  record MoveReceipt(String receiptId, String slotId) implements Command, Command.OnReceipt {
    MoveReceipt {
      receiptId = Command.uuid(receiptId, "receiptId");
      Command.require(slotId, "slotId");
    }
  }
}
