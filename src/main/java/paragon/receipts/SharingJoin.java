package paragon.receipts;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import paragon.configuration.ConfigSnapshot;
import paragon.configuration.EffectiveConfig;
import paragon.configuration.Revisions;
import paragon.devices.Device;
import paragon.devices.RevisionApplied;
import paragon.web.Json;

/**
 * When a device acknowledges a revision under which sharing is effective for it, its open local
 * receipts join its shop's space ({@link JoinRules}), in the ack's own transaction: the ack and the
 * join commit together or not at all, so no receipt is ever half moved, and a device whose join failed
 * is still on its old revision (it keeps parking locally and cannot open a second copy of a shop's
 * table in the shop). Exactly once: what joined is no longer open in the device's space, so a second
 * ack finds nothing to do.
 *
 * <p>Steps: 1. the revision's effective configuration for the device; nothing to do unless sharing is
 * effective; 2. lock the device's command cursor (its commands wait for the join, and the join sees
 * every command it committed); nothing to do when the device's space has nothing open; else lock
 * both spaces, in name order as commands do ("device:" before "shop:"); 3. load the device space's
 * open receipts and, for their tables, the shop's current generation and open receipt; 4. apply the
 * pure rule; 5. write each step with the next seq of its space: the receipt, its change row (a DELETED
 * row tells the device space's streams to drop it), its audit entry; 6. after commit, wake the streams
 * of both spaces.
 */
public final class SharingJoin implements RevisionApplied {
  private static final Runnable NOTHING = () -> {};

  private final Feed feed;
  private final Clock clock;

  public SharingJoin(Feed feed, Clock clock) {
    this.feed = feed;
    this.clock = clock;
  }

  @Override
  public Runnable applying(Handle h, Device device, long revision) {
    long account = device.accountId();
    ConfigSnapshot snapshot = Revisions.snapshot(h, account, revision);
    if (snapshot == null) throw new IllegalStateException("revision " + revision + " has no snapshot");
    EffectiveConfig config = EffectiveConfig.of(snapshot, device.shopId(), device.model());
    if (!config.sharingEffective()) return NOTHING;
    String local = Actor.deviceSpace(device.id());
    String shop = Actor.shopSpace(device.shopId());
    long lastCommand = CommandLog.lock(h, account, device.id());
    // Only the device's own commands create receipts in its space, and they wait for the cursor lock
    // held now: an empty space stays empty, so the common ack takes no space lock at all.
    if (ReceiptStore.openIn(h, account, local).isEmpty()) return NOTHING;
    ChangeWriter.lock(h, account, local);
    ChangeWriter.lock(h, account, shop);
    List<Receipt> open = ReceiptStore.openIn(h, account, local).stream()
        .map(id -> ReceiptStore.load(h, account, id)).toList();
    Map<String, Long> generations = new HashMap<>();
    Map<String, Receipt> shopTables = new HashMap<>();
    for (Receipt r : open) {
      if (r.slotId() == null) continue;
      long generation = ReceiptStore.generation(h, account, shop, r.slotId());
      generations.put(r.slotId(), generation);
      Receipt table = ReceiptStore.load(h, account, DerivedIds.table(shop, r.slotId(), generation));
      if (table != null && table.isOpen()) shopTables.put(r.slotId(), table);
    }
    long now = clock.millis();
    Names names = I18nNames.of(config.language());
    List<JoinRules.Step> steps = JoinRules.join(open, shop, shopTables, generations,
        namesInUse(h, account, shop, config, names), names, now);
    Map<String, Long> committed = new TreeMap<>();
    for (JoinRules.Step step : steps) {
      Receipt r = step.receipt();
      long seq = ChangeWriter.next(h, account, r.space());
      Receipt saved = r.withSeqs(seq, seq);
      if (!step.rowOnly()) ReceiptStore.save(h, account, saved);
      if (saved.slotId() != null && !saved.isOpen()) {
        ReceiptStore.endGeneration(h, account, saved.space(), saved.slotId(), saved.generation());
      }
      ChangeWriter.write(h, account, saved.view(seq, seq), null, now);
      if (step.audit() != null) {
        Audit.writeByDevice(h, account, device.id(), device.name(), lastCommand, "join",
            Json.write(step.audit()), saved.id(), seq, now);
      }
      committed.merge(saved.space(), seq, Math::max);
    }
    return () -> committed.forEach((space, seq) -> feed.committed(account, space, seq));
  }

  /** What a new number must not be called: the shop's open receipts' names and the list's tables. */
  private static Set<String> namesInUse(Handle h, long account, String shop, EffectiveConfig config,
      Names words) {
    Set<String> names = new HashSet<>(ReceiptStore.namesInUse(h, account, shop, words));
    config.slots().forEach(slot -> names.add(slot.name()));
    return names;
  }
}
