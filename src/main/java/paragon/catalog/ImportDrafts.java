package paragon.catalog;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Uploaded CSV files between preview and confirm, in this node's memory, under a random token that
 * the preview's confirm form carries. A draft belongs to the admin who uploaded it, lives 30 minutes,
 * is used once, and at most {@value #MAX_DRAFTS} are kept (the oldest goes first); each holds at most
 * {@link CatalogCsv#MAX_ROWS} rows of a file of at most 2 MB. A confirm that finds no draft (expired,
 * used, another node after a restart) asks for the file again: nothing was imported, nothing is lost.
 */
final class ImportDrafts {
  static final int MAX_DRAFTS = 50;
  static final Duration TTL = Duration.ofMinutes(30);
  private static final SecureRandom RANDOM = new SecureRandom();

  record Draft(long accountId, long adminId, long createdAt, String fileName, List<CatalogCsv.Row> rows) {}

  private final Clock clock;
  // All state is guarded by this.
  private final LinkedHashMap<String, Draft> drafts = new LinkedHashMap<>();

  ImportDrafts(Clock clock) {
    this.clock = clock;
  }

  synchronized String put(long accountId, long adminId, String fileName, List<CatalogCsv.Row> rows) {
    expire();
    while (drafts.size() >= MAX_DRAFTS) {
      drafts.remove(drafts.keySet().iterator().next());
    }
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    drafts.put(token, new Draft(accountId, adminId, clock.millis(), fileName, List.copyOf(rows)));
    return token;
  }

  /** The admin's draft under {@code token}, or null. */
  synchronized Draft peek(String token, long accountId, long adminId) {
    expire();
    Draft d = token == null ? null : drafts.get(token);
    return d != null && d.accountId() == accountId && d.adminId() == adminId ? d : null;
  }

  /** Takes the draft out (a confirm uses it once). */
  synchronized Draft take(String token, long accountId, long adminId) {
    Draft d = peek(token, accountId, adminId);
    if (d != null) drafts.remove(token);
    return d;
  }

  private void expire() {
    long oldest = clock.millis() - TTL.toMillis();
    for (Iterator<Map.Entry<String, Draft>> i = drafts.entrySet().iterator(); i.hasNext(); ) {
      if (i.next().getValue().createdAt() < oldest) i.remove();
    }
  }
}
