package paragon.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.Plan;
import paragon.configuration.Revisions;
import paragon.storage.Database;
import paragon.testing.MutableClock;
import paragon.testing.TestDatabases;
import paragon.web.Problem;

class UsersStoreTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void disabling_and_a_new_pin_cut_the_user_off_at_once_with_one_revision_each(TestDatabases.Kind kind) {
    try (Database db = TestDatabases.open(kind)) {
      var clock = new MutableClock();
      long account = new Accounts(db, clock).create(new Accounts.NewAccount("B", Plan.MAX, "pl",
          "a@b.pl", "A", "password1")).accountId();
      Cutoffs cutoffs = new Cutoffs();
      List<Long> cut = new ArrayList<>();
      cutoffs.subscribe(new Cutoffs.Listener() {
        @Override
        public void userCutOff(long accountId, long userId) {
          assertThat(accountId).isEqualTo(account);
          cut.add(userId);
        }
      });
      long role = new Roles(db, clock).create(account, "t", "Kelner", EnumSet.noneOf(Permission.class));
      Users users = new Users(db, clock, cutoffs);
      long anna = users.create(account, "t", new UserRules.Details("anna", "Anna", role), "1234");
      long rev = current(db, account);
      assertThat(cut).isEmpty();

      users.setPin(account, "t", anna, "98765");
      assertThat(cut).containsExactly(anna);
      assertThat(current(db, account)).isEqualTo(rev + 1);
      String hash = db.read(h -> h.createQuery("SELECT pin_hash FROM users WHERE id = :u").bind("u", anna)
          .mapTo(String.class).one());
      assertThat(hash).doesNotContain("98765");
      assertThat(Passwords.matches("98765", hash)).isTrue();

      assertThat(users.setDisabled(account, "t", anna, true)).isTrue();
      assertThat(cut).containsExactly(anna, anna);
      assertThat(users.setDisabled(account, "t", anna, true)).isFalse();
      assertThat(cut).hasSize(2);
      assertThat(current(db, account)).isEqualTo(rev + 2);
      var snapshot = db.read(h -> Revisions.snapshot(h, account, rev + 2));
      assertThat(snapshot.users()).singleElement().satisfies(u -> assertThat(u.disabled()).isTrue());
      assertThat(users.setDisabled(account, "t", anna, false)).isTrue();
      assertThat(cut).as("enabling cuts nobody off").hasSize(2);
    }
  }

  private static long current(Database db, long account) {
    Long r = db.read(h -> Revisions.current(h, account));
    return r;
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void identifiers_are_unique_ignoring_case_and_roles_must_be_the_accounts(TestDatabases.Kind kind) {
    try (Database db = TestDatabases.open(kind)) {
      var clock = new MutableClock();
      Accounts accounts = new Accounts(db, clock);
      long account = accounts.create(new Accounts.NewAccount("B", Plan.MAX, "pl", "a@b.pl", "A", "password1")).accountId();
      long other = accounts.create(new Accounts.NewAccount("C", Plan.MAX, "pl", "c@b.pl", "C", "password1")).accountId();
      Roles roles = new Roles(db, clock);
      long role = roles.create(account, "t", "Kelner", EnumSet.noneOf(Permission.class));
      long foreignRole = roles.create(other, "t", "Obca", EnumSet.noneOf(Permission.class));
      Users users = new Users(db, clock, new Cutoffs());
      users.create(account, "t", new UserRules.Details("Anna", "Anna", role), null);
      assertThatThrownBy(() -> users.create(account, "t", new UserRules.Details("anna", "Druga", role), null))
          .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.field()).isEqualTo("identifier"));
      assertThatThrownBy(() -> users.create(account, "t", new UserRules.Details("ewa", "Ewa", foreignRole), null))
          .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
      users.create(other, "t", new UserRules.Details("anna", "Anna z innej firmy", foreignRole), null);
      assertThat(users.list(account)).extracting(Users.User::name).containsExactly("Anna");
      assertThatThrownBy(() -> roles.create(account, "t", "KELNER", EnumSet.noneOf(Permission.class)))
          .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.field()).isEqualTo("name"));
    }
  }
}
