package paragon.web.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.openqa.selenium.By;
import paragon.configuration.DeviceModel;
import paragon.configuration.Visibility;
import paragon.testing.BenchmarkDoc;
import paragon.testing.WebClient;

/**
 * Benchmark (a main, not a test): time from opening /terminal on a paired, logged-in tablet to a usable
 * sale screen (performance mark 'paragon-usable', set once the receipts list, products and current
 * receipt have rendered with the shop's receipts), and the bytes it took, for a shop with 200 open
 * receipts that the user sees (visibility ALL), in headless Chromium on this machine:
 * <ul>
 *   <li>cold: no HTTP cache, no service worker, no receipts in IndexedDB (device token and session
 *       kept): everything over the network, the receipts from the stream's snapshot;</li>
 *   <li>warm: the service worker's cache and the receipts in IndexedDB from the previous visit: the
 *       stream only sends what changed since the cursor (nothing).</li>
 * </ul>
 * HTTP bytes are Resource Timing's transferSize (navigation + resources, headers included; 0 for what
 * the service worker or HTTP cache answered); WebSocket bytes are the characters of frames received
 * (Resource Timing does not see WebSockets).
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=paragon.web.terminal.TerminalOpenBenchmark}. Rewrites its own section of
 * docs/benchmarks.md.
 */
public final class TerminalOpenBenchmark {
  static final int RECEIPTS = 200;
  static final int RUNS = 5;
  static final int WIFI_RTT_MS = 40;

  record Sample(double usableMs, long httpBytes, long wsChars, int requests, int receiptsShown) {}

  public static void main(String[] args) throws Exception {
    // The machine is shared: say how busy it was when the run began, next to the numbers.
    String load = BenchmarkDoc.load();
    try (Shop shop = new Shop(Visibility.ALL); Terminal t = Terminal.tablet(shop.url(""))) {
      shop.device("Kasa 1", DeviceModel.SMART_PLUS, "BENCHAAA");
      fill(shop);
      t.open();
      t.pair("BENCHAAA");
      t.login("anna", "1234");
      t.waitUntil(d -> "online".equals(t.js("return window.paragonTerminal.connection")));
      t.waitUntil(d -> ((Number) t.js("return Object.keys(window.paragonTerminal.receipts).length")).intValue() >= RECEIPTS);
      t.waitSent();
      TerminalOfflineBrowserTest.waitForOfflineShell(t);

      List<Sample> cold = new ArrayList<>();
      List<Sample> warm = new ArrayList<>();
      List<Sample> coldFar = new ArrayList<>();
      for (int i = 0; i < RUNS; i++) {
        cold.add(measure(t, true));
        warm.add(measure(t, false));
        // A tablet on the shop's Wi-Fi, not on the server's loopback: every request waits a round trip.
        latency(t, WIFI_RTT_MS);
        coldFar.add(measure(t, true));
        latency(t, 0);
      }
      String report = report(cold, warm, coldFar, load);
      System.out.println(report);
      BenchmarkDoc.write("terminal-open", report);
    }
  }

  /** 200 open ad-hoc receipts with one line each, made by another terminal through the command API. */
  static void fill(Shop shop) {
    shop.device("Kasa 2", DeviceModel.SMART_PLUS, "BENCHBBB");
    WebClient http = shop.app.client();
    String token = http.postJson("/api/device/pair", Map.of("code", "BENCHBBB"), Map.of()).json().get("token").asText();
    JsonNode config = http.get("/api/device/config", Map.of("Authorization", "Bearer " + token)).json().get("config");
    long product = config.get("products").get(0).get("id").asLong();
    String session = http.postJson("/api/device/login", Map.of("identifier", "ola", "pin", "4321"),
        Map.of("Authorization", "Bearer " + token)).json().get("sessionToken").asText();
    Map<String, String> headers = Map.of("Authorization", "Bearer " + token, "X-Paragon-Session", session);
    List<Map<String, Object>> batch = new ArrayList<>();
    long n = 1;
    for (int i = 0; i < RECEIPTS; i++) {
      String receipt = UUID.randomUUID().toString();
      batch.add(Map.of("n", n++, "type", "openAdHoc", "receiptId", receipt));
      batch.add(Map.of("n", n++, "type", "addLine", "receiptId", receipt, "lineId", UUID.randomUUID().toString(),
          "productId", product, "quantity", 2000));
      if (batch.size() >= 100) {
        send(http, batch, headers);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) send(http, batch, headers);
  }

  static void send(WebClient http, List<Map<String, Object>> batch, Map<String, String> headers) {
    WebClient.Response r = http.postJson("/api/terminal/commands", batch, headers);
    if (r.status() != 200 || r.body().contains("\"refused\"")) throw new IllegalStateException("fill failed: " + r.body());
  }

  /** Chromium's network emulation: {@code ms} of latency added to every request (0: none). */
  static void latency(Terminal t, int ms) {
    t.driver.executeCdpCommand("Network.enable", Map.of());
    t.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of(
        "offline", false, "latency", ms, "downloadThroughput", -1, "uploadThroughput", -1));
  }

