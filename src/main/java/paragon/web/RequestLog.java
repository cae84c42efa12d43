package paragon.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.InternalRouter;
import io.javalin.router.ParsedEndpoint;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import paragon.metrics.Metrics;

/**
 * One log line per HTTP request (docs/operations.md, "Request log"): request id, method, route,
 * status, latency, and who asked (account, device, user, as the request's authentication found them)
 * with the number of commands it carried. The same facts are the line's MDC fields, so the JSON log
 * format ({@code PARAGON_LOG_FORMAT=json}) gives them as fields. Also feeds the HTTP series
 * ({@code paragon_http_requests_seconds}) and the login counters, which are read off the answers of the
 * two sign-in routes: the routes stay as they are, and what is counted is what the client was told.
 */
public final class RequestLog {
  private static final Logger log = LoggerFactory.getLogger("paragon.request");
  private static final String STARTED = "paragon.started";
  private static final String ACCOUNT = "paragon.account";
  private static final String DEVICE = "paragon.device";
  private static final String USER = "paragon.user";
  private static final String COMMANDS = "paragon.commands";
  /** The MDC fields of the request line, in the order the text format prints them. */
  static final String[] FIELDS = {"method", "route", "status", "latencyMs", "account", "device", "user", "commands"};

  private final Metrics metrics;
  private final InternalRouter router;

  /** {@code router}: the app's, asked for the route of a request refused before routing ({@link #route}). */
  public RequestLog(Metrics metrics, InternalRouter router) {
    this.metrics = metrics;
    this.router = router;
    // At zero from the start, so that a rate over them is defined before the first sign-in.
    for (String kind : new String[] {"backoffice", "pin"}) {
      for (String outcome : new String[] {"success", "failure", "locked"}) login(kind, outcome);
    }
  }

  /** The authenticated device of this request (its account with it). */
  public static void device(Context ctx, long accountId, long deviceId) {
    ctx.attribute(ACCOUNT, accountId);
    ctx.attribute(DEVICE, deviceId);
  }

  /** The signed-in user of this request: {@code kind} "cashier" (on a device) or "admin" (back office). */
  public static void user(Context ctx, long accountId, String kind, long userId) {
    ctx.attribute(ACCOUNT, accountId);
    ctx.attribute(USER, kind + ":" + userId);
  }

  /** How many commands the request carried. */
  public static void commands(Context ctx, int count) {
    ctx.attribute(COMMANDS, count);
  }

  public void before(Context ctx) {
    ctx.attribute(STARTED, System.nanoTime());
  }

  public void after(Context ctx) {
    Long started = ctx.attribute(STARTED);
    if (started == null) return;
    long nanos = System.nanoTime() - started;
    String route = route(ctx);
    int status = ctx.statusCode();
    String method = ctx.method().name();
    metrics.timer("paragon_http_requests_seconds", "method", method, "route", route, "status", String.valueOf(status))
        .record(java.time.Duration.ofNanos(nanos));
    countLogin(method, route, status);
    String[] values = {method, route, String.valueOf(status), String.format(Locale.ROOT, "%.1f", nanos / 1e6),
        text(ctx.attribute(ACCOUNT)), text(ctx.attribute(DEVICE)), text(ctx.attribute(USER)),
        text(ctx.attribute(COMMANDS))};
    try {
      for (int i = 0; i < FIELDS.length; i++) MDC.put(FIELDS[i], values[i]);
      log.info("{} {} {} {} ms account={} device={} user={} commands={}", (Object[]) values);
    } finally {
      for (String f : FIELDS) MDC.remove(f);
    }
  }

  /**
   * The route template (e.g. {@code /backoffice/devices/{id}}), not the path: a bounded set of labels.
   * A request refused by a before-handler (503 {@code unavailable} from {@link Readiness}, a 429 of
   * {@link RequestRates}, a 401 of the API's key check) never reached routing, so Javalin matched no
   * endpoint: the router is asked which one it would have matched, as Javalin's own matching does
   * (HEAD answered by a GET route). {@code unmatched} only when no route has the path.
   */
  private String route(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    if (endpoint != null) return endpoint.path;
    String path = ctx.path();
    if (path.startsWith(ctx.contextPath())) path = path.substring(ctx.contextPath().length());
    ParsedEndpoint found = router.findFirstHttpHandlerEntry(ctx.method(), path);
    if (found == null && HandlerType.HEAD.equals(ctx.method())) found = router.findFirstHttpHandlerEntry(HandlerType.GET, path);
    return found == null ? "unmatched" : found.endpoint.path;
  }

  /**
   * Sign-ins by their answer: back office 303 (signed in), 401 (wrong email or password), 429 (too many
   * failures); PIN login 201, 401 (wrong identifier or PIN), 429 (locked out). Other answers (a 400, a
   * 403 of the CSRF check) are not sign-ins.
   */
  private void countLogin(String method, String route, int status) {
    if (!method.equals("POST")) return;
    String kind = switch (route) {
      case "/backoffice/login" -> "backoffice";
      case "/api/device/login" -> "pin";
      default -> null;
    };
    if (kind == null) return;
    String outcome = switch (status) {
      case 201, 303 -> "success";
      case 401 -> "failure";
      case 429 -> "locked";
      default -> null;
    };
    if (outcome != null) login(kind, outcome).increment();
  }

  private io.micrometer.core.instrument.Counter login(String kind, String outcome) {
    return metrics.counter("paragon_logins_total", "kind", kind, "outcome", outcome);
  }

  private static String text(Object value) {
    return value == null ? "-" : value.toString();
  }
}
