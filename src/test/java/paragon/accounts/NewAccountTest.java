package paragon.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.ConfigSnapshot;
import paragon.configuration.Plan;
import paragon.configuration.Revisions;
import paragon.testing.Rows;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.web.FieldErrors;
import paragon.web.Problem;

class NewAccountTest {

  private static Accounts.NewAccount café(String nip, String shop, String address) {
    return new Accounts.NewAccount("Kawiarnia Pod Lipą", Plan.STANDARD, "pl", "Ola@Example.com ", "Ola Lipa",
        "long enough password", nip, shop, address);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "123-456-32-18 | 1234563218",
      "1234563218    | 1234563218",
      "123 456 32 18 | 1234563218",
      "526-025-02-74 | 5260250274",
      "''            | ",
  })
  void a_nip_with_its_check_digit_is_kept_as_ten_digits(String typed, String stored) {
    assertThat(AccountRules.nip(typed)).isEqualTo(stored);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1234563219    | account.nip.checksum",
      "123456321     | account.nip.format",
      "12345632180   | account.nip.format",
      "PL 1234563218 | account.nip.format",
      "123.456.32.18 | account.nip.format",
  })
  void a_nip_that_is_not_ten_digits_or_fails_its_checksum_is_refused_on_nip(String typed, String key) {
    assertThatThrownBy(() -> AccountRules.nip(typed)).isInstanceOfSatisfying(Problem.class, p -> {
      assertThat(p.field()).isEqualTo("nip");
      assertThat(p.messageKey()).isEqualTo(key);
    });
  }

  @Test
  void a_remainder_of_ten_is_never_a_valid_nip() {
    // The first nine digits 000000003 weigh 3 * 7 = 21, and 21 mod 11 = 10: no tenth digit can match.
    for (int d = 0; d <= 9; d++) {
      String nip = "000000003" + d;
      assertThatThrownBy(() -> AccountRules.nip(nip)).as(nip).isInstanceOf(Problem.class);
    }
  }

  @Test
  void check_names_every_wrong_field_at_once() {
    FieldErrors errors = Accounts.check(new Accounts.NewAccount(" ", null, "de", "no-at-sign", "", "short",
        "123", "", "x".repeat(201)));
    assertThat(errors.all().keySet()).containsExactlyInAnyOrder("name", "plan", "language", "ownerEmail",
        "ownerName", "ownerPassword", "nip", "shopName", "shopAddress");
    assertThat(Accounts.check(café("123-456-32-18", "Rynek 1", null)).isEmpty()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void an_account_with_its_first_shop_is_one_transaction_and_revision_one(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var created = new Accounts(app.db, app.clock).create(café("123-456-32-18", " Rynek 1 ", " ul. Lipowa 3 "));
      assertThat(created.shopId()).isPositive();
      assertThat(Rows.count(app.db, "accounts WHERE nip = '1234563218'")).isEqualTo(1);
      assertThat(Rows.count(app.db, "shops WHERE name = 'Rynek 1' AND address = 'ul. Lipowa 3'")).isEqualTo(1);
      assertThat(Rows.count(app.db, "admins WHERE email = 'ola@example.com' AND role = 'OWNER'")).isEqualTo(1);
      ConfigSnapshot snapshot = app.db.read(h -> Revisions.snapshot(h, created.accountId(), 1));
      assertThat(snapshot.shops()).extracting(ConfigSnapshot.Shop::name).containsExactly("Rynek 1");
      assertThat(Rows.revision(app.db, created.accountId())).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_refused_account_writes_nothing(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Accounts accounts = new Accounts(app.db, app.clock);
      accounts.create(café(null, "Rynek 1", null));
      assertThatThrownBy(() -> accounts.create(new Accounts.NewAccount("Second", Plan.START, "en", "ola@example.com",
          "Ola", "long enough password", null, "Shop", null)))
          .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.field()).isEqualTo("ownerEmail"));
      assertThatThrownBy(() -> accounts.create(café("1234563219", "Rynek 1", null)))
          .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.field()).isEqualTo("nip"));
      assertThat(Rows.count(app.db, "accounts")).isEqualTo(1);
      assertThat(Rows.count(app.db, "shops")).isEqualTo(1);
      assertThat(Rows.count(app.db, "config_revisions")).isEqualTo(1);
    }
  }
}
