package paragon.onboarding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import paragon.accounts.Accounts;
import paragon.accounts.SettingsStore;
import paragon.configuration.Plan;
import paragon.settings.Settings;
import paragon.storage.Database;
import paragon.web.I18n;
import paragon.web.Problem;

/**
 * The operator's commands, in the same jar as the server (docs/operations.md, "Account commands"):
 * <pre>
 * account create --name N --owner-email E [--owner-name X] [--plan P] [--language pl|en] [--shop NAME]
 *                [--password-stdin]
 * account list
 * account set-plan --account ID --plan P
 * </pre>
 * Each also takes {@code --database-url=URL} (else PARAGON_DATABASE_URL, else the default file).
 * Exit codes: {@link #OK}, {@link #FAILED} (e.g. the database cannot be opened, no such account) and
 * {@link #USAGE} (a message that names the flag). Messages are English, like the start-up's.
 */
public final class AccountCommands {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  /** The operator, as the author of the revisions these commands make. */
  static final String AUTHOR = "operator";
  private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();
  /** The flags of an account's fields, by the field a refused value is named with. */
  private static final Map<String, String> FLAGS = Map.of("name", "--name", "ownerEmail", "--owner-email",
      "ownerName", "--owner-name", "ownerPassword", "--password-stdin", "plan", "--plan", "language", "--language",
      "shopName", "--shop", "nip", "--nip");

  private AccountCommands() {}

  /** A refusal of the command line, naming the flag. */
  private static final class Usage extends RuntimeException {
    Usage(String message) {
      super(message);
    }
  }

  /** Runs {@code args} (after "account": the subcommand first) with the process's environment. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    return run(args, System.getenv(), in, out, err);
  }

  public static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
    try {
      if (args.length == 0) throw new Usage("expected a command: create, list or set-plan");
      String command = args[0];
      Map<String, String> flags = switch (command) {
        case "create" -> flags(args, Set.of("--name", "--owner-email", "--owner-name", "--plan", "--language", "--shop",
            "--nip"), Set.of("--password-stdin"));
        case "list" -> flags(args, Set.of(), Set.of());
        case "set-plan" -> flags(args, Set.of("--account", "--plan"), Set.of());
        default -> throw new Usage("unknown command '" + command + "' (expected create, list or set-plan)");
      };
      String url = flags.getOrDefault("--database-url",
          env.getOrDefault("PARAGON_DATABASE_URL", Settings.DEFAULT_DATABASE_URL));
      if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
        throw new Usage("--database-url: must start with jdbc:sqlite: or jdbc:postgresql:, was " + url);
      }
      // Every flag is checked (and the password read) before the database opens: a typo costs no connection.
      Password password = command.equals("create") ? password(flags, in) : null;
      Plan plan = command.equals("set-plan") ? plan(require(flags, "--plan")) : null;
      long accountId = command.equals("set-plan") ? number(require(flags, "--account"), "--account") : 0;
      try (Database db = Database.open(url)) {
        Clock clock = Clock.systemUTC();
        return switch (command) {
          case "create" -> create(db, clock, flags, password, out);
          case "list" -> list(db, clock, out);
          default -> setPlan(db, clock, accountId, plan, out, err);
        };
      }
    } catch (Usage e) {
      err.println("paragon account: " + e.getMessage());
      return USAGE;
    } catch (RuntimeException e) {
      err.println("paragon account: failed: " + e.getMessage());
      return FAILED;
    }
  }

  /** The owner's first password: read from the first line of stdin, or generated (then printed). */
  private record Password(String value, boolean generated) {}

  private static Password password(Map<String, String> flags, InputStream in) {
    require(flags, "--name");
    require(flags, "--owner-email");
    if (flags.containsKey("--plan")) plan(flags.get("--plan"));
    if (flags.containsKey("--language")) language(flags.get("--language"));
    if (!flags.containsKey("--password-stdin")) return new Password(generatePassword(), true);
    String line = readLine(in);
    if (line == null || line.isEmpty()) {
      throw new Usage("--password-stdin: expected the password on the first line of standard input");
    }
    return new Password(line, false);
  }

