package paragon.devices;

import org.jdbi.v3.core.Handle;

/**
 * What else happens when a device acknowledges a configuration revision (DESIGN rule 5: from then on
 * the server enforces that revision for it). Called by {@link DeviceStore} INSIDE the ack's
 * transaction, after the revision was checked and before it is recorded, so that the work and the ack
 * commit together or not at all: a failure answers the ack with an error and the device stays on the
 * revision it had. Implemented outside this package (receipts: local receipts join the shop's space
 * when sharing becomes effective), wired in {@code Paragon.create}; devices never imports receipts.
 */
@FunctionalInterface
public interface RevisionApplied {
  /** Nothing else to do (tests and tools that record acks without receipts). */
  RevisionApplied NONE = (h, device, revision) -> () -> {};

  /**
   * Runs in the ack's transaction on {@code h}; answers what to do after the commit (e.g. wake the
   * streams of the spaces it changed). Must be idempotent: the transaction may be retried.
   */
  Runnable applying(Handle h, Device device, long revision);
}
