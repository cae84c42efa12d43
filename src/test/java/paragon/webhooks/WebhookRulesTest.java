package paragon.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The pure webhook rules: which URLs are allowed, the retry delay's bounds. */
class WebhookRulesTest {

  @Test
  void https_is_allowed_http_only_to_this_machine_and_only_with_the_setting() {
    assertThat(WebhookRules.urlProblem("https://hooks.example.com/paragon?x=1", false)).isNull();
    assertThat(WebhookRules.urlProblem("http://hooks.example.com/p", true)).isEqualTo("webhooks.url.https");
    assertThat(WebhookRules.urlProblem("http://127.0.0.1:8081/p", false)).isEqualTo("webhooks.url.https");
    assertThat(WebhookRules.urlProblem("http://127.0.0.1:8081/p", true)).isNull();
    assertThat(WebhookRules.urlProblem("http://localhost/p", true)).isNull();
    assertThat(WebhookRules.urlProblem("http://localhost.evil.example/p", true)).isEqualTo("webhooks.url.https");
    assertThat(WebhookRules.urlProblem("https://user:pw@example.com/", false)).isEqualTo("webhooks.url.invalid");
    assertThat(WebhookRules.urlProblem("/relative", false)).isEqualTo("webhooks.url.invalid");
    assertThat(WebhookRules.urlProblem("", false)).isEqualTo("webhooks.url.invalid");
    assertThat(WebhookRules.urlProblem("https://example.com/" + "a".repeat(500), false))
        .isEqualTo("webhooks.url.invalid");
  }

  @Test
  void the_delay_doubles_per_attempt_within_half_and_all_of_it_up_to_the_cap() {
    SplittableRandom random = new SplittableRandom(7);
    long base = 30_000;
    long max = 3_600_000;
    for (int attempt = 1; attempt <= 64; attempt++) {
      long full = Math.min(max, base << Math.min(attempt - 1, 30));
      for (int i = 0; i < 50; i++) {
        long d = WebhookRules.delayMillis(attempt, base, max, random);
        assertThat(d).as("attempt %d", attempt).isBetween(full / 2, full);
      }
    }
    assertThat(WebhookRules.delayMillis(1, base, max, random)).isLessThanOrEqualTo(30_000);
    assertThat(WebhookRules.delayMillis(40, base, max, random)).isGreaterThanOrEqualTo(1_800_000);
  }
}
