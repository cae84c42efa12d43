package paragon.receipts;

import java.util.List;

/** Commands on lines. Except for addLine and markSent, a line is named by its id alone: the server
 * finds the receipt that holds it now, so a line moved by another terminal is still found. */
final class LineCommands {
  private LineCommands() {}

  /** The courses a line may carry (1 starters, 2 mains, 3 desserts ...). */
  static final int MAX_COURSE = 9;
  /** The seats a line may carry. */
  static final int MAX_SEAT = 99;

  /**
   * A catalog product ({@code productId}, with the option ids of its {@code modifiers}) or a free item
   * ({@code name}, {@code unitPrice}, {@code vat}; no modifiers). {@code course} null: the product's
   * category's default course (none for a free item); {@code seat} null: none.
   */
  record AddLine(String receiptId, String lineId, Long productId, String name, Long unitPrice, String vat,
      Long quantity, String note, List<Long> modifiers, Integer course, Integer seat)
      implements Command, Command.OnLine, Command.OnReceipt {
    AddLine {
      checkCourse(course, "course");
      checkSeat(seat, "seat");
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

    /** A line without course or seat (the shape before issue 12). */
    AddLine(String receiptId, String lineId, Long productId, String name, Long unitPrice, String vat, Long quantity,
        String note, List<Long> modifiers) {
      this(receiptId, lineId, productId, name, unitPrice, vat, quantity, note, modifiers, null, null);
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

  /**
   * Sends lines to the kitchen. {@code lineIds} null: every line of the receipt. {@code upToCourse}
   * (issue 12) null: no filter; N: only the lines of course N or lower and those without a course, so
   * "Hold" is sending with the first course as the bound, and "Fire course N" is sending up to N.
   */
  record MarkSent(String receiptId, List<String> lineIds, Integer upToCourse) implements Command, Command.OnReceipt {
    MarkSent {
      receiptId = Command.uuid(receiptId, "receiptId");
      if (lineIds != null) lineIds = lineIds.stream().map(id -> Command.uuid(id, "lineIds")).toList();
      checkCourse(upToCourse, "upToCourse");
    }

    MarkSent(String receiptId, List<String> lineIds) {
      this(receiptId, lineIds, null);
    }
  }

  /** The course of a line; null: none. */
  record SetLineCourse(String lineId, Integer course) implements Command, Command.OnLine {
    SetLineCourse {
      lineId = Command.uuid(lineId, "lineId");
      checkCourse(course, "course");
    }
  }

  /** The seat of a line; null: none. */
  record SetLineSeat(String lineId, Integer seat) implements Command, Command.OnLine {
    SetLineSeat {
      lineId = Command.uuid(lineId, "lineId");
      checkSeat(seat, "seat");
    }
  }

  private static void checkCourse(Integer course, String field) {
    if (course != null && (course < 1 || course > MAX_COURSE)) {
      throw new Command.InvalidCommand(field, "refusal.invalid.course");
    }
  }

  private static void checkSeat(Integer seat, String field) {
    if (seat != null && (seat < 1 || seat > MAX_SEAT)) throw new Command.InvalidCommand(field, "refusal.invalid.seat");
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
