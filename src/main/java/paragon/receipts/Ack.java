package paragon.receipts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import paragon.web.I18n;

/**
 * The answer to one command (docs/protocol.md, "Acks"). {@code status}: accepted, refused or
 * duplicate (then {@code original} is what the first attempt got); {@code seq}/{@code space}: the
 * change the command produced for its main receipt; {@code message}: the refusal in the user's language.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Ack(long n, String status, String original, String code, String message, Long seq, String space,
    Map<String, Object> result, Map<String, Object> details) {
  static final String REUSED = "number_reused";

  static Ack of(long n, CommandLog.Logged logged, boolean duplicate, I18n i18n) {
    String message = logged.key() == null ? null : i18n.t(logged.key(), NameArg.render(logged.args(), i18n));
    return new Ack(n, duplicate ? "duplicate" : logged.status(), duplicate ? logged.status() : null, logged.code(),
        message, logged.seq(), logged.space(), logged.result().isEmpty() ? null : logged.result(),
        logged.details().isEmpty() ? null : logged.details());
  }

  static Ack gap(long n, long expected, I18n i18n) {
    return new Ack(n, "refused", null, "gap", i18n.t("refusal.gap", n, expected), null, null, null,
        Map.of("expected", expected));
  }

  /**
   * Number {@code n} was applied before to another command of this device (two tabs, or an outbox write
   * that never reached storage): this command was not applied and must be sent again as {@code expected}.
   */
  static Ack reused(long n, long expected, I18n i18n) {
    return new Ack(n, "refused", null, REUSED, i18n.t("refusal.number_reused", n, expected), null, null, null,
        Map.of("expected", expected));
  }

  /** Not applied: the command {@code reused} before it in the same batch was answered {@link #reused}. */
  static Ack afterReused(long n, Ack reused, I18n i18n) {
    Object expected = reused.details().get("expected");
    return new Ack(n, "refused", null, REUSED, i18n.t("refusal.number_reused.after", n, reused.n(), expected), null,
        null, null, Map.of("expected", expected));
  }

  boolean isReused() {
    return REUSED.equals(code) && "refused".equals(status);
  }

  public boolean accepted() {
    return "accepted".equals(status) || "accepted".equals(original);
  }
}
