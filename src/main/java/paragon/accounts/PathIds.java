package paragon.accounts;

import io.javalin.http.Context;
import paragon.web.Problem;

/** Ids in back-office paths: anything that is not a number names nothing, so it is "not found". */
final class PathIds {
  private PathIds() {}

  static long path(Context ctx, String param, String what) {
    try {
      return Long.parseLong(ctx.pathParam(param));
    } catch (NumberFormatException e) {
      throw Problem.notFound(what, ctx.pathParam(param));
    }
  }
}
