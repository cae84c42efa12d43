package paragon.devices;

import io.javalin.http.Context;
import java.time.Clock;
import paragon.accounts.Cutoffs;
import paragon.configuration.ConfigSnapshot;
import paragon.configuration.EffectiveConfig;
import paragon.storage.Database;
import paragon.web.Lang;
import paragon.web.Problem;

/**
 * Authenticates a terminal by its device token, for every feature that serves devices (the device API,
 * receipt commands, the WebSocket stream). One instance per application, made in {@code Paragon.create}.
 *
 * <ul>
 *   <li>{@link #authenticate(String)}: the raw token (e.g. from a WebSocket's first message or query)
 *       -> the {@link Device}, or a 401 {@code device_unknown} {@link Problem} for an unknown, replaced or
 *       revoked token. Revocation applies at once: every call reads the device row.</li>
 *   <li>{@link #require(Context)}: the same from {@code Authorization: Bearer <device token>}; also
 *       makes the account's language the default of the answer.</li>
 *   <li>{@link #appliedConfig(Device)}: the {@link EffectiveConfig} of the revision the device applied,
 *       which is what the server must enforce for it (DESIGN rule 5).</li>
 * </ul>
 * Each authenticated call records the device's last contact (at most every few seconds, see
 * {@link DeviceStore#CONTACT_RESOLUTION_MS}).
 */
public final class DeviceAuth {
  private final Database db;
  private final DeviceStore store;
  private final Snapshots snapshots = new Snapshots();
  private final Cutoffs cutoffs;

  public DeviceAuth(Database db, Clock clock, Cutoffs cutoffs) {
    this.db = db;
    this.cutoffs = cutoffs;
    this.store = new DeviceStore(db, clock, cutoffs);
  }

  public Device authenticate(String deviceToken) {
    Device device = store.byToken(deviceToken);
    if (device == null) throw Problem.of(401, "device_unknown", "devices.error.token");
    return device;
  }

  public Device require(Context ctx) {
    Device device = authenticate(bearerToken(ctx));
    Lang.preferAskedOrAccount(ctx, snapshot(device).language());
    return device;
  }

  /** The configuration the device works by: its applied revision, its shop, its model. */
  public EffectiveConfig appliedConfig(Device device) {
    return EffectiveConfig.of(snapshot(device), device.shopId(), device.model());
  }

  /** The token of {@code Authorization: Bearer <token>}, or null. */
  public static String bearerToken(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
    String token = header.substring(7).strip();
    return token.isEmpty() ? null : token;
  }

  ConfigSnapshot snapshot(Device device) {
    return db.read(h -> snapshots.get(h, device.accountId(), device.appliedRevision()));
  }

  /** The devices' store (the back office's settings page lists the devices that cannot share from it). */
  public DeviceStore store() {
    return store;
  }

  Snapshots snapshots() {
    return snapshots;
  }

  Cutoffs cutoffs() {
    return cutoffs;
  }
}
