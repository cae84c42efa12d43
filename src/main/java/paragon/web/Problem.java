package paragon.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * A request that cannot be served as asked: bad input, a missing or foreign object, a refused action.
 * Thrown anywhere below the handlers and turned into an HTTP answer in one place ({@link Errors}).
 * The message is a translation key, so the same refusal reads in Polish and in English; {@code field}
 * names the culprit when there is one.
 */
public final class Problem extends RuntimeException {
  private final int status;
  private final String code;
  private final String field;
  private final String messageKey;
  private final Object[] args;
  /** Seconds for a {@code Retry-After} header; 0 for none. */
  private final long retryAfter;

  private Problem(int status, String code, String field, String messageKey, Object... args) {
    this(0, status, code, field, messageKey, args);
  }

  private Problem(long retryAfter, int status, String code, String field, String messageKey, Object... args) {
    super(code + (field == null ? "" : " [" + field + "]") + ": " + messageKey + " " + Arrays.toString(args));
    this.status = status;
    this.code = code;
    this.field = field;
    this.messageKey = messageKey;
    this.args = args.clone();
    this.retryAfter = retryAfter;
  }

  /** The same refusal answered with {@code Retry-After: seconds} (a 429 or 503 the client may retry). */
  public Problem retryAfter(long seconds) {
    if (seconds < 1) throw new IllegalArgumentException("Retry-After seconds < 1: " + seconds);
    return new Problem(seconds, status, code, field, messageKey, args);
  }

  /** Seconds for a {@code Retry-After} header, 0 for none. */
  public long retryAfterSeconds() {
    return retryAfter;
  }

  /** 400: {@code field} is wrong; {@code messageKey} says how. */
  public static Problem invalid(String field, String messageKey, Object... args) {
    return new Problem(400, "invalid", field, messageKey, args);
  }

  /**
   * What a 404 can name, each with its own sentence ({@code error.not_found.<thing>}, spaces as
   * underscores): in Polish the thing is declined ("Nie znaleziono sklepu 7"), so "Not found: {0}" with
   * an English noun would not do. Anything else falls back to {@code error.not_found} with "thing id".
   */
  static final Set<String> THINGS = Set.of("account", "admin", "API key", "attention item", "category",
      "day close", "device", "invitation", "kitchen ticket", "modifier group", "modifier option", "page",
      "product", "receipt", "role", "room", "sale", "shop", "user", "webhook", "webhook delivery");

  /** 404: also the answer for another account's object, so ids leak nothing. */
  public static Problem notFound(String thing, Object id) {
    if (!THINGS.contains(thing)) return new Problem(404, "not_found", null, "error.not_found", thing + " " + id);
    return new Problem(404, "not_found", null, key(thing), String.valueOf(id));
  }

  /** What a 404 can name without an id, with a sentence of its own ({@code error.not_found.<thing>.no_id}). */
  static final Set<String> NAMED_ALONE = Set.of("invitation");

  /** 404 for a thing named without an id (an invitation link that is used or unknown). */
  public static Problem notFound(String thing) {
    if (!NAMED_ALONE.contains(thing)) return new Problem(404, "not_found", null, "error.not_found", thing);
    return new Problem(404, "not_found", null, key(thing) + ".no_id");
  }

  static String key(String thing) {
    return "error.not_found." + thing.toLowerCase(Locale.ROOT).replace(' ', '_');
  }

  public static Problem unauthorized(String messageKey, Object... args) {
    return new Problem(401, "unauthorized", null, messageKey, args);
  }

  public static Problem forbidden(String messageKey, Object... args) {
    return new Problem(403, "forbidden", null, messageKey, args);
  }

  public static Problem conflict(String code, String messageKey, Object... args) {
    return new Problem(409, code, null, messageKey, args);
  }

  public static Problem tooMany(String messageKey, Object... args) {
    return new Problem(429, "too_many", null, messageKey, args);
  }

  /** Any other refusal with a machine-readable {@code code} a client can act on (e.g. "session_ended"). */
  public static Problem of(int status, String code, String messageKey, Object... args) {
    return new Problem(status, code, null, messageKey, args);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String field() {
    return field;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] args() {
    return args.clone();
  }
}
