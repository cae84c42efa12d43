package paragon.web.terminal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import paragon.web.Problem;
import paragon.web.SecurityHeaders;

/**
 * Serves the terminal app (plain ES modules, Lit from WebJars, no bundler) at {@code /terminal}:
 * <ul>
 *   <li>{@code /terminal} and {@code /terminal/}: the HTML shell with the import map that maps Lit's bare
 *       specifiers to the webjar versions on the classpath (read from their pom.properties, so a version
 *       bump in the pom cannot leave the map stale);</li>
 *   <li>{@code /terminal/<file>}: the app's modules and stylesheet, with an ETag of their content;</li>
 *   <li>{@code /terminal/sw.js}: the service worker, stamped with a version that changes whenever any
 *       app file or webjar version does, so a terminal picks up a new app and drops the old cache.</li>
 * </ul>
 * Everything is read from the classpath once, at start. The shell must not be cached by HTTP caches
 * ({@code no-cache}: revalidated by ETag), so a deploy reaches terminals on their next online load.
 */
public final class TerminalApp {
  private static final String ROOT = "/public/terminal/";
  /** The app's files, by name: listed here so the service worker can precache exactly these. */
  static final List<String> FILES = List.of(
      "terminal.css", "main.js", "i18n.js", "i18n-pl.js", "i18n-en.js", "names.js", "money.js", "outbox.js", "state.js", "preview.js", "store.js",
      "api.js", "stream.js", "tab-guard.js", "terminal.js", "session.js", "command-queue.js",
      "receipts-view.js", "connection.js", "actions.js", "config-sync.js", "ids.js",
      "terminal-element.js", "paragon-terminal.js", "pairing-screen.js", "login-screen.js", "pin-pad.js",
      "sale-screen.js", "product-grid.js", "free-item.js", "receipt-panel.js", "receipts-list.js",
      "payment-dialog.js", "guest-bill.js", "receipt-history.js", "move-dialog.js", "terminal-menu.js", "day-close.js", "notice-list.js",
      "modifiers.js", "discounts.js", "catalog.js", "modifier-chooser.js", "discount-dialog.js", "courses.js",
      "floor.js", "table-moves.js", "floor-plan.js", "view-toggle.js", "floor-actions.js",
      "move-table-dialog.js", "kitchen-lines.js", "kitchen-controls.js",
      "bill.js", "payment-split.js", "line-merge.js", "void-dialog.js");
  private static final List<String> WEBJARS = List.of("lit", "lit-html", "lit-element", "lit__reactive-element");

  private record Asset(byte[] body, String contentType, String etag) {}

  private final Map<String, Asset> assets;
  /** The Content-Security-Policy of the shell: the default one plus the import map's hash. */
  private final String shellPolicy;

  private TerminalApp(Map<String, Asset> assets, String shellPolicy) {
    this.assets = assets;
    this.shellPolicy = shellPolicy;
  }

  public static void register(RoutesConfig routes) {
    TerminalApp app = load();
    routes.get("/terminal", app::serveShell);
    routes.get("/terminal/", app::serveShell);
    routes.get("/terminal/{file}", app::serveFile);
  }

