package paragon.testing;

import paragon.storage.Database;

/** Counting rows straight from the tables, for tests that check what a request did (or did not) store. */
public final class Rows {
  private Rows() {}

  /**
   * {@code SELECT COUNT(*)} of {@code sqlAfterFrom} ("web_sessions WHERE ..."), binding :a to {@code accountId} when
   * given.
   */
  public static long count(Database db, String sqlAfterFrom, Object... namedArgs) {
    Long n = db.read(h -> {
      var q = h.createQuery("SELECT COUNT(*) FROM " + sqlAfterFrom);
      for (int i = 0; i + 1 < namedArgs.length; i += 2) q.bind((String) namedArgs[i], namedArgs[i + 1]);
      return q.mapTo(Long.class).one();
    });
    return n;
  }

  /** The account's current configuration revision. */
  public static long revision(Database db, long accountId) {
    Long r = db.read(h -> h.createQuery("SELECT revision FROM config_heads WHERE account_id = :a").bind("a", accountId)
        .mapTo(Long.class).one());
    return r;
  }
}
