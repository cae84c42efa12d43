package paragon.floor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import paragon.accounts.Shops;
import paragon.configuration.ConfigSnapshot;
import paragon.web.FieldErrors;
import paragon.web.PageContext;

/**
 * What the floor page shows: the plan as stored, or as the owner posted it (an editing step, or a save
 * refused with its errors). Each room has its grid with the tables placed in it; the tables not placed
 * are listed beside ({@link #unplaced}); every table also has its fields (room, x, y, shape, seats), the
 * keyboard's way and what the form posts.
 */
public record FloorView(PageContext page, long revision, long shopId, String shopName, String minutes,
    List<RoomView> rooms, List<TableView> tables, FieldErrors errors, String notice, List<Shops.Shop> shops) {

  public record RoomView(int index, String id, String name, List<TableView> tables) {}

  /** A table's fields as posted or stored; {@code room} the room's index, empty when not placed. */
  public record TableView(int index, String slotId, String name, String room, String x, String y, String shape,
      String seats) {
    /** Where its chip is drawn: in a room's grid when room, x and y make a cell; else beside, unplaced. */
    public boolean onGrid(int rooms) {
      Integer r = FloorRules.integer(room);
      Integer cx = FloorRules.integer(x);
      Integer cy = FloorRules.integer(y);
      return r != null && r >= 0 && r < rooms && cx != null && cx >= 0 && cx < FloorRules.WIDTH
          && cy != null && cy >= 0 && cy < FloorRules.HEIGHT;
    }

    /** The CSS that puts the chip on its cell (grid lines count from 1). */
    public String cell() {
      return "grid-column:" + (FloorRules.integer(x) + 1) + ";grid-row:" + (FloorRules.integer(y) + 1);
    }

    public String field(String name) {
      return "tables[" + index + "]." + name;
    }
  }

  public int width() {
    return FloorRules.WIDTH;
  }

  public int height() {
    return FloorRules.HEIGHT;
  }

  public List<TableView> unplaced() {
    return tables.stream().filter(t -> !t.onGrid(rooms.size())).toList();
  }

  /** The stored plan as the form would post it: every slot of the list in order, placed or not. */
  static FloorRules.Form form(FloorStore.Plan plan) {
    List<FloorRules.RoomRow> rooms = new ArrayList<>();
    Map<String, FloorRules.TableRow> placed = new HashMap<>();
    List<ConfigSnapshot.Room> stored = plan.floor().rooms();
    for (int i = 0; i < stored.size(); i++) {
      ConfigSnapshot.Room r = stored.get(i);
      rooms.add(new FloorRules.RoomRow(String.valueOf(r.id()), r.name()));
      for (ConfigSnapshot.FloorTable t : r.tables()) {
        placed.put(t.slotId(), new FloorRules.TableRow(t.slotId(), String.valueOf(i), String.valueOf(t.x()),
            String.valueOf(t.y()), t.shape(), String.valueOf(t.seats())));
      }
    }
    List<FloorRules.TableRow> tables = plan.slots().stream()
        .map(s -> placed.getOrDefault(s.id(), new FloorRules.TableRow(s.id(), "", "", "", "square", "4")))
        .toList();
    return new FloorRules.Form(String.valueOf(plan.floor().openTooLongMinutes()), rooms, tables);
  }

  static FloorView of(PageContext page, FloorStore.Plan plan, FloorRules.Form form, FieldErrors errors,
      String notice) {
    Map<String, String> names = new HashMap<>();
    plan.slots().forEach(s -> names.put(s.id(), s.name()));
    List<TableView> tables = new ArrayList<>();
    for (int i = 0; i < form.tables().size(); i++) {
      FloorRules.TableRow t = form.tables().get(i);
      tables.add(new TableView(i, t.slotId(), names.getOrDefault(t.slotId(), t.slotId()), t.room(), t.x(), t.y(),
          t.shape(), t.seats()));
    }
    List<RoomView> rooms = new ArrayList<>();
    for (int i = 0; i < form.rooms().size(); i++) {
      String index = String.valueOf(i);
      int count = form.rooms().size();
      rooms.add(new RoomView(i, form.rooms().get(i).id(), form.rooms().get(i).name(),
          tables.stream().filter(t -> t.onGrid(count) && index.equals(String.valueOf(FloorRules.integer(t.room()))))
              .toList()));
    }
    return new FloorView(page, plan.revision(), plan.shop().id(), plan.shop().name(), form.openTooLongMinutes(),
        rooms, tables, errors, notice, plan.shops());
  }
}
