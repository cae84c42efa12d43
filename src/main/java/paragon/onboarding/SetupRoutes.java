package paragon.onboarding;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import paragon.accounts.Accounts;
import paragon.accounts.BackOfficeAuth;
import paragon.configuration.Plan;
import paragon.storage.Database;
import paragon.web.FailureLimit;
import paragon.web.FieldErrors;
import paragon.web.PageContext;
import paragon.web.Pages;
import paragon.web.Problem;

/**
 * The two ways a business creates its account in the browser: the self-hosted first run's one-time
 * {@code /setup?code=...}, and the hosted {@code /signup} when the operator opened it
 * ({@code PARAGON_SIGNUP=open}). Both show one form, create the account, its owner and first shop in
 * one transaction (the setup code is used in the same one, so a refused form leaves it valid), sign
 * the owner in and land on the getting-started checklist.
 *
 * <p>The forms live under {@code /backoffice} (public there, see {@link BackOfficeAuth}) so that the
 * back office's CSRF and session cookies apply; {@code /setup} and {@code /signup} redirect to them.
 * Wrong setup codes are limited per IP ({@code codeFailures}); sign-up attempts, successful or not,
 * are limited per IP too ({@code signups}), so one address cannot mass-create accounts.
 */
public final class SetupRoutes {
  private final Database db;
  private final Accounts accounts;
  private final BackOfficeAuth auth;
  private final SetupCodes codes;
  private final FailureLimit codeFailures;
  private final FailureLimit signups;
  private final boolean signupOpen;
  /** The plan every hosted sign-up starts on; only the operator changes it afterwards. */
  static final Plan SIGNUP_PLAN = Plan.START;

  private SetupRoutes(Database db, Clock clock, BackOfficeAuth auth, boolean signupOpen, FailureLimit codeFailures,
      FailureLimit signups) {
    this.db = db;
    this.accounts = new Accounts(db, clock);
    this.auth = auth;
    this.codes = new SetupCodes(db, clock);
    this.codeFailures = codeFailures;
    this.signups = signups;
    this.signupOpen = signupOpen;
  }

  public static void register(RoutesConfig routes, Database db, Clock clock, BackOfficeAuth auth, boolean signupOpen,
      FailureLimit codeFailures, FailureLimit signups) {
    SetupRoutes r = new SetupRoutes(db, clock, auth, signupOpen, codeFailures, signups);
    routes.get("/setup", ctx -> {
      String code = ctx.queryParam("code");
      String query = code == null ? "" : "?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
      ctx.redirect("/backoffice/setup" + query, HttpStatus.SEE_OTHER);
    });
    routes.get("/backoffice/setup", r::setupPage);
    routes.post("/backoffice/setup", r::setup);
    routes.get("/signup", ctx -> ctx.redirect("/backoffice/signup", HttpStatus.SEE_OTHER));
    routes.get("/backoffice/signup", r::signupPage);
    routes.post("/backoffice/signup", r::signup);
  }

  /** {@code mode}: "setup" (with {@code code}) or "signup". */
  public record SetupPage(PageContext page, String mode, String code, SetupForm form, FieldErrors errors,
                          List<Plan> plans) {}

  /** A setup code that opens nothing: {@code messageKey}, with {@code retryAfter} seconds when limited. */
  public record CodePage(PageContext page, String messageKey, long retryAfter) {}

  private void setupPage(Context ctx) {
    String code = ctx.queryParam("code");
    if (refusedCode(ctx, code)) return;
    PageContext page = PageContext.of(ctx);
    show(ctx, new SetupPage(page, "setup", code, SetupForm.blank(page.lang(), Plan.START), new FieldErrors(),
        List.of(Plan.values())));
  }

  private void setup(Context ctx) {
    String code = ctx.formParam("code");
    if (refusedCode(ctx, code)) return;
    create(ctx, "setup", code);
  }

  private void signupPage(Context ctx) {
    if (!signupOpen) throw Problem.notFound("page", "/signup");
    PageContext page = PageContext.of(ctx);
    show(ctx, new SetupPage(page, "signup", null, SetupForm.blank(page.lang(), Plan.START), new FieldErrors(),
        List.of(Plan.values())));
  }

  private void signup(Context ctx) {
    if (!signupOpen) throw Problem.notFound("page", "/signup");
    Duration wait = signups.retryAfter(ctx.ip());
    if (!wait.isZero()) throw Problem.tooMany("signup.rate_limited", seconds(wait));
    signups.failed(ctx.ip());
    create(ctx, "signup", null);
  }

  /**
   * Validates the form, then in one transaction uses the code (setup) and creates the account; a
   * refused form (or a taken email) re-renders with the errors by their fields and changes nothing.
   */
  private void create(Context ctx, String mode, String code) {
    SetupForm form = SetupForm.read(ctx);
    // Whoever holds the first run's code started this server: they are its operator and pick the plan.
    // A stranger signing up on a hosted node is not: the account starts on Start whatever the form
    // says, and the operator raises it ("account set-plan").
    if (code == null) form = form.onPlan(SIGNUP_PLAN);
    FieldErrors errors = new FieldErrors();
    Accounts.NewAccount account = SetupForm.validate(form, ctx.formParam("ownerPassword"),
        ctx.formParam("ownerPasswordRepeat"), errors);
    Accounts.Created created = null;
    if (account != null) {
      try {
        created = db.inTransaction(h -> {
          Accounts.Created c = accounts.create(h, account);
          if (code != null && !codes.use(h, code, c.accountId())) {
            throw Problem.of(404, "setup_code", "setup.code.invalid");
          }
          return c;
        });
      } catch (Problem p) {
        if ("setup_code".equals(p.code())) {
          codePage(ctx, HttpStatus.NOT_FOUND, "setup.code.invalid", 0);
          return;
        }
        errors = FieldErrors.from(p);
      }
    }
    if (created == null) {
      ctx.status(HttpStatus.BAD_REQUEST);
      show(ctx, new SetupPage(PageContext.of(ctx), mode, code, form, errors, List.of(Plan.values())));
      return;
    }
    if (code != null) codeFailures.succeeded(ctx.ip());
    auth.signIn(ctx, created.accountId(), created.ownerId());
    ctx.redirect("/backoffice/start", HttpStatus.SEE_OTHER);
  }

  /** True (with the answer sent) when the IP is limited or {@code code} opens nothing. */
  private boolean refusedCode(Context ctx, String code) {
    Duration wait = codeFailures.retryAfter(ctx.ip());
    if (!wait.isZero()) {
      long seconds = seconds(wait);
      ctx.header("Retry-After", String.valueOf(seconds));
      codePage(ctx, HttpStatus.TOO_MANY_REQUESTS, "setup.code.rate_limited", seconds);
      return true;
    }
    if (!codes.valid(code)) {
      codeFailures.failed(ctx.ip());
      codePage(ctx, HttpStatus.NOT_FOUND, "setup.code.invalid", 0);
      return true;
    }
    return false;
  }

  private static void codePage(Context ctx, HttpStatus status, String key, long retryAfter) {
    ctx.status(status);
    Pages.show(ctx, "backoffice/onboarding/code.jte", new CodePage(PageContext.of(ctx), key, retryAfter));
  }

  private static void show(Context ctx, SetupPage page) {
    Pages.show(ctx, "backoffice/onboarding/setup.jte", page);
  }

  private static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }
}
