package paragon.receipts;

import java.util.List;

/** Commands on a receipt as a whole: open, rename, delete, note, guests, reassign. */
final class ReceiptCommands {
  private ReceiptCommands() {}

  record OpenAdHoc(String receiptId) implements Command {
    OpenAdHoc {
      receiptId = Command.uuid(receiptId, "receiptId");
    }

    @Override
    public List<String> receiptRefs() {
      return List.of(receiptId);
    }
  }

  /** {@code generation} and {@code receiptId} are optional: the server's current generation is used. */
  record OpenTable(String slotId, Long generation, String receiptId) implements Command {
    OpenTable {
      Command.require(slotId, "slotId");
      if (receiptId != null) receiptId = Command.uuid(receiptId, "receiptId");
    }
  }

  record Rename(String receiptId, String name) implements Command {
    Rename {
      receiptId = Command.uuid(receiptId, "receiptId");
      Command.require(name, "name");
    }

    @Override
    public List<String> receiptRefs() {
      return List.of(receiptId);
    }
  }

  record Delete(String receiptId) implements Command {
    Delete {
      receiptId = Command.uuid(receiptId, "receiptId");
    }

    @Override
    public List<String> receiptRefs() {
      return List.of(receiptId);
    }
  }

  /** A null or blank note clears it. */
  record NoteReceipt(String receiptId, String note) implements Command {
    NoteReceipt {
      receiptId = Command.uuid(receiptId, "receiptId");
    }

    @Override
    public List<String> receiptRefs() {
      return List.of(receiptId);
    }
  }

  record SetGuests(String receiptId, Integer guests) implements Command {
    SetGuests {
      receiptId = Command.uuid(receiptId, "receiptId");
      Command.require(guests, "guests");
    }

    @Override
    public List<String> receiptRefs() {
      return List.of(receiptId);
    }
  }

  record Reassign(String receiptId, Long userId) implements Command {
    Reassign {
      receiptId = Command.uuid(receiptId, "receiptId");
      Command.require(userId, "userId");
    }

    @Override
    public List<String> receiptRefs() {
      return List.of(receiptId);
    }
  }
}
