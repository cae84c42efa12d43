package paragon.web;

import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.MDC;

/**
 * A request id per request: taken from {@code X-Request-Id} when it is sane, else made up; echoed back
 * in the response header and put into the logging context so every log line of the request carries it.
 */
public final class RequestIds {
  static final String HEADER = "X-Request-Id";
  private static final String ATTRIBUTE = "paragon.requestId";
  private static final SecureRandom RANDOM = new SecureRandom();

  private RequestIds() {}

  public static void before(Context ctx) {
    String incoming = ctx.header(HEADER);
    String id = incoming != null && incoming.matches("[A-Za-z0-9._-]{1,64}") ? incoming : fresh();
    ctx.attribute(ATTRIBUTE, id);
    ctx.header(HEADER, id);
    MDC.put("requestId", id);
  }

  public static void after(Context ctx) {
    MDC.remove("requestId");
  }

  public static String current(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    return id == null ? "-" : id;
  }

  static String fresh() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
