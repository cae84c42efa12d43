package paragon.catalog;

import org.jdbi.v3.core.Handle;
import paragon.accounts.Accounts;
import paragon.web.I18n;

/** A revision's summary in the account's language (the history the owner reads). */
final class Summaries {
  private Summaries() {}

  static String of(Handle h, long accountId, String key, Object... args) {
    return I18n.of(Accounts.find(h, accountId).language()).t(key, args);
  }
}
