package paragon.onboarding;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import paragon.accounts.BackOfficeAuth;
import paragon.accounts.LoginRoutes;
import paragon.configuration.ConfigSnapshot;
import paragon.configuration.Revisions;
import paragon.devices.DeviceStore;
import paragon.storage.Database;
import paragon.web.PageContext;
import paragon.web.Pages;

/** {@code /backoffice/start}: the getting-started checklist where a new owner lands. */
public final class StartRoutes {
  private final Database db;
  private final DeviceStore devices;

  public StartRoutes(Database db, DeviceStore devices) {
    this.db = db;
    this.devices = devices;
  }

  public void register(RoutesConfig routes) {
    routes.get("/backoffice/start", this::show);
  }

  public record StartPage(PageContext page, Checklist checklist) {}

  /** The account's checklist now: its current revision's snapshot, and whether a device is paired. */
  public Checklist checklist(long accountId) {
    ConfigSnapshot snapshot = db.read(h -> Revisions.snapshot(h, accountId, Revisions.current(h, accountId)));
    if (snapshot == null) throw new IllegalStateException("account " + accountId + " has no configuration revision");
    boolean paired = devices.list(accountId).stream().anyMatch(d -> d.paired() && !d.revoked());
    return Checklist.of(snapshot, paired);
  }

  /** How far the account is (the home page links to the checklist while items are open). */
  public LoginRoutes.Progress progress(long accountId) {
    Checklist checklist = checklist(accountId);
    return new LoginRoutes.Progress(checklist.done(), checklist.items().size());
  }

  private void show(Context ctx) {
    Pages.show(ctx, "backoffice/onboarding/start.jte",
        new StartPage(PageContext.of(ctx), checklist(BackOfficeAuth.admin(ctx).accountId())));
  }
}
