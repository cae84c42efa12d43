package paragon.floor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import paragon.web.FieldErrors;
import paragon.web.Problem;
import paragon.web.Storable;

/**
 * The rules of a shop's floor plan, as pure functions over what the owner posted. Rooms: names trimmed,
 * 1..{@value #NAME_MAX} characters, unique ignoring case, at most {@value #MAX_ROOMS}. Tables: a slot of
 * the shop's list (each at most once), in a room of the plan or unplaced, on the {@value #WIDTH}x{@value
 * #HEIGHT} grid (x 0..23, y 0..15), one table a cell, {@code round} or {@code square}, 1..{@value
 * #MAX_SEATS} seats. The "open too long" threshold: 1..{@value #MAX_MINUTES} minutes. Errors are keyed
 * {@code openTooLongMinutes}, {@code rooms[i].name}, {@code tables[i].x} and so on (row i as posted).
 */
public final class FloorRules {
  public static final int WIDTH = 24;
  public static final int HEIGHT = 16;
  public static final int NAME_MAX = 40;
  public static final int MAX_ROOMS = 20;
  public static final int MAX_SEATS = 50;
  public static final int MAX_MINUTES = 1440;
  public static final List<String> SHAPES = List.of("round", "square");

  private FloorRules() {}

  /** A room as posted: {@code id} empty for one added since the page was loaded. */
  public record RoomRow(String id, String name) {
    public boolean isNew() {
      return id == null || id.isEmpty();
    }
  }

  /** A table as posted: {@code room} the index of its room among the posted rooms, empty when unplaced. */
  public record TableRow(String slotId, String room, String x, String y, String shape, String seats) {
    public boolean placed() {
      return room != null && !room.isEmpty();
    }
  }

  /** The plan as posted. */
  public record Form(String openTooLongMinutes, List<RoomRow> rooms, List<TableRow> tables) {}

  public record ValidRoom(Long id, String name) {}

  /** A placed table: {@code room} the index of its room in {@link Valid#rooms}. */
  public record ValidTable(String slotId, int room, int x, int y, String shape, int seats) {}

  public record Valid(int openTooLongMinutes, List<ValidRoom> rooms, List<ValidTable> tables) {}

