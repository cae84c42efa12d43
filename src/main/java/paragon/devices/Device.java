package paragon.devices;

import paragon.configuration.DeviceModel;

/**
 * A paired, not revoked terminal as an authenticated call sees it. {@code appliedRevision} is the
 * configuration revision the device works by: the one it last acknowledged, or, before its first
 * acknowledgement, the revision that was current when it was paired.
 */
public record Device(long id, long accountId, long shopId, String name, DeviceModel model, long appliedRevision) {}
