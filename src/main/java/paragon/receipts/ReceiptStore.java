package paragon.receipts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import paragon.web.Json;

/** Receipts and lines in SQL: read a receipt whole, write it whole. Every query scoped by account. */
final class ReceiptStore {
  private ReceiptStore() {}

  private static final String COLUMNS = """
      id, space, shop_id, slot_id, generation, number, name, default_name, kind, state, owner_user_id, owner_role_id,
      created_by_user_id, created_on_device, attention, recovered_from, note, guests, lease_device_id,
      lease_user_id, lease_user_name, lease_until, seq, content_seq, created_at, updated_at, discount_kind,
      discount_value, discount_reason, paid, parts_paid""";

  /** The receipt with its live lines (kept by {@link LinesCache} when this node committed them), or null. */
  static Receipt load(Handle h, long accountId, String id) {
    Receipt r = h.createQuery("SELECT " + COLUMNS + " FROM receipts WHERE account_id = :a AND id = :id")
        .bind("a", accountId).bind("id", id)
        .map((rs, ctx) -> receipt(rs, List.of())).findOne().orElse(null);
    if (r == null) return null;
    List<Line> lines = h.getConfig(LinesCache.class).lines(accountId, r, () -> lines(h, accountId, id));
    return r.with(b -> b.lines(lines));
  }

  static List<Line> lines(Handle h, long accountId, String receiptId) {
    return h.createQuery("""
            SELECT id, product_id, name, unit_price, quantity, vat, note, sent, modifiers, discount_kind,
              discount_value, discount_reason, course, seat, sent_at FROM lines
            WHERE account_id = :a AND receipt_id = :r AND removed = :f ORDER BY position""")
        .bind("a", accountId).bind("r", receiptId).bind("f", false)
        .map((rs, ctx) -> lineInOrder(rs))
        .list();
  }

  /**
   * A line from the columns of {@link #lines}, by position: a 500-line receipt is read for every
   * command on it, and by name each of its 7,500 values cost a lookup (issue 11).
   */
  private static Line lineInOrder(ResultSet rs) throws SQLException {
    String kind = rs.getString(10);
    Discount discount = kind == null ? null
        : new Discount(Discount.Type.valueOf(kind), rs.getLong(11), rs.getString(12));
    long productId = rs.getLong(2);
    Long product = rs.wasNull() ? null : productId;
    int courseNumber = rs.getInt(13);
    Integer course = rs.wasNull() ? null : courseNumber;
    int seatNumber = rs.getInt(14);
    Integer seat = rs.wasNull() ? null : seatNumber;
    long sentAtMillis = rs.getLong(15);
    Long sentAt = rs.wasNull() ? null : sentAtMillis;
    return new Line(rs.getString(1), product, rs.getString(3), rs.getLong(4), rs.getLong(5), Vat.of(rs.getString(6)),
        rs.getString(7), rs.getBoolean(8), modifiers(rs.getString(9)), discount, course, seat, sentAt);
  }

  /** The receipt columns of {@code receipts} aliased as {@code alias}, for a query that joins it. */
  static String columns(String alias) {
    return String.join(", ", java.util.Arrays.stream(COLUMNS.split(",")).map(c -> alias + "." + c.strip()).toList());
  }

  /** The line columns of {@code lines} aliased as {@code alias}, each selected as {@code prefix + column}. */
  static String lineColumns(String alias, String prefix) {
    return String.join(", ", java.util.stream.Stream.of("id", "product_id", "name", "unit_price", "quantity", "vat",
        "note", "sent", "modifiers", "discount_kind", "discount_value", "discount_reason", "course", "seat",
        "sent_at")
        .map(c -> alias + "." + c + " AS " + prefix + c).toList());
  }