  /**
   * The plan to store, or null with {@code errors} filled (each bad field named). {@code slots}: the ids
   * of the shop's predefined receipts; a table of another slot is refused by its field.
   */
  public static Valid validate(Form form, Set<String> slots, FieldErrors errors) {
    Integer minutes = integer(form.openTooLongMinutes());
    if (minutes == null || minutes < 1 || minutes > MAX_MINUTES) {
      errors.add("openTooLongMinutes", "floor.minutes.range", MAX_MINUTES);
    }
    if (form.rooms().size() > MAX_ROOMS) errors.add("rooms", "floor.rooms.too_many", MAX_ROOMS);
    List<ValidRoom> rooms = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    for (int i = 0; i < form.rooms().size(); i++) {
      RoomRow row = form.rooms().get(i);
      String field = "rooms[" + i + "].name";
      String name = row.name() == null ? "" : row.name().strip();
      if (!Storable.check(errors, field, name)) continue;
      if (name.isEmpty() || name.codePointCount(0, name.length()) > NAME_MAX) {
        errors.add(field, "floor.room.length", NAME_MAX);
      } else {
        Integer first = names.putIfAbsent(name.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), i);
        if (first != null) errors.add(field, "floor.room.duplicate", form.rooms().get(first).name().strip());
      }
      rooms.add(new ValidRoom(row.isNew() ? null : roomId(row.id()), name));
    }
    List<ValidTable> tables = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Map<String, String> cells = new HashMap<>();
    for (int i = 0; i < form.tables().size(); i++) {
      TableRow t = form.tables().get(i);
      String at = "tables[" + i + "].";
      if (t.slotId() == null || !slots.contains(t.slotId())) {
        errors.add(at + "slotId", "floor.slot.unknown");
        continue;
      }
      if (!seen.add(t.slotId())) {
        errors.add(at + "slotId", "floor.slot.repeated");
        continue;
      }
      if (!t.placed()) continue;
      Integer room = integer(t.room());
      Integer x = integer(t.x());
      Integer y = integer(t.y());
      Integer seats = integer(t.seats());
      boolean ok = true;
      if (room == null || room < 0 || room >= form.rooms().size()) ok = err(errors, at + "room", "floor.room.unknown");
      if (x == null || x < 0 || x >= WIDTH) ok = err(errors, at + "x", "floor.x.range", WIDTH - 1);
      if (y == null || y < 0 || y >= HEIGHT) ok = err(errors, at + "y", "floor.y.range", HEIGHT - 1);
      if (!SHAPES.contains(t.shape())) ok = err(errors, at + "shape", "floor.shape.invalid");
      if (seats == null || seats < 1 || seats > MAX_SEATS) ok = err(errors, at + "seats", "floor.seats.range", MAX_SEATS);
      if (!ok) continue;
      String cell = room + "/" + x + "/" + y;
      String other = cells.putIfAbsent(cell, t.slotId());
      if (other != null) {
        errors.add(at + "x", "floor.cell.taken", x, y);
        continue;
      }
      tables.add(new ValidTable(t.slotId(), room, x, y, t.shape(), seats));
    }
    return errors.isEmpty() ? new Valid(minutes, rooms, tables) : null;
  }

  private static boolean err(FieldErrors errors, String field, String key, Object... args) {
    errors.add(field, key, args);
    return false;
  }

  /** A whole number as typed (spaces around allowed), or null. */
  static Integer integer(String s) {
    if (s == null || s.isBlank()) return null;
    try {
      return Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A room's hidden id: not typed by the owner, so a bad one is a broken form, refused as a whole. */
  private static long roomId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw Problem.notFound("room", id);
    }
  }

  /**
   * An editing step of the plain form (add a room, remove/move room i), without saving: the tables of a
   * removed room become unplaced, and every table keeps its room as the rooms move.
   */
  public static Form edit(Form form, String action, FieldErrors errors) {
    List<RoomRow> rooms = new ArrayList<>(form.rooms());
    if (action.equals("addRoom")) {
      if (rooms.size() >= MAX_ROOMS) errors.add("rooms", "floor.rooms.too_many", MAX_ROOMS);
      else rooms.add(new RoomRow("", ""));
      return new Form(form.openTooLongMinutes(), rooms, form.tables());
    }
    int colon = action.indexOf(':');
    Integer i = colon < 0 ? null : integer(action.substring(colon + 1));
    String verb = colon < 0 ? action : action.substring(0, colon);
    if (i == null || i < 0 || i >= rooms.size()) throw Problem.invalid("action", "floor.action.invalid");
    int[] to = new int[rooms.size()]; // old index -> new index, -1: removed
    for (int k = 0; k < to.length; k++) to[k] = k;
    switch (verb) {
      case "removeRoom" -> {
        rooms.remove((int) i);
        for (int k = 0; k < to.length; k++) to[k] = k < i ? k : k == i ? -1 : k - 1;
      }
      case "upRoom" -> swap(rooms, to, i, i - 1);
      case "downRoom" -> swap(rooms, to, i, i + 1);
      default -> throw Problem.invalid("action", "floor.action.invalid");
    }
    List<TableRow> tables = new ArrayList<>();
    for (TableRow t : form.tables()) {
      Integer r = integer(t.room());
      if (!t.placed() || r == null || r < 0 || r >= to.length) {
        tables.add(t);
        continue;
      }
      String room = to[r] < 0 ? "" : String.valueOf(to[r]);
      tables.add(new TableRow(t.slotId(), room, t.x(), t.y(), t.shape(), t.seats()));
    }
    return new Form(form.openTooLongMinutes(), rooms, tables);
  }

  private static void swap(List<RoomRow> rooms, int[] to, int a, int b) {
    if (b < 0 || b >= rooms.size()) return;
    rooms.add(b, rooms.remove(a));
    to[a] = b;
    to[b] = a;
  }
}
