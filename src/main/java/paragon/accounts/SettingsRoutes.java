package paragon.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import paragon.configuration.Plan;
import paragon.storage.Database;
import paragon.web.FieldErrors;
import paragon.web.PageContext;
import paragon.web.Pages;
import paragon.web.Problem;

/**
 * Configuration / Settings: parking, visibility, sharing, terminal login mode, the business, and the
 * plan with what it enables. The plan is the operator's to set ({@code account set-plan}); only in the
 * demo may its owner change it here, so that gating can be tried (issue 15).
 */
public final class SettingsRoutes {
  private final Accounts accounts;
  private final SettingsStore store;
  private final Function<Long, List<SettingsStore.LocalOnlyDevice>> localOnly;

  private SettingsRoutes(Accounts accounts, SettingsStore store,
      Function<Long, List<SettingsStore.LocalOnlyDevice>> localOnly) {
    this.accounts = accounts;
    this.store = store;
    this.localOnly = localOnly;
  }

  /** {@code localOnly}: the account's devices that cannot share (the devices package reads them). */
  public static void register(RoutesConfig routes, Database db, Clock clock, Accounts accounts,
      Function<Long, List<SettingsStore.LocalOnlyDevice>> localOnly) {
    SettingsRoutes r = new SettingsRoutes(accounts, new SettingsStore(db, clock), localOnly);
    routes.get("/backoffice/settings", r::show);
    routes.post("/backoffice/settings", r::save);
    routes.post("/backoffice/settings/plan", r::savePlan);
    routes.post("/backoffice/settings/business", r::saveBusiness);
  }

  public record SettingsPage(PageContext page, Accounts.Account account, SettingsForm form, FieldErrors errors,
                             String planChoice, FieldErrors planErrors, String notice,
                             List<SettingsStore.LocalOnlyDevice> localOnly, boolean planEditable,
                             Business business, FieldErrors businessErrors, List<PlanFeatures.Feature> planFeatures) {}

  /** The Business card's fields as shown: the account's, or what was typed when refused. */
  public record Business(String name, String nip) {
    static Business of(Accounts.Account a) {
      return new Business(a.name(), a.nip() == null ? "" : a.nip());
    }
  }

  private void saveBusiness(Context ctx) {
    BackOfficeAuth.Admin admin = BackOfficeAuth.admin(ctx);
    String name = ctx.formParam("name");
    String nip = ctx.formParam("nip");
    SettingsStore.Saved saved;
    try {
      saved = store.saveBusiness(admin.accountId(), admin.email(), name, nip);
    } catch (Problem p) {
      if (p.field() == null) throw p;
      Accounts.Account account = accounts.find(admin.accountId());
      ctx.status(HttpStatus.BAD_REQUEST);
      render(ctx, account, SettingsForm.of(AccountSettings.of(account)), new FieldErrors(), account.plan().name(),
          new FieldErrors(), null, new Business(name == null ? "" : name, nip == null ? "" : nip),
          FieldErrors.from(p));
      return;
    }
    redirectAfter(ctx, saved);
  }

  private void show(Context ctx) {
    Accounts.Account account = accounts.find(BackOfficeAuth.admin(ctx).accountId());
    String notice = ctx.queryParam("saved") != null ? "settings.saved"
        : ctx.queryParam("unchanged") != null ? "settings.unchanged" : null;
    render(ctx, account, SettingsForm.of(AccountSettings.of(account)), new FieldErrors(),
        account.plan().name(), new FieldErrors(), notice);
  }

  private void save(Context ctx) {
    BackOfficeAuth.Admin admin = BackOfficeAuth.admin(ctx);
    Accounts.Account account = accounts.find(admin.accountId());
    FieldErrors errors = new FieldErrors();
    SettingsForm form = SettingsForm.read(ctx.formParamMap(), errors);
    AccountSettings settings = form.validate(account.plan(), AccountSettings.of(account), errors);
    if (settings == null) {
      ctx.status(HttpStatus.BAD_REQUEST);
      render(ctx, account, form, errors, account.plan().name(), new FieldErrors(), null);
      return;
    }
    redirectAfter(ctx, store.save(admin.accountId(), admin.email(), settings));
  }

  /**
   * Only the demo's owner changes the plan here; anywhere else the plan is read-only (a forced POST is
   * 403, nothing changed): the operator sets it. An ADMIN never changes it.
   */
  private void savePlan(Context ctx) {
    BackOfficeAuth.Admin admin = BackOfficeAuth.owner(ctx);
    if (!accounts.find(admin.accountId()).demo()) throw Problem.forbidden("settings.plan.operator_only");
    FieldErrors errors = new FieldErrors();
    String choice = ctx.formParam("plan");
    Plan plan = SettingsForm.plan(choice, errors);
    if (plan == null) {
      Accounts.Account account = accounts.find(admin.accountId());
      ctx.status(HttpStatus.BAD_REQUEST);
      render(ctx, account, SettingsForm.of(AccountSettings.of(account)), new FieldErrors(), choice, errors, null);
      return;
    }
    redirectAfter(ctx, store.savePlan(admin.accountId(), admin.email(), plan));
  }

  private static void redirectAfter(Context ctx, SettingsStore.Saved saved) {
    ctx.redirect(saved.changed() ? "/backoffice/settings?saved=" + saved.revision()
        : "/backoffice/settings?unchanged", HttpStatus.SEE_OTHER);
  }

  private void render(Context ctx, Accounts.Account account, SettingsForm form, FieldErrors errors, String planChoice,
                      FieldErrors planErrors, String notice) {
    render(ctx, account, form, errors, planChoice, planErrors, notice, Business.of(account), new FieldErrors());
  }

  private void render(Context ctx, Accounts.Account account, SettingsForm form, FieldErrors errors, String planChoice,
                      FieldErrors planErrors, String notice, Business business, FieldErrors businessErrors) {
    // Below Max the plan is the reason for every device, so no device is listed by its model.
    boolean byModel = account.sharingEnabled() && account.plan().allowsSharing();
    List<SettingsStore.LocalOnlyDevice> devices = byModel ? localOnly.apply(account.id()) : List.of();
    Pages.show(ctx, "backoffice/settings.jte",
        new SettingsPage(PageContext.of(ctx), account, form, errors, planChoice, planErrors, notice, devices,
            account.demo() && BackOfficeAuth.admin(ctx).role() == AdminRole.OWNER, business, businessErrors,
            PlanFeatures.of(account.plan())));
  }
}
