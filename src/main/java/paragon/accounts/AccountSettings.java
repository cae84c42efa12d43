package paragon.accounts;

import paragon.configuration.LoginMode;
import paragon.configuration.Visibility;

/** The account-wide parking and login settings a terminal works by (Configuration / Settings). */
public record AccountSettings(boolean parkingEnabled, Visibility visibility, boolean sharingEnabled, LoginMode loginMode) {

  public static AccountSettings of(Accounts.Account a) {
    return new AccountSettings(a.parkingEnabled(), a.visibility(), a.sharingEnabled(), a.loginMode());
  }

  /** What changed from {@code before}, for the revision's summary; empty when nothing did. */
  String changesFrom(AccountSettings before) {
    StringBuilder b = new StringBuilder();
    if (parkingEnabled != before.parkingEnabled) b.append("parking ").append(parkingEnabled ? "on" : "off").append("; ");
    if (visibility != before.visibility) b.append("visibility ").append(visibility).append("; ");
    if (sharingEnabled != before.sharingEnabled) b.append("sharing ").append(sharingEnabled ? "on" : "off").append("; ");
    if (loginMode != before.loginMode) b.append("login ").append(loginMode).append("; ");
    return b.isEmpty() ? "" : b.substring(0, b.length() - 2);
  }
}
