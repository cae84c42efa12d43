package paragon.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.List;
import paragon.storage.Database;
import paragon.web.FieldErrors;
import paragon.web.PageContext;
import paragon.web.Pages;
import paragon.web.Problem;

/**
 * Terminal users: list (archived ones only on {@code ?archived}) and add; per user edit details, set or
 * reset the PIN, disable or enable, archive or restore.
 */
public final class UsersRoutes {
  private final Users users;
  private final Roles roles;

  private UsersRoutes(Users users, Roles roles) {
    this.users = users;
    this.roles = roles;
  }

  public static void register(RoutesConfig routes, Database db, Clock clock, Cutoffs cutoffs, Roles roles) {
    UsersRoutes r = new UsersRoutes(new Users(db, clock, cutoffs), roles);
    routes.get("/backoffice/users", r::list);
    routes.post("/backoffice/users", r::add);
    routes.get("/backoffice/users/{id}", r::edit);
    routes.post("/backoffice/users/{id}", r::update);
    routes.post("/backoffice/users/{id}/pin", r::pin);
    routes.post("/backoffice/users/{id}/disable", ctx -> r.disable(ctx, true));
    routes.post("/backoffice/users/{id}/enable", ctx -> r.disable(ctx, false));
    routes.post("/backoffice/users/{id}/archive", ctx -> r.archive(ctx, true));
    routes.post("/backoffice/users/{id}/restore", ctx -> r.archive(ctx, false));
  }

  /**
   * A refused form shows every error at once and everything typed again, except a PIN:
   * {@code pinCleared} says that one was typed and is not shown back (the page tells why).
   */
  public record UsersPage(PageContext page, List<Users.User> users, List<Roles.Role> roles, UserRules.Draft draft,
                          FieldErrors errors, boolean pinCleared, String notice, Archived archived) {}

  /** {@code refusal}: an archive or restore refused as a whole (a translation key and its arguments). */
  public record UserPage(PageContext page, Users.User user, List<Roles.Role> roles, UserRules.Draft draft,
                         FieldErrors errors, FieldErrors pinErrors, boolean pinCleared, String notice,
                         Archived.Refusal refusal) {}

  private void list(Context ctx) {
    String notice = ctx.queryParam("saved") != null ? "form.saved" : null;
    renderList(ctx, new UserRules.Draft("", "", ""), new FieldErrors(), false, notice);
  }

  private void add(Context ctx) {
    var admin = BackOfficeAuth.admin(ctx);
    var draft = draft(ctx);
    FieldErrors errors = new FieldErrors();
    UserRules.Details details = UserRules.validate(draft, errors);
    String rawPin = ctx.formParam("pin");
    String pin = rawPin == null || rawPin.isEmpty() ? null : UserRules.pin(rawPin, "pin", errors);
    users.check(admin.accountId(), 0, draft, errors);
    if (errors.isEmpty()) {
      try {
        users.create(admin.accountId(), admin.email(), details, pin);
        ctx.redirect("/backoffice/users?saved", HttpStatus.SEE_OTHER);
        return;
      } catch (Problem p) {
        errors = FieldErrors.from(p);
      }
    }
    ctx.status(HttpStatus.BAD_REQUEST);
    renderList(ctx, draft, errors, rawPin != null && !rawPin.isEmpty(), null);
  }

  private void edit(Context ctx) {
    Users.User user = users.find(BackOfficeAuth.admin(ctx).accountId(), PathIds.path(ctx, "id", "user"));
    String notice = ctx.queryParam("saved") != null ? "form.saved"
        : ctx.queryParam("pin") != null ? "users.pin.saved" : ctx.queryParam("unchanged") != null ? "form.unchanged" : null;
    renderUser(ctx, user, UserRules.Draft.of(user), new FieldErrors(), new FieldErrors(), false, notice);
  }