  private static int create(Database db, Clock clock, Map<String, String> flags, Password password, PrintStream out) {
    String name = flags.get("--name");
    String email = flags.get("--owner-email");
    String language = flags.getOrDefault("--language", "pl");
    Accounts.NewAccount account = new Accounts.NewAccount(name, plan(flags.getOrDefault("--plan", "START")), language,
        email, flags.getOrDefault("--owner-name", email.contains("@") ? email.substring(0, email.indexOf('@')) : email),
        password.value, flags.get("--nip"), flags.getOrDefault("--shop", name), null);
    Accounts.Created created;
    try {
      created = new Accounts(db, clock).create(account);
    } catch (Problem p) {
      if (p.field() == null) throw p;
      throw new Usage(FLAGS.getOrDefault(p.field(), p.field()) + ": " + I18n.of("en").t(p.messageKey(), p.args()));
    }
    out.println("created account " + created.accountId() + " \"" + name.strip() + "\", owner "
        + email.strip().toLowerCase(Locale.ROOT));
    if (password.generated) out.println("password: " + password.value);
    return OK;
  }

  private static int list(Database db, Clock clock, PrintStream out) {
    List<Accounts.Listed> accounts = new Accounts(db, clock).list();
    out.printf("%-6s %-30s %-9s %-32s %s%n", "ID", "NAME", "PLAN", "OWNER", "CREATED");
    for (Accounts.Listed a : accounts) {
      out.printf("%-6d %-30s %-9s %-32s %s%n", a.id(), a.name(), a.plan(),
          a.ownerEmail() == null ? "-" : a.ownerEmail(),
          Instant.ofEpochMilli(a.createdAt()));
    }
    return OK;
  }

  private static int setPlan(Database db, Clock clock, long accountId, Plan plan, PrintStream out, PrintStream err) {
    if (!new Accounts(db, clock).exists(accountId)) {
      err.println("paragon account: failed: --account: no account " + accountId);
      return FAILED;
    }
    SettingsStore.Saved saved = new SettingsStore(db, clock).savePlan(accountId, AUTHOR, plan);
    out.println(saved.changed()
        ? "account " + accountId + ": plan " + plan + " (configuration revision " + saved.revision() + ")"
        : "account " + accountId + ": plan is " + plan + " already, nothing changed");
    return OK;
  }

  /**
   * {@code --flag value} or {@code --flag=value} for {@code valued}, bare {@code --flag} for
   * {@code bare}; {@code --database-url} is always allowed. A repeated or unknown flag is refused.
   */
  private static Map<String, String> flags(String[] args, Set<String> valued, Set<String> bare) {
    Map<String, String> flags = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      int eq = arg.indexOf('=');
      String flag = eq < 0 ? arg : arg.substring(0, eq);
      String value;
      if (bare.contains(flag)) {
        if (eq >= 0) throw new Usage(flag + ": takes no value");
        value = "true";
      } else if (valued.contains(flag) || flag.equals("--database-url")) {
        if (eq >= 0) {
          value = arg.substring(eq + 1);
        } else if (i + 1 < args.length) {
          value = args[++i];
        } else {
          throw new Usage(flag + ": expected a value");
        }
      } else {
        throw new Usage("unknown argument '" + arg + "' for '" + args[0] + "'");
      }
      if (flags.put(flag, value) != null) throw new Usage(flag + ": given twice");
    }
    return flags;
  }

  private static String require(Map<String, String> flags, String flag) {
    String value = flags.get(flag);
    if (value == null || value.isBlank()) throw new Usage(flag + ": required");
    return value;
  }

  private static Plan plan(String value) {
    for (Plan p : Plan.values()) if (p.name().equalsIgnoreCase(value)) return p;
    throw new Usage("--plan: expected one of START, STANDARD, PREMIUM, MAX, was '" + value + "'");
  }

  private static void language(String value) {
    if (!value.equals("pl") && !value.equals("en")) {
      throw new Usage("--language: expected pl or en, was '" + value + "'");
    }
  }

  private static long number(String value, String flag) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new Usage(flag + ": expected an account id (a number), was '" + value + "'");
    }
  }

  private static String readLine(InputStream in) {
    try {
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the password from standard input", e);
    }
  }

  /** 16 characters from an alphabet without look-alikes (0/O, 1/l/I): about 93 random bits. */
  static String generatePassword() {
    StringBuilder b = new StringBuilder(16);
    for (int i = 0; i < 16; i++) b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    return b.toString();
  }
}
