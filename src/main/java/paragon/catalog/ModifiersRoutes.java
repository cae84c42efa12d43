package paragon.catalog;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import paragon.accounts.BackOfficeAuth;
import paragon.storage.Database;
import paragon.web.FieldErrors;
import paragon.web.MoneyText;
import paragon.web.PageContext;
import paragon.web.Pages;
import paragon.web.Problem;

/** Modifier groups: the list, and a form per group with its options (new rows added blank). */
public final class ModifiersRoutes {
  private static final String PATH = "/backoffice/products/modifiers";
  /** Blank option rows under the existing ones, for adding options without JavaScript. */
  static final int BLANK_ROWS = 3;
  private final ModifierGroups groups;

  private ModifiersRoutes(ModifierGroups groups) {
    this.groups = groups;
  }

  static void register(RoutesConfig routes, Database db, Clock clock) {
    ModifiersRoutes r = new ModifiersRoutes(new ModifierGroups(db, clock));
    routes.get(PATH, r::list);
    routes.get(PATH + "/new", ctx -> r.form(ctx, null, false,
        new ModifierRules.Draft("", "0", "0", List.of()), new FieldErrors(), null));
    routes.post(PATH, ctx -> r.save(ctx, null));
    routes.get(PATH + "/{id}", r::edit);
    routes.post(PATH + "/{id}", ctx -> r.save(ctx, Ids.path(ctx, "modifier group")));
    routes.post(PATH + "/{id}/archive", ctx -> r.archive(ctx, true));
    routes.post(PATH + "/{id}/restore", ctx -> r.archive(ctx, false));
  }

  public record ListPage(PageContext page, List<ModifierGroups.Group> groups, String notice) {
    public String money(long grosze) {
      return (grosze > 0 ? "+" : "") + MoneyText.format(grosze, page.lang());
    }

    /** "required, at least 1, at most 1" or "optional, any number". */
    public String choice(ModifierGroups.Group g) {
      return (g.min() > 0 ? page.t("catalog.group.required", g.min()) : page.t("catalog.group.optional")) + ", "
          + (g.max() == 0 ? page.t("catalog.group.max_any") : page.t("catalog.group.max", g.max()));
    }

    /** The group's active options with their price changes: "Small (0,00 zł), Large (+2,00 zł)". */
    public String options(ModifierGroups.Group g) {
      return String.join(", ", g.active().stream().map(o -> o.name() + " (" + money(o.delta()) + ")").toList());
    }
  }

  public record GroupPage(PageContext page, Long id, boolean archived, ModifierRules.Draft draft,
      FieldErrors errors, String notice) {
    public String title() {
      return id == null ? page.t("catalog.modifiers.new") : page.t("catalog.modifiers.edit", draft.name());
    }

    public String action() {
      return id == null ? PATH : PATH + "/" + id;
    }
  }

  private void list(Context ctx) {
    Pages.show(ctx, "backoffice/modifiers.jte", new ListPage(PageContext.of(ctx),
        groups.list(BackOfficeAuth.admin(ctx).accountId()), Ids.notice(ctx)));
  }

  private void edit(Context ctx) {
    ModifierGroups.Group g = groups.find(BackOfficeAuth.admin(ctx).accountId(), Ids.path(ctx, "modifier group"));
    List<ModifierRules.OptionDraft> options = g.options().stream()
        .map(o -> new ModifierRules.OptionDraft(String.valueOf(o.id()), o.name(),
            CatalogRules.format(o.delta(), true), o.archived()))
        .toList();
    form(ctx, g.id(), g.archived(), new ModifierRules.Draft(g.name(), String.valueOf(g.min()),
        String.valueOf(g.max()), options), new FieldErrors(), Ids.notice(ctx));
  }

  private void save(Context ctx, Long id) {
    var admin = BackOfficeAuth.admin(ctx);
    ModifierGroups.Group before = id == null ? null : groups.find(admin.accountId(), id);
    ModifierRules.Draft draft = draft(ctx);
    FieldErrors errors = new FieldErrors();
    ModifierRules.Valid valid = ModifierRules.validate(draft, errors);
    if (valid != null) {
      try {
        Products.Saved saved = groups.save(admin.accountId(), admin.email(), id, valid);
        ctx.redirect(PATH + "/" + saved.id() + (saved.changed() ? "?saved" : "?unchanged"), HttpStatus.SEE_OTHER);
        return;
      } catch (Problem p) {
        errors = FieldErrors.from(p);
      }
    }
    ctx.status(HttpStatus.BAD_REQUEST);
    form(ctx, id, before != null && before.archived(), draft, errors, null);
  }

  private void archive(Context ctx, boolean archived) {
    var admin = BackOfficeAuth.admin(ctx);
    long id = Ids.path(ctx, "modifier group");
    boolean changed = groups.archive(admin.accountId(), admin.email(), id, archived);
    ctx.redirect(PATH + "/" + id + (changed ? "?saved" : "?unchanged"), HttpStatus.SEE_OTHER);
  }

  /** Rows {@code options[i].id/name/delta/archived}, {@code i} below the posted {@code rows} (at most 100). */
  static ModifierRules.Draft draft(Context ctx) {
    int rows = (int) Math.max(0, Math.min(100, CatalogRules.id(ctx.formParam("rows"))));
    List<ModifierRules.OptionDraft> options = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      String prefix = "options[" + i + "].";
      options.add(new ModifierRules.OptionDraft(ctx.formParam(prefix + "id"), ctx.formParam(prefix + "name"),
          ctx.formParam(prefix + "delta"), "on".equals(ctx.formParam(prefix + "archived"))));
    }
    return new ModifierRules.Draft(ctx.formParam("name"), ctx.formParam("min"), ctx.formParam("max"), options);
  }

  private void form(Context ctx, Long id, boolean archived, ModifierRules.Draft draft, FieldErrors errors,
      String notice) {
    List<ModifierRules.OptionDraft> rows = new ArrayList<>(draft.options());
    for (int i = 0; i < BLANK_ROWS; i++) rows.add(new ModifierRules.OptionDraft("", "", "", false));
    Pages.show(ctx, "backoffice/modifier.jte", new GroupPage(PageContext.of(ctx), id, archived,
        new ModifierRules.Draft(draft.name(), draft.min(), draft.max(), rows), errors, notice));
  }
}
