package paragon.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF protection for the back office by double submit: a random token lives in an HttpOnly,
 * SameSite=Strict cookie and is rendered into every form ({@code _csrf}) and htmx request
 * ({@code X-CSRF-Token}); a state-changing request whose token does not match the cookie is refused
 * before any handler runs. Another site can neither read the cookie nor our pages, so it cannot forge
 * the pair. This covers the login form too, where there is no session yet.
 */
public final class Csrf {
  static final String COOKIE = "paragon_csrf";
  static final String FIELD = "_csrf";
  static final String HEADER = "X-CSRF-Token";
  private static final String ATTRIBUTE = "paragon.csrf";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Csrf() {}

  /** Before every back-office request: make sure the cookie exists; check it on a state change. */
  public static void before(Context ctx) {
    String cookie = ctx.cookie(COOKIE);
    if (cookie == null || cookie.length() < 20) {
      cookie = fresh();
      Cookie c = new Cookie(COOKIE, cookie);
      c.setPath("/backoffice");
      c.setHttpOnly(true);
      c.setSameSite(SameSite.STRICT);
      c.setSecure(ctx.req().isSecure());
      ctx.cookie(c);
      ctx.attribute(ATTRIBUTE, cookie);
      if (changesState(ctx)) throw Problem.forbidden("error.csrf");
      return;
    }
    ctx.attribute(ATTRIBUTE, cookie);
    if (changesState(ctx)) {
      String sent = ctx.header(HEADER);
      if (sent == null) sent = ctx.formParam(FIELD);
      if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
          cookie.getBytes(StandardCharsets.UTF_8))) {
        throw Problem.forbidden("error.csrf");
      }
    }
  }

  public static String token(Context ctx) {
    String token = ctx.attribute(ATTRIBUTE);
    return token == null ? "" : token;
  }

  private static boolean changesState(Context ctx) {
    String method = ctx.method().name();
    return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
  }

  private static String fresh() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
