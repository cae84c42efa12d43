package paragon.receipts;

import java.util.Set;
import org.jdbi.v3.core.Handle;
import paragon.accounts.Permission;
import paragon.configuration.ConfigSnapshot;
import paragon.configuration.DeviceModel;
import paragon.configuration.EffectiveConfig;
import paragon.configuration.Revisions;
import paragon.devices.DeviceStore;
import paragon.devices.TerminalSession;

/**
 * Who sends a command: a paired device of a shop, the cashier logged in on it, and the configuration
 * the device applied (DESIGN rule 5: the server enforces the revision the device works by).
 */
public record Actor(long accountId, long deviceId, long shopId, DeviceModel model, long userId, String userName, long roleId,
    Set<Permission> permissions, EffectiveConfig config) {

  public Actor {
    permissions = Set.copyOf(permissions);
  }

  /** Where this device creates receipts now: its shop when sharing is effective, else itself. */
  public String space() {
    return config.sharingEffective() ? shopSpace(shopId) : deviceSpace(deviceId);
  }

  /**
   * Every space whose receipts this device may act on: its current space, its own device space (what
   * it parked locally before sharing came on), and its shop's space unless its model cannot share (what
   * stays open after sharing or parking was turned off: rule 6). Sync streams the same set.
   */
  public Set<String> reachableSpaces() {
    return !model.canShare()
        ? Set.of(deviceSpace(deviceId))
        : Set.of(deviceSpace(deviceId), shopSpace(shopId));
  }

  public boolean reaches(String space) {
    return reachableSpaces().contains(space);
  }

  /**
   * This actor under the revision its device has applied by now, read in the command's transaction
   * after the device's command cursor is locked: a request authenticated just before an ack (and the
   * join of the device's receipts, which holds that lock) is judged by the new revision, so it cannot
   * park a second local copy of a table the join has just brought into the shop.
   */
  Actor asAppliedNow(Handle h) {
    return asApplied(h, DeviceStore.appliedRevision(h, accountId, deviceId));
  }

  /** {@link #asAppliedNow} from the cursor's lock, which may have read the applied revision already. */
  Actor asAppliedNow(Handle h, CommandLog.Cursor cursor) {
    return cursor.appliedRevision() == null ? asAppliedNow(h) : asApplied(h, cursor.appliedRevision());
  }

  private Actor asApplied(Handle h, long applied) {
    if (applied == config.revision()) return this;
    ConfigSnapshot snapshot = Revisions.snapshot(h, accountId, applied);
    if (snapshot == null) {
      throw new IllegalStateException("device " + deviceId + " applied unknown revision " + applied);
    }
    return new Actor(accountId, deviceId, shopId, model, userId, userName, roleId, permissions,
        EffectiveConfig.of(snapshot, shopId, model));
  }

  public boolean may(Permission p) {
    return permissions.contains(p);
  }

  /** DESIGN rule 2, the same function the stream filters with. */
  public boolean sees(long ownerUserId, long ownerRoleId) {
    return viewer().sees(ownerUserId, ownerRoleId);
  }

  public Viewer viewer() {
    return new Viewer(userId, roleId, permissions, config.visibility());
  }

  /** The actor of a cashier's authenticated call. */
  public static Actor of(TerminalSession s) {
    return new Actor(s.device().accountId(), s.device().id(), s.device().shopId(), s.device().model(),
        s.userId(), s.userName(), s.roleId(),
        s.permissions(), s.config());
  }

  public static String shopSpace(long shopId) {
    return "shop:" + shopId;
  }

  public static String deviceSpace(long deviceId) {
    return "device:" + deviceId;
  }
}
