package paragon.catalog;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import paragon.configuration.Revisions;
import paragon.storage.Events;

/** A catalog save's configuration revision and its {@code catalog.changed} event, in the save's transaction. */
final class CatalogRevision {
  private CatalogRevision() {}

  static long record(Handle h, long accountId, String author, String summary, Clock clock) {
    long revision = Revisions.record(h, accountId, author, summary, clock);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("revision", revision);
    data.put("summary", summary);
    Events.emit(h, accountId, null, "catalog.changed", data, clock.millis());
    return revision;
  }
}
