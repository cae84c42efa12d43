package paragon.webhooks;

import java.time.Duration;
import java.util.Map;

/**
 * The knobs of webhook delivery (docs/api.md, "Webhooks"). {@code allowHttpLocalhost}: accept
 * {@code http://localhost} and {@code http://127.0.0.1} URLs (tests, a developer's receiver), from
 * {@code PARAGON_WEBHOOKS_ALLOW_HTTP_LOCALHOST=true}; every other URL must be https. {@code poll}: how
 * often a node looks for due deliveries; {@code lease}: how long a claimed delivery is its node's
 * (longer than the total timeout, so a live node's send is never taken over); {@code backoff}: the
 * first retry's delay, doubled per attempt up to {@code maxBackoff}; {@code window}: how long a
 * delivery is retried before it is marked failed.
 */
public record WebhookSettings(boolean allowHttpLocalhost, Duration poll, Duration lease, Duration backoff,
    Duration maxBackoff, Duration window, Duration connectTimeout, Duration totalTimeout) {
  public static final WebhookSettings DEFAULTS = new WebhookSettings(false, Duration.ofSeconds(1),
      Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24),
      Duration.ofSeconds(5), Duration.ofSeconds(10));

  public WebhookSettings {
    if (!lease.minus(totalTimeout).isPositive()) {
      throw new IllegalArgumentException("webhook lease " + lease + " must be longer than the total timeout "
          + totalTimeout);
    }
  }

  /** The defaults, with {@code PARAGON_WEBHOOKS_ALLOW_HTTP_LOCALHOST} read from {@code env}. */
  public static WebhookSettings from(Map<String, String> env) {
    String raw = env.getOrDefault("PARAGON_WEBHOOKS_ALLOW_HTTP_LOCALHOST", "false").strip();
    if (!raw.equals("true") && !raw.equals("false")) {
      throw new IllegalArgumentException("PARAGON_WEBHOOKS_ALLOW_HTTP_LOCALHOST must be true or false, not " + raw);
    }
    return DEFAULTS.allowingHttpLocalhost(raw.equals("true"));
  }

  public WebhookSettings allowingHttpLocalhost(boolean allow) {
    return new WebhookSettings(allow, poll, lease, backoff, maxBackoff, window, connectTimeout, totalTimeout);
  }
}
