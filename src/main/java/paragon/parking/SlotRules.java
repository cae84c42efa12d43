package paragon.parking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import paragon.web.FieldErrors;
import paragon.web.Problem;
import paragon.web.Storable;

/**
 * The rules of a predefined-receipt list, as pure functions over what the owner typed: names trimmed,
 * 1..{@value #NAME_MAX} characters, unique within the list ignoring case, at most {@value #MAX_SLOTS}
 * per list. Errors are keyed {@code slots[i].name} (row i) or {@code slots} (the list).
 */
public final class SlotRules {
  public static final int NAME_MAX = 40;
  public static final int MAX_SLOTS = 200;

  private SlotRules() {}

  /** One row of the form as typed: {@code id} is empty for a row added since the page was loaded. */
  public record Row(String id, String name) {
    public boolean isNew() {
      return id == null || id.isEmpty();
    }
  }

  /** A valid row: the name trimmed, the id that of an existing slot or null for a new one. */
  public record Valid(String id, String name) {}

  /** The rows as slots to store, or null with {@code errors} filled (one error per bad row). */
  public static List<Valid> validate(List<Row> rows, FieldErrors errors) {
    if (rows.size() > MAX_SLOTS) errors.add("slots", "parking.too_many", MAX_SLOTS);
    Map<String, Integer> seen = new HashMap<>();
    List<Valid> valid = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      String name = row.name() == null ? "" : row.name().strip();
      String field = field(i);
      if (!Storable.check(errors, field, name)) continue; // nothing is saved: the row needs no Valid
      if (name.isEmpty() || name.length() > NAME_MAX) {
        errors.add(field, "parking.name.length", NAME_MAX);
      } else {
        Integer first = seen.putIfAbsent(fold(name), i);
        if (first != null) errors.add(field, "parking.name.duplicate", rows.get(first).name().strip());
      }
      valid.add(new Valid(row.isNew() ? null : row.id(), name));
    }
    return errors.isEmpty() ? valid : null;
  }

  /**
   * Checks the hidden ids the form sent back: each a UUID and none twice. These are not typed by the
   * owner, so a bad one is a broken or forged form: refused as a whole rather than shown by a field.
   */
  public static void checkIds(List<Row> rows) {
    var ids = new java.util.HashSet<String>();
    for (Row row : rows) {
      if (row.isNew()) continue;
      try {
        UUID.fromString(row.id());
      } catch (IllegalArgumentException e) {
        throw Problem.notFound("receipt", row.id());
      }
      if (!ids.add(row.id())) throw Problem.invalid("id", "parking.id.repeated");
    }
  }

  public static String field(int row) {
    return "slots[" + row + "].name";
  }

  /** Case folding for uniqueness: "Stolik 1", "STOLIK 1" and "stolik 1" are one name. */
  static String fold(String name) {
    return name.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }

  /** Applies an editing action of the plain form (add a row, remove/move row i) to the typed rows. */
  public static List<Row> edit(List<Row> rows, String action, FieldErrors errors) {
    List<Row> out = new ArrayList<>(rows);
    if (action.equals("add")) {
      if (out.size() >= MAX_SLOTS) errors.add("slots", "parking.too_many", MAX_SLOTS);
      else out.add(new Row("", ""));
      return out;
    }
    int colon = action.indexOf(':');
    int i;
    try {
      i = colon < 0 ? -1 : Integer.parseInt(action.substring(colon + 1));
    } catch (NumberFormatException e) {
      i = -1;
    }
    String verb = colon < 0 ? action : action.substring(0, colon);
    if (i < 0 || i >= out.size()) throw Problem.invalid("action", "parking.action.invalid");
    switch (verb) {
      case "remove" -> out.remove(i);
      case "up" -> {
        if (i > 0) out.add(i - 1, out.remove(i));
      }
      case "down" -> {
        if (i < out.size() - 1) out.add(i + 1, out.remove(i));
      }
      default -> throw Problem.invalid("action", "parking.action.invalid");
    }
    return out;
  }
}
