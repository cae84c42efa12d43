package paragon;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paragon.accounts.Accounts;
import paragon.accounts.Admins;
import paragon.accounts.AdminsRoutes;
import paragon.accounts.BackOfficeAuth;
import paragon.accounts.Cutoffs;
import paragon.accounts.Invitations;
import paragon.accounts.LoginRoutes;
import paragon.accounts.PasswordRoutes;
import paragon.accounts.Roles;
import paragon.accounts.RolesRoutes;
import paragon.accounts.SettingsRoutes;
import paragon.accounts.ShopsRoutes;
import paragon.accounts.UsersRoutes;
import paragon.catalog.ProductsRoutes;
import paragon.demo.Demo;
import paragon.devices.BehindDevices;
import paragon.devices.DeviceApi;
import paragon.devices.DeviceAuth;
import paragon.devices.DeviceStore;
import paragon.devices.DevicesRoutes;
import paragon.floor.FloorRoutes;
import paragon.integrations.ApiAuth;
import paragon.integrations.ApiKeys;
import paragon.integrations.ApiKeysRoutes;
import paragon.integrations.CatalogApiRoutes;
import paragon.integrations.CatalogWriteRoutes;
import paragon.integrations.ReadRoutes;
import paragon.integrations.SalesApiRoutes;
import paragon.integrations.WebhooksApiRoutes;
import paragon.devices.TerminalAuth;
import paragon.onboarding.AccountCommands;
import paragon.onboarding.FirstRun;
import paragon.onboarding.SetupRoutes;
import paragon.onboarding.StartRoutes;
import paragon.parking.ParkingRoutes;
import paragon.receipts.Audit;
import paragon.receipts.CommandRoutes;
import paragon.receipts.CorrectionRoutes;
import paragon.receipts.CommandService;
import paragon.receipts.ServedRules;
import paragon.receipts.SharingJoin;
import paragon.kitchen.KitchenRoutes;
import paragon.metrics.Metrics;
import paragon.sales.DayClosesRoutes;
import paragon.sales.AttentionRoutes;
import paragon.sales.SalesRoutes;
import paragon.sales.TerminalTrailRoutes;
import paragon.sales.VoidRoutes;
import paragon.settings.Limits;
import paragon.settings.Settings;
import paragon.storage.BackupCommands;
import paragon.storage.Database;
import paragon.sync.StreamHub;
import paragon.sync.StreamRoutes;
import paragon.sync.StreamSettings;
import paragon.storage.Events;
import paragon.webhooks.Subscriptions;
import paragon.webhooks.WebhookSettings;
import paragon.webhooks.WebhooksRoutes;
import paragon.webhooks.Worker;
import paragon.web.ApiDocs;
import paragon.web.ConnectionCap;
import paragon.web.Csrf;
import paragon.web.Errors;
import paragon.web.FailureLimit;
import paragon.web.SecurityHeaders;
import paragon.web.Health;
import paragon.web.Readiness;
import paragon.web.Https;
import paragon.web.Json;
import paragon.web.Lang;
import paragon.web.MetricsRoute;
import paragon.web.RequestIds;
import paragon.web.RequestLog;
import paragon.web.RequestRates;
import paragon.web.terminal.TerminalApp;

/**
 * Paragon's table of contents: settings, then the database, then the features and their routes.
 * {@link #create} builds the same app a test starts.
 */
public final class Paragon {
  private static final Logger log = LoggerFactory.getLogger(Paragon.class);

  private Paragon() {}