  static Sample measure(Terminal t, boolean cold) {
    if (cold) {
      t.driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
      t.driver.executeCdpCommand("Storage.clearDataForOrigin",
          Map.of("origin", t.base, "storageTypes", "service_workers,cache_storage"));
      t.driver.executeAsyncScript("""
          const done = arguments[arguments.length - 1];
          import('/terminal/store.js').then(async ({ Store }) => { const s = await Store.open(); await s.put('receipts', null); s.close(); done(true); });""");
    }
    t.driver.get("about:blank");
    t.open();
    t.waitUntil(d -> Boolean.TRUE.equals(t.js("return performance.getEntriesByName('paragon-usable').length > 0")));
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) t.js("""
        const nav = performance.getEntriesByType('navigation')[0];
        const res = performance.getEntriesByType('resource');
        return {
          usable: performance.getEntriesByName('paragon-usable')[0].startTime,
          http: (nav ? nav.transferSize : 0) + res.reduce((s, e) => s + e.transferSize, 0),
          requests: 1 + res.length,
          ws: window.paragonTerminal.stream.bytesReceived,
          shown: document.querySelectorAll('receipts-list li button[data-status]').length,
        };""");
    return new Sample(((Number) m.get("usable")).doubleValue(), ((Number) m.get("http")).longValue(),
        ((Number) m.get("ws")).longValue(), ((Number) m.get("requests")).intValue(), ((Number) m.get("shown")).intValue());
  }

  static String row(String name, List<Sample> s) {
    double ms = BenchmarkDoc.median(s.stream().map(Sample::usableMs).toList());
    double min = s.stream().mapToDouble(Sample::usableMs).min().orElse(0);
    double max = s.stream().mapToDouble(Sample::usableMs).max().orElse(0);
    double http = BenchmarkDoc.median(s.stream().map(x -> (double) x.httpBytes()).toList());
    double ws = BenchmarkDoc.median(s.stream().map(x -> (double) x.wsChars()).toList());
    double req = BenchmarkDoc.median(s.stream().map(x -> (double) x.requests()).toList());
    int shown = s.get(s.size() - 1).receiptsShown();
    return String.format(Locale.ROOT, "| %s | %.0f ms (%.0f-%.0f) | %.0f | %.1f KB | %.1f KB | %d |",
        name, ms, min, max, req,
        http / 1024, ws / 1024, shown);
  }

  static String report(List<Sample> cold, List<Sample> warm, List<Sample> coldFar, String load) {
    return String.join("\n",
        BenchmarkDoc.start("terminal-open"),
        "## Terminal: opening /terminal to a usable sale screen (200 open receipts)",
        "",
        "Produced by `./mvnw -q test-compile exec:java -Dexec.classpathScope=test "
            + "-Dexec.mainClass=paragon.web.terminal.TerminalOpenBenchmark` (`TerminalOpenBenchmark`): a paired, "
            + "logged-in tablet (1280x800, headless Debian Chromium) opens `/terminal` on a shop with " + RECEIPTS
            + " open receipts it may see (plus 3 tables); " + RUNS + " runs of each, median (min-max). "
            + "Usable = performance mark `paragon-usable` (receipts list, products and current receipt rendered with "
            + "the receipts), measured from navigation start. SQLite, app and browser on one shared 2-core machine; "
            + "this run: " + java.time.LocalDate.now() + ", load average " + load + " (1 min) when it began.",
        "",
        "| visit | time to usable | HTTP requests | HTTP bytes (transferSize) | WebSocket frames received | list items |",
        "|---|---|---|---|---|---|",
        row("cold (no HTTP cache, no service worker, no local receipts)", cold),
        row("warm (service worker cache, receipts in IndexedDB)", warm),
        row("cold, " + WIFI_RTT_MS
            + " ms added to every request (Chromium's network emulation: a tablet on Wi-Fi)", coldFar),
        "",
        "Cold: every module is fetched (no bundler: one request per module, Lit from the webjars) and the "
            + "receipts arrive in the stream's snapshot. Warm: the service worker answers the shell and modules "
            + "(0 bytes on the network), the receipts come from IndexedDB and the stream resumes from the cursor.",
        BenchmarkDoc.end("terminal-open"));
  }
}
