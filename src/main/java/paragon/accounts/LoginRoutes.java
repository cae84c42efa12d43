package paragon.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Locale;
import paragon.web.FailureLimit;
import java.util.Optional;
import java.util.function.LongFunction;
import paragon.web.PageContext;
import paragon.web.Pages;
import paragon.web.Storable;

/**
 * Sign-in and sign-out of the back office, and its front page. A wrong email and a wrong password get
 * the same answer, and take the same time (a bcrypt check runs either way). Failed sign-ins are limited
 * per email and IP address ({@code failures}): past the limit the answer is 429 with {@code Retry-After}
 * and the password is not checked, so guessing costs minutes instead of milliseconds.
 */
public final class LoginRoutes {
  /**
   * Checked when the email is unknown, so that case costs a bcrypt verification too. A constant (the hash
   * of "not-a-password-anyone-has" at Passwords' cost): hashing it at class load cost a start about 125 ms
   * of its main thread (15% of that thread's JFR samples). PasswordsTest holds its cost to Passwords'.
   */
  static final String DUMMY_HASH = "$2a$10$8Ed9QUxcuoaTHv6wUxpWguT7jiIvWwjkG6mMmLcgrrg.0KDene7mW";

  private final Accounts accounts;
  private final BackOfficeAuth auth;
  private final FailureLimit failures;
  private final boolean signupOpen;
  private final LongFunction<Progress> gettingStarted;

  private LoginRoutes(Accounts accounts, BackOfficeAuth auth, FailureLimit failures, boolean signupOpen,
      LongFunction<Progress> gettingStarted) {
    this.accounts = accounts;
    this.auth = auth;
    this.failures = failures;
    this.signupOpen = signupOpen;
    this.gettingStarted = gettingStarted;
  }

  /** How far an account is through its getting-started checklist (the onboarding package reads it). */
  public record Progress(long done, long total) {
    public boolean open() {
      return done < total;
    }
  }

  /**
   * {@code signupOpen}: the login page links to the sign-up form; {@code gettingStarted}: an account's
   * checklist progress, linked from the home page while items are open.
   */
  public static void register(RoutesConfig routes, Accounts accounts, BackOfficeAuth auth, FailureLimit failures,
      boolean signupOpen, LongFunction<Progress> gettingStarted) {
    LoginRoutes r = new LoginRoutes(accounts, auth, failures, signupOpen, gettingStarted);
    routes.get("/backoffice/login", r::loginPage);
    routes.post("/backoffice/login", r::login);
    routes.post("/backoffice/logout", r::logout);
    routes.get("/backoffice", r::home);
  }

  /** {@code error}: a message key, with {@code retryAfter} (seconds) as its argument when limited. */
  public record LoginPage(PageContext page, String email, String error, String next, long retryAfter,
                          boolean signupOpen) {}

  public record HomePage(PageContext page, Accounts.Account account, BackOfficeAuth.Admin admin, Progress start) {}

  private void loginPage(Context ctx) {
    if (auth.sessions().find(ctx.cookie(BackOfficeAuth.COOKIE)).isPresent()) {
      ctx.redirect(safeNext(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
      return;
    }
    String next = safeNext(ctx.queryParam("next"));
    Pages.show(ctx, "backoffice/login.jte", new LoginPage(PageContext.of(ctx), "", null, next, 0, signupOpen));
  }

  private void login(Context ctx) {
    String email = ctx.formParam("email") == null ? "" : ctx.formParam("email").strip();
    String password = ctx.formParam("password");
    String next = safeNext(ctx.formParam("next"));
    String key = email.toLowerCase(Locale.ROOT) + " " + ctx.ip();
    Duration wait = failures.retryAfter(key);
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", String.valueOf(seconds));
      var page = new LoginPage(PageContext.of(ctx), email, "login.rate_limited", next, seconds, signupOpen);
      Pages.show(ctx, "backoffice/login.jte", page);
      return;
    }
    // An address or password the database cannot hold matches no one: a failed sign-in, not a lookup.
    var login = Storable.is(email) && Storable.is(password) ? accounts.login(email) : Optional.<Accounts.Login>empty();
    boolean ok = Passwords.matches(password == null ? "" : password,
        login.map(Accounts.Login::passwordHash).orElse(DUMMY_HASH))
        && login.isPresent();
    if (!ok) {
      failures.failed(key);
      ctx.status(HttpStatus.UNAUTHORIZED);
      Pages.show(ctx, "backoffice/login.jte",
          new LoginPage(PageContext.of(ctx), email, "login.failed", next, 0, signupOpen));
      return;
    }
    failures.succeeded(key);
    String token = auth.sessions().open(login.get().accountId(), login.get().adminId());
    BackOfficeAuth.setCookie(ctx, token);
    ctx.redirect(next, HttpStatus.SEE_OTHER);
  }

  private void logout(Context ctx) {
    auth.sessions().close(ctx.cookie(BackOfficeAuth.COOKIE));
    BackOfficeAuth.clearCookie(ctx);
    ctx.redirect("/backoffice/login", HttpStatus.SEE_OTHER);
  }

  private void home(Context ctx) {
    BackOfficeAuth.Admin admin = BackOfficeAuth.admin(ctx);
    Pages.show(ctx, "backoffice/home.jte", new HomePage(PageContext.of(ctx), accounts.find(admin.accountId()), admin,
        gettingStarted.apply(admin.accountId())));
  }

  /** Only a back-office path of ours: never an open redirect to another site. */
  static String safeNext(String next) {
    if (next == null || !next.matches("/backoffice(/[A-Za-z0-9/_-]*)?")
        || next.startsWith("/backoffice/log")) return "/backoffice";
    return next;
  }
}
