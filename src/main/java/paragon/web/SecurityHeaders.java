package paragon.web;

import io.javalin.http.Context;

/**
 * The headers every answer carries (docs/operations.md, "Security headers"), set before the handler
 * runs so that errors carry them too; a handler may replace {@code Cache-Control} (the terminal's files
 * are {@code no-cache}, the device's configuration {@code private, no-cache}).
 *
 * <p>The policy is what the back office and the terminal actually satisfy: every script is a file of
 * this origin (no inline script or handler, no eval); styles may be inline (the terminal's Lit
 * templates and htmx's indicator style use them, and a style cannot run code); the stream is a
 * WebSocket to this origin ({@code 'self'} covers ws/wss of the same host); no page may be framed.
 */
public final class SecurityHeaders {
  static final String POLICY = String.join("; ",
      "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
      "connect-src 'self'", "worker-src 'self'", "manifest-src 'self'", "object-src 'none'", "base-uri 'self'",
      "form-action 'self'", "frame-ancestors 'none'");

  private SecurityHeaders() {}

  /**
   * The policy for a page with one inline script allowed by its hash (the terminal's import map, which
   * a browser only reads inline): {@code 'sha256-…'} of the script's exact text.
   */
  public static String allowingScript(String inlineScript) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(inlineScript.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String hash = "'sha256-" + java.util.Base64.getEncoder().encodeToString(digest) + "'";
      return POLICY.replace("script-src 'self'", "script-src 'self' " + hash);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  public static void before(Context ctx) {
    ctx.header("Content-Security-Policy", POLICY);
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    // A signed-in page or an API answer is never kept by a browser or a proxy cache.
    if (!ctx.path().startsWith("/assets/") && !ctx.path().startsWith("/webjars/")) {
      ctx.header("Cache-Control", "no-store");
    }
    if (ctx.req().isSecure()) ctx.header("Strict-Transport-Security", "max-age=31536000");
  }
}
