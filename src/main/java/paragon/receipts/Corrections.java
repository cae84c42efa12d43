package paragon.receipts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import paragon.storage.Database;
import paragon.web.Json;

/**
 * Voids after payment (issue 12): a correction record against a sale, whole or chosen lines, with a
 * reason; the sale, its lines and its payments are never edited. A terminal's cashier needs
 * VOID_SALES (checked by the route); a back-office owner or admin may. Each correction is audited on
 * the receipt's trail (type {@code voidSale}) and applied once: its client id {@code correctionId}
 * answers a resend with the correction already made.
 *
 * <p>The amount taken back is the server's: the whole sale is its total less what earlier corrections
 * took; a line is its due (after its own discount) less its share of the receipt discount, spread
 * over the lines by their dues as the sale's VAT was ({@link Money#spread}), so voiding every line
 * one by one takes back exactly the total. A line is voided at most once, and nothing once the whole
 * sale is.
 */
public final class Corrections {
  /** {@code lineIds}: empty for the whole sale; {@code by}: the cashier's or admin's name. */
  public record Correction(String id, String saleId, long amount, List<String> lineIds, String reason, long at,
      String by) {}

  /** Who voids: a terminal's cashier ({@code deviceId}, {@code userId}) or a back-office admin ({@code adminId}). */
  public record Who(Long deviceId, Long userId, Long adminId, String name) {}

  /** A void refused: {@code code} as in docs/protocol.md, {@code field} the culprit, {@code key} the message. */
  public static final class Refused extends RuntimeException {
    public final String code;
    public final String field;
    public final String key;

    Refused(String code, String field, String key) {
      super(code + " " + field + ": " + key);
      this.code = code;
      this.field = field;
      this.key = key;
    }
  }

  private final Database db;

  public Corrections(Database db) {
    this.db = db;
  }

  /** The space of sale {@code saleId} (to check a terminal reaches it), or null when the account has no such sale. */
  public String spaceOf(long accountId, String saleId) {
    return db.read(h -> h.createQuery("SELECT space FROM sales WHERE account_id = :a AND id = :id")
        .bind("a", accountId).bind("id", saleId).mapTo(String.class).findOne().orElse(null));
  }

  /** Records the void, or answers the one {@code correctionId} already made; throws {@link Refused}. */
  public Correction record(long accountId, Who who, String correctionId, String saleId, List<String> lineIds,
      String reason, long now) {
    if (correctionId == null || !DerivedIds.isUuid(correctionId)) {
      throw new Refused("invalid", "correctionId", "refusal.invalid.uuid");
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.codePointCount(0, why.length()) > Limits.MAX_REASON) {
      throw new Refused("invalid", "reason", "sales.void.reason");
    }
    List<String> chosen = lineIds == null ? List.of() : lineIds.stream().map(String::toLowerCase).toList();
    if (new HashSet<>(chosen).size() != chosen.size()) throw new Refused("invalid", "lineIds", "refusal.invalid.repeated");
    String id = correctionId.toLowerCase();
    return db.inTransaction(h -> {
      // Locks the sale's row (PostgreSQL) or the database (SQLite) so two voids of one line cannot both pass.
      int found = h.createUpdate("UPDATE sales SET id = id WHERE account_id = :a AND id = :id")
          .bind("a", accountId).bind("id", saleId).execute();
      if (found == 0) throw new Refused("not_found", "saleId", "sales.void.not_found");
      for (Correction c : of(h, accountId, saleId)) {
        if (c.id().equals(id)) return c;
      }
      if (h.createQuery("SELECT COUNT(*) FROM sale_corrections WHERE id = :id").bind("id", id)
          .mapTo(Long.class).one() > 0) {
        throw new Refused("exists", "correctionId", "refusal.exists");
      }
      long amount = amount(h, accountId, saleId, chosen);
      h.createUpdate("""
              INSERT INTO sale_corrections (id, account_id, sale_id, shop_id, device_id, user_id, admin_id, reason,
                amount, line_ids, created_at, by_name)
              SELECT :id, :a, :s, shop_id, :d, :u, :admin, :reason, :amount, :lines, :now, :byName FROM sales
              WHERE account_id = :a AND id = :s""")
          .bind("id", id).bind("a", accountId).bind("s", saleId).bind("d", who.deviceId()).bind("u", who.userId())
          .bind("admin", who.adminId()).bind("reason", why).bind("amount", amount)
          .bind("lines", chosen.isEmpty() ? null : Json.write(chosen)).bind("now", now)
          .bind("byName", who.name() == null ? "" : who.name()).execute();
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("type", "voidSale");
      summary.put("correctionId", id);
      summary.put("saleId", saleId);
      if (!chosen.isEmpty()) summary.put("lineIds", chosen);
      summary.put("reason", why);
      summary.put("amount", amount);
      long seq = h.createQuery("SELECT seq FROM sales WHERE account_id = :a AND id = :s")
          .bind("a", accountId).bind("s", saleId).mapTo(Long.class).one();
      h.createUpdate("""
              INSERT INTO receipt_audit (account_id, receipt_id, device_id, n, user_id, user_name, type, summary, seq,
                created_at)
              VALUES (:a, :r, :d, 0, :u, :name, 'voidSale', :body, :seq, :now)""")
          .bind("a", accountId).bind("r", saleId).bind("d", who.deviceId() == null ? 0 : who.deviceId())
          .bind("u", who.userId() != null ? who.userId() : who.adminId()).bind("name", who.name())
          .bind("body", Json.write(summary)).bind("seq", seq).bind("now", now).execute();
      return new Correction(id, saleId, amount, chosen, why, now, who.name());
    });
  }

