package paragon.web;

import io.javalin.http.Context;

/**
 * What every back-office page needs besides its own data: the translator, the CSRF token for its
 * forms, the path (to mark the current menu entry and build language links) and who is signed in.
 */
public record PageContext(I18n i18n, String csrf, String path, String signedInAs) {

  public static PageContext of(Context ctx) {
    String who = ctx.attribute(SIGNED_IN_AS);
    return new PageContext(Lang.of(ctx), Csrf.token(ctx), ctx.path(), who);
  }

  /** A feature that authenticates the request puts the display name here. */
  public static final String SIGNED_IN_AS = "paragon.signedInAs";

  public String t(String key, Object... args) {
    return i18n.t(key, args);
  }

  public String lang() {
    return i18n.language();
  }

  /** The same page in the other language. */
  public String otherLanguageLink() {
    return path + "?lang=" + ("pl".equals(lang()) ? "en" : "pl");
  }
}
