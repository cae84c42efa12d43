package paragon.web;

import io.javalin.config.RoutesConfig;
import java.util.Map;
import paragon.storage.Database;

/** Liveness (the process answers) and readiness (the database answers too). */
public final class Health {
  private Health() {}

  public static void register(RoutesConfig routes, Database db) {
    routes.get("/health/live", ctx -> ctx.json(Map.of("status", "up")));
    routes.get("/health/ready", ctx -> {
      boolean up = db.ping();
      ctx.status(up ? 200 : 503).json(Map.of("status", up ? "up" : "down", "database", db.dialect().name().toLowerCase()));
    });
  }
}
