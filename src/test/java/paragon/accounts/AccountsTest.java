package paragon.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.LoginMode;
import paragon.configuration.Plan;
import paragon.configuration.Revisions;
import paragon.configuration.Visibility;
import paragon.storage.Database;
import paragon.testing.MutableClock;
import paragon.testing.Rows;
import paragon.testing.TestDatabases;
import paragon.web.Problem;

class AccountsTest {

  private static Accounts.NewAccount account(String email) {
    return new Accounts.NewAccount("Bistro", Plan.PREMIUM, "pl", email, "Olga", "long enough pw");
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_new_account_starts_with_parking_off_and_revision_one(TestDatabases.Kind kind) {
    try (Database db = TestDatabases.open(kind)) {
      Accounts accounts = new Accounts(db, new MutableClock());
      var created = accounts.create(account("  Olga@Example.COM "));
      Accounts.Account a = accounts.find(created.accountId());
      assertThat(a.name()).isEqualTo("Bistro");
      assertThat(a.plan()).isEqualTo(Plan.PREMIUM);
      assertThat(a.parkingEnabled()).isFalse();
      assertThat(a.sharingEnabled()).isFalse();
      assertThat(a.visibility()).isEqualTo(Visibility.OWN);
      assertThat(a.loginMode()).isEqualTo(LoginMode.PIN);
      assertThat(a.revision()).isEqualTo(1);
      var snapshot = db.read(h -> Revisions.snapshot(h, created.accountId(), 1));
      assertThat(snapshot.accountName()).isEqualTo("Bistro");
      var login = accounts.login("OLGA@example.com").orElseThrow();
      assertThat(login.adminId()).isEqualTo(created.ownerId());
      assertThat(Passwords.matches("long enough pw", login.passwordHash())).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void an_email_signs_in_to_one_account_only(TestDatabases.Kind kind) {
    try (Database db = TestDatabases.open(kind)) {
      Accounts accounts = new Accounts(db, new MutableClock());
      accounts.create(account("olga@example.com"));
      assertThatThrownBy(() -> accounts.create(account("OLGA@example.com")))
          .isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.field()).isEqualTo("ownerEmail");
            assertThat(p.messageKey()).isEqualTo("account.email.taken");
          });
      assertThat(Rows.count(db, "accounts")).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void another_accounts_id_is_not_found(TestDatabases.Kind kind) {
    try (Database db = TestDatabases.open(kind)) {
      Accounts accounts = new Accounts(db, new MutableClock());
      assertThatThrownBy(() -> accounts.find(424242)).isInstanceOfSatisfying(Problem.class,
          p -> assertThat(p.status()).isEqualTo(404));
    }
  }
}
