package paragon.devices;

import java.time.Clock;
import java.time.Duration;
import paragon.storage.Database;

/**
 * The configuration-sync gauges (docs/operations.md, "Metrics"): paired terminals in use (a kitchen
 * display has no configuration to apply) whose applied
 * revision is behind their account's current one, and those among them that have been behind for a
 * day (the oldest revision they lack was recorded more than a day ago). One aggregate over every
 * account, for the operator, run at each scrape; it reads the configuration's tables too
 * (docs/tables.md names the exception).
 */
public final class BehindDevices {
  private static final Duration DAY = Duration.ofDays(1);

  private final Database db;
  private final Clock clock;

  public BehindDevices(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Devices behind their account's current revision, or behind for longer than a day when {@code day}. */
  public long count(boolean day) {
    long since = day ? clock.millis() - DAY.toMillis() : Long.MAX_VALUE;
    return db.read(h -> h.createQuery("""
            SELECT COUNT(*) FROM devices d JOIN config_heads c ON c.account_id = d.account_id
            WHERE d.token_hash IS NOT NULL AND d.revoked_at IS NULL AND d.archived_at IS NULL
              AND d.model <> 'KITCHEN_DISPLAY' AND d.applied_revision < c.revision
              AND (SELECT MIN(r.created_at) FROM config_revisions r
                   WHERE r.account_id = d.account_id AND r.revision > d.applied_revision) < :since""")
        .bind("since", since).mapTo(Long.class).one());
  }
}
