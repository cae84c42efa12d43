package paragon.web;

import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import paragon.metrics.Metrics;

/**
 * The cap on TCP connections of the node (docs/operations.md, "Limits"), Jetty's
 * {@link NetworkConnectionLimit} on every connector: at the cap Jetty stops accepting, so new
 * connections wait in the kernel's listen backlog instead of failing with "too many open files", and
 * idle connections are closed after {@link #IDLE_WHEN_FULL_MS} instead of the usual idle timeout, which
 * frees room. When the count drops below the cap it accepts again: the node slows down under a flood of
 * connections but never stops answering, and {@code /health/live} answers once the flood is over.
 */
public final class ConnectionCap {
  /** While at the cap, a connection idle this long is closed (a socket that never sends goes first). */
  static final long IDLE_WHEN_FULL_MS = 2_000;

  private ConnectionCap() {}

  /** Puts the cap on {@code server}'s connectors, with the gauges {@code paragon_http_connections(_limit)}. */
  public static void install(Server server, int maxConnections, Metrics metrics) {
    NetworkConnectionLimit limit = new NetworkConnectionLimit(maxConnections, server);
    limit.setEndPointIdleTimeout(IDLE_WHEN_FULL_MS);
    server.addBean(limit);
    metrics.gauge("paragon_http_connections", limit::getNetworkConnectionCount);
    metrics.gauge("paragon_http_connections_limit", () -> maxConnections);
  }
}
