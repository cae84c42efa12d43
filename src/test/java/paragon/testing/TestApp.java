package paragon.testing;

import io.javalin.Javalin;
import javax.net.ssl.SSLContext;
import paragon.Paragon;
import paragon.accounts.Cutoffs;
import paragon.settings.Settings;
import paragon.storage.Database;
import paragon.sync.StreamSettings;
import paragon.webhooks.WebhookSettings;

/** The real application on a free port over a real database, as a test starts it. */
public final class TestApp implements AutoCloseable {
  public final Database db;
  public final MutableClock clock;
  public final Javalin app;
  /** The app's cut-off events: fire them after changing users or devices behind the back office's back. */
  public final Cutoffs cutoffs = new Cutoffs();
  /** What clients trust when the app serves HTTPS; null over plain HTTP. */
  public final SSLContext trust;

  public TestApp(Database db) {
    this(db, new MutableClock());
  }

  public TestApp(Database db, MutableClock clock) {
    this(db, clock, StreamSettings.DEFAULTS);
  }

  /** With the stream's knobs: a small send queue, a fast heartbeat. */
  public TestApp(Database db, MutableClock clock, StreamSettings stream) {
    this(db, clock, stream, new Settings(0, "jdbc:sqlite:unused", false, "127.0.0.1"), null);
  }

  /** Over HTTPS: {@code settings} carry the keystore, and this app's clients trust {@code trust}. */
  public TestApp(Database db, MutableClock clock, StreamSettings stream, Settings settings, SSLContext trust) {
    this(db, clock, stream, settings, trust, WebhookSettings.DEFAULTS);
  }

  /** With the webhooks' knobs: http://127.0.0.1 receivers allowed, a fast poll, a short backoff and lease. */
  public TestApp(Database db, MutableClock clock, WebhookSettings webhooks) {
    this(db, clock, StreamSettings.DEFAULTS, new Settings(0, "jdbc:sqlite:unused", false, "127.0.0.1"), null,
        webhooks);
  }

  /** With the node's caps (connections, streams, request rates) set low to meet them. */
  public TestApp(Database db, MutableClock clock, StreamSettings stream, paragon.settings.Limits limits) {
    this(db, clock, stream, new Settings(0, "jdbc:sqlite:unused", false, "127.0.0.1"), null,
        WebhookSettings.DEFAULTS, limits);
  }

  private TestApp(Database db, MutableClock clock, StreamSettings stream, Settings settings, SSLContext trust,
      WebhookSettings webhooks) {
    this(db, clock, stream, settings, trust, webhooks, paragon.settings.Limits.DEFAULTS);
  }

  private TestApp(Database db, MutableClock clock, StreamSettings stream, Settings settings, SSLContext trust,
      WebhookSettings webhooks, paragon.settings.Limits limits) {
    this.db = db;
    this.clock = clock;
    this.trust = trust;
    this.app = Paragon.create(settings, db, clock, stream, cutoffs, webhooks, limits).start("127.0.0.1", 0);
  }

  /** Stops the server but keeps the database open, so a new app can start on it (a restart). */
  public void stopServer() {
    app.stop();
  }

  public static TestApp start(TestDatabases.Kind kind) {
    return new TestApp(TestDatabases.open(kind));
  }

  public int port() {
    return app.port();
  }

  public String url(String path) {
    return (trust == null ? "http" : "https") + "://127.0.0.1:" + app.port() + path;
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
