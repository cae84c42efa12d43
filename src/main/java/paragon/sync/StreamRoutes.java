package paragon.sync;

import io.javalin.config.RoutesConfig;

/** {@code /api/terminal/stream}: one WebSocket per terminal (docs/protocol.md "Stream"). */
public final class StreamRoutes {
  public static final String PATH = "/api/terminal/stream";

  private StreamRoutes() {}

  public static void register(RoutesConfig routes, StreamHub hub) {
    routes.ws(PATH, ws -> {
      ws.onConnect(ctx -> hub.opened(ctx.session));
      ws.onMessage(ctx -> hub.message(ctx.session, ctx.message()));
      ws.onClose(ctx -> hub.closed(ctx.session));
      ws.onError(ctx -> hub.closed(ctx.session));
    });
  }
}
