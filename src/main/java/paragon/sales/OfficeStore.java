package paragon.sales;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import paragon.accounts.Shops;
import paragon.accounts.Users;
import paragon.devices.DeviceStore;
import paragon.receipts.Audit;
import paragon.receipts.ChangeFeed;
import paragon.receipts.DefaultName;
import paragon.receipts.ReceiptView;
import paragon.receipts.SaleRecords;
import paragon.storage.Database;
import paragon.web.Problem;

/**
 * What the back office reads about receipts and sales, from the stores that own those tables
 * (docs/tables.md): shops and users from accounts, devices from devices, receipts, their trail and the
 * sale records from receipts. Every read is scoped by the account; an id of another account is "not
 * found". A receipt's current state is the {@link ReceiptView} the receipt service reads whole from its
 * tables ({@code ChangeFeed}), so amounts are the server's, never recomputed here.
 */
final class OfficeStore {
  record Named(long id, String name) {}

  /** An open receipt and the terminal that last changed it (null before any audited change). */
  record Open(ReceiptView view, Long lastDeviceId) {}

  record AuditEntry(long at, long deviceId, long userId, String userName, String type, String summary, long seq) {}

  /** {@code name}: in the account's language; {@code defaultName}: to render in the reader's (null: show name). */
  record Sale(String id, long shopId, long deviceId, long userId, long ownerUserId, String name,
      DefaultName defaultName, long total, long tendered, long change, long closedAt, long tip, long corrected) {}

  record Payment(String saleId, String method, long amount, long tendered) {}

  /** Filters of the sales list: a day [from, to) in epoch ms, and optionally a shop, a user, a method. */
  record SalesQuery(long from, long to, Long shopId, Long userId, String method) {}

  private final Database db;
  private final ChangeFeed feed;
  private final Audit audit;
  private final SaleRecords sales;
  private final paragon.receipts.Corrections corrections;

  OfficeStore(Database db) {
    this.db = db;
    this.corrections = new paragon.receipts.Corrections(db);
    this.feed = new ChangeFeed(db);
    this.audit = new Audit(db);
    this.sales = new SaleRecords(db);
  }

  List<Named> shops(long accountId) {
    return db.read(h -> Shops.list(h, accountId)).stream().map(s -> new Named(s.id(), s.name())).toList();
  }

  List<Named> users(long accountId) {
    return db.read(h -> Users.names(h, accountId)).stream().map(u -> new Named(u.id(), u.name())).toList();
  }

  Map<Long, String> userNames(long accountId) {
    return names(users(accountId));
  }

  Map<Long, String> deviceNames(long accountId) {
    return db.read(h -> DeviceStore.names(h, accountId));
  }

  /** The products of the account's current configuration, by id, as an audit sentence names them. */
  Map<Long, AuditDetails.Item> products(long accountId) {
    Map<Long, AuditDetails.Item> out = new LinkedHashMap<>();
    db.read(h -> paragon.configuration.Revisions.snapshot(h, accountId,
        paragon.configuration.Revisions.current(h, accountId))).products()
        .forEach(p -> out.put(p.id(), new AuditDetails.Item(p.name(), p.price())));
    return out;
  }

  /** The shop, or 404 when it is not this account's. */
  Named shop(long accountId, long shopId) {
    return shops(accountId).stream().filter(s -> s.id() == shopId).findFirst()
        .orElseThrow(() -> Problem.notFound("shop", shopId));
  }

  /** The user, or 404 when it is not this account's. */
  Named user(long accountId, long userId) {
    return users(accountId).stream().filter(u -> u.id() == userId).findFirst()
        .orElseThrow(() -> Problem.notFound("user", userId));
  }

  /** The open (and paying) receipts of a shop, oldest first, whichever space they are in. */
  List<Open> open(long accountId, long shopId) {
    return feed.openInShop(accountId, shopId).stream().map(o -> new Open(o.view(), o.lastDeviceId())).toList();
  }

  /** A receipt of this account in its latest state, any state; 404 otherwise. */
  ReceiptView receipt(long accountId, String receiptId) {
    return find(accountId, receiptId).orElseThrow(() -> Problem.notFound("receipt", receiptId));
  }

  /** A receipt of this account in its latest state, any state, if there is one. */
  Optional<ReceiptView> find(long accountId, String receiptId) {
    return feed.latest(accountId, receiptId);
  }

  List<AuditEntry> audit(long accountId, String receiptId) {
    return audit.stored(accountId, receiptId).stream()
        .map(a -> new AuditEntry(a.at(), a.deviceId(), a.userId(), a.userName(), a.type(), a.summary(), a.seq()))
        .toList();
  }

  List<paragon.receipts.Corrections.Correction> corrections(long accountId, String saleId) {
    return corrections.of(accountId, saleId);
  }

  /** Sales matching the filters, newest first, at most {@code limit}. */
  List<Sale> sales(long accountId, SalesQuery q, int limit) {
    return sales.find(accountId, new SaleRecords.Query(q.from(), q.to(), q.shopId(), q.userId(), q.method()), limit)
        .stream()
        .map(s -> new Sale(s.id(), s.shopId(), s.deviceId(), s.userId(), s.ownerUserId(), s.name(), s.defaultName(),
            s.total(), s.tendered(), s.change(), s.closedAt(), s.tip(), s.corrected()))
        .toList();
  }

  /** The payments of these sales, by sale id, in tender order. */
  Map<String, List<Payment>> payments(long accountId, List<String> saleIds) {
    Map<String, List<Payment>> out = new LinkedHashMap<>();
    sales.payments(accountId, saleIds).forEach((id, list) -> out.put(id, list.stream()
        .map(p -> new Payment(p.saleId(), p.method(), p.amount(), p.tendered())).toList()));
    return out;
  }

  private static Map<Long, String> names(List<Named> list) {
    Map<Long, String> out = new LinkedHashMap<>();
    list.forEach(n -> out.put(n.id(), n.name()));
    return out;
  }
}
