package paragon.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import paragon.metrics.Metrics;

/**
 * {@code GET /metrics}: every series in the Prometheus text format. With a token set
 * ({@code PARAGON_METRICS_TOKEN}) only {@code Authorization: Bearer <token>} is answered, anything else
 * gets 401; without one the endpoint is open (docs/operations.md says to keep it off the public side).
 */
public final class MetricsRoute {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private MetricsRoute() {}

  /** {@code token}: the bearer token asked for, or null for an open endpoint. */
  public static void register(RoutesConfig routes, Metrics metrics, String token) {
    byte[] expected = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    routes.get("/metrics", ctx -> {
      if (expected != null && !authorized(ctx, expected)) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"metrics\"");
        throw Problem.unauthorized("metrics.unauthorized");
      }
      ctx.contentType(CONTENT_TYPE).result(metrics.scrape());
    });
  }

  /** Constant time over the token's bytes: a scraper's failures tell nothing of how close they came. */
  private static boolean authorized(Context ctx, byte[] expected) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
    return MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8), expected);
  }
}
