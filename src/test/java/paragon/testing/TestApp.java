package paragon.testing;

import io.javalin.Javalin;
import paragon.Paragon;
import paragon.settings.Settings;
import paragon.storage.Database;

/** The real application on a free port over a real database, as a test starts it. */
public final class TestApp implements AutoCloseable {
  public final Database db;
  public final MutableClock clock;
  public final Javalin app;

  public TestApp(Database db) {
    this(db, new MutableClock());
  }

  public TestApp(Database db, MutableClock clock) {
    this.db = db;
    this.clock = clock;
    Settings settings = new Settings(0, "jdbc:sqlite:unused", false, "127.0.0.1");
    this.app = Paragon.create(settings, db, clock).start("127.0.0.1", 0);
  }

  public static TestApp start(TestDatabases.Kind kind) {
    return new TestApp(TestDatabases.open(kind));
  }

  public int port() {
    return app.port();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + app.port() + path;
  }

  /** A browser-like HTTP client (cookie jar, no redirects followed) for this app. */
  public WebClient client() {
    return new WebClient(this);
  }

  @Override
  public void close() {
    app.stop();
    db.close();
  }
}
