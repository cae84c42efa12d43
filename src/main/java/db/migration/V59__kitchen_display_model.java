package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Widens {@code devices.model}'s CHECK (V1) by the kitchen display's model, KITCHEN_DISPLAY (issue 12).
 * A Java migration because the two databases change a CHECK differently:
 * <ul>
 *   <li>PostgreSQL: the constraint is dropped and added again, widened, in the migration's transaction.</li>
 *   <li>SQLite cannot alter a constraint, and rebuilding {@code devices} would mean dropping a table
 *       that sessions, commands and receipts reference. A widened CHECK changes no stored byte (every
 *       row satisfies it), so the table's text in {@code sqlite_schema} is edited in place: SQLite's
 *       documented procedure for loosening a constraint (sqlite.org/lang_altertable.html, "Making
 *       other kinds of table schema changes": {@code writable_schema}, then the schema version
 *       bumped so every connection reads the schema again), in the migration's transaction. The
 *       edit refuses to run unless the table's text holds exactly V1's CHECK, and the migration ends
 *       with an integrity check.</li>
 * </ul>
 */
public class V59__kitchen_display_model extends BaseJavaMigration {
  static final String OLD = "CHECK (model IN ('SMART_PLUS', 'POCKET', 'SMART', 'DUET'))";
  static final String NEW = "CHECK (model IN ('SMART_PLUS', 'POCKET', 'SMART', 'DUET', 'KITCHEN_DISPLAY'))";

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    if (c.getMetaData().getDatabaseProductName().equals("SQLite")) sqlite(c);
    else postgres(c);
  }

  private static void postgres(Connection c) throws SQLException {
    String name = null;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
        SELECT conname FROM pg_constraint WHERE conrelid = 'devices'::regclass AND contype = 'c'
          AND pg_get_constraintdef(oid) LIKE '%model%'""")) {
      if (rs.next()) name = rs.getString(1);
      if (rs.next()) throw new IllegalStateException("V59: more than one CHECK on devices.model");
    }
    if (name == null) throw new IllegalStateException("V59: no CHECK on devices.model to widen");
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE devices DROP CONSTRAINT \"" + name.replace("\"", "\"\"") + "\"");
      s.execute("ALTER TABLE devices ADD CONSTRAINT devices_model_check " + NEW);
    }
  }

  private static void sqlite(Connection c) throws SQLException {
    String sql;
    int version;
    try (Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'devices'")) {
        if (!rs.next()) throw new IllegalStateException("V59: no devices table");
        sql = rs.getString(1);
      }
      if (sql.indexOf(OLD) < 0 || sql.indexOf(OLD) != sql.lastIndexOf(OLD)) {
        throw new IllegalStateException("V59: devices does not hold V1's CHECK on model once: " + sql);
      }
      try (ResultSet rs = s.executeQuery("PRAGMA schema_version")) {
        rs.next();
        version = rs.getInt(1);
      }
      s.execute("PRAGMA writable_schema = ON");
      try (PreparedStatement u = c.prepareStatement(
          "UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = 'devices'")) {
        u.setString(1, sql.replace(OLD, NEW));
        if (u.executeUpdate() != 1) throw new IllegalStateException("V59: devices not updated");
      }
      s.execute("PRAGMA schema_version = " + (version + 1));
      s.execute("PRAGMA writable_schema = OFF");
      try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
        rs.next();
        String answer = rs.getString(1);
        if (!"ok".equals(answer)) throw new IllegalStateException("V59: integrity check after the edit: " + answer);
      }
    }
  }
}