  public static void main(String[] args) {
    Integer exit = command(args, System.in, System.out, System.err);
    if (exit != null) {
      System.exit(exit);
      return;
    }
    Settings settings;
    try {
      settings = Settings.from(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("Paragon cannot start: " + e.getMessage());
      System.exit(2);
      return;
    }
    Database db;
    try {
      db = Database.open(settings.databaseUrl());
    } catch (RuntimeException e) {
      System.err.println("Paragon cannot start: " + e.getMessage());
      System.exit(2);
      return;
    }
    Demo.Report demo = settings.demo() ? Demo.prepare(db, Clock.systemUTC()) : null;
    WebhookSettings webhooks;
    Limits limits;
    try {
      webhooks = WebhookSettings.from(System.getenv());
      limits = Limits.from(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("Paragon cannot start: " + e.getMessage());
      System.exit(2);
      return;
    }
    Javalin app = create(settings, db, Clock.systemUTC(), StreamSettings.DEFAULTS, new Cutoffs(), webhooks, limits)
        .start(settings.host(), settings.port());
    stopGracefully(app, db);
    // Over HTTPS, the name the certificate is for: a browser refuses the certificate under any other.
    String base = settings.https()
        ? "https://" + settings.tls().hostName() + ":" + app.port()
        : "http://localhost:" + app.port();
    log.info("Paragon listening on {}/ ({})", base, db.dialect());
    if (demo != null) System.out.println(Demo.describe(demo, base, db));
    FirstRun.Setup setup = settings.demo() ? null : FirstRun.prepare(db, Clock.systemUTC(), base);
    if (setup != null) {
      log.info("No account yet: create it at {}{}", setup.url(),
          setup.voided() > 0 ? " (the setup address printed before this start is void)" : "");
      System.out.println(FirstRun.describe(setup));
    }
  }

  /**
   * SIGTERM (docs/operations.md, "Shutdown"): the streams are told to reconnect ({@code 1001}), the
   * server stops accepting, the requests under way (commands waiting for their commit) finish within
   * {@link #STOP_TIMEOUT_MS}, the database is closed, and the process exits 0. Other ways to stop
   * (Ctrl-C) run the same steps in a shutdown hook.
   */
  private static void stopGracefully(Javalin app, Database db) {
    java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
    Runnable stop = () -> {
      if (!once.compareAndSet(false, true)) return;
      log.info("stopping: streams told to reconnect, requests under way finishing");
      app.stop();
      db.close();
      log.info("stopped");
    };
    sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> Thread.ofPlatform().daemon(false).name("paragon-sigterm").start(() -> {
      stop.run();
      System.exit(0);
    }));
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "paragon-shutdown"));
  }

  /** How long stopping waits for the requests under way. */
  static final long STOP_TIMEOUT_MS = 10_000;

  /**
   * The operator commands in the same jar ({@code account create|list|set-plan}, {@code backup},
   * {@code restore}; docs/operations.md):
   * their exit code, or null when {@code args} are server flags and Paragon should start.
   */
  public static Integer command(String[] args, InputStream in, PrintStream out, PrintStream err) {
    if (args.length == 0) return null;
    return switch (args[0]) {
      case "account" -> AccountCommands.run(Arrays.copyOfRange(args, 1, args.length), in, out, err);
      case "backup", "restore" -> BackupCommands.run(args[0], Arrays.asList(args).subList(1, args.length),
          System.getenv(), out, err);
      default -> null;
    };
  }

  /** The whole application over {@code db}; {@code clock} drives every expiry, so tests can move time. */
  public static Javalin create(Settings settings, Database db, Clock clock) {
    return create(settings, db, clock, StreamSettings.DEFAULTS);
  }

  /** The same with the stream's knobs (tests shrink the send queue and the heartbeat). */
  public static Javalin create(Settings settings, Database db, Clock clock, StreamSettings streamSettings) {
    return create(settings, db, clock, streamSettings, new Cutoffs());
  }

  /**
   * The same with the application's {@link Cutoffs}: a test that changes users or devices behind the
   * back office's back fires the events the back office would (the auth caches forget on them).
   */
  public static Javalin create(Settings settings, Database db, Clock clock, StreamSettings streamSettings,
      Cutoffs cutoffs) {
    return create(settings, db, clock, streamSettings, cutoffs, WebhookSettings.DEFAULTS);
  }

  /** The same with the webhooks' knobs (tests allow http://127.0.0.1 receivers and shorten the backoff). */
  public static Javalin create(Settings settings, Database db, Clock clock, StreamSettings streamSettings,
      Cutoffs cutoffs, WebhookSettings webhookSettings) {
    return create(settings, db, clock, streamSettings, cutoffs, webhookSettings, Limits.DEFAULTS);
  }

  /**
   * The same with the node's caps ({@link Limits}: connections, streams, request rates); the stream caps
   * in {@code limits} replace those of {@code streamSettings}.
   */
  public static Javalin create(Settings settings, Database db, Clock clock, StreamSettings streamSettings,
      Cutoffs cutoffs, WebhookSettings webhookSettings, Limits limits) {
    // Built once: the routes that need them share these.
    Metrics metrics = Metrics.forNode();
    db.meterPool(metrics.registry());
    BehindDevices behind = new BehindDevices(db, clock);
    metrics.gauge("paragon_devices_behind", () -> behind.count(false));
    metrics.gauge("paragon_devices_behind_day", () -> behind.count(true));
    Readiness readiness = new Readiness(db, metrics);
    metrics.gauge("paragon_ready", () -> readiness.up() ? 1 : 0);
    Accounts accounts = new Accounts(db, clock);
    Roles roles = new Roles(db, clock);
    BackOfficeAuth backOffice = new BackOfficeAuth(db, clock);
    DeviceAuth deviceAuth = new DeviceAuth(db, clock, cutoffs);
    TerminalAuth terminalAuth = new TerminalAuth(db, clock, deviceAuth);
    // The integrator API (/api/v1, docs/api.md): bearer API keys, rate-limited per key; a key with
    // receipts:read may also open the terminals' stream, read-only, for one shop.
    ApiKeys apiKeys = new ApiKeys(db, clock);
    ApiAuth apiAuth = new ApiAuth(apiKeys, clock);
    StreamHub stream = new StreamHub(db, terminalAuth, apiKeys.forStream(), cutoffs,
        streamSettings.withCaps(limits.maxStreams(), limits.maxPendingStreams()), clock, metrics, readiness);
    RequestRates rates = new RequestRates(clock, metrics, limits.ipPerSecond(), limits.devicePerSecond());
    CommandService commands = new CommandService(db, stream, clock, metrics);
    // Failed back-office sign-ins per email + IP, refused pairings per IP (docs/decisions.md, "Rate limits").
    FailureLimit signInFailures = new FailureLimit(clock, 10, Duration.ofMinutes(1), 10_000);
    FailureLimit pairingFailures = new FailureLimit(clock, 10, Duration.ofMinutes(1), 10_000);
    // Wrong setup codes per IP; sign-up attempts (successful ones too) per IP (docs/operations.md, "Sign-up").
    FailureLimit setupCodeFailures = new FailureLimit(clock, 10, Duration.ofMinutes(1), 10_000);
    FailureLimit signupAttempts = new FailureLimit(clock, 20, Duration.ofHours(1), 10_000);
    StartRoutes start = new StartRoutes(db, deviceAuth.store());
    // Invitation and password-reset links that did not open, per IP.
    FailureLimit linkFailures = new FailureLimit(clock, 10, Duration.ofMinutes(1), 10_000);
    Admins admins = new Admins(db, clock);
    Invitations invitations = new Invitations(db, clock);
    // Events of commands and catalog saves go into the webhook outbox in their own transactions.
    Subscriptions webhooks = new Subscriptions(db, clock);
    Events.attach(db, webhooks);
    Worker webhookWorker = new Worker(db, clock, webhookSettings);
    return Javalin.create(config -> {
      config.concurrency.useVirtualThreads = true;
      config.startup.showJavalinBanner = false;
      config.http.defaultContentType = "application/json";
      config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
      config.jetty.modifyServer(server -> ConnectionCap.install(server, limits.maxConnections(), metrics));
      // Tokens are case-sensitive secrets, and Jetty's per-connection cache of header lines matches
      // ignoring case by default: after "Authorization: Bearer x" on a keep-alive connection, a token
      // "Xv..." reached the routes as "xv..." and was refused (HeaderValuesTest).
      config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheCaseSensitive(true));
      // Stopping lets the requests under way finish (and answers new ones 503) for up to STOP_TIMEOUT_MS.
      config.jetty.modifyServer(server -> {
        server.setStopTimeout(STOP_TIMEOUT_MS);
        server.setHandler(new org.eclipse.jetty.server.handler.GracefulHandler());
      });
      if (settings.https()) {
        config.jetty.addConnector((server, http) ->
            Https.connector(server, http, settings.tls(), settings.host(), settings.port()));
      }
      config.staticFiles.add(files -> {
        files.hostedPath = "/assets";
        files.directory = "/public/assets";
      });
      config.staticFiles.enableWebjars();
      RequestLog requestLog = new RequestLog(metrics, config.unsafe.internalRouter);
      config.routes.before(RequestIds::before);
      config.routes.before(requestLog::before);
      config.routes.before(SecurityHeaders::before);
      config.routes.before(Lang::before);
      config.routes.before(rates::before);
      config.routes.before(readiness::before);
      config.routes.before("/backoffice/*", Csrf::before);
      config.routes.before("/backoffice", Csrf::before);
      config.routes.before("/backoffice/*", backOffice::before);
      config.routes.before("/backoffice", backOffice::before);
      config.routes.before("/api/v1/*", apiAuth::before);
      config.routes.after(requestLog::after);
      config.routes.after(RequestIds::after);
      Errors.register(config.routes, readiness);

      Health.register(config.routes, db, readiness);
      MetricsRoute.register(config.routes, metrics, settings.metricsToken());
      LoginRoutes.register(config.routes, accounts, backOffice, signInFailures, settings.signupOpen(), start::progress);
      SetupRoutes.register(config.routes, db, clock, backOffice, settings.signupOpen(), setupCodeFailures,
          signupAttempts);
      start.register(config.routes);
      PasswordRoutes.register(config.routes, admins, invitations, backOffice, linkFailures);
      AdminsRoutes.register(config.routes, admins, invitations);
      DeviceApi.register(config.routes, db, clock, deviceAuth, terminalAuth, commands::nextNumber, pairingFailures,
          new SharingJoin(stream, clock), ServedRules.of());
      DevicesRoutes.register(config.routes, db, clock, deviceAuth);
      ApiDocs.register(config.routes);
      SettingsRoutes.register(config.routes, db, clock, accounts, deviceAuth.store()::localOnly);
      TerminalApp.register(config.routes);
      CommandRoutes.register(config.routes, terminalAuth, commands, new Audit(db));
      CorrectionRoutes.register(config.routes, terminalAuth, db, clock);
      ParkingRoutes.register(config.routes, db, clock);
      FloorRoutes.register(config.routes, db, clock);
      ShopsRoutes.register(config.routes, db, clock, DeviceStore::inUse);
      ProductsRoutes.register(config.routes, db, clock);
      RolesRoutes.register(config.routes, roles);
      UsersRoutes.register(config.routes, db, clock, cutoffs, roles);
      SalesRoutes.register(config.routes, db, clock);
      TerminalTrailRoutes.register(config.routes, terminalAuth, db);
      VoidRoutes.register(config.routes, db, clock);
      DayClosesRoutes.register(config.routes, db, clock);
      KitchenRoutes.register(config.routes, db, clock, deviceAuth);
      AttentionRoutes.register(config.routes, db, clock);
      StreamRoutes.register(config.routes, stream);
      WebhooksRoutes.register(config.routes, db, webhooks, webhookSettings, clock);
      ApiKeysRoutes.register(config.routes, db, apiKeys, webhooks, cutoffs);
      ReadRoutes.register(config.routes, db);
      SalesApiRoutes.register(config.routes, db);
      CatalogApiRoutes.register(config.routes, db, clock);
      CatalogWriteRoutes.register(config.routes, db, clock);
      WebhooksApiRoutes.register(config.routes, db, webhooks, webhookSettings);
      config.events.serverStarted(webhookWorker::start);
      config.events.serverStopping(webhookWorker::close);
      config.events.serverStopping(stream::close);
      config.events.serverStopping(deviceAuth::close);
      config.events.serverStopped(metrics::close);
      config.events.serverStopped(readiness::close);
    });
  }
}
