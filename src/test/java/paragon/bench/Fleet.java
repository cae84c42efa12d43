package paragon.bench;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.statement.PreparedBatch;
import paragon.configuration.LoginMode;
import paragon.configuration.Plan;
import paragon.configuration.Revisions;
import paragon.configuration.Visibility;
import paragon.demo.Seed;
import paragon.storage.Database;
import paragon.web.Tokens;

/**
 * The load run's account: sharing on (one space per shop), shops of paired devices with the cashier
 * logged in, written in bulk as pairing and the cashier's login leave them (10,000 pairing round
 * trips would take longer than the measurement). Written before the app starts, through a pool of
 * its own that is closed again.
 */
final class Fleet {
  record Device(long shop, String token, String session) {}

  /** Per shop, in order: its devices. */
  final List<List<Device>> shops;

  private Fleet(List<List<Device>> shops) {
    this.shops = shops;
  }

  /** {@code perShop.length} shops, shop i with {@code perShop[i]} devices. */
  static Fleet seed(String url, int... perShop) {
    List<List<Device>> shops = new ArrayList<>();
    try (Database db = Database.open(url)) {
      long now = System.currentTimeMillis();
      db.inTransaction(h -> {
        long account = Seed.account(h, "Bench", Plan.MAX, "pl", now);
        Seed.settings(h, account, true, Visibility.ALL, true, LoginMode.IDENTIFIER);
        long role = Seed.role(h, account, "Kasjer", Set.of());
        long user = Seed.user(h, account, "kasjer", "Kasjer", role, null, now);
        List<Long> shopIds = new ArrayList<>();
        for (int s = 0; s < perShop.length; s++) shopIds.add(Seed.shop(h, account, "Sklep " + (s + 1), true, now));
        // After the shops: a device's shop must be in the revision it has applied.
        Revisions.record(h, account, "bench", "setup", Clock.systemUTC());
        long revision = h.createQuery("SELECT revision FROM config_heads WHERE account_id = :a").bind("a", account)
            .mapTo(Long.class).one();
        PreparedBatch devices = h.prepareBatch("""
            INSERT INTO devices (account_id, shop_id, name, model, token_hash, paired_at, applied_revision, created_at)
            VALUES (:a, :s, :n, 'SMART_PLUS', :k, :t, :r, :t)""");
        List<List<String[]>> tokens = new ArrayList<>();
        for (int s = 0; s < perShop.length; s++) {
          long shop = shopIds.get(s);
          List<String[]> mine = new ArrayList<>();
          for (int d = 0; d < perShop[s]; d++) {
            String token = Tokens.fresh();
            mine.add(new String[] {String.valueOf(shop), token, Tokens.fresh()});
            devices.bind("a", account).bind("s", shop).bind("n", "Kasa " + (d + 1)).bind("k", Tokens.hash(token))
                .bind("t", now).bind("r", revision).add();
          }
          tokens.add(mine);
        }
        devices.execute();
        PreparedBatch sessions = h.prepareBatch("""
            INSERT INTO terminal_sessions (id, account_id, device_id, user_id, pin_stamp, created_at)
            VALUES (:s, :a, (SELECT id FROM devices WHERE token_hash = :k), :u, '', :t)""");
        for (List<String[]> mine : tokens) {
          List<Device> out = new ArrayList<>();
          for (String[] t : mine) {
            sessions.bind("s", Tokens.hash(t[2])).bind("a", account).bind("k", Tokens.hash(t[1])).bind("u", user)
                .bind("t", now).add();
            out.add(new Device(Long.parseLong(t[0]), t[1], t[2]));
          }
          shops.add(out);
        }
        sessions.execute();
        return null;
      });
    }
    return new Fleet(shops);
  }

  /** The terminals of shop {@code shop}, sending their commands to {@code commandPort}. */
  List<BenchTerminal> terminals(int shop, HttpClient http, int commandPort) {
    List<BenchTerminal> out = new ArrayList<>();
    for (Device d : shops.get(shop)) out.add(new BenchTerminal(http, commandPort, "shop:" + d.shop(), d.token(), d.session()));
    return out;
  }

  /**
   * Opens every stream on the node at {@code streamPort}, at most 50 handshakes at a time, and waits
   * for all. A stream the node closed before its welcome (on a busy machine the hello can miss the
   * node's hello timeout) is opened again, up to three times.
   */
  static void connect(List<BenchTerminal> terminals, int streamPort) throws InterruptedException {
    Semaphore open = new Semaphore(50);
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (BenchTerminal t : terminals) {
      open.acquire();
      all.add(connect(t, streamPort, 1).whenComplete((x, e) -> open.release()));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).orTimeout(600, TimeUnit.SECONDS).join();
  }

  private static CompletableFuture<Void> connect(BenchTerminal t, int streamPort, int attempt) {
    return t.connect(streamPort).handle((x, e) -> {
      if (e == null) return CompletableFuture.<Void>completedFuture(null);
      if (attempt >= 3) return CompletableFuture.<Void>failedFuture(e);
      t.close();
      return connect(t, streamPort, attempt + 1);
    }).thenCompose(f -> f);
  }
}
