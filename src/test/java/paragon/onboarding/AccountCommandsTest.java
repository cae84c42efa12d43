package paragon.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.Paragon;
import paragon.accounts.Accounts;
import paragon.accounts.Passwords;
import paragon.configuration.Plan;
import paragon.storage.Database;
import paragon.testing.MutableClock;
import paragon.testing.Rows;
import paragon.testing.TestDatabases;

class AccountCommandsTest {

  /** One run of the commands: exit code, standard output and error. */
  record Run(int exit, String out, String err) {}

  static Run run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    int exit = AccountCommands.run(args, Map.of(), in, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void create_prints_the_generated_first_password_list_shows_the_account_and_set_plan_records_a_revision(
      TestDatabases.Kind kind) {
    try (Database db = TestDatabases.open(kind)) {
      String url = "--database-url=" + db.url();
      Run created = run("", "create", "--name", "Bar Mleczny", "--owner-email", "Jan@Example.com", "--plan", "premium",
          "--language", "en", "--shop", "Piotrkowska", url);
      assertThat(created.exit()).as(created.err()).isZero();
      String password = created.out().lines().filter(l -> l.startsWith("password: ")).findFirst().orElseThrow()
          .substring("password: ".length());
      assertThat(password).hasSize(16);
      var login = new Accounts(db, new MutableClock()).login("jan@example.com").orElseThrow();
      assertThat(Passwords.matches(password, login.passwordHash())).isTrue();
      assertThat(Rows.count(db, "accounts WHERE plan = 'PREMIUM' AND language = 'en'")).isEqualTo(1);
      assertThat(Rows.count(db, "shops WHERE name = 'Piotrkowska'")).isEqualTo(1);

      Run list = run("", "list", url);
      assertThat(list.exit()).isZero();
      assertThat(list.out()).contains("Bar Mleczny", "PREMIUM", "jan@example.com", String.valueOf(login.accountId()));

      long before = Rows.revision(db, login.accountId());
      Run setPlan = run("", "set-plan", "--account", String.valueOf(login.accountId()), "--plan", "MAX", url);
      assertThat(setPlan.exit()).as(setPlan.err()).isZero();
      assertThat(setPlan.out()).contains("plan MAX");
      assertThat(Rows.revision(db, login.accountId())).isEqualTo(before + 1);
      assertThat(new Accounts(db, new MutableClock()).find(login.accountId()).plan()).isEqualTo(Plan.MAX);
      assertThat(run("", "set-plan", "--account", String.valueOf(login.accountId()), "--plan", "MAX", url).out())
          .contains("nothing changed");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void password_stdin_is_the_owners_password_and_is_not_printed(TestDatabases.Kind kind) {
    try (Database db = TestDatabases.open(kind)) {
      Run created = run("a-chosen-password\n", "create", "--name=Piekarnia", "--owner-email=p@example.com",
          "--owner-name=Paweł", "--password-stdin", "--database-url=" + db.url());
      assertThat(created.exit()).as(created.err()).isZero();
      assertThat(created.out()).doesNotContain("password:").doesNotContain("a-chosen-password");
      var login = new Accounts(db, new MutableClock()).login("p@example.com").orElseThrow();
      assertThat(Passwords.matches("a-chosen-password", login.passwordHash())).isTrue();
      assertThat(Rows.count(db, "accounts WHERE plan = 'START' AND language = 'pl'")).isEqualTo(1);
      assertThat(Rows.count(db, "shops WHERE name = 'Piekarnia'")).as("the shop is named after the business")
          .isEqualTo(1);
      Run taken = run("", "create", "--name=Again", "--owner-email=p@example.com", "--database-url=" + db.url());
      assertThat(taken.exit()).isEqualTo(AccountCommands.USAGE);
      assertThat(taken.err()).contains("--owner-email:", "already");
      Run unknown = run("", "set-plan", "--account", "999999", "--plan", "MAX", "--database-url=" + db.url());
      assertThat(unknown.exit()).isEqualTo(AccountCommands.FAILED);
      assertThat(unknown.err()).contains("no account 999999");
      assertThat(Rows.count(db, "accounts")).isEqualTo(1);
    }
  }

  @Test
  void bad_usage_exits_2_with_a_message_that_names_the_flag() {
    assertUsage(run("", "create", "--name", "X", "--owner-email", "x@example.com", "--plan", "GOLD"),
        "--plan: expected one of START, STANDARD, PREMIUM, MAX");
    assertUsage(run("", "create", "--owner-email", "x@example.com"), "--name: required");
    assertUsage(run("", "create", "--name", "X"), "--owner-email: required");
    assertUsage(run("", "create", "--name", "X", "--owner-email", "x@example.com", "--language", "de"),
        "--language: expected pl or en");
    assertUsage(run("", "create", "--name", "X", "--owner-email", "x@example.com", "--password-stdin"),
        "--password-stdin:");
    assertUsage(run("", "create", "--name", "X", "--owner-email", "x@example.com", "--colour", "red"), "--colour");
    assertUsage(run("", "set-plan", "--account", "seven", "--plan", "MAX"), "--account: expected an account id");
    assertUsage(run("", "set-plan", "--plan", "MAX"), "--account: required");
    assertUsage(run("", "list", "--database-url=jdbc:mysql://x"), "--database-url:");
    assertUsage(run("", "delete"), "unknown command 'delete'");
    assertUsage(run(""), "expected a command");
  }

  @Test
  void a_value_the_account_rules_refuse_is_bad_usage_naming_its_flag() throws Exception {
    try (Database db = TestDatabases.sqlite()) {
      Run run = run("", "create", "--name", "X", "--owner-email", "not-an-email", "--database-url=" + db.url());
      assertUsage(run, "--owner-email: Enter a valid email address.");
      assertThat(Rows.count(db, "accounts")).isZero();
    }
  }

  @Test
  void paragon_main_dispatches_account_and_leaves_server_flags_alone() throws Exception {
    try (Database db = TestDatabases.sqlite()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Integer exit = Paragon.command(new String[] {"account", "list", "--database-url=" + db.url()},
          new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      assertThat(exit).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("ID", "NAME", "PLAN", "OWNER");
      Integer bad = Paragon.command(new String[] {"account", "set-plan", "--plan", "X"},
          new ByteArrayInputStream(new byte[0]), new PrintStream(out),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      assertThat(bad).isEqualTo(2);
      assertThat(Paragon.command(new String[] {"--port=9000"}, System.in, System.out, System.err)).isNull();
      assertThat(Paragon.command(new String[0], System.in, System.out, System.err)).isNull();
    }
  }

  private static void assertUsage(Run run, String message) {
    assertThat(run.exit()).as(run.err()).isEqualTo(AccountCommands.USAGE);
    assertThat(run.err()).contains(message);
  }
}
