package paragon.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.storage.Database;
import paragon.configuration.Plan;
import paragon.demo.Seed;
import paragon.testing.MutableClock;
import paragon.testing.TestDatabases;

/** Claiming with a lease: two nodes claiming at once never get the same delivery; an expired lease is free again. */
class DeliveriesTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void two_nodes_claiming_at_once_share_the_due_deliveries_without_overlap(TestDatabases.Kind kind) throws Exception {
    // No app: no worker of its own claims these rows while the two "nodes" do.
    try (Database db = TestDatabases.open(kind)) {
      MutableClock clock = new MutableClock();
      long account = db.inTransaction(h -> Seed.account(h, "Bistro", Plan.MAX, "pl", clock.millis()));
      pending(db, account, 60);
      Deliveries nodeA = new Deliveries(db);
      Deliveries nodeB = new Deliveries(db);
      ConcurrentLinkedQueue<Long> claimed = new ConcurrentLinkedQueue<>();
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> nodes = new ArrayList<>();
      for (Deliveries node : List.of(nodeA, nodeB)) {
        nodes.add(Thread.ofPlatform().start(() -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          long now = clock.millis();
          List<Deliveries.Claimed> got;
          while (!(got = node.claim(now, now + 60_000)).isEmpty()) got.forEach(c -> claimed.add(c.id()));
        }));
      }
      go.countDown();
      for (Thread t : nodes) t.join();
      Set<Long> distinct = new HashSet<>(claimed);
      assertThat(claimed).hasSize(60);
      assertThat(distinct).hasSize(60);
      // Leased: nothing is due again until the lease runs out; then all of it is.
      long now = clock.millis();
      assertThat(nodeA.claim(now, now + 60_000)).isEmpty();
      assertThat(nodeA.claim(now + 60_001, now + 120_000)).hasSize(Deliveries.CLAIM);
    }
  }

  private static void pending(Database db, long account, int count) {
    db.inTransaction(h -> {
      long sub = h.createQuery("""
              INSERT INTO webhook_subscriptions (account_id, url, events, secret, created_at, created_by)
              VALUES (:a, 'https://receiver.invalid/h', ',sale.created,', 's', 0, 't') RETURNING id""")
          .bind("a", account).mapTo(Long.class).one();
      for (int i = 0; i < count; i++) {
        h.createUpdate("""
                INSERT INTO webhook_deliveries (account_id, subscription_id, event_id, type, body, status, attempts,
                  next_attempt_at, window_start, created_at)
                VALUES (:a, :s, :e, 'sale.created', '{}', 'pending', 0, 0, 0, 0)""")
            .bind("a", account).bind("s", sub).bind("e", "e" + i).execute();
      }
      return null;
    });
  }
}