  /** The corrections of a sale, oldest first. */
  public List<Correction> of(long accountId, String saleId) {
    return db.read(h -> of(h, accountId, saleId));
  }

  private static List<Correction> of(Handle h, long accountId, String saleId) {
    return h.createQuery("""
            SELECT c.id, c.sale_id, c.amount, c.line_ids, c.reason, c.created_at, c.by_name
            FROM sale_corrections c
            WHERE c.account_id = :a AND c.sale_id = :s ORDER BY c.created_at, c.id""")
        .bind("a", accountId).bind("s", saleId)
        .map((rs, ctx) -> new Correction(rs.getString("id"), rs.getString("sale_id"), rs.getLong("amount"),
            lineIds(rs.getString("line_ids")), rs.getString("reason"), rs.getLong("created_at"),
            rs.getString("by_name")))
        .list();
  }

  /**
   * A line of a sale as a void takes it back: {@code amount} its due less its share of the receipt
   * discount (what voiding it takes back), {@code vat} its rate's code, {@code voided} whether a
   * correction took it back already (by itself or with the whole sale).
   */
  public record SaleLine(String id, String name, long quantity, long amount, String vat, boolean voided) {}

  /**
   * A recent sale as the terminal's void screen lists it: {@code corrected} what corrections took back
   * so far, {@code voided} whether the whole sale was voided (nothing more can be).
   */
  public record RecentSale(String id, String name, long total, long corrected, boolean voided, long closedAt,
      List<SaleLine> lines) {}

  /**
   * The last {@code limit} sales of shop {@code shopId} whose space {@code reaches} accepts (the
   * cashier's), newest first, with their lines and what was voided of them.
   */
  public List<RecentSale> recent(long accountId, long shopId, java.util.function.Predicate<String> reaches, int limit) {
    return db.read(h -> {
      record Row(String id, String space, String name, long total, long closedAt) {}
      List<Row> rows = h.createQuery("""
              SELECT id, space, name, total, closed_at FROM sales WHERE account_id = :a AND shop_id = :s
              ORDER BY closed_at DESC, seq DESC LIMIT :n""")
          .bind("a", accountId).bind("s", shopId).bind("n", limit * 4)
          .map((rs, ctx) -> new Row(rs.getString("id"), rs.getString("space"), rs.getString("name"),
              rs.getLong("total"), rs.getLong("closed_at")))
          .list();
      List<RecentSale> out = new ArrayList<>();
      for (Row r : rows) {
        if (out.size() == limit) break;
        if (!reaches.test(r.space())) continue;
        List<Correction> done = of(h, accountId, r.id());
        boolean whole = done.stream().anyMatch(c -> c.lineIds().isEmpty());
        Set<String> voided = new HashSet<>();
        done.forEach(c -> voided.addAll(c.lineIds()));
        Receipt sale = ReceiptStore.load(h, accountId, r.id());
        Map<String, Long> amounts = lineAmounts(sale);
        List<SaleLine> lines = sale.lines().stream().map(l -> new SaleLine(l.id(), l.name(), l.quantity(),
            amounts.get(l.id()), l.vat().code(), whole || voided.contains(l.id()))).toList();
        out.add(new RecentSale(r.id(), r.name(), r.total(), done.stream().mapToLong(Correction::amount).sum(), whole,
            r.closedAt(), lines));
      }
      return out;
    });
  }

