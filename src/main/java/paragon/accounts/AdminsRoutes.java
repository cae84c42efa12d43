package paragon.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paragon.web.FieldErrors;
import paragon.web.PageContext;
import paragon.web.Pages;
import paragon.web.Problem;

/**
 * Back office / Admins (owners only; an ADMIN gets 403 on every route here): the account's logins,
 * inviting one (a one-time link shown once and logged, as there is no mail server), revoking an open
 * link, changing a login's role, removing a login, and resetting its password (a new link).
 */
public final class AdminsRoutes {
  private static final Logger log = LoggerFactory.getLogger(AdminsRoutes.class);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Europe/Warsaw"));

  private final Admins admins;
  private final Invitations invitations;

  private AdminsRoutes(Admins admins, Invitations invitations) {
    this.admins = admins;
    this.invitations = invitations;
  }

  public static void register(RoutesConfig routes, Admins admins, Invitations invitations) {
    AdminsRoutes r = new AdminsRoutes(admins, invitations);
    routes.get("/backoffice/admins", r::show);
    routes.post("/backoffice/admins", r::invite);
    routes.post("/backoffice/admins/invitations/{id}/revoke", r::revoke);
    routes.post("/backoffice/admins/{id}/role", r::role);
    routes.post("/backoffice/admins/{id}/remove", r::remove);
    routes.post("/backoffice/admins/{id}/reset", r::reset);
  }

  /** A link just made, shown once: {@code url} is the whole address to pass on. */
  public record NewLink(String email, String url, long expiresAt, boolean reset) {}

  /** {@code refusal}: a translation key for an action refused as a whole (the last owner). */
  public record AdminsPage(PageContext page, List<Admins.Login> logins, List<Invitations.Open> open, long selfId,
      Invitations.Draft draft, FieldErrors errors, NewLink link, String notice, String refusal) {
    public String time(long millis) {
      return TIME.format(Instant.ofEpochMilli(millis));
    }
  }

  private void show(Context ctx) {
    BackOfficeAuth.owner(ctx);
    String notice = null;
    for (String kind : List.of("revoked", "removed", "role", "unchanged")) {
      if (ctx.queryParam(kind) != null) notice = "admins.notice." + kind;
    }
    render(ctx, Invitations.Draft.EMPTY, new FieldErrors(), null, notice, null);
  }

  private void invite(Context ctx) {
    var owner = BackOfficeAuth.owner(ctx);
    var draft = new Invitations.Draft(ctx.formParam("email"), ctx.formParam("name"), ctx.formParam("role"));
    FieldErrors errors = new FieldErrors();
    Invitations.Valid valid = Invitations.validate(draft, errors);
    if (valid != null) {
      try {
        Invitations.Link link = invitations.invite(owner.accountId(), owner.email(), valid);
        ctx.status(HttpStatus.CREATED);
        render(ctx, Invitations.Draft.EMPTY, new FieldErrors(), shown(ctx, link, false), "admins.notice.invited", null);
        return;
      } catch (Problem p) {
        errors = FieldErrors.from(p);
      }
    }
    ctx.status(HttpStatus.BAD_REQUEST);
    render(ctx, draft, errors, null, null, null);
  }

  private void revoke(Context ctx) {
    var owner = BackOfficeAuth.owner(ctx);
    boolean changed = invitations.revoke(owner.accountId(), PathIds.path(ctx, "id", "invitation"));
    ctx.redirect("/backoffice/admins?" + (changed ? "revoked" : "unchanged"), HttpStatus.SEE_OTHER);
  }

  private void role(Context ctx) {
    var owner = BackOfficeAuth.owner(ctx);
    long id = PathIds.path(ctx, "id", "admin");
    AdminRole role = java.util.Arrays.stream(AdminRole.values())
        .filter(r -> r.name().equals(ctx.formParam("role"))).findFirst().orElse(null);
    refusedOr(ctx, () -> admins.setRole(owner.accountId(), id, role), "role");
  }

  private void remove(Context ctx) {
    var owner = BackOfficeAuth.owner(ctx);
    long id = PathIds.path(ctx, "id", "admin");
    refusedOr(ctx, () -> admins.remove(owner.accountId(), id), "removed");
    // Removing oneself ends one's own session too: the next page is the sign-in.
  }

  private void reset(Context ctx) {
    var owner = BackOfficeAuth.owner(ctx);
    long id = PathIds.path(ctx, "id", "admin");
    Invitations.Link link;
    try {
      link = invitations.reset(owner.accountId(), owner.email(), id);
    } catch (Problem p) {
      if (p.status() != 409) throw p;
      ctx.status(HttpStatus.CONFLICT);
      render(ctx, Invitations.Draft.EMPTY, new FieldErrors(), null, null, p.messageKey());
      return;
    }
    ctx.status(HttpStatus.CREATED);
    render(ctx, Invitations.Draft.EMPTY, new FieldErrors(), shown(ctx, link, true), "admins.notice.reset", null);
  }

  private interface Change {
    boolean run();
  }

  /** Runs a change; a 409 (the last owner, a removed login) is shown on the page, anything else thrown. */
  private void refusedOr(Context ctx, Change change, String notice) {
    boolean changed;
    try {
      changed = change.run();
    } catch (Problem p) {
      if (p.status() != 409 && p.status() != 400) throw p;
      ctx.status(p.status());
      render(ctx, Invitations.Draft.EMPTY, new FieldErrors(), null, null, p.messageKey());
      return;
    }
    ctx.redirect("/backoffice/admins?" + (changed ? notice : "unchanged"), HttpStatus.SEE_OTHER);
  }

  /** The whole address of a link, logged so an operator can find it again. */
  private static NewLink shown(Context ctx, Invitations.Link link, boolean reset) {
    String url = ctx.scheme() + "://" + ctx.host() + PasswordRoutes.LINK + "?token=" + link.token();
    log.info("{} link for {}: {} (valid until {})", reset ? "password reset" : "invitation", link.email(), url,
        Instant.ofEpochMilli(link.expiresAt()));
    return new NewLink(link.email(), url, link.expiresAt(), reset);
  }

  private void render(Context ctx, Invitations.Draft draft, FieldErrors errors, NewLink link, String notice,
      String refusal) {
    var owner = BackOfficeAuth.admin(ctx);
    ctx.header("Referrer-Policy", "no-referrer");
    Pages.show(ctx, "backoffice/admins.jte", new AdminsPage(PageContext.of(ctx), admins.list(owner.accountId()),
        invitations.open(owner.accountId()), owner.adminId(), draft, errors, link, notice, refusal));
  }
}
