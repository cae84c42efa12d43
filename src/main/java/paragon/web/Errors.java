package paragon.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.BadMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paragon.storage.Database;

/**
 * The one place where failures become HTTP answers: a {@link Problem} becomes its status with a message
 * in the caller's language (JSON for the API, a page for the back office); a database that could not be
 * reached is a 503 {@code unavailable} ({@link Readiness}); anything else is a 500 that is logged with
 * the request id and tells the user only that id.
 */
public final class Errors {
  private static final Logger log = LoggerFactory.getLogger(Errors.class);

  private Errors() {}

  /**
   * {@code readiness} learns of a request that failed because the database could not be reached; that
   * request is answered {@code 503 unavailable} with {@code Retry-After} (nothing was decided; the
   * client sends it again), never 500.
   */
  public static void register(RoutesConfig routes, Readiness readiness) {
    routes.exception(Problem.class, (problem, ctx) -> {
      if (problem.retryAfterSeconds() > 0) ctx.header("Retry-After", String.valueOf(problem.retryAfterSeconds()));
      answer(ctx, problem.status(), body(problem, Lang.of(ctx)));
    });
    routes.exception(Exception.class, (e, ctx) -> {
      BadMessageException unreadable = unreadable(e);
      if (unreadable != null) {
        // Jetty could not read the request (a multipart body without its boundary, a bad encoding):
        // the client's fault, answered as such; nothing was read, so nothing changed.
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "unreadable");
        body.put("message", Lang.of(ctx).t("error.unreadable"));
        answer(ctx, unreadable.getCode() >= 500 ? 400 : unreadable.getCode(), body);
        return;
      }
      if (Database.isUnavailable(e)) {
        log.warn("request {} {}: the database did not answer: {}", ctx.method(), ctx.path(), e.toString());
        readiness.failed(e);
        readiness.refusedRequest();
        Problem problem = Readiness.unavailable();
        ctx.header("Retry-After", String.valueOf(problem.retryAfterSeconds()));
        answer(ctx, problem.status(), body(problem, Lang.of(ctx)));
        return;
      }
      String requestId = RequestIds.current(ctx);
      log.error("request {} {} failed", ctx.method(), ctx.path(), e);
      I18n i18n = Lang.of(ctx);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", "internal");
      body.put("message", i18n.t("error.internal", requestId));
      body.put("requestId", requestId);
      answer(ctx, 500, body);
    });
    // Javalin's own refusals (unknown route, wrong method, bad body): same shape, our language.
    routes.exception(HttpResponseException.class, (e, ctx) -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", e.getStatus() == 404 ? "not_found" : "http_" + e.getStatus());
      body.put("message", e.getStatus() == 404 ? Lang.of(ctx).t("error.not_found", ctx.path()) : e.getMessage());
      answer(ctx, e.getStatus(), body);
    });
  }

  /** The Jetty refusal somewhere in {@code e}'s causes, or null. */
  private static BadMessageException unreadable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BadMessageException bad) return bad;
    }
    return null;
  }

  public static Map<String, Object> body(Problem problem, I18n i18n) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", problem.code());
    if (problem.field() != null) body.put("field", problem.field());
    body.put("message", i18n.t(problem.messageKey(), problem.args()));
    return body;
  }

  private static void answer(Context ctx, int status, Map<String, Object> body) {
    ctx.status(status);
    if (wantsHtml(ctx)) {
      ctx.html(Pages.errorPage(ctx, status, String.valueOf(body.get("message"))));
    } else {
      ctx.json(body);
    }
  }

  /** Back-office pages get an error page; the API and htmx fragments get JSON or text. */
  static boolean wantsHtml(Context ctx) {
    return ctx.path().startsWith("/backoffice") && ctx.header("HX-Request") == null;
  }
}
