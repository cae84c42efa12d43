package paragon.web;

import io.javalin.http.Context;

/**
 * What every back-office page needs besides its own data: the translator, the CSRF token for its
 * forms, the path (to mark the current menu entry and build language links), who is signed in and
 * whether as an owner.
 */
public record PageContext(I18n i18n, String csrf, String path, String signedInAs, boolean owner) {

  public PageContext(I18n i18n, String csrf, String path, String signedInAs) {
    this(i18n, csrf, path, signedInAs, false);
  }

  public static PageContext of(Context ctx) {
    String who = ctx.attribute(SIGNED_IN_AS);
    return new PageContext(Lang.of(ctx), Csrf.token(ctx), ctx.path(), who, Boolean.TRUE.equals(ctx.attribute(OWNER)));
  }

  /** A feature that authenticates the request puts the display name here. */
  public static final String SIGNED_IN_AS = "paragon.signedInAs";
  /** ... and {@code true} here when the signed-in person is an owner (the menu shows Admins only to owners). */
  public static final String OWNER = "paragon.owner";

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
