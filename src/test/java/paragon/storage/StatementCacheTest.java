package paragon.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;
import paragon.testing.TestDatabases;

/**
 * Statements prepared once and reused (issue 11): on SQLite by {@link StatementCache}, on PostgreSQL by
 * pgjdbc's own per-connection cache of server-side prepares.
 */
class StatementCacheTest {

  @Test
  void sqlite_runs_the_same_sql_twice_on_one_prepared_statement() {
    try (Database db = TestDatabases.sqlite()) {
      List<Statement> used = statements(db);
      db.read(h -> {
        for (int i = 0; i < 3; i++) {
          assertThat(h.createQuery("SELECT COUNT(*) FROM accounts WHERE id > :i").bind("i", i).mapTo(Long.class).one())
              .isZero();
        }
        return null;
      });
      assertThat(used).hasSize(3);
      assertThat(used.get(1)).isSameAs(used.get(0));
      assertThat(used.get(2)).isSameAs(used.get(0));
    }
  }

  @Test
  void sqlite_gives_a_second_statement_to_the_same_sql_while_the_first_is_open_and_both_answer() {
    try (Database db = TestDatabases.sqlite()) {
      db.inTransaction(h -> h.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT) STRICT"));
      db.inTransaction(h -> {
        for (int k = 1; k <= 3; k++) h.execute("INSERT INTO t (k, v) VALUES (?, ?)", k, "v" + k);
        return null;
      });
      String sql = "SELECT k, v FROM t WHERE k >= :k ORDER BY k";
      List<String> pairs = db.read(h -> h.createQuery(sql).bind("k", 1)
          .map((rs, ctx) -> rs.getString("v") + ":"
              + String.join(",", h.createQuery(sql).bind("k", rs.getInt("k")).map((r2, c2) -> r2.getString("v")).list()))
          .list());
      assertThat(pairs).containsExactly("v1:v1,v2,v3", "v2:v2,v3", "v3:v3");
      List<String> last = db.read(h -> h.createQuery(sql).bind("k", 3).map((rs, ctx) -> rs.getString("v")).list());
      assertThat(last).containsExactly("v3");
    }
  }

  @Test
  void sqlite_reuses_a_statement_after_it_failed_with_fresh_parameters() {
    try (Database db = TestDatabases.sqlite()) {
      db.inTransaction(h -> h.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL) STRICT"));
      String insert = "INSERT INTO t (k, v) VALUES (:k, :v)";
      db.inTransaction(h -> h.createUpdate(insert).bind("k", 1).bind("v", "one").execute());
      assertThatThrownBy(() -> db.inTransaction(h -> h.createUpdate(insert).bind("k", 1).bind("v", "again").execute()))
          .hasMessageContaining("UNIQUE");
      db.inTransaction(h -> h.createUpdate(insert).bind("k", 2).bind("v", "two").execute());
      // A parameter left unbound is refused, not filled in from the statement's previous use.
      assertThatThrownBy(() -> db.inTransaction(h -> h.createUpdate(insert).bind("k", 3).execute()));
      List<String> values = db.read(h -> h.createQuery("SELECT v FROM t ORDER BY k").mapTo(String.class).list());
      assertThat(values).containsExactly("one", "two");
    }
  }

  @Test
  void postgres_prepares_a_repeated_statement_on_the_server_once_per_connection() {
    try (Database db = TestDatabases.postgres()) {
      long prepared = db.read(h -> {
        for (int i = 0; i < 6; i++) {
          h.createQuery("SELECT COUNT(*) /* repeated */ FROM accounts WHERE id > :i").bind("i", i).mapTo(Long.class).one();
        }
        return h.createQuery("SELECT COUNT(*) FROM pg_prepared_statements WHERE statement LIKE '%/* repeated */%'")
            .mapTo(Long.class).one();
      });
      assertThat(prepared).isEqualTo(1);
    }
  }

  /** The statements JDBI runs on {@code db} from now on, in order. */
  private static List<Statement> statements(Database db) {
    List<Statement> used = new ArrayList<>();
    db.jdbi().setSqlLogger(new SqlLogger() {
      @Override
      public void logAfterExecution(StatementContext context) {
        used.add(context.getStatement());
      }
    });
    return used;
  }
}
