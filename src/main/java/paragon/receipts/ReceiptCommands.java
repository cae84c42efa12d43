package paragon.receipts;

/** Commands on a receipt as a whole: open, rename, delete, note, guests, reassign. */
final class ReceiptCommands {
  private ReceiptCommands() {}

  record OpenAdHoc(String receiptId) implements Command, Command.OnReceipt {
    OpenAdHoc {
      receiptId = Command.uuid(receiptId, "receiptId");
    }
  }

  /** {@code generation} and {@code receiptId} are optional: the server's current generation is used. */
  record OpenTable(String slotId, Long generation, String receiptId) implements Command {
    OpenTable {
      Command.require(slotId, "slotId");
      if (receiptId != null) receiptId = Command.uuid(receiptId, "receiptId");
    }
  }

  record Rename(String receiptId, String name) implements Command, Command.OnReceipt {
    Rename {
      receiptId = Command.uuid(receiptId, "receiptId");
      Command.require(name, "name");
    }
  }

  record Delete(String receiptId) implements Command, Command.OnReceipt {
    Delete {
      receiptId = Command.uuid(receiptId, "receiptId");
    }
  }

  /** A null or blank note clears it. */
  record NoteReceipt(String receiptId, String note) implements Command, Command.OnReceipt {
    NoteReceipt {
      receiptId = Command.uuid(receiptId, "receiptId");
    }
  }

  record SetGuests(String receiptId, Integer guests) implements Command, Command.OnReceipt {
    SetGuests {
      receiptId = Command.uuid(receiptId, "receiptId");
      Command.require(guests, "guests");
    }
  }

  record Reassign(String receiptId, Long userId) implements Command, Command.OnReceipt {
    Reassign {
      receiptId = Command.uuid(receiptId, "receiptId");
      Command.require(userId, "userId");
    }
  }
}
