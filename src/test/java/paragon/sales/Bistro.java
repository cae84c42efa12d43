package paragon.sales;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import paragon.configuration.Plan;
import paragon.demo.Seed;
import paragon.receipts.DefaultName;
import paragon.receipts.Kind;
import paragon.receipts.ReceiptView;
import paragon.receipts.State;
import paragon.testing.Owners;
import paragon.testing.TestApp;

/**
 * One account's receipts and sales written straight into the receipt tables, in the shapes the
 * receipt service writes them (a change row per state, {@code receipts.seq} naming the latest), for
 * the read-only back-office pages.
 */
final class Bistro {
  private static final ObjectMapper JSON = new ObjectMapper();

  final Owners.Owner owner;
  final long shopA;
  final long shopB;
  final long role;
  final long anna;
  final long bob;
  final long till1;
  final long till2;
  private final TestApp app;

  Bistro(TestApp app, String language) {
    this.app = app;
    this.owner = Owners.signedIn(app, Plan.MAX, language);
    long a = owner.accountId();
    long now = app.clock.millis();
    long[] ids = app.db.inTransaction(h -> {
      long shopA = Seed.shop(h, a, "Rynek", true, now);
      long shopB = Seed.shop(h, a, "Mokotów", true, now);
      long role = Seed.role(h, a, "Kelner", Set.of());
      long anna = Seed.user(h, a, "anna", "Anna Nowak", role, null, now);
      long bob = Seed.user(h, a, "bob", "Bob Lis", role, null, now);
      return new long[] {shopA, shopB, role, anna, bob, device(h, a, shopA, "Kasa przy barze", now),
          device(h, a, shopB, "Kasa na sali", now)};
    });
    shopA = ids[0];
    shopB = ids[1];
    role = ids[2];
    anna = ids[3];
    bob = ids[4];
    till1 = ids[5];
    till2 = ids[6];
  }

  private static long device(Handle h, long account, long shop, String name, long now) {
    return h.createQuery("""
            INSERT INTO devices (account_id, shop_id, name, model, paired_at, applied_revision, created_at)
            VALUES (:a, :s, :n, 'SMART_PLUS', :t, 1, :t) RETURNING id""")
        .bind("a", account).bind("s", shop).bind("n", name).bind("t", now).mapTo(Long.class).one();
  }

  static ReceiptView.LineView line(String name, long unitPrice, long quantity) {
    return new ReceiptView.LineView(UUID.randomUUID().toString(), null, name, unitPrice, quantity, "23", null, false,
        (unitPrice * quantity + 500) / 1000);
  }

  /**
   * Writes a receipt of shop {@code shopId} owned by {@code owner} and changed on {@code device}: a change row
   * for it opened empty, then one for {@code state} with {@code lines}, and an audit row for each; its
   * receipts and lines rows hold that last state (what the back office reads).
   */
  ReceiptView receipt(long shopId, long device, long owner, String name, State state,
      ReceiptView.LeaseView lease, List<ReceiptView.LineView> lines, long createdAt) {
    return receipt(shopId, device, owner, name, null, state, lease, lines, createdAt);
  }

