package paragon.devices;

/**
 * One row of the back office's device list. Times are epoch milliseconds, null when it never
 * happened. {@code currentRevision} is the account's, so the page can say whether the device is behind.
 */
record DeviceStatus(
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
    long currentRevision) {

  boolean revoked() {
    return revokedAt != null;
  }

  boolean paired() {
    return pairedAt != null && revokedAt == null;
  }

  boolean behind() {
    return paired() && appliedRevision != null && appliedRevision < currentRevision;
  }

  boolean syncRequested() {
    return paired() && syncRequestedAt != null;
  }
}
