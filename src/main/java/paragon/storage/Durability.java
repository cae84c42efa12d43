package paragon.storage;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an acknowledgement promises (docs/operations.md, "Durability"): a command Paragon acknowledged
 * survives a crash of the process and a power cut of the computer. SQLite gets WAL with
 * {@code synchronous=FULL} from {@link Database#open}; a PostgreSQL session gets
 * {@code synchronous_commit} raised to {@code on} when the server's default is {@code off} (a stronger
 * setting, {@code remote_write} or {@code remote_apply} for a synchronous standby, is kept). What a session
 * cannot change, a server with {@code fsync=off} or {@code full_page_writes=off}, is reported loudly at
 * start: Paragon still starts (a throw-away test cluster may run so), but the log says the promise does
 * not hold there.
 */
public final class Durability {
  private static final Logger log = LoggerFactory.getLogger(Durability.class);

  /** Run once on every pooled PostgreSQL connection: {@code off} becomes {@code on}, anything else stays. */
  static final String POSTGRES_SESSION = "SELECT set_config('synchronous_commit', CASE WHEN "
      + "current_setting('synchronous_commit') = 'off' THEN 'on' ELSE current_setting('synchronous_commit') END, false)";

  private Durability() {}

  /** The settings of {@code db}'s sessions that the promise depends on, as the database reports them. */
  public static List<String> settings(Database db) {
    return db.read(h -> db.dialect() == Database.Dialect.SQLITE
        ? List.of("journal_mode=" + h.createQuery("PRAGMA journal_mode").mapTo(String.class).one(),
            "synchronous=" + h.createQuery("PRAGMA synchronous").mapTo(Integer.class).one())
        : List.of("synchronous_commit=" + show(h, "synchronous_commit"), "fsync=" + show(h, "fsync"),
            "full_page_writes=" + show(h, "full_page_writes")));
  }

  /** The settings that break the promise on this database (empty when it holds). */
  public static List<String> problems(List<String> settings) {
    List<String> out = new ArrayList<>();
    for (String s : settings) {
      if (s.equals("journal_mode=wal") || s.equals("synchronous=2") || s.equals("synchronous=3")) continue;
      if (s.startsWith("journal_mode=") || s.startsWith("synchronous=")) out.add(s);
      else if (s.endsWith("=off")) out.add(s);
    }
    return out;
  }

  static void check(Database db) {
    List<String> settings = settings(db);
    List<String> problems = problems(settings);
    if (problems.isEmpty()) {
      log.info("durability: {}: an acknowledged command survives a power cut", String.join(", ", settings));
    } else {
      log.warn("DURABILITY NOT GUARANTEED: the database runs with {}: a crash or power cut of the database "
          + "server can lose acknowledged commands (docs/operations.md, \"Durability\")", String.join(", ", problems));
    }
  }

  private static String show(org.jdbi.v3.core.Handle h, String name) {
    return h.createQuery("SELECT current_setting('" + name + "')").mapTo(String.class).one();
  }
}
