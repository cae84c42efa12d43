package paragon.onboarding;

import java.time.Clock;
import paragon.accounts.Accounts;
import paragon.storage.Database;

/**
 * A self-hosted first run: Paragon started on a database without any account (and without
 * {@code --demo}) issues a one-time setup code, and start-up prints and logs the address that opens
 * the setup page with it. Every such start issues a new code and voids the unused older one, so the
 * address to use is always the one printed last (docs/operations.md, "First start").
 */
public final class FirstRun {
  private FirstRun() {}

  /** What a first run prints: the setup address, and how many older codes became void. */
  public record Setup(String url, int voided) {}

  /** The setup address to open, or null when the database holds an account already (no code is made). */
  public static Setup prepare(Database db, Clock clock, String baseUrl) {
    if (new Accounts(db, clock).count() > 0) return null;
    SetupCodes.Issued issued = new SetupCodes(db, clock).issue();
    return new Setup(baseUrl + "/setup?code=" + issued.code(), issued.voided());
  }

  /** The start-up text (English, like every start-up message). */
  public static String describe(Setup setup) {
    StringBuilder out = new StringBuilder("\n================ Paragon: first start ================\n")
        .append("No account exists yet. Open this address once to create your business:\n  ")
        .append(setup.url()).append('\n')
        .append("It works until it is used. A restart before then prints a new address");
    if (setup.voided() > 0) out.append(" (the address printed before this start is now void)");
    return out.append(".\n======================================================\n").toString();
  }
}
