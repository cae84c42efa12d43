package paragon.receipts;

import java.util.List;
import java.util.Map;
import java.util.Set;
import paragon.accounts.Permission;
import paragon.configuration.ConfigSnapshot;
import paragon.receipts.Outcome.Accepted;

/** Open (ad-hoc and table), rename, delete, note, guests, reassign. */
final class ReceiptRules {
  private ReceiptRules() {}

  static Outcome openAdHoc(ReceiptCommands.OpenAdHoc x, RuleState s, Context c) {
    if (s.receiptIdTaken(x.receiptId())) return Refusals.of("exists", Map.of("field", "receiptId"), x.receiptId());
    requireOneCurrentReceipt(s, c);
    Receipt r = adHoc(x.receiptId(), c.actor().space(), s, c);
    // name: in the account's language, as the receipt's `name` (terminals render it from `number`).
    return Accepted.of(r).withResult(Map.of("receiptId", r.id(), "name", r.name(), "number", r.number()));
  }

  /** Rule 1: with parking off a device has exactly one current receipt. */
  static void requireOneCurrentReceipt(RuleState s, Context c) {
    if (!c.actor().config().parkingEnabled() && s.deviceOpenReceipts() > 0) {
      throw Guards.refuse(Refusals.of("parking_off", Map.of()));
    }
  }

  /**
   * A new, empty ad-hoc receipt "Sale N" of {@code space}, N the lowest number whose name is not in use
   * there ({@link Numbering}; the tables of the list count too), owned by the user.
   */
  static Receipt adHoc(String id, String space, RuleState s, Context c) {
    List<String> tables = c.actor().config().slots().stream().map(ConfigSnapshot.Slot::name).toList();
    DefaultName name = DefaultName.sale(s.nextNumber(space, tables, c.names()));
    return fresh(id, space, null, null, name.number(), name, Kind.AD_HOC, false, null, c);
  }

  /** A new receipt called by its default name {@code name} (its {@code name}: in the account's language). */
  static Receipt fresh(String id, String space, String slotId, Long generation, Long number, DefaultName name,
      Kind kind, boolean attention, String recoveredFrom, Context c) {
    String accountName = c.names().inAccountLanguage(name);
    return fresh(id, space, slotId, generation, number, accountName, name, kind, attention, recoveredFrom, c);
  }

  static Receipt fresh(String id, String space, String slotId, Long generation, Long number, String name,
      DefaultName defaultName, Kind kind, boolean attention, String recoveredFrom, Context c) {
    Actor a = c.actor();
    return Receipt.builder().id(id).space(space).shopId(a.shopId()).slotId(slotId).generation(generation)
        .number(number).name(name).defaultName(defaultName).kind(kind).state(State.OPEN)
        .owner(a.userId(), a.roleId()).createdBy(a.userId(), a.deviceId()).attention(attention)
        .recoveredFrom(recoveredFrom).createdAt(c.now()).updatedAt(c.now()).build();
  }

  static Outcome openTable(ReceiptCommands.OpenTable x, RuleState s, Context c) {
    if (!c.actor().config().parkingEnabled()) return Refusals.of("parking_off", Map.of());
    ConfigSnapshot.Slot slot = c.actor().config().slots().stream()
        .filter(t -> t.id().equals(x.slotId())).findFirst().orElse(null);
    if (slot == null) return Refusals.of("unknown_table", Map.of("slotId", x.slotId()), x.slotId());
    long generation = x.generation() == null ? s.slotGeneration() : x.generation();
    if (generation != s.slotGeneration()) {
      return Refusals.of("table_generation", Map.of("current", s.slotGeneration()), slot.name());
    }
    String space = c.actor().space();
    String id = DerivedIds.table(space, slot.id(), generation);
    if (x.receiptId() != null && !x.receiptId().equals(id)) {
      return Refusals.invalid("receiptId", "refusal.invalid.table_id");
    }
    Map<String, Object> result = Map.of("receiptId", id, "generation", generation);
    Receipt existing = s.receipt(id);
    if (existing != null) {
      // Another terminal started it first: both now write into this one receipt.
      if (!existing.isOpen()) {
        return Refusals.of("table_generation", Map.of("current", generation + 1), slot.name());
      }
      return Accepted.noChange(id).withResult(result);
    }
    Receipt r = fresh(id, space, slot.id(), generation, null, slot.name(), null, Kind.TABLE, false, null, c);
    return Accepted.of(r).withResult(result);
  }

  static Outcome rename(ReceiptCommands.Rename x, RuleState s, Context c) {
    Receipt r = s.receipt(x.receiptId());
    Guards.requireEditable(r, x.receiptId(), c);
    if (r.kind() == Kind.TABLE) return Refusals.of("table_fixed", Map.of(), Refusals.name(r));
    Guards.requireName(x.name());
    return Accepted.of(r.withName(x.name().strip()).touchedAt(c.now()));
  }

  static Outcome delete(ReceiptCommands.Delete x, RuleState s, Context c) {
    Receipt r = s.receipt(x.receiptId());
    Guards.requireEditable(r, x.receiptId(), c);
    if (r.kind() == Kind.TABLE) return Refusals.of("table_fixed", Map.of(), Refusals.name(r));
    if (!r.lines().isEmpty()) Guards.requirePermission(Permission.VOID_LINES, c);
    Set<String> removed = Set.copyOf(r.lines().stream().map(Line::id).toList());
    Receipt deleted = r.deletedAt(c.now());
    return new Accepted(List.of(deleted), removed, r.id(), Map.of(), null, false);
  }

  static Outcome note(ReceiptCommands.NoteReceipt x, RuleState s, Context c) {
    Receipt r = s.receipt(x.receiptId());
    Guards.requireEditable(r, x.receiptId(), c);
    String note = Guards.note(x.note());
    Guards.requireNoteLength(note);
    return Accepted.of(r.with(b -> b.note(note).updatedAt(c.now())));
  }

  static Outcome guests(ReceiptCommands.SetGuests x, RuleState s, Context c) {
    Receipt r = s.receipt(x.receiptId());
    Guards.requireEditable(r, x.receiptId(), c);
    if (x.guests() < 0 || x.guests() > Limits.MAX_GUESTS) return Refusals.limit(Limits.Name.GUESTS);
    return Accepted.of(r.with(b -> b.guests(x.guests()).updatedAt(c.now())));
  }

  static Outcome reassign(ReceiptCommands.Reassign x, RuleState s, Context c) {
    Receipt r = s.receipt(x.receiptId());
    Guards.requireEditable(r, x.receiptId(), c);
    Guards.requirePermission(Permission.REASSIGN_RECEIPTS, c);
    ConfigSnapshot.User user = c.actor().config().users().stream()
        .filter(u -> u.id() == x.userId()).findFirst().orElse(null);
    if (user == null) return Refusals.notFound("userId", x.userId());
    if (s.disabledUsers().contains(user.id())) {
      return Refusals.of("user_disabled", Map.of("userId", user.id()), user.name());
    }
    return Accepted.of(r.with(b -> b.owner(user.id(), user.roleId()).updatedAt(c.now())))
        .withResult(Map.of("userId", user.id(), "userName", user.name()));
  }
}
