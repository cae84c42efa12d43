package paragon.web;

import io.javalin.config.RoutesConfig;
import java.util.Map;
import paragon.storage.Database;

/**
 * Liveness (the process answers) and readiness (the database answers too, {@link Readiness}: a cached
 * answer, or a probe bounded to about a second and a half; a database that does not answer in time is
 * a 503, never a hang).
 */
public final class Health {
  private Health() {}

  public static void register(RoutesConfig routes, Database db, Readiness readiness) {
    routes.get("/health/live", ctx -> ctx.json(Map.of("status", "up")));
    routes.get("/health/ready", ctx -> {
      boolean up = readiness.ready();
      ctx.status(up ? 200 : 503).json(Map.of("status", up ? "up" : "down", "database", db.dialect().name().toLowerCase()));
    });
  }
}
