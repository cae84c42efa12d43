package paragon.devices;

/**
 * Where a device's command numbering stands on the server (the receipts' command log owns it): a
 * terminal that pairs, or pairs again and so keeps the device's log, numbers its next command from here.
 */
@FunctionalInterface
public interface CommandNumbers {
  /** The number the server expects of {@code deviceId}'s next command (1 for a device that never sent one). */
  long next(long accountId, long deviceId);
}