  /** As above, named by its default name {@code defaultName} ({@code name} in the account's language). */
  ReceiptView receipt(long shopId, long device, long owner, String name, DefaultName defaultName,
      State state, ReceiptView.LeaseView lease, List<ReceiptView.LineView> lines, long createdAt) {
    long a = this.owner.accountId();
    String space = "shop:" + shopId;
    String id = UUID.randomUUID().toString();
    long total = lines.stream().mapToLong(ReceiptView.LineView::total).sum();
    return app.db.inTransaction(h -> {
      long seq1 = nextSeq(h, a, space);
      ReceiptView opened = new ReceiptView(id, space, shopId, null, null, name, defaultName, Kind.AD_HOC,
          State.OPEN, owner, role, device, false, null, null, 0, null, List.of(), 0, seq1, seq1, createdAt, createdAt);
      change(h, a, opened, createdAt);
      audit(h, a, id, device, owner, "openAdHoc", "{\"type\":\"openAdHoc\",\"receiptId\":\"" + id + "\"}", seq1,
          createdAt);
      long seq2 = nextSeq(h, a, space);
      ReceiptView now = new ReceiptView(id, space, shopId, null, null, name, defaultName, Kind.AD_HOC, state, owner, role,
          device, false, null, "przy oknie", 2, lease, lines, total, seq2, seq2, createdAt, createdAt + 60_000);
      change(h, a, now, createdAt + 60_000);
      audit(h, a, id, device, owner, "addLine", "{\"type\":\"addLine\",\"receiptId\":\"" + id + "\",\"lineId\":\""
          + lines.get(0).id() + "\",\"name\":\"" + lines.get(0).name() + "\",\"unitPrice\":" + lines.get(0).unitPrice()
          + ",\"quantity\":" + lines.get(0).quantity() + "}", seq2, createdAt + 60_000);
      h.createUpdate("""
              INSERT INTO receipts (id, account_id, space, shop_id, name, default_name, kind, state,
                owner_user_id, owner_role_id, created_by_user_id, created_on_device, attention, note, guests,
                lease_device_id, lease_user_id, lease_user_name, lease_until, seq, content_seq, created_at, updated_at,
                closed_at)
              VALUES (:id, :a, :space, :shop, :name, :defaultName, 'AD_HOC', :state,
                :owner, :role, :owner, :device, :f, :note, 2, :leaseDevice, :leaseUser, :leaseName, :leaseUntil, :seq,
                :seq, :created, :updated, :closed)""")
          .bind("note", now.note())
          .bind("leaseDevice", lease == null ? null : lease.deviceId())
          .bind("leaseUser", lease == null ? null : lease.userId())
          .bind("leaseName", lease == null ? null : lease.userName())
          .bind("leaseUntil", lease == null ? null : lease.until())
          .bind("id", id).bind("a", a).bind("space", space).bind("shop", shopId).bind("name", name)
          .bind("defaultName", defaultName == null ? null
              : "{\"number\":" + defaultName.number() + ",\"recovered\":" + defaultName.recovered() + "}")
          .bind("state", state.name()).bind("owner", owner).bind("role", role).bind("device", device).bind("f", false)
          .bind("seq", seq2).bind("created", createdAt).bind("updated", createdAt + 60_000)
          .bind("closed", state == State.CLOSED ? createdAt + 60_000 : null).execute();
      for (int i = 0; i < lines.size(); i++) {
        ReceiptView.LineView l = lines.get(i);
        h.createUpdate("""
                INSERT INTO lines (id, account_id, receipt_id, position, product_id, name, unit_price, quantity, vat,
                  note, sent, removed, created_at)
                VALUES (:id, :a, :r, :pos, :product, :name, :price, :q, :vat, :note, :sent, :f, :at)""")
            .bind("id", l.id()).bind("a", a).bind("r", id).bind("pos", i).bind("product", l.productId())
            .bind("name", l.name()).bind("price", l.unitPrice()).bind("q", l.quantity()).bind("vat", l.vat())
            .bind("note", l.note()).bind("sent", l.sent()).bind("f", false).bind("at", createdAt + 60_000).execute();
      }
      return now;
    });
  }

  /** A sale of a CLOSED receipt, paid with {@code methods[i]} for {@code amounts[i]}. */
  void sale(ReceiptView r, long device, long user, long closedAt, String[] methods, long[] amounts) {
    long a = owner.accountId();
    app.db.inTransaction(h -> {
      h.createUpdate("""
              INSERT INTO sales (id, account_id, shop_id, space, device_id, user_id, owner_user_id, name, total, tendered,
                change_given, seq, closed_at)
              VALUES (:id, :a, :shop, :space, :device, :user, :owner, :name, :total, :total, 0, :seq, :at)""")
          .bind("id", r.id()).bind("a", a).bind("shop", r.shopId()).bind("space", r.space()).bind("device", device)
          .bind("user", user).bind("owner", r.ownerUserId()).bind("name", r.name()).bind("total", r.total())
          .bind("seq", r.seq()).bind("at", closedAt).execute();
      for (int i = 0; i < methods.length; i++) {
        h.createUpdate("""
                INSERT INTO payments (account_id, sale_id, position, method, amount, tendered)
                VALUES (:a, :sale, :p, :m, :amount, :amount)""")
            .bind("a", a).bind("sale", r.id()).bind("p", i).bind("m", methods[i]).bind("amount", amounts[i]).execute();
      }
      return null;
    });
  }

  private static long nextSeq(Handle h, long a, String space) {
    h.createUpdate("INSERT INTO spaces (account_id, space, seq) VALUES (:a, :s, 0)"
            + " ON CONFLICT (account_id, space) DO NOTHING")
        .bind("a", a).bind("s", space).execute();
    return h.createQuery("UPDATE spaces SET seq = seq + 1 WHERE account_id = :a AND space = :s RETURNING seq")
        .bind("a", a).bind("s", space).mapTo(Long.class).one();
  }

  private static void change(Handle h, long a, ReceiptView v, long at) {
    try {
      h.createUpdate("""
              INSERT INTO changes (account_id, space, seq, receipt_id, payload, created_at)
              VALUES (:a, :s, :seq, :r, :p, :t)""")
          .bind("a", a).bind("s", v.space()).bind("seq", v.seq()).bind("r", v.id())
          .bind("p", JSON.writeValueAsString(v)).bind("t", at).execute();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void audit(Handle h, long a, String receipt, long device, long user, String type, String body, long seq,
      long at) {
    h.createUpdate("""
            INSERT INTO receipt_audit (account_id, receipt_id, device_id, n, user_id, user_name, type, summary, seq,
              created_at)
            VALUES (:a, :r, :d, :seq, :u, (SELECT name FROM users WHERE id = :u), :type, :body, :seq, :t)""")
        .bind("a", a).bind("r", receipt).bind("d", device).bind("u", user).bind("type", type).bind("body", body)
        .bind("seq", seq).bind("t", at).execute();
  }
}
