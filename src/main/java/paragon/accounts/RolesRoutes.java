package paragon.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import paragon.web.FieldErrors;
import paragon.web.PageContext;
import paragon.web.Pages;
import paragon.web.Problem;

/** Roles and their permissions: add, rename, change permissions, archive and restore. */
public final class RolesRoutes {
  private final Roles roles;

  private RolesRoutes(Roles roles) {
    this.roles = roles;
  }

  public static void register(RoutesConfig routes, Roles roles) {
    RolesRoutes r = new RolesRoutes(roles);
    routes.get("/backoffice/roles", r::show);
    routes.post("/backoffice/roles", ctx -> r.save(ctx, 0));
    routes.post("/backoffice/roles/{id}", ctx -> r.save(ctx, PathIds.path(ctx, "id", "role")));
    routes.post("/backoffice/roles/{id}/archive", ctx -> r.archive(ctx, true));
    routes.post("/backoffice/roles/{id}/restore", ctx -> r.archive(ctx, false));
  }

  /** {@code editing}: the role whose form shows {@code draft} and {@code errors} (0: the add form). */
  public record RolesPage(PageContext page, List<Roles.Role> roles, long editing, Roles.Draft draft, FieldErrors errors,
                          String notice, Archived archived) {
    public Roles.Draft draftOf(Roles.Role role) {
      return editing == role.id() ? draft
          : new Roles.Draft(role.name(), role.permissions().stream().map(Enum::name).toList());
    }

    public Roles.Draft newDraft() {
      return editing == 0 ? draft : new Roles.Draft("", List.of());
    }

    public FieldErrors errorsOf(long roleId) {
      return editing == roleId ? errors : new FieldErrors();
    }
  }

  private void show(Context ctx) {
    String notice = ctx.queryParam("saved") != null ? "form.saved"
        : ctx.queryParam("unchanged") != null ? "form.unchanged" : null;
    render(ctx, -1, null, new FieldErrors(), notice, null);
  }

  private void archive(Context ctx, boolean archive) {
    var admin = BackOfficeAuth.admin(ctx);
    long id = PathIds.path(ctx, "id", "role");
    boolean changed;
    try {
      changed = archive ? roles.archive(admin.accountId(), admin.email(), id)
          : roles.restore(admin.accountId(), admin.email(), id);
    } catch (Problem p) {
      if (p.status() != 409) throw p;
      ctx.status(HttpStatus.CONFLICT);
      render(ctx, -1, null, new FieldErrors(), null, Archived.Refusal.of(p));
      return;
    }
    ctx.redirect("/backoffice/roles?" + (changed ? "saved" : "unchanged") + (archive ? "" : "&archived"),
        HttpStatus.SEE_OTHER);
  }

  /** Adds a role ({@code roleId} 0) or updates one. */
  private void save(Context ctx, long roleId) {
    var admin = BackOfficeAuth.admin(ctx);
    var draft = new Roles.Draft(ctx.formParam("name"), ctx.formParams("permissions"));
    FieldErrors errors = new FieldErrors();
    Roles.Role role = Roles.validate(roleId, draft, errors);
    boolean changed = true;
    if (role != null) {
      try {
        if (roleId == 0) roles.create(admin.accountId(), admin.email(), role.name(), role.permissions());
        else changed = roles.update(admin.accountId(), admin.email(), role);
      } catch (Problem p) {
        if (p.status() != 400) throw p;
        errors = FieldErrors.from(p);
      }
    }
    if (!errors.isEmpty()) {
      if (roleId != 0 && roles.list(admin.accountId()).stream().noneMatch(r -> r.id() == roleId)) {
        throw Problem.notFound("role", roleId);
      }
      ctx.status(HttpStatus.BAD_REQUEST);
      render(ctx, roleId, draft, errors, null, null);
      return;
    }
    ctx.redirect("/backoffice/roles?" + (changed ? "saved" : "unchanged"), HttpStatus.SEE_OTHER);
  }

  private void render(Context ctx, long editing, Roles.Draft draft, FieldErrors errors, String notice,
      Archived.Refusal refusal) {
    List<Roles.Role> all = roles.list(BackOfficeAuth.admin(ctx).accountId());
    // A role being edited stays listed even when archived, so its errors show by its form.
    Archived archived = Archived.of(ctx, all, Roles.Role::archived, refusal);
    List<Roles.Role> listed = archived.shown() ? all
        : all.stream().filter(r -> !r.archived() || r.id() == editing).toList();
    Pages.show(ctx, "backoffice/roles.jte",
        new RolesPage(PageContext.of(ctx), listed, editing, draft, errors, notice, archived));
  }
}
