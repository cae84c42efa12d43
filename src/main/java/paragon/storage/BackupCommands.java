package paragon.storage;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sqlite.SQLiteConfig;
import paragon.settings.Settings;

/**
 * The operator's {@code backup} and {@code restore} (docs/operations.md, "Backups"):
 * <pre>
 * backup --to FILE [--database-url=URL]
 * restore --from FILE [--database-url=URL] [--force]
 * </pre>
 * SQLite: {@code backup} writes a consistent copy while Paragon serves ({@code VACUUM INTO}: one read
 * transaction, so writers go on and the copy is the database as of one commit), synced to disk, checked,
 * then moved to FILE; {@code restore} checks FILE and puts a copy of it in place of the database file,
 * with Paragon stopped. PostgreSQL is backed up with {@code pg_dump}: both commands print the exact
 * commands and do nothing. Neither runs migrations: a backup is of the database as it is.
 * Exit codes: 0 done, 1 failed (nothing changed), 2 bad usage (the message names the option).
 */
public final class BackupCommands {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  private BackupCommands() {}

  private static final class Usage extends RuntimeException {
    Usage(String message) {
      super(message);
    }
  }

  /** Runs {@code command} ("backup" or "restore") with {@code args} (its options). */
  public static int run(String command, List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    try {
      Map<String, String> options = options(command, args);
      String url = options.getOrDefault("--database-url",
          env.getOrDefault("PARAGON_DATABASE_URL", Settings.DEFAULT_DATABASE_URL));
      if (url.startsWith("jdbc:postgresql:")) {
        err.println(PostgresBackup.instructions(command, url, options.get(command.equals("backup") ? "--to" : "--from")));
        return FAILED;
      }
      if (!url.startsWith("jdbc:sqlite:")) {
        throw new Usage("--database-url: must start with jdbc:sqlite: or jdbc:postgresql:, was " + url);
      }
      Path database = Path.of(url.substring("jdbc:sqlite:".length()));
      return command.equals("backup")
          ? backup(database, Path.of(options.get("--to")), out)
          : restore(Path.of(options.get("--from")), database, options.containsKey("--force"), out);
    } catch (Usage e) {
      err.println("paragon " + command + ": " + e.getMessage());
      return USAGE;
    } catch (IOException | SQLException | RuntimeException e) {
      err.println("paragon " + command + ": failed, nothing changed: " + e.getMessage());
      return FAILED;
    }
  }

  private static int backup(Path database, Path to, PrintStream out) throws IOException, SQLException {
    if (!Files.isRegularFile(database)) throw new Usage("--database-url: no database file " + database);
    if (Files.exists(to)) throw new Usage("--to: " + to + " exists already (choose a new file)");
    Path dir = to.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) throw new Usage("--to: no folder " + dir);
    Path partial = dir.resolve(to.getFileName() + ".partial");
    Files.deleteIfExists(partial);
    try {
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database); Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout=10000");
        s.execute("VACUUM INTO '" + partial.toString().replace("'", "''") + "'");
      }
      sync(partial);
      Checked checked = check(partial, "--to");
      Files.move(partial, to, StandardCopyOption.ATOMIC_MOVE);
      out.println("backed up " + database + " to " + to + ": " + checked + ", " + Files.size(to) + " bytes");
      return OK;
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private static int restore(Path from, Path database, boolean force, PrintStream out) throws IOException, SQLException {
    if (!Files.isRegularFile(from)) throw new Usage("--from: no file " + from);
    Checked checked = check(from, "--from");
    boolean occupied = Files.exists(database) && Files.size(database) > 0;
    if (occupied && !force) {
      throw new Usage("--database-url: " + database + " holds a database already; stop Paragon and add --force "
          + "to replace it (the old file is kept beside it)");
    }
    Path dir = database.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path partial = dir.resolve(database.getFileName() + ".restoring");
    Files.copy(from, partial, StandardCopyOption.REPLACE_EXISTING);
    sync(partial);
    String kept = null;
    if (occupied) {
      Path old = dir.resolve(database.getFileName() + ".before-restore-" + System.currentTimeMillis());
      Files.move(database, old, StandardCopyOption.ATOMIC_MOVE);
      kept = old.toString();
    }
    // The old database's write-ahead log belongs to the old file: left there, SQLite would replay it into the new one.
    for (String suffix : new String[] {"-wal", "-shm"}) {
      Path side = dir.resolve(database.getFileName() + suffix);
      if (Files.exists(side) && kept != null) Files.move(side, Path.of(kept + suffix), StandardCopyOption.REPLACE_EXISTING);
      else Files.deleteIfExists(side);
    }
    Files.move(partial, database, StandardCopyOption.ATOMIC_MOVE);
    out.println("restored " + from + " (" + checked + ") to " + database
        + (kept == null ? "" : "; the database it replaced is kept as " + kept));
    return OK;
  }

  /** What {@link #check} found: the schema version and how many accounts and receipts the copy holds. */
  record Checked(String version, long accounts, long receipts) {
    @Override
    public String toString() {
      return "schema version " + version + ", " + accounts + " accounts, " + receipts + " receipts, integrity ok";
    }
  }

  /** Refuses {@code file} (naming {@code option}) unless it is a whole Paragon database with its migrations. */
  static Checked check(Path file, String option) throws SQLException {
    SQLiteConfig readOnly = new SQLiteConfig();
    readOnly.setReadOnly(true);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), readOnly.toProperties());
        Statement s = c.createStatement()) {
      String integrity;
      try (ResultSet r = s.executeQuery("PRAGMA quick_check")) {
        integrity = r.next() ? r.getString(1) : "no answer";
      } catch (SQLException e) {
        throw new Usage(option + ": " + file + " is not a SQLite database (" + e.getMessage() + ")");
      }
      if (!integrity.equals("ok")) throw new Usage(option + ": " + file + " is damaged: " + integrity);
      try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE name = 'flyway_schema_history'")) {
        if (!r.next() || r.getLong(1) == 0) {
          throw new Usage(option + ": " + file + " is not a Paragon database (no migration history)");
        }
      }
      String version;
      try (ResultSet r = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1 "
          + "AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
        if (!r.next()) throw new Usage(option + ": " + file + " has no applied migration");
        version = r.getString(1);
      }
      return new Checked(version, count(s, "accounts"), count(s, "receipts"));
    }
  }

  private static long count(Statement s, String table) throws SQLException {
    try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static void sync(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  /** {@code --option value} or {@code --option=value}; each command's own options, each once, required ones checked. */
  private static Map<String, String> options(String command, List<String> args) {
    Set<String> valued = Set.of("--database-url", command.equals("backup") ? "--to" : "--from");
    Set<String> bare = command.equals("backup") ? Set.of() : Set.of("--force");
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      String value;
      if (bare.contains(name) && name.equals(arg)) {
        value = "";
      } else if (!valued.contains(name)) {
        throw new Usage("unknown option '" + arg + "' (expected " + String.join(", ", valued)
            + (bare.isEmpty() ? "" : ", " + String.join(", ", bare)) + ")");
      } else if (!name.equals(arg)) {
        value = arg.substring(name.length() + 1);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new Usage(name + ": expected a value");
      }
      if (value.isBlank() && valued.contains(name)) throw new Usage(name + ": expected a value");
      if (options.put(name, value) != null) throw new Usage(name + ": given twice");
    }
    String required = command.equals("backup") ? "--to" : "--from";
    if (!options.containsKey(required)) throw new Usage(required + ": required (" + required + " FILE)");
    return options;
  }
}
