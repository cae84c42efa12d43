package paragon.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import paragon.web.FailureLimit;
import paragon.web.FieldErrors;
import paragon.web.PageContext;
import paragon.web.Pages;
import paragon.web.Problem;

/**
 * Passwords: a one-time link's page (an invitation or a reset; the link {@code /invite?token=...}
 * leads to {@code /backoffice/invite}, where the CSRF cookie lives) and changing one's own password.
 * A link that does not open (unknown, used, revoked, expired) counts as a failure of the caller's IP
 * address in {@code failures}: past the limit the answer is 429 and the token is not even looked up.
 */
public final class PasswordRoutes {
  /** The address a link names (short, to pass on). */
  static final String LINK = "/invite";
  /** The page behind it, under /backoffice for the CSRF cookie; public (no sign-in). */
  static final String INVITE = "/backoffice/invite";

  private final Admins admins;
  private final Invitations invitations;
  private final BackOfficeAuth auth;
  private final FailureLimit failures;

  private PasswordRoutes(Admins admins, Invitations invitations, BackOfficeAuth auth, FailureLimit failures) {
    this.admins = admins;
    this.invitations = invitations;
    this.auth = auth;
    this.failures = failures;
  }

  public static void register(RoutesConfig routes, Admins admins, Invitations invitations, BackOfficeAuth auth,
      FailureLimit failures) {
    PasswordRoutes r = new PasswordRoutes(admins, invitations, auth, failures);
    routes.get(LINK, ctx -> ctx.redirect(INVITE + "?token=" + URLEncoder.encode(
        ctx.queryParam("token") == null ? "" : ctx.queryParam("token"), StandardCharsets.UTF_8), HttpStatus.SEE_OTHER));
    routes.get(INVITE, r::invitePage);
    routes.post(INVITE, r::accept);
    routes.get("/backoffice/password", r::passwordPage);
    routes.post("/backoffice/password", r::changePassword);
  }

  /**
   * {@code pending} null: the link does not open ({@code error} says why). {@code name} as typed.
   */
  public record InvitePage(PageContext page, String token, Invitations.Pending pending, String name,
      FieldErrors errors, String error, long retryAfter) {}

  public record PasswordPage(PageContext page, BackOfficeAuth.Admin admin, FieldErrors errors, String notice) {}

  private void invitePage(Context ctx) {
    ctx.header("Referrer-Policy", "no-referrer");
    String token = ctx.queryParam("token");
    Invitations.Pending pending = open(ctx, token);
    if (pending == null) return;
    Pages.show(ctx, "backoffice/invite.jte",
        new InvitePage(PageContext.of(ctx), token, pending, pending.name(), new FieldErrors(), null, 0));
  }

  private void accept(Context ctx) {
    ctx.header("Referrer-Policy", "no-referrer");
    String token = ctx.formParam("token");
    Invitations.Pending pending = open(ctx, token);
    if (pending == null) return;
    String name = ctx.formParam("name");
    Invitations.Result result;
    try {
      result = invitations.accept(token, name, ctx.formParam("password"), ctx.formParam("again"));
    } catch (Problem p) {
      if (p.status() != 404 && p.status() != 409) throw p;
      ctx.status(p.status());
      Pages.show(ctx, "backoffice/invite.jte", new InvitePage(PageContext.of(ctx), "", null, "",
          new FieldErrors(), p.status() == 404 ? "invite.invalid" : p.messageKey(), 0));
      return;
    }
    if (!result.errors().isEmpty()) {
      ctx.status(HttpStatus.BAD_REQUEST);
      Pages.show(ctx, "backoffice/invite.jte",
          new InvitePage(PageContext.of(ctx), token, pending, name == null ? "" : name, result.errors(), null, 0));
      return;
    }
    failures.succeeded(ctx.ip());
    var accepted = result.accepted();
    BackOfficeAuth.setCookie(ctx, auth.sessions().open(accepted.accountId(), accepted.adminId()));
    ctx.redirect("/backoffice", HttpStatus.SEE_OTHER);
  }

  /** The link's invitation, or null after answering 429 (limited) or 404 (does not open). */
  private Invitations.Pending open(Context ctx, String token) {
    Duration wait = failures.retryAfter(ctx.ip());
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", String.valueOf(seconds));
      Pages.show(ctx, "backoffice/invite.jte", new InvitePage(PageContext.of(ctx), "", null, "", new FieldErrors(),
          "invite.rate_limited", seconds));
      return null;
    }
    var pending = invitations.pending(token);
    if (pending.isEmpty()) {
      failures.failed(ctx.ip());
      ctx.status(HttpStatus.NOT_FOUND);
      Pages.show(ctx, "backoffice/invite.jte", new InvitePage(PageContext.of(ctx), "", null, "", new FieldErrors(),
          "invite.invalid", 0));
      return null;
    }
    return pending.get();
  }

  private void passwordPage(Context ctx) {
    Pages.show(ctx, "backoffice/password.jte", new PasswordPage(PageContext.of(ctx), BackOfficeAuth.admin(ctx),
        new FieldErrors(), ctx.queryParam("saved") != null ? "password.saved" : null));
  }

  private void changePassword(Context ctx) {
    var admin = BackOfficeAuth.admin(ctx);
    FieldErrors errors = admins.changePassword(admin.accountId(), admin.adminId(), ctx.formParam("current"),
        ctx.formParam("password"), ctx.formParam("again"), ctx.cookie(BackOfficeAuth.COOKIE));
    if (!errors.isEmpty()) {
      ctx.status(HttpStatus.BAD_REQUEST);
      Pages.show(ctx, "backoffice/password.jte", new PasswordPage(PageContext.of(ctx), admin, errors, null));
      return;
    }
    ctx.redirect("/backoffice/password?saved", HttpStatus.SEE_OTHER);
  }
}
