package paragon.receipts;

import java.util.List;
import java.util.Map;
import paragon.accounts.Permission;
import paragon.receipts.Outcome.Refused;

/** Every refusal a rule can give; the codes are the table in docs/protocol.md. */
final class Refusals {
  private Refusals() {}

  static Refused of(String code, Map<String, Object> details, Object... args) {
    return new Refused(code, "refusal." + code, List.of(args), details);
  }

  static Refused invalid(String field, String key) {
    return new Refused("invalid", key, List.of(field), Map.of("field", field));
  }

  /**
   * The receipt's name as a message argument: its default name stays a {@link DefaultName} (kept so in
   * the command log), rendered in the language of each answer ({@link Ack#of}), also of a resend.
   */
  static Object name(Receipt r) {
    return r.defaultName() != null ? NameArg.of(r.defaultName()) : r.name();
  }

  static Refused notFound(String what, String id) {
    return of("not_found", Map.of(what, id), id);
  }

  /** A numeric id (product, user) stays a number in {@code details}, as the command sent it. */
  static Refused notFound(String what, long id) {
    return of("not_found", Map.of(what, id), String.valueOf(id));
  }

  /** Without the receipt's name: a name a colleague gave ("Pan Kowalski") is not for whoever may not see it. */
  static Refused notVisible(Receipt r) {
    return of("not_visible", Map.of("receiptId", r.id()));
  }

  static Refused closed(Receipt r) {
    return of("closed", Map.of("receiptId", r.id(), "state", r.state().name()), name(r));
  }

  static Refused leased(Receipt.Lease l) {
    return of("leased", Map.of("deviceId", l.deviceId(), "userId", l.userId(), "userName", l.userName(),
        "until", l.until()), l.userName(), l.deviceId());
  }

  static Refused permission(Permission p) {
    return new Refused("permission", "refusal.permission." + p.name(), List.of(), Map.of("permission", p.name()));
  }

  static Refused limit(Limits.Name limit) {
    return new Refused("limit", "refusal.limit." + limit.key(), List.of(limit.max),
        Map.of("limit", limit.key(), "max", limit.max));
  }

  /** The server failed on this command (a bug, or data it cannot read): recorded so later commands still apply. */
  static Refused internal(String requestId) {
    return of("internal", Map.of("requestId", requestId), requestId);
  }

  /**
   * A value outside [min, max] of {@code limit} here (a discount's bound depends on what it is on);
   * {@code shown}: the maximum as the message shows it (a count, or złoty).
   */
  static Refused range(Limits.Name limit, long min, long max, Object shown) {
    return new Refused("limit", "refusal.limit." + limit.key(), List.of(shown),
        Map.of("limit", limit.key(), "min", min, "max", max));
  }

  static Refused quantityTooLow() {
    return new Refused("limit", "refusal.limit.quantity_min", List.of(Limits.MIN_QUANTITY),
        Map.of("limit", "quantity", "min", Limits.MIN_QUANTITY, "max", Limits.MAX_QUANTITY));
  }
}