  /** A line from columns named {@code prefix + column} ({@link #lineColumns}). */
  static Line line(ResultSet rs, String prefix) throws SQLException {
    String kind = rs.getString(prefix + "discount_kind");
    Discount discount = kind == null ? null : new Discount(Discount.Type.valueOf(kind),
        rs.getLong(prefix + "discount_value"), rs.getString(prefix + "discount_reason"));
    return new Line(rs.getString(prefix + "id"), longOrNull(rs, prefix + "product_id"), rs.getString(prefix + "name"),
        rs.getLong(prefix + "unit_price"), rs.getLong(prefix + "quantity"), Vat.of(rs.getString(prefix + "vat")),
        rs.getString(prefix + "note"), rs.getBoolean(prefix + "sent"), modifiers(rs.getString(prefix + "modifiers")),
        discount, intOrNull(rs, prefix + "course"), intOrNull(rs, prefix + "seat"), longOrNull(rs, prefix + "sent_at"));
  }

  private static final TypeReference<List<Modifier>> MODIFIERS = new TypeReference<>() {};

  private static List<Modifier> modifiers(String json) {
    if (json == null) return List.of();
    try {
      return Json.MAPPER.readValue(json, MODIFIERS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored modifiers are not readable: " + json, e);
    }
  }

  /** The discount of a line or receipt row ({@code discount_kind}, {@code _value}, {@code _reason}), or null. */
  private static Discount discount(ResultSet rs) throws SQLException {
    String kind = rs.getString("discount_kind");
    return kind == null ? null
        : new Discount(Discount.Type.valueOf(kind), rs.getLong("discount_value"), rs.getString("discount_reason"));
  }

  /**
   * Where the receipts {@code receiptIds} and the lines {@code lineIds} live, in one statement: a
   * receipt's space, a line's receipt (removed or live) and that receipt's space. Ids this account does
   * not have are absent. Read before the spaces are locked, so possibly stale ({@link StateLoader}).
   */
  static Where where(Handle h, long accountId, Collection<String> receiptIds, Collection<String> lineIds) {
    Set<String> receipts = new HashSet<>();
    Map<String, String> homes = new HashMap<>();
    Set<String> removed = new HashSet<>();
    Set<String> spaces = new HashSet<>();
    List<String> parts = new ArrayList<>();
    if (!receiptIds.isEmpty()) {
      parts.add("SELECT 'r' AS k, id, id AS receipt_id, 0 AS removed, space FROM receipts "
          + "WHERE account_id = :a AND id IN (<receipts>)");
    }
    if (!lineIds.isEmpty()) {
      parts.add("""
          SELECT 'l' AS k, l.id, l.receipt_id, CASE WHEN l.removed THEN 1 ELSE 0 END AS removed, r.space
          FROM lines l JOIN receipts r ON r.account_id = l.account_id AND r.id = l.receipt_id
          WHERE l.account_id = :a AND l.id IN (<lines>)""");
    }
    if (parts.isEmpty()) return new Where(receipts, homes, removed, spaces);
    var query = h.createQuery(String.join(" UNION ALL ", parts)).bind("a", accountId);
    if (!receiptIds.isEmpty()) query.bindList("receipts", List.copyOf(receiptIds));
    if (!lineIds.isEmpty()) query.bindList("lines", List.copyOf(lineIds));
    query.map((rs, ctx) -> {
      spaces.add(rs.getString("space"));
      if (rs.getString("k").equals("l")) {
        homes.put(rs.getString("id"), rs.getString("receipt_id"));
        if (rs.getInt("removed") == 1) removed.add(rs.getString("id"));
      } else {
        receipts.add(rs.getString("id"));
      }
      return null;
    }).list();
    return new Where(receipts, homes, removed, spaces);
  }

  /**
   * {@code receipts}: the named receipts found; {@code lineHomes}: line id to its receipt's id;
   * {@code removed}: those lines removed; {@code spaces}: where all of them are.
   */
  record Where(Set<String> receipts, Map<String, String> lineHomes, Set<String> removed, Set<String> spaces) {}

  /**
   * Which of {@code ids} a receipt or a line already uses, in one statement: receipts and lines of this
   * account ({@code receiptsHere}, {@code linesHere}), or either of another account ({@code elsewhere},
   * which must stay invisible).
   */
  static Taken taken(Handle h, long accountId, Collection<String> ids) {
    Taken taken = new Taken(new HashSet<>(), new HashSet<>(), new HashSet<>());
    if (ids.isEmpty()) return taken;
    h.createQuery("""
            SELECT 'r' AS k, id, account_id FROM receipts WHERE id IN (<ids>)
            UNION ALL SELECT 'l' AS k, id, account_id FROM lines WHERE id IN (<ids>)""")
        .bindList("ids", List.copyOf(ids))
        .map((rs, ctx) -> rs.getLong("account_id") != accountId ? taken.elsewhere().add(rs.getString("id"))
            : (rs.getString("k").equals("r") ? taken.receiptsHere() : taken.linesHere()).add(rs.getString("id")))
        .list();
    return taken;
  }

  record Taken(Set<String> receiptsHere, Set<String> linesHere, Set<String> elsewhere) {}

  /** The names the open receipts of {@code space} use, a default name in every language ({@link Numbering#names}). */
  static Set<String> namesInUse(Handle h, long accountId, String space, Names words) {
    Set<String> names = new HashSet<>();
    h.createQuery("""
            SELECT name, default_name FROM receipts
            WHERE account_id = :a AND space = :s AND state IN ('OPEN', 'PAYING')""")
        .bind("a", accountId).bind("s", space)
        .map((rs, ctx) -> names.addAll(
            Numbering.names(rs.getString("name"), defaultName(rs.getString("default_name")), words)))
        .list();
    return names;
  }

  private static DefaultName defaultName(String json) {
    if (json == null) return null;
    try {
      return Json.MAPPER.readValue(json, DefaultName.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored default name is not readable: " + json, e);
    }
  }

  /**
   * The open receipts that are the device's own with parking off (rule 1): those in its space and
   * those it created in another space it reaches (shared before sharing or parking was turned off).
   */
  static int deviceOpenReceipts(Handle h, long accountId, long deviceId, String ownSpace,
      Collection<String> reachable) {
    return h.createQuery("""
            SELECT COUNT(*) FROM receipts WHERE account_id = :a AND state IN ('OPEN', 'PAYING')
              AND (space = :s OR (created_on_device = :d AND space IN (<spaces>)))""")
        .bind("a", accountId).bind("s", ownSpace).bind("d", deviceId).bindList("spaces", List.copyOf(reachable))
        .mapTo(Integer.class).one();
  }

  /** The ids of the open receipts of {@code space}, oldest first. */
  static List<String> openIn(Handle h, long accountId, String space) {
    return h.createQuery("""
            SELECT id FROM receipts WHERE account_id = :a AND space = :s AND state IN ('OPEN', 'PAYING')
            ORDER BY created_at, id""")
        .bind("a", accountId).bind("s", space).mapTo(String.class).list();
  }

  static int activeLeases(Handle h, long accountId, long deviceId, long now) {
    return h.createQuery("""
            SELECT COUNT(*) FROM receipts
            WHERE account_id = :a AND state = 'PAYING' AND lease_device_id = :d AND lease_until > :now""")
        .bind("a", accountId).bind("d", deviceId).bind("now", now).mapTo(Integer.class).one();
  }

  /** The table's current generation in the space (1 until it was first paid). */
  static long generation(Handle h, long accountId, String space, String slotId) {
    return h.createQuery(
            "SELECT generation FROM slot_generations WHERE account_id = :a AND space = :s AND slot_id = :slot")
        .bind("a", accountId).bind("s", space).bind("slot", slotId).mapTo(Long.class).findOne().orElse(1L);
  }

  /** Starts the table's next generation after {@code ended} (paid or merged away). */
  static void endGeneration(Handle h, long accountId, String space, String slotId, long ended) {
    h.createUpdate("""
            INSERT INTO slot_generations (account_id, space, slot_id, generation) VALUES (:a, :s, :slot, :g)
            ON CONFLICT (account_id, space, slot_id) DO UPDATE SET generation = excluded.generation
            WHERE slot_generations.generation < excluded.generation""")
        .bind("a", accountId).bind("s", space).bind("slot", slotId).bind("g", ended + 1).execute();
  }

  /**
   * Writes what a command changed from {@code before} (as loaded; null for a new receipt) to
   * {@code after}: the receipt row (its seq moves with every change), and only the lines that are new
   * here or differ. While the lines that stay keep their order and new ones come after them (adding,
   * moving in, merging), the stored positions stay and a new line takes the next one after the
   * receipt's highest; any other order rewrites every line's position. Removed lines: {@link #markRemoved}.
   */
  static void save(Handle h, long accountId, Receipt before, Receipt after) {
    Map<String, Line> was = new HashMap<>();
    if (before != null) for (Line l : before.lines()) was.put(l.id(), l);
    if (before == null || !appendsOnly(before, after, was)) {
      save(h, accountId, after);
      return;
    }
    saveRow(h, accountId, after);
    for (Line l : after.lines()) {
      Line old = was.get(l.id());
      if (old == null) {
        appendLine(h, accountId, after.id(), l, after.updatedAt());
      } else if (!old.equals(l)) {
        updateLine(h, accountId, after.id(), l);
      }
    }
  }

  /** Whether {@code after}'s lines are {@code before}'s ({@code was}) that stay, in their order, then new ones. */
  private static boolean appendsOnly(Receipt before, Receipt after, Map<String, Line> was) {
    List<Line> lines = after.lines();
    int kept = 0;
    while (kept < lines.size() && was.containsKey(lines.get(kept).id())) kept++;
    for (int i = kept; i < lines.size(); i++) if (was.containsKey(lines.get(i).id())) return false;
    Set<String> staying = new HashSet<>();
    for (int i = 0; i < kept; i++) staying.add(lines.get(i).id());
    int i = 0;
    for (Line l : before.lines()) {
      if (!staying.contains(l.id())) continue;
      if (!lines.get(i++).id().equals(l.id())) return false;
    }
    return true;
  }

  /**
   * Writes the receipt and its live lines (positions in list order) as they are now. A receipt changes
   * space only when it joins its shop ({@link SharingJoin}); its lines follow it by receipt id.
   */
  static void save(Handle h, long accountId, Receipt r) {
    saveRow(h, accountId, r);
    int position = 0;
    for (Line l : r.lines()) saveLine(h, accountId, r.id(), position++, l, r.updatedAt());
  }

  private static void saveRow(Handle h, long accountId, Receipt r) {
    Receipt.Lease lease = r.state() == State.PAYING ? r.lease() : null;
    int written = h.createUpdate("""
            INSERT INTO receipts (""" + COLUMNS + """
            , account_id, closed_at) VALUES (:id, :space, :shop, :slot, :gen, :number, :name, :defaultName, :kind,
              :state, :owner, :ownerRole, :createdBy, :device, :attention, :recoveredFrom, :note, :guests, :leaseDevice,
              :leaseUser, :leaseUserName, :leaseUntil, :seq, :contentSeq, :createdAt, :updatedAt, :dKind, :dValue,
              :dReason, :paid, :partsPaid, :a, :closedAt)
            ON CONFLICT (id) DO UPDATE SET space = excluded.space, number = excluded.number, name = excluded.name,
              default_name = excluded.default_name, state = excluded.state,
              owner_user_id = excluded.owner_user_id, owner_role_id = excluded.owner_role_id,
              attention = excluded.attention, note = excluded.note, guests = excluded.guests,
              lease_device_id = excluded.lease_device_id, lease_user_id = excluded.lease_user_id,
              lease_user_name = excluded.lease_user_name, lease_until = excluded.lease_until, seq = excluded.seq,
              content_seq = excluded.content_seq, updated_at = excluded.updated_at, closed_at = excluded.closed_at,
              discount_kind = excluded.discount_kind, discount_value = excluded.discount_value,
              discount_reason = excluded.discount_reason, paid = excluded.paid, parts_paid = excluded.parts_paid
            WHERE receipts.account_id = excluded.account_id""")
        .bind("id", r.id()).bind("space", r.space()).bind("shop", r.shopId()).bind("slot", r.slotId())
        .bind("gen", r.generation()).bind("number", r.number()).bind("name", r.name())
        .bind("defaultName", r.defaultName() == null ? null : Json.write(r.defaultName()))
        .bind("kind", r.kind().name())
        .bind("state", r.state().name()).bind("owner", r.ownerUserId()).bind("ownerRole", r.ownerRoleId())
        .bind("createdBy", r.createdByUserId()).bind("device", r.createdOnDevice()).bind("attention", r.attention())
        .bind("recoveredFrom", r.recoveredFrom()).bind("note", r.note()).bind("guests", r.guests())
        .bind("leaseDevice", lease == null ? null : lease.deviceId())
        .bind("leaseUser", lease == null ? null : lease.userId())
        .bind("leaseUserName", lease == null ? null : lease.userName())
        .bind("leaseUntil", lease == null ? null : lease.until())
        .bind("seq", r.seq()).bind("contentSeq", r.contentSeq()).bind("createdAt", r.createdAt())
        .bind("updatedAt", r.updatedAt()).bind("paid", r.paid()).bind("partsPaid", r.partsPaid())
        .bind("a", accountId).bind("closedAt", r.isOpen() ? null : r.updatedAt())
        .bind("dKind", r.discount() == null ? null : r.discount().kind().name())
        .bind("dValue", r.discount() == null ? null : r.discount().value())
        .bind("dReason", r.discount() == null ? null : r.discount().reason())
        .execute();
    if (written != 1) throw new IllegalStateException("receipt " + r.id() + " belongs to another account");
  }

  /** A line new to this receipt (added, or moved in from another), after every line it holds or held. */
  private static void appendLine(Handle h, long accountId, String receiptId, Line l, long now) {
    // SELECT ... WHERE TRUE: SQLite reads an ON CONFLICT after a bare SELECT as a join constraint.
    int written = bindLine(h.createUpdate("""
            INSERT INTO lines (id, account_id, receipt_id, position, product_id, name, unit_price, quantity, vat, note,
              sent, removed, created_at, modifiers, discount_kind, discount_value, discount_reason, course, seat, sent_at)
            SELECT :id, :a, :r, COALESCE((SELECT MAX(position) FROM lines WHERE account_id = :a AND receipt_id = :r),
              -1) + 1, :product, :name, :price, :q, :vat, :note, :sent, :removed, :now, :modifiers, :dKind, :dValue,
              :dReason, :course, :seat, :sentAt WHERE TRUE
            ON CONFLICT (id) DO UPDATE SET receipt_id = excluded.receipt_id, position = excluded.position,
              unit_price = excluded.unit_price, quantity = excluded.quantity, note = excluded.note,
              sent = excluded.sent, discount_kind = excluded.discount_kind, discount_value = excluded.discount_value,
              discount_reason = excluded.discount_reason, course = excluded.course, seat = excluded.seat,
              sent_at = excluded.sent_at
            WHERE lines.account_id = excluded.account_id"""), accountId, receiptId, l, now)
        .execute();
    if (written != 1) throw new IllegalStateException("line " + l.id() + " belongs to another account");
  }

  /** A line this receipt holds, changed in place (its position stays). */
  private static void updateLine(Handle h, long accountId, String receiptId, Line l) {
    int written = h.createUpdate("""
            UPDATE lines SET unit_price = :price, quantity = :q, note = :note, sent = :sent, discount_kind = :dKind,
              discount_value = :dValue, discount_reason = :dReason, course = :course, seat = :seat, sent_at = :sentAt
            WHERE account_id = :a AND id = :id AND receipt_id = :r""")
        .bind("id", l.id()).bind("a", accountId).bind("r", receiptId).bind("price", l.unitPrice())
        .bind("q", l.quantity()).bind("note", l.note()).bind("sent", l.sent())
        .bind("course", l.course()).bind("seat", l.seat()).bind("sentAt", l.sentAt())
        .bind("dKind", l.discount() == null ? null : l.discount().kind().name())
        .bind("dValue", l.discount() == null ? null : l.discount().value())
        .bind("dReason", l.discount() == null ? null : l.discount().reason())
        .execute();
    if (written != 1) throw new IllegalStateException("line " + l.id() + " is not on receipt " + receiptId);
  }

  private static org.jdbi.v3.core.statement.Update bindLine(org.jdbi.v3.core.statement.Update u, long accountId,
      String receiptId, Line l, long now) {
    return u.bind("id", l.id()).bind("a", accountId).bind("r", receiptId)
        .bind("product", l.productId()).bind("name", l.name()).bind("price", l.unitPrice()).bind("q", l.quantity())
        .bind("vat", l.vat().code()).bind("note", l.note()).bind("sent", l.sent()).bind("removed", false)
        .bind("course", l.course()).bind("seat", l.seat()).bind("sentAt", l.sentAt())
        .bind("now", now).bind("modifiers", l.modifiers().isEmpty() ? null : Json.write(l.modifiers()))
        .bind("dKind", l.discount() == null ? null : l.discount().kind().name())
        .bind("dValue", l.discount() == null ? null : l.discount().value())
        .bind("dReason", l.discount() == null ? null : l.discount().reason());
  }

  private static void saveLine(Handle h, long accountId, String receiptId, int position, Line l, long now) {
    int written = bindLine(h.createUpdate("""
            INSERT INTO lines (id, account_id, receipt_id, position, product_id, name, unit_price, quantity, vat, note,
              sent, removed, created_at, modifiers, discount_kind, discount_value, discount_reason, course, seat, sent_at)
            VALUES (:id, :a, :r, :pos, :product, :name, :price, :q, :vat, :note, :sent, :removed, :now, :modifiers,
              :dKind, :dValue, :dReason, :course, :seat, :sentAt)
            ON CONFLICT (id) DO UPDATE SET receipt_id = excluded.receipt_id, position = excluded.position,
              unit_price = excluded.unit_price, quantity = excluded.quantity, note = excluded.note,
              sent = excluded.sent, discount_kind = excluded.discount_kind, discount_value = excluded.discount_value,
              discount_reason = excluded.discount_reason, course = excluded.course, seat = excluded.seat,
              sent_at = excluded.sent_at
            WHERE lines.account_id = excluded.account_id"""), accountId, receiptId, l, now)
        .bind("pos", position)
        .execute();
    if (written != 1) throw new IllegalStateException("line " + l.id() + " belongs to another account");
  }

  static void markRemoved(Handle h, long accountId, Collection<String> lineIds) {
    if (lineIds.isEmpty()) return;
    h.createUpdate("UPDATE lines SET removed = :t WHERE account_id = :a AND id IN (<ids>)")
        .bind("t", true).bind("a", accountId).bindList("ids", List.copyOf(lineIds)).execute();
  }

  /** SQLite's driver cannot map NULL to Integer or Long with getObject(column, type): read and ask wasNull. */
  static Integer intOrNull(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  /** A receipt from its columns ({@link #columns}) with {@code lines}. */
  static Receipt receipt(ResultSet rs, List<Line> lines) throws SQLException {
    Long leaseDevice = longOrNull(rs, "lease_device_id");
    Receipt.Lease lease = leaseDevice == null ? null : new Receipt.Lease(leaseDevice, rs.getLong("lease_user_id"),
        rs.getString("lease_user_name"), rs.getLong("lease_until"));
    return Receipt.builder().id(rs.getString("id")).space(rs.getString("space")).shopId(rs.getLong("shop_id"))
        .slotId(rs.getString("slot_id")).generation(longOrNull(rs, "generation")).number(longOrNull(rs, "number"))
        .name(rs.getString("name")).defaultName(defaultName(rs.getString("default_name")))
        .kind(Kind.valueOf(rs.getString("kind"))).state(State.valueOf(rs.getString("state")))
        .owner(rs.getLong("owner_user_id"), rs.getLong("owner_role_id"))
        .createdBy(rs.getLong("created_by_user_id"), rs.getLong("created_on_device"))
        .attention(rs.getBoolean("attention")).recoveredFrom(rs.getString("recovered_from"))
        .note(rs.getString("note")).guests(rs.getInt("guests")).lease(lease).lines(lines).discount(discount(rs))
        .seq(rs.getLong("seq"))
        .contentSeq(rs.getLong("content_seq")).createdAt(rs.getLong("created_at")).updatedAt(rs.getLong("updated_at"))
        .paid(rs.getLong("paid")).partsPaid(rs.getInt("parts_paid"))
        .build();
  }
}
