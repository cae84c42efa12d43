package paragon.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Locale;

/**
 * Which language a request is answered in: {@code ?lang=} (remembered in a cookie), else the cookie,
 * else an explicit choice a feature made for this request (the account's language), else the
 * browser's Accept-Language, else Polish.
 *
 * <p>A terminal's calls ({@link #preferAskedOrAccount}) differ: the terminal sends the language its
 * cashier chose there as Accept-Language with every call, and that choice beats the account's
 * language and the cookie (a back-office cookie in the same browser must not switch the terminal).
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

  /**
   * For device and terminal calls: {@code ?lang=}, else the language Accept-Language asks for, else
   * (the client said nothing, e.g. an integrator) as {@link #preferIfUnset} with the account's language.
   */
  public static void preferAskedOrAccount(Context ctx, String accountLanguage) {
    if (ctx.attribute(ATTRIBUTE) != null) return;
    String asked = accepted(ctx.header("Accept-Language"));
    if (asked != null) ctx.attribute(ATTRIBUTE, asked);
    else preferIfUnset(ctx, accountLanguage);
  }

  public static I18n of(Context ctx) {
    String chosen = ctx.attribute(ATTRIBUTE);
    if (chosen != null) return I18n.of(chosen);
    String cookie = ctx.cookie(COOKIE);
    if (cookie != null && I18n.supported(cookie)) return I18n.of(cookie);
    String accept = accepted(ctx.header("Accept-Language"));
    return I18n.of(accept != null ? accept : "pl");
  }

  /** The supported language an Accept-Language header ranks highest ("en-GB,en;q=0.9" is "en"), or null. */
  static String accepted(String header) {
    if (header == null || header.isBlank()) return null;
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
        String tag = range.getRange();
        String language = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
        if (I18n.supported(language)) return language;
      }
    } catch (IllegalArgumentException e) {
      // A malformed header is no choice: the account's language (or Polish) answers.
      return null;
    }
    return null;
  }
}
