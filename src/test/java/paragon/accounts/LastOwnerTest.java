package paragon.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.Plan;
import paragon.storage.Database;
import paragon.testing.MutableClock;
import paragon.testing.Rows;
import paragon.testing.TestDatabases;
import paragon.web.Problem;

/** Two owners removing (or demoting) each other at the same moment: one of them always stays an owner. */
class LastOwnerTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void two_owners_removing_each_other_at_once_leave_one_owner(TestDatabases.Kind kind) throws Exception {
    try (Database db = TestDatabases.open(kind)) {
      MutableClock clock = new MutableClock();
      Admins admins = new Admins(db, clock);
      Invitations invitations = new Invitations(db, clock);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        for (int round = 0; round < 5; round++) {
          var created = new Accounts(db, clock).create(new Accounts.NewAccount("Firma " + round, Plan.MAX, "pl",
              "olga" + round + "@example.com", "Olga", "long enough 1"));
          var link = invitations.invite(created.accountId(), "test",
              new Invitations.Valid("bob" + round + "@example.com", "Bob", AdminRole.OWNER));
          long bob = invitations.accept(link.token(), "Bob", "long enough 2", "long enough 2").accepted().adminId();
          long olga = created.ownerId();
          long account = created.accountId();
          CyclicBarrier start = new CyclicBarrier(2);
          boolean demote = round % 2 == 1;
          List<Future<Boolean>> results = new ArrayList<>();
          for (long target : new long[] {olga, bob}) {
            results.add(pool.submit(() -> {
              start.await();
              try {
                return demote ? admins.setRole(account, target, AdminRole.ADMIN) : admins.remove(account, target);
              } catch (Problem p) {
                assertThat(p.status()).isEqualTo(409);
                return false;
              }
            }));
          }
          int changed = 0;
          for (Future<Boolean> f : results) changed += f.get() ? 1 : 0;
          assertThat(changed).as("round %d", round).isEqualTo(1);
          assertThat(Rows.count(db, "admins WHERE account_id = :a AND role = 'OWNER' AND archived_at IS NULL",
              "a", account)).isEqualTo(1);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
