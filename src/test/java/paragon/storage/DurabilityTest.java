package paragon.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import paragon.testing.TestDatabases;

/** What an acknowledgement rests on (docs/operations.md, "Durability"), read back from pooled connections. */
class DurabilityTest {

  @Test
  void a_sqlite_pool_connection_runs_wal_with_synchronous_full() {
    try (Database db = TestDatabases.sqlite()) {
      for (int i = 0; i < 6; i++) { // more than the pool's 4: every connection, not just the first
        assertThat(db.<Integer, RuntimeException>read(h -> h.createQuery("PRAGMA synchronous").mapTo(Integer.class).one()))
            .as("2 = FULL: the WAL is synced at every commit").isEqualTo(2);
        assertThat(db.<String, RuntimeException>read(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one())).isEqualTo("wal");
      }
      assertThat(Durability.problems(Durability.settings(db))).isEmpty();
    }
  }

  @Test
  void a_postgres_session_runs_synchronous_commit_on_even_when_the_database_default_is_off() {
    String url;
    try (Database db = TestDatabases.postgres()) {
      url = db.url();
      db.read(h -> h.execute("ALTER DATABASE " + h.createQuery("SELECT current_database()").mapTo(String.class).one()
          + " SET synchronous_commit = off"));
    }
    try (Database db = Database.open(url)) {
      assertThat(db.jdbi().<String, RuntimeException>withHandle(h -> h.createQuery("SELECT current_setting('synchronous_commit')")
          .mapTo(String.class).one())).isEqualTo("on");
      assertThat(Durability.problems(Durability.settings(db))).isEmpty();
    }
  }

  @Test
  void settings_that_break_the_promise_are_named() {
    assertThat(Durability.problems(java.util.List.of("journal_mode=wal", "synchronous=1")))
        .containsExactly("synchronous=1");
    assertThat(Durability.problems(java.util.List.of("synchronous_commit=on", "fsync=off", "full_page_writes=on")))
        .containsExactly("fsync=off");
    assertThat(Durability.problems(java.util.List.of("synchronous_commit=remote_apply", "fsync=on"))).isEmpty();
  }
}