  static TerminalApp load() {
    Map<String, Asset> assets = new LinkedHashMap<>();
    StringBuilder all = new StringBuilder();
    for (String file : FILES) {
      byte[] body = resource(ROOT + file);
      assets.put(file, asset(body, file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8"));
      all.append(file).append(':').append(assets.get(file).etag()).append('\n');
    }
    Map<String, String> versions = webjarVersions();
    all.append(versions);
    String version = sha256(all.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    String map = importMap(versions);
    String mapScript = map.substring(map.indexOf('>') + 1, map.lastIndexOf("</script>"));
    String shell = new String(resource(ROOT + "index.html"), StandardCharsets.UTF_8)
        .replace("<!--importmap-->", map + modulePreloads(versions))
        .replace("@VERSION@", version);
    assets.put("", asset(shell.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8"));
    String precache = String.join(",", FILES.stream().map(f -> "'/terminal/" + f + "'").toList());
    String worker = new String(resource(ROOT + "sw.js"), StandardCharsets.UTF_8)
        .replace("'@VERSION@'", "'" + version + "'")
        .replace("/*@PRECACHE@*/", precache);
    assets.put("sw.js", asset(worker.getBytes(StandardCharsets.UTF_8), "text/javascript; charset=utf-8"));
    return new TerminalApp(assets, SecurityHeaders.allowingScript(mapScript));
  }

  private void serveShell(Context ctx) {
    // The import map is inline (browsers read no other kind): the policy allows it by its hash.
    ctx.header("Content-Security-Policy", shellPolicy);
    send(ctx, assets.get(""));
  }

  private void serveFile(Context ctx) {
    String file = ctx.pathParam("file");
    Asset asset = file.isEmpty() ? null : assets.get(file);
    if (asset == null) throw Problem.notFound("page", "/terminal/" + file);
    if (file.equals("sw.js")) ctx.header("Service-Worker-Allowed", "/terminal");
    send(ctx, asset);
  }

  private static void send(Context ctx, Asset asset) {
    ctx.header("ETag", asset.etag());
    ctx.header("Cache-Control", "no-cache");
    ctx.header("X-Content-Type-Options", "nosniff");
    String ifNoneMatch = ctx.header("If-None-Match");
    if (ifNoneMatch != null && ifNoneMatch.contains(asset.etag())) {
      ctx.status(304);
      return;
    }
    ctx.contentType(asset.contentType()).result(asset.body());
  }

  /**
   * Every app module and Lit's entry modules, announced in the shell: without a bundler the browser would
   * otherwise find them one import level at a time (a round trip per level on a cold start).
   */
  static String modulePreloads(Map<String, String> versions) {
    List<String> urls = new java.util.ArrayList<>(List.of(
        "/webjars/lit/" + versions.get("lit") + "/index.js",
        "/webjars/lit/" + versions.get("lit") + "/directives/repeat.js",
        "/webjars/lit-html/" + versions.get("lit-html") + "/lit-html.js",
        "/webjars/lit-element/" + versions.get("lit-element") + "/lit-element.js",
        "/webjars/lit__reactive-element/" + versions.get("lit__reactive-element") + "/reactive-element.js"));
    FILES.stream().filter(f -> f.endsWith(".js")).forEach(f -> urls.add("/terminal/" + f));
    StringBuilder links = new StringBuilder();
    for (String url : urls) links.append("\n<link rel=\"modulepreload\" href=\"").append(url).append("\">");
    return links.toString();
  }

  /** Bare specifiers of Lit and its parts -> their webjar paths. */
  static String importMap(Map<String, String> versions) {
    String lit = "/webjars/lit/" + versions.get("lit") + "/";
    String html = "/webjars/lit-html/" + versions.get("lit-html") + "/";
    String element = "/webjars/lit-element/" + versions.get("lit-element") + "/";
    String reactive = "/webjars/lit__reactive-element/" + versions.get("lit__reactive-element") + "/";
    return """
        <script type="importmap">{"imports": {
          "lit": "%sindex.js", "lit/": "%s",
          "lit-html": "%slit-html.js", "lit-html/": "%s",
          "lit-element": "%sindex.js", "lit-element/": "%s",
          "@lit/reactive-element": "%sreactive-element.js", "@lit/reactive-element/": "%s"
        }}</script>""".formatted(lit, lit, html, html, element, element, reactive, reactive);
  }

  static Map<String, String> webjarVersions() {
    Map<String, String> versions = new TreeMap<>();
    for (String name : WEBJARS) {
      String path = "/META-INF/maven/org.webjars.npm/" + name + "/pom.properties";
      Properties p = new Properties();
      try (InputStream in = TerminalApp.class.getResourceAsStream(path)) {
        if (in == null) throw new IllegalStateException("webjar " + name + " is not on the classpath (" + path + ")");
        p.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + path, e);
      }
      versions.put(name, p.getProperty("version"));
    }
    return versions;
  }

  private static Asset asset(byte[] body, String contentType) {
    return new Asset(body, contentType, "\"" + sha256(body).substring(0, 24) + "\"");
  }

  private static byte[] resource(String path) {
    try (InputStream in = TerminalApp.class.getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException("terminal app file missing from the classpath: " + path);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
