package paragon.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/**
 * Which language a request is answered in: {@code ?lang=} (remembered in a cookie), else the cookie,
 * else an explicit choice a feature made for this request (the account's language), else the
 * browser's Accept-Language, else Polish.
 */
public final class Lang {
  static final String COOKIE = "paragon_lang";
  private static final String ATTRIBUTE = "paragon.lang";

  private Lang() {}

  public static void before(Context ctx) {
    String asked = ctx.queryParam("lang");
    if (asked != null && I18n.supported(asked)) {
      Cookie cookie = new Cookie(COOKIE, asked);
      cookie.setPath("/");
      cookie.setMaxAge(365 * 24 * 3600);
      cookie.setSameSite(SameSite.LAX);
      ctx.cookie(cookie);
      ctx.attribute(ATTRIBUTE, asked);
    }
  }

  /** Lets a feature choose the language when the user has not (e.g. the account's default). */
  public static void preferIfUnset(Context ctx, String language) {
    if (ctx.attribute(ATTRIBUTE) == null && ctx.cookie(COOKIE) == null && I18n.supported(language)) {
      ctx.attribute(ATTRIBUTE, language);
    }
  }

  public static I18n of(Context ctx) {
    String chosen = ctx.attribute(ATTRIBUTE);
    if (chosen != null) return I18n.of(chosen);
    String cookie = ctx.cookie(COOKIE);
    if (cookie != null && I18n.supported(cookie)) return I18n.of(cookie);
    String accept = ctx.header("Accept-Language");
    if (accept != null && accept.trim().toLowerCase().startsWith("en")) return I18n.of("en");
    return I18n.of("pl");
  }
}
