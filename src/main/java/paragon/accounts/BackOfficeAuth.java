package paragon.accounts;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.time.Clock;
import paragon.storage.Database;
import paragon.web.Lang;
import paragon.web.RequestLog;
import paragon.web.PageContext;

/**
 * Who is signed in to the back office. {@link #before} runs for every request under {@code /backoffice}
 * except the login page: it resolves the session cookie to an {@link Admin} and puts it in the request,
 * or sends the browser to the login page.
 *
 * <p>Other features get the signed-in account in their handlers with {@link #admin(Context)}:
 * <pre>{@code
 * routes.get("/backoffice/devices", ctx -> {
 *   long accountId = BackOfficeAuth.admin(ctx).accountId();
 *   ...
 * });
 * }</pre>
 * Every route under {@code /backoffice} (but {@code /backoffice/login}, {@code /backoffice/logout}, the
 * account-creating {@code /backoffice/setup} and {@code /backoffice/signup}, and the invitation page
 * {@code /backoffice/invite}) is guarded, so inside such a handler {@code admin(ctx)} always answers.
 */
public final class BackOfficeAuth {
  static final String COOKIE = "paragon_session";
  private static final String ATTRIBUTE = "paragon.admin";

  private final Sessions sessions;

  public BackOfficeAuth(Database db, Clock clock) {
    this.sessions = new Sessions(db, clock);
  }

  /** A signed-in back-office user: whose account, which login, and its role. */
  public record Admin(long accountId, long adminId, AdminRole role, String name, String email) {}

  /** The signed-in admin of this request; only valid in a handler under the guarded {@code /backoffice}. */
  public static Admin admin(Context ctx) {
    Admin admin = ctx.attribute(ATTRIBUTE);
    if (admin == null) throw new IllegalStateException(ctx.path() + " is not behind the back-office sign-in");
    return admin;
  }

  /** Before every /backoffice request: the signed-in admin, or off to the login page. */
  public void before(Context ctx) {
    if (isPublic(ctx.path()) || ctx.attribute(ATTRIBUTE) != null) return;
    var signed = sessions.find(ctx.cookie(COOKIE));
    if (signed.isEmpty()) {
      if (ctx.header("HX-Request") != null) {
        ctx.header("HX-Redirect", "/backoffice/login");
        ctx.status(HttpStatus.UNAUTHORIZED);
      } else {
        String next = ctx.method().name().equals("GET") ? "?next=" + ctx.path() : "";
        ctx.redirect("/backoffice/login" + next, HttpStatus.SEE_OTHER);
      }
      ctx.skipRemainingHandlers();
      return;
    }
    ctx.attribute(ATTRIBUTE, signed.get().admin());
    RequestLog.user(ctx, signed.get().admin().accountId(), "admin", signed.get().admin().adminId());
    ctx.attribute(PageContext.SIGNED_IN_AS, signed.get().admin().name());
    ctx.attribute(PageContext.OWNER, signed.get().admin().role() == AdminRole.OWNER);
    Lang.preferIfUnset(ctx, signed.get().accountLanguage());
  }

  /** The pages a visitor without a session may open: sign-in, and the forms that create an account. */
  static boolean isPublic(String path) {
    return path.equals("/backoffice/login") || path.equals("/backoffice/logout")
        || path.equals("/backoffice/setup") || path.equals("/backoffice/signup") || path.equals(PasswordRoutes.INVITE);
  }

  /** Signs {@code adminId} in on this browser (a new session cookie), e.g. right after creating the account. */
  public void signIn(Context ctx, long accountId, long adminId) {
    setCookie(ctx, sessions.open(accountId, adminId));
  }

  /** The signed-in admin, who must be an owner: else 403 (managing logins, the plan). */
  public static Admin owner(Context ctx) {
    Admin admin = admin(ctx);
    if (admin.role() != AdminRole.OWNER) throw paragon.web.Problem.forbidden("admins.owner_only");
    return admin;
  }

  Sessions sessions() {
    return sessions;
  }

  static void setCookie(Context ctx, String token) {
    Cookie cookie = new Cookie(COOKIE, token);
    cookie.setPath("/backoffice");
    cookie.setHttpOnly(true);
    cookie.setSameSite(SameSite.LAX);
    // Over HTTPS the browser must never send the session back over plain HTTP.
    cookie.setSecure(ctx.req().isSecure());
    // No Max-Age: a browser-session cookie; the server decides expiry (Sessions.TTL, sliding).
    ctx.cookie(cookie);
  }

  static void clearCookie(Context ctx) {
    Cookie cookie = new Cookie(COOKIE, "");
    cookie.setPath("/backoffice");
    cookie.setHttpOnly(true);
    cookie.setSameSite(SameSite.LAX);
    cookie.setSecure(ctx.req().isSecure());
    cookie.setMaxAge(0);
    ctx.cookie(cookie);
  }
}