  /**
   * What corrections took back of each line of sale {@code saleId}, by line id (a line not voided is
   * absent): a line voided by itself, its amount; a whole-sale void, every line not voided before it.
   * The amounts add up to the corrections' total, so by the lines' rates they report the corrections
   * by VAT rate.
   */
  static Map<String, Long> voidedLines(Handle h, long accountId, String saleId) {
    List<Correction> done = of(h, accountId, saleId);
    Map<String, Long> out = new LinkedHashMap<>();
    if (done.isEmpty()) return out;
    Map<String, Long> amounts = lineAmounts(ReceiptStore.load(h, accountId, saleId));
    for (Correction c : done) {
      for (String line : c.lineIds().isEmpty() ? amounts.keySet() : c.lineIds()) {
        if (amounts.containsKey(line)) out.putIfAbsent(line, amounts.get(line));
      }
    }
    return out;
  }

  /** What corrections took back of sales {@code saleIds}, by VAT rate (gross, net, tax by the sales' rule). */
  static List<DayReport.VatRow> byVat(Handle h, long accountId, List<String> saleIds) {
    Map<Vat, Long> gross = new java.util.TreeMap<>();
    for (String saleId : saleIds) {
      Map<String, Long> voided = voidedLines(h, accountId, saleId);
      if (voided.isEmpty()) continue;
      for (Line l : ReceiptStore.load(h, accountId, saleId).lines()) {
        Long amount = voided.get(l.id());
        if (amount != null) gross.merge(l.vat(), amount, Math::addExact);
      }
    }
    return Money.shares(gross).stream().map(v -> new DayReport.VatRow(v.vat(), v.gross(), v.net(), v.tax())).toList();
  }

  /** What voiding each line takes back: its due less its share of the receipt discount, by line id. */
  private static Map<String, Long> lineAmounts(Receipt sale) {
    List<Line> lines = sale.lines();
    long[] dues = new long[lines.size()];
    for (int i = 0; i < dues.length; i++) dues[i] = lines.get(i).due();
    long[] shares = Money.spread(sale.discountAmount(), dues);
    Map<String, Long> byLine = new LinkedHashMap<>();
    for (int i = 0; i < dues.length; i++) byLine.put(lines.get(i).id(), dues[i] - shares[i]);
    return byLine;
  }

  /** What the void takes back (the class comment's rule), or a refusal when it would take back twice. */
  private static long amount(Handle h, long accountId, String saleId, List<String> chosen) {
    List<Correction> earlier = of(h, accountId, saleId);
    long total = h.createQuery("SELECT total FROM sales WHERE account_id = :a AND id = :s")
        .bind("a", accountId).bind("s", saleId).mapTo(Long.class).one();
    long corrected = earlier.stream().mapToLong(Correction::amount).sum();
    if (earlier.stream().anyMatch(c -> c.lineIds().isEmpty())) {
      throw new Refused("already_voided", "saleId", "sales.void.already");
    }
    if (chosen.isEmpty()) return total - corrected;
    Set<String> voided = new HashSet<>();
    earlier.forEach(c -> voided.addAll(c.lineIds()));
    Map<String, Long> byLine = lineAmounts(ReceiptStore.load(h, accountId, saleId));
    long amount = 0;
    for (String line : chosen) {
      if (!byLine.containsKey(line)) throw new Refused("not_found", "lineIds", "sales.void.line_not_found");
      if (voided.contains(line)) throw new Refused("already_voided", "lineIds", "sales.void.already");
      amount += byLine.get(line);
    }
    return amount;
  }

  private static List<String> lineIds(String json) {
    if (json == null) return List.of();
    List<String> out = new ArrayList<>();
    Json.tree(json, "a correction's lines " + json).forEach(n -> out.add(n.asText()));
    return out;
  }
}
