package paragon.storage;

import java.net.URI;

/**
 * PostgreSQL is backed up and restored with its own tools, which know its version and its objects:
 * {@code backup} and {@code restore} print the exact commands for the configured database
 * (docs/operations.md, "Backups") and change nothing. A password in the URL is not printed: pg_dump
 * reads it from {@code PGPASSWORD} or {@code ~/.pgpass}.
 */
final class PostgresBackup {
  private PostgresBackup() {}

  static String instructions(String command, String url, String file) {
    URI uri = URI.create(url.substring("jdbc:".length()));
    String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
    int port = uri.getPort() < 0 ? 5432 : uri.getPort();
    String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
    String user = parameter(uri.getRawQuery(), "user");
    String target = "-h " + host + " -p " + port + (user == null ? "" : " -U " + user);
    String name = file == null ? "paragon.dump" : file;
    String todo = command.equals("backup")
        ? "  pg_dump " + target + " --format=custom --file=" + quote(name) + " " + database + "\n"
        : "  # with Paragon stopped on every node:\n"
            + "  dropdb " + target + " " + database + " && createdb " + target + " " + database + "\n"
            + "  pg_restore " + target + " --dbname=" + database + " --exit-on-error " + quote(name) + "\n";
    return "paragon " + command + ": on PostgreSQL Paragon does not " + command + " by itself; nothing was done. Run:\n"
        + todo + "(docs/operations.md, \"Backups\")";
  }

  private static String parameter(String query, String name) {
    if (query == null) return null;
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) return pair.substring(name.length() + 1);
    }
    return null;
  }

  private static String quote(String s) {
    return s.matches("[A-Za-z0-9._/-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}
