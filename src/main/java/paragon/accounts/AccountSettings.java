package paragon.accounts;

import paragon.configuration.LoginMode;
import paragon.configuration.Visibility;

/**
 * The account-wide parking and login settings a terminal works by (Configuration / Settings).
 * {@code mergeLines}: a tapped product adds to its unsent line of the same price with no note and no
 * modifiers instead of a second line (issue 15; {@code LineRules.add}).
 */
public record AccountSettings(boolean parkingEnabled, Visibility visibility, boolean sharingEnabled, LoginMode loginMode,
                              boolean mergeLines) {

  /** The settings with lines merged (the default of an account). */
  public AccountSettings(boolean parkingEnabled, Visibility visibility, boolean sharingEnabled, LoginMode loginMode) {
    this(parkingEnabled, visibility, sharingEnabled, loginMode, true);
  }

  public static AccountSettings of(Accounts.Account a) {
    return new AccountSettings(a.parkingEnabled(), a.visibility(), a.sharingEnabled(), a.loginMode(), a.mergeLines());
  }

  /** What changed from {@code before}, for the revision's summary; empty when nothing did. */
  String changesFrom(AccountSettings before) {
    StringBuilder b = new StringBuilder();
    if (parkingEnabled != before.parkingEnabled) b.append("parking ").append(parkingEnabled ? "on" : "off").append("; ");
    if (visibility != before.visibility) b.append("visibility ").append(visibility).append("; ");
    if (sharingEnabled != before.sharingEnabled) b.append("sharing ").append(sharingEnabled ? "on" : "off").append("; ");
    if (loginMode != before.loginMode) b.append("login ").append(loginMode).append("; ");
    if (mergeLines != before.mergeLines) b.append("merge lines ").append(mergeLines ? "on" : "off").append("; ");
    return b.isEmpty() ? "" : b.substring(0, b.length() - 2);
  }
}