  private void update(Context ctx) {
    var admin = BackOfficeAuth.admin(ctx);
    Users.User user = users.find(admin.accountId(), PathIds.path(ctx, "id", "user"));
    var draft = draft(ctx);
    FieldErrors errors = new FieldErrors();
    UserRules.Details details = UserRules.validate(draft, errors);
    users.check(admin.accountId(), user.id(), draft, errors);
    if (errors.isEmpty()) {
      try {
        boolean changed = users.update(admin.accountId(), admin.email(), user.id(), details);
        ctx.redirect("/backoffice/users/" + user.id() + (changed ? "?saved" : "?unchanged"), HttpStatus.SEE_OTHER);
        return;
      } catch (Problem p) {
        errors = FieldErrors.from(p);
      }
    }
    ctx.status(HttpStatus.BAD_REQUEST);
    renderUser(ctx, user, draft, errors, new FieldErrors(), false, null);
  }

  private void pin(Context ctx) {
    var admin = BackOfficeAuth.admin(ctx);
    Users.User user = users.find(admin.accountId(), PathIds.path(ctx, "id", "user"));
    FieldErrors errors = new FieldErrors();
    String rawPin = ctx.formParam("pin");
    String pin = UserRules.pin(rawPin, "pin", errors);
    if (pin == null) {
      ctx.status(HttpStatus.BAD_REQUEST);
      renderUser(ctx, user, UserRules.Draft.of(user), new FieldErrors(), errors, rawPin != null && !rawPin.isEmpty(),
          null);
      return;
    }
    users.setPin(admin.accountId(), admin.email(), user.id(), pin);
    ctx.redirect("/backoffice/users/" + user.id() + "?pin", HttpStatus.SEE_OTHER);
  }

  private void disable(Context ctx, boolean disabled) {
    var admin = BackOfficeAuth.admin(ctx);
    long id = PathIds.path(ctx, "id", "user");
    boolean changed = users.setDisabled(admin.accountId(), admin.email(), id, disabled);
    ctx.redirect("/backoffice/users/" + id + (changed ? "?saved" : "?unchanged"), HttpStatus.SEE_OTHER);
  }

  private void archive(Context ctx, boolean archive) {
    var admin = BackOfficeAuth.admin(ctx);
    long id = PathIds.path(ctx, "id", "user");
    boolean changed;
    try {
      changed = archive ? users.archive(admin.accountId(), admin.email(), id)
          : users.restore(admin.accountId(), admin.email(), id);
    } catch (Problem p) {
      if (p.status() != 409) throw p;
      ctx.status(HttpStatus.CONFLICT);
      Users.User user = users.find(admin.accountId(), id);
      Pages.show(ctx, "backoffice/user.jte", new UserPage(PageContext.of(ctx), user, roles(admin.accountId(), user),
          UserRules.Draft.of(user), new FieldErrors(), new FieldErrors(), false, null, Archived.Refusal.of(p)));
      return;
    }
    ctx.redirect("/backoffice/users/" + id + (changed ? "?saved" : "?unchanged"), HttpStatus.SEE_OTHER);
  }

  /** The roles a user may be given: those not archived, and the user's own (when one is shown). */
  private List<Roles.Role> roles(long accountId, Users.User user) {
    return roles.list(accountId).stream()
        .filter(r -> !r.archived() || (user != null && r.id() == user.roleId())).toList();
  }

  private static UserRules.Draft draft(Context ctx) {
    return new UserRules.Draft(ctx.formParam("identifier"), ctx.formParam("name"), ctx.formParam("roleId"));
  }

  private void renderList(Context ctx, UserRules.Draft draft, FieldErrors errors, boolean pinCleared, String notice) {
    long accountId = BackOfficeAuth.admin(ctx).accountId();
    List<Users.User> all = users.list(accountId);
    Archived archived = Archived.of(ctx, all, Users.User::archived, null);
    Pages.show(ctx, "backoffice/users.jte", new UsersPage(PageContext.of(ctx),
        archived.filter(all, Users.User::archived), roles(accountId, null), draft, errors, pinCleared, notice,
        archived));
  }

  private void renderUser(Context ctx, Users.User user, UserRules.Draft draft, FieldErrors errors,
      FieldErrors pinErrors, boolean pinCleared, String notice) {
    Pages.show(ctx, "backoffice/user.jte", new UserPage(PageContext.of(ctx), user,
        roles(BackOfficeAuth.admin(ctx).accountId(), user), draft, errors, pinErrors, pinCleared, notice, null));
  }
}
