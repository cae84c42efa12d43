package paragon.catalog;

import io.javalin.http.Context;
import paragon.web.Problem;

/** Ids in back-office paths: anything that is not a number names nothing, so it is "not found". */
final class Ids {
  private Ids() {}

  static long path(Context ctx, String what) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw Problem.notFound(what, ctx.pathParam("id"));
    }
  }

  /** The notice a redirect asked for ({@code ?saved}, {@code ?unchanged}), as a message key. */
  static String notice(Context ctx) {
    return ctx.queryParam("saved") != null ? "form.saved"
        : ctx.queryParam("unchanged") != null ? "form.unchanged" : null;
  }
}
