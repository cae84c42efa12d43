package paragon.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQLite: every statement prepared once per connection and reused (issue 11: re-preparing took a fifth
 * of the CPU). sqlite-jdbc keeps no statement cache, and Hikari closes every statement with the
 * connection proxy it was made on, so statements are prepared on the physical connection beneath the
 * proxy and, when JDBI is done with one, kept there for the next use of the same SQL, at most
 * {@link #PER_CONNECTION} per connection (the least recently used is closed). PostgreSQL needs none of
 * this: pgjdbc caches each connection's server-side prepares itself ({@code prepareThreshold}).
 *
 * <p>A physical connection is used by one thread at a time (the pool lends it to one handle), so its
 * cache needs no lock; the map from connections to caches is shared and synchronized. Pooled SQLite
 * connections live as long as the pool ({@link Database}), and a closed one's cache is dropped.
 */
final class StatementCache implements StatementBuilderFactory {
  static final int PER_CONNECTION = 200;

  // Guarded by itself.
  private final Map<Connection, Idle> idle = Collections.synchronizedMap(new IdentityHashMap<>());

  @Override
  public StatementBuilder createStatementBuilder(Connection conn) {
    return new Builder();
  }

  /** The idle statements of one physical connection by their SQL, least recently used first. */
  private static final class Idle extends LinkedHashMap<String, PreparedStatement> {
    Idle() {
      super(16, 0.75f, true);
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
      if (size() <= PER_CONNECTION) return false;
      closeEvicted(eldest.getValue());
      return true;
    }
  }

  /** Closing an evicted statement: a failure is the driver's fault and must be seen, so it is thrown. */
  private static void closeEvicted(PreparedStatement s) {
    try {
      s.close();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot close a cached SQLite statement", e);
    }
  }

  private Idle idleOf(Connection physical) throws SQLException {
    synchronized (idle) {
      Idle cache = idle.get(physical);
      if (cache == null) {
        idle.keySet().removeIf(StatementCache::closed);
        cache = new Idle();
        idle.put(physical, cache);
      }
      return cache;
    }
  }

  private static boolean closed(Connection c) {
    try {
      return c.isClosed();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot tell whether a SQLite connection is closed", e);
    }
  }

  /** One handle's builder: hands out cached statements and takes them back. */
  private final class Builder extends DefaultStatementBuilder {
    // The statements this handle took from the cache or prepared for it, in use now, with their SQL as
    // prepared (JDBI names the statement to close by the SQL it was given, not the one it prepared).
    private final Map<PreparedStatement, String> lent = new IdentityHashMap<>();

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
      if (ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable()) return super.create(conn, sql, ctx);
      Connection physical = conn.unwrap(Connection.class);
      PreparedStatement s = idleOf(physical).remove(sql);
      if (s == null || s.isClosed()) s = physical.prepareStatement(sql);
      lent.put(s, sql);
      return s;
    }

    @Override
    public void close(Connection conn, String given, java.sql.Statement stmt) throws SQLException {
      String sql = stmt instanceof PreparedStatement p ? lent.remove(p) : null;
      if (sql == null) {
        super.close(conn, given, stmt);
        return;
      }
      PreparedStatement s = (PreparedStatement) stmt;
      Connection physical = conn.unwrap(Connection.class);
      if (s.isClosed() || physical.isClosed()) return;
      s.clearParameters();
      // Another use of the same SQL, still open, gave its statement back first: keep one.
      PreparedStatement previous = idleOf(physical).putIfAbsent(sql, s);
      if (previous != null) s.close();
    }
  }
}
