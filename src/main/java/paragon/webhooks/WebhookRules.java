package paragon.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The pure rules of webhooks: event types, allowed URLs, the signature, the retry delay. */
public final class WebhookRules {
  public static final List<String> TYPES = List.of("sale.created", "receipt.opened", "receipt.changed",
      "receipt.closed", "day.closed", "catalog.changed");
  static final int MAX_URL = 500;
  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

  private WebhookRules() {}

  /**
   * The message key of what is wrong with {@code url}, or null when it may be used: absolute https
   * with a host; http only to this machine and only when {@code allowHttpLocalhost}.
   */
  public static String urlProblem(String url, boolean allowHttpLocalhost) {
    if (url == null || url.isBlank() || url.length() > MAX_URL) return "webhooks.url.invalid";
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return "webhooks.url.invalid";
    }
    if (uri.getHost() == null || uri.getScheme() == null || uri.getRawUserInfo() != null) return "webhooks.url.invalid";
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https")) return null;
    if (scheme.equals("http") && allowHttpLocalhost && LOCAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
      return null;
    }
    return "webhooks.url.https";
  }

  /** The {@code Paragon-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}. */
  public static String signature(String secret, long unixSeconds, String body) {
    return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
  }

  static String hmac(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /**
   * The delay before attempt {@code attempts + 1}: {@code base * 2^(attempts-1)}, at most {@code max},
   * then "equal jitter" (half fixed, half random) so that receivers coming back are not hit by every
   * delivery at once. {@code attempts} >= 1; the shift is capped, so no overflow.
   */
  static long delayMillis(int attempts, long baseMillis, long maxMillis, RandomGenerator random) {
    int shift = Math.min(Math.max(attempts - 1, 0), 30);
    long exp = Math.min(maxMillis, baseMillis << shift > 0 ? baseMillis << shift : maxMillis);
    long half = exp / 2;
    return half + (half > 0 ? random.nextLong(half + 1) : 0);
  }
}
