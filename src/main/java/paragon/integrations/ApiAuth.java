package paragon.integrations;

import io.javalin.http.Context;
import java.time.Clock;
import paragon.web.Problem;

/**
 * The {@code before} of every {@code /api/v1} request (docs/api.md, "Authentication"): the bearer
 * secret names a live key (else 401), the key's bucket has a token (else 429 with {@code Retry-After});
 * every answer to a key carries the {@code RateLimit-*} headers. Handlers read the key with {@link #key}
 * and ask for a scope with {@link #require} (403 without it).
 */
public final class ApiAuth {
  static final String KEY = "paragon.apiKey";
  /** 60 requests at once, then one a second (3600 an hour) per key. */
  static final int CAPACITY = 60;
  static final double PER_SECOND = 1.0;

  private final ApiKeys keys;
  private final RateLimit limit;

  public ApiAuth(ApiKeys keys, Clock clock) {
    this.keys = keys;
    this.limit = new RateLimit(clock, CAPACITY, PER_SECOND);
  }

  public void before(Context ctx) {
    String header = ctx.header("Authorization");
    String secret = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip()
        : null;
    ApiKeys.Key key = secret == null ? null : keys.authenticate(secret).orElse(null);
    if (key == null) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"paragon\"");
      throw Problem.unauthorized(secret == null ? "api.key.missing" : "api.key.invalid");
    }
    RateLimit.Decision d = limit.take(key.id());
    ctx.header("RateLimit-Limit", String.valueOf(d.limit()));
    ctx.header("RateLimit-Remaining", String.valueOf(d.remaining()));
    ctx.header("RateLimit-Reset", String.valueOf(d.resetSeconds()));
    if (!d.allowed()) {
      ctx.header("Retry-After", String.valueOf(d.retryAfterSeconds()));
      throw Problem.tooMany("api.rate_limited", d.retryAfterSeconds());
    }
    ctx.attribute(KEY, key);
  }

  /** The request's key (set by {@link #before}). */
  static ApiKeys.Key key(Context ctx) {
    ApiKeys.Key key = ctx.attribute(KEY);
    if (key == null) throw new IllegalStateException(ctx.path() + " was served without ApiAuth.before");
    return key;
  }

  /** The request's key when it carries {@code scope}, else a 403 naming the scope. */
  static ApiKeys.Key require(Context ctx, String scope) {
    ApiKeys.Key key = key(ctx);
    if (!key.has(scope)) throw Problem.forbidden("api.scope.missing", scope);
    return key;
  }
}
