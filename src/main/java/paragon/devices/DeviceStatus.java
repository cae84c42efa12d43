package paragon.devices;

import paragon.configuration.DeviceModel;

/**
 * One row of the back office's device list. Times are epoch milliseconds, null when it never
 * happened. {@code currentRevision} is the account's, so the page can say whether the device is behind.
 */
public record DeviceStatus(
    long id,
    String name,
    DeviceModel model,
    long shopId,
    String shopName,
    Long pairedAt,
    Long revokedAt,
    Long pairingExpiresAt,
    Long appliedRevision,
    Long lastContactAt,
    Long syncRequestedAt,
    long currentRevision,
    Long archivedAt) {

  /** Archived: revoked for good and hidden from the list by default; its sales still name it. */
  public boolean archived() {
    return archivedAt != null;
  }

  public boolean revoked() {
    return revokedAt != null;
  }

  public boolean paired() {
    return pairedAt != null && revokedAt == null;
  }

  /**
   * A terminal applies the account's configuration; a kitchen display has none to apply (it shows the
   * kitchen board only), so it is never behind and has no revision or sync to show.
   */
  public boolean syncs() {
    return model.sells();
  }

  public boolean behind() {
    return syncs() && paired() && appliedRevision != null && appliedRevision < currentRevision;
  }

  /** Registered, not paired yet, and its code still valid at {@code now}. */
  public boolean codeValid(long now) {
    return pairedAt == null && revokedAt == null && pairingExpiresAt != null && pairingExpiresAt > now;
  }

  public boolean syncRequested() {
    return syncs() && paired() && syncRequestedAt != null;
  }
}
