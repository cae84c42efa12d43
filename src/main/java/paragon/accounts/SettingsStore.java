package paragon.accounts;

import java.time.Clock;
import java.util.List;
import paragon.configuration.DeviceModel;
import paragon.configuration.Plan;
import paragon.configuration.Revisions;
import paragon.storage.Database;

/**
 * Saves the account's settings and plan. A save that changes something records exactly one
 * configuration revision in its own transaction; a save that changes nothing records none.
 */
public final class SettingsStore {
  private final Database db;
  private final Clock clock;

  public SettingsStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The outcome of a save: the account's revision after it, and whether the save made it. */
  public record Saved(long revision, boolean changed) {}

  /**
   * A device that parks locally although sharing is on, because its model cannot share (the devices
   * package lists them: {@code DeviceStore.localOnly}).
   */
  public record LocalOnlyDevice(long id, String name, DeviceModel model, String shopName) {}

  public Saved save(long accountId, String author, AccountSettings settings) {
    return db.inTransaction(h -> {
      Accounts.Account before = Accounts.find(h, accountId);
      String changes = settings.changesFrom(AccountSettings.of(before));
      if (changes.isEmpty()) return new Saved(before.revision(), false);
      h.createUpdate("""
              UPDATE accounts SET parking_enabled = :p, visibility = :v, sharing_enabled = :s, login_mode = :m,
              merge_lines = :ml WHERE id = :a""")
          .bind("p", settings.parkingEnabled()).bind("v", settings.visibility().name())
          .bind("s", settings.sharingEnabled()).bind("m", settings.loginMode().name()).bind("ml", settings.mergeLines())
          .bind("a", accountId)
          .execute();
      return new Saved(Revisions.record(h, accountId, author, "settings: " + changes, clock), true);
    });
  }

  public Saved savePlan(long accountId, String author, Plan plan) {
    return db.inTransaction(h -> {
      Accounts.Account before = Accounts.find(h, accountId);
      if (before.plan() == plan) return new Saved(before.revision(), false);
      h.createUpdate("UPDATE accounts SET plan = :p WHERE id = :a").bind("p", plan.name()).bind("a", accountId).execute();
      return new Saved(Revisions.record(h, accountId, author, "plan: " + before.plan() + " -> " + plan, clock), true);
    });
  }

  /**
   * The business's name and NIP as the Settings page's "Business" card saves them (checked as at
   * setup: the name first, then the NIP, the error at its field, nothing saved on one). A new name is
   * a revision (terminals and receipts show it); the NIP alone is not, as no terminal applies it.
   */
  public Saved saveBusiness(long accountId, String author, String rawName, String rawNip) {
    String name = AccountRules.name(rawName);
    String nip = AccountRules.nip(rawNip);
    return db.inTransaction(h -> {
      Accounts.Account before = Accounts.find(h, accountId);
      boolean renamed = !name.equals(before.name());
      if (!renamed && java.util.Objects.equals(nip, before.nip())) return new Saved(before.revision(), false);
      h.createUpdate("UPDATE accounts SET name = :n, nip = :nip WHERE id = :a")
          .bind("n", name).bind("nip", nip).bind("a", accountId).execute();
      long revision = renamed
          ? Revisions.record(h, accountId, author, "business renamed: " + before.name() + " -> " + name, clock)
          : before.revision();
      return new Saved(revision, true);
    });
  }
}
