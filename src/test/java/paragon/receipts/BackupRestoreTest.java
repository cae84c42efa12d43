package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paragon.Paragon;
import paragon.storage.Database;
import paragon.testing.StreamClient;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

/**
 * {@code backup} while the app serves commands over HTTP, {@code restore} into a new file, and the app
 * started on it serves the same receipts (lines, totals, seq) and sales (docs/operations.md, "Backups").
 */
class BackupRestoreTest {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  static Run paragon(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Integer exit = Paragon.command(args, System.in, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void a_backup_taken_while_serving_restores_to_an_app_that_serves_the_same_receipts_and_sales() throws Exception {
    try (Floor f = new Floor(TestDatabases.Kind.SQLITE)) {
      Terminal a = f.terminal("anna");
      String open = a.openAdHoc();
      a.add(open, f.beer, 2000);
      a.add(open, f.espresso, 1000);
      String paid = a.openAdHoc();
      a.add(paid, f.beer, 3000);
      assertThat(a.send("pay", "receiptId", paid, "seq", f.receipt(paid).seq(),
          "payments", List.of(Map.of("method", "CASH", "amount", 3750))).path("status").asText()).isEqualTo("accepted");
      // Lines keep arriving on another receipt while the backup runs.
      String busy = a.openAdHoc();
      List<String> acked = java.util.Collections.synchronizedList(new ArrayList<>());
      AtomicBoolean stop = new AtomicBoolean();
      Thread writer = Thread.ofPlatform().start(() -> {
        while (!stop.get()) acked.add(a.add(busy, f.espresso, 1000));
      });
      while (acked.size() < 20) Thread.sleep(5);
      Path backup = dir.resolve("backup.db");
      Run done = paragon("backup", "--to", backup.toString(), "--database-url=" + f.app.db.url());
      stop.set(true);
      writer.join();
      assertThat(done.exit()).as(done.err()).isZero();
      assertThat(done.out()).contains("backed up").contains("integrity ok");

      String restoredUrl = "jdbc:sqlite:" + dir.resolve("restored.db");
      Run restored = paragon("restore", "--from", backup.toString(), "--database-url=" + restoredUrl);
      assertThat(restored.exit()).as(restored.err()).isZero();
      try (TestApp copy = new TestApp(Database.open(restoredUrl))) {
        Map<String, JsonNode> served = snapshot(copy.port(), a);
        Map<String, JsonNode> now = snapshot(f.app.port(), a);
        assertThat(served.get(open)).isEqualTo(now.get(open));
        assertThat(served).doesNotContainKey(paid);
        // The busy receipt as of one commit: a prefix of the acknowledged lines, its total theirs.
        List<String> lines = new ArrayList<>();
        served.get(busy).path("lines").forEach(l -> lines.add(l.path("id").asText()));
        assertThat(lines).isNotEmpty().isEqualTo(acked.subList(0, lines.size()));
        assertThat(served.get(busy).path("total").asLong()).isEqualTo(900L * lines.size());
        assertThat(sales(copy.db)).isEqualTo(sales(f.app.db)).hasSize(1);
      }

      // Quiet now: a second backup restored over the first copy (--force) is the app's state exactly.
      Path second = dir.resolve("second.db");
      assertThat(paragon("backup", "--to", second.toString(), "--database-url=" + f.app.db.url()).exit()).isZero();
      Run refused = paragon("restore", "--from", second.toString(), "--database-url=" + restoredUrl);
      assertThat(refused.exit()).isEqualTo(2);
      assertThat(refused.err()).contains("--database-url").contains("--force");
      assertThat(paragon("restore", "--from", second.toString(), "--database-url=" + restoredUrl, "--force").exit())
          .isZero();
      try (TestApp copy = new TestApp(Database.open(restoredUrl))) {
        assertThat(snapshot(copy.port(), a)).isEqualTo(snapshot(f.app.port(), a));
      }
    }
  }

  @Test
  void bad_arguments_name_the_option_and_change_nothing() throws Exception {
    Path db = dir.resolve("paragon.db");
    String url = "--database-url=jdbc:sqlite:" + db;
    assertThat(paragon("backup", url).err()).contains("--to: required");
    assertThat(paragon("backup", "--to").err()).contains("--to: expected a value");
    assertThat(paragon("backup", "--to", "x.db", "--from", "y.db").err()).contains("unknown option '--from'");
    assertThat(paragon("restore", "--force", url).err()).contains("--from: required");
    assertThat(paragon("backup", "--to", dir.resolve("b.db").toString(), url).err()).contains("--database-url: no database file");
    Path text = Files.writeString(dir.resolve("notes.txt"), "not a database, just some text that is long enough".repeat(20));
    Run notDb = paragon("restore", "--from", text.toString(), url);
    assertThat(notDb.exit()).isEqualTo(2);
    assertThat(notDb.err()).contains("--from:").contains("not a SQLite database");
    Path empty = dir.resolve("empty.db");
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + empty); var s = c.createStatement()) {
      s.execute("CREATE TABLE t (x INTEGER)");
    }
    assertThat(paragon("restore", "--from", empty.toString(), url).err()).contains("--from:").contains("not a Paragon database");
    assertThat(db).doesNotExist();
    Run pg = paragon("backup", "--to", "shop.dump", "--database-url=jdbc:postgresql://127.0.0.1:5432/paragon?user=paragon&password=secret");
    assertThat(pg.exit()).isEqualTo(1);
    assertThat(pg.err()).contains("pg_dump -h 127.0.0.1 -p 5432 -U paragon --format=custom --file=shop.dump paragon")
        .doesNotContain("secret");
  }

  private static Map<String, JsonNode> snapshot(int port, Terminal t) {
    StreamClient.View view = new StreamClient.View();
    try (StreamClient s = StreamClient.connect(port, t.token, t.session, view)) {
      s.awaitFrame(frame -> frame.path("type").asText().equals("caughtUp") || frame.path("type").asText().equals("snapshot"),
          Duration.ofSeconds(10));
    }
    return view.all();
  }

  private static List<Map<String, Object>> sales(Database db) {
    return db.read(h -> h.createQuery("SELECT * FROM sales ORDER BY id").mapToMap().list());
  }
}
