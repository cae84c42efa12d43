package paragon.web.terminal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import paragon.configuration.Visibility;
import paragon.testing.BenchmarkDoc;

/**
 * Benchmark (a main, not a test): how long a colleague's change takes to appear, browser to browser.
 * Two tablets (two headless Chromiums, separate profiles) are on the same table; terminal A taps a
 * product {@value #TAPS} times, one tap at a time, and terminal B's screen is watched for the new
 * line. Measured from just before A's tap (A's {@code Date.now()}) to the moment B's receipt panel
 * shows one line more (a MutationObserver's {@code Date.now()} in B): both browsers run on this
 * machine, so they share its clock. The path is everything a waiter waits for: A's outbox, the
 * HTTP command, the transaction, the change feed, the stream frame, B's state and B's render.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=paragon.web.terminal.TerminalLiveBenchmark}. Rewrites its own section of
 * docs/benchmarks.md.
 */
public final class TerminalLiveBenchmark {
  static final int TAPS = 100;
  static final int WARMUP = 5;

  public static void main(String[] args) throws Exception {
    String load = BenchmarkDoc.load();
    try (Shop shop = new Shop(Visibility.ALL);
         Terminal a = Terminal.tablet(shop.url(""));
         Terminal b = Terminal.tablet(shop.url(""))) {
      TerminalLiveBrowserTest.loggedIn(shop, a, "Kasa A", "BENCHAAA", "anna", "1234");
      TerminalLiveBrowserTest.loggedIn(shop, b, "Kasa B", "BENCHBBB", "ola", "4321");
      a.openReceipt("Stolik 1");
      a.addProduct("Espresso");
      a.waitSent();
      b.waitUntil(d -> "colleague".equals(b.status("Stolik 1")));
      b.openReceipt("Stolik 1");
      b.waitUntil(d -> b.lineNames().size() == 1);
      b.js("""
          window.benchSeen = [];
          const count = () => document.querySelectorAll('receipt-panel li[data-line]').length;
          let last = count();
          new MutationObserver(() => {
            const n = count();
            if (n !== last) { last = n; window.benchSeen.push({ n, at: Date.now() }); }
          }).observe(document.querySelector('receipt-panel'), { subtree: true, childList: true });""");

      List<Double> latencies = new ArrayList<>();
      for (int i = 0; i < WARMUP + TAPS; i++) {
        int lines = i + 2;
        long tapped = ((Number) a.js("""
            const at = Date.now();
            document.querySelector('product-grid .grid button[data-product]').click();
            return at;""")).longValue();
        Number seen = (Number) b.waitUntil(d -> b.js(
            "const s = window.benchSeen.find((x) => x.n === arguments[0]); return s ? s.at : null;", lines));
        a.waitSent();
        if (i >= WARMUP) latencies.add((double) (seen.longValue() - tapped));
      }
      String report = report(latencies, load);
      System.out.println(report);
      BenchmarkDoc.write("terminal-live", report);
    }
  }

  static String report(List<Double> ms, String load) {
    return String.join("\n",
        BenchmarkDoc.start("terminal-live"),
        "## Terminal: a colleague's change on the other terminal's screen",
        "",
        "Produced by `./mvnw -q test-compile exec:java -Dexec.classpathScope=test "
            + "-Dexec.mainClass=paragon.web.terminal.TerminalLiveBenchmark` (`TerminalLiveBenchmark`): two tablets "
            + "(headless Debian Chromium) on one table, SQLite; A taps a product " + TAPS + " times (after " + WARMUP
            + " warm-up taps), one at a time; from just before A's tap to B's receipt panel showing the line. App and "
            + "both browsers on one shared 2-core machine; this run: " + java.time.LocalDate.now() + ", load average "
            + load + " (1 min) when it began.",
        "",
        "| taps | p50 | p90 | p99 | max |",
        "|---|---|---|---|---|",
        String.format(Locale.ROOT, "| %d | %.0f ms | %.0f ms | %.0f ms | %.0f ms |", ms.size(),
            BenchmarkDoc.median(ms), BenchmarkDoc.percentile(ms, 90), BenchmarkDoc.percentile(ms, 99),
            BenchmarkDoc.percentile(ms, 100)),
        "",
        "The issue asks for a colleague's change within a second, without any action.",
        BenchmarkDoc.end("terminal-live"));
  }
}
