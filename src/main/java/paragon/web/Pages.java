package paragon.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/**
 * Renders the back office's jte templates (precompiled at build time from {@code src/main/jte}).
 * A template takes one parameter, its page record; every page record carries a {@link PageContext}.
 */
public final class Pages {
  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

  private Pages() {}

  public static String render(String template, Object page) {
    StringOutput out = new StringOutput();
    ENGINE.render(template, page, out);
    return out.toString();
  }

  public static void show(Context ctx, String template, Object page) {
    ctx.html(render(template, page));
  }

  static String errorPage(Context ctx, int status, String message) {
    return render("error.jte", new ErrorPage(PageContext.of(ctx), status, message, RequestIds.current(ctx)));
  }

  public record ErrorPage(PageContext page, int status, String message, String requestId) {}
}
