package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import paragon.Paragon;
import paragon.storage.Database;
import paragon.testing.Browser;
import paragon.testing.MutableClock;
import paragon.testing.SelfSigned;
import paragon.testing.TestDatabases;

/**
 * Why Paragon serves HTTPS: a tablet on the shop's network opens the terminal by a name that is not
 * localhost, and only in a secure context does the browser run the service worker that reopens the
 * app offline. Chromium maps {@code paragon.test} to 127.0.0.1 (a host-resolver rule) so the page's
 * origin is not localhost (which would be a secure context even over http), and trusts exactly the
 * test certificate by its key (not {@code --ignore-certificate-errors}, which would also hide a
 * server sending the wrong certificate). What this does not prove: that a real tablet trusts the
 * shop's certificate; that is the operator's step (docs/operations.md).
 */
@Tag("browser")
class TerminalHttpsBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(40);

  @Test
  void over_https_by_a_lan_name_the_service_worker_runs_and_the_terminal_reopens_without_the_server() {
    SelfSigned cert = SelfSigned.localhost();
    Database db = TestDatabases.sqlite();
    Javalin server = Paragon.create(cert.settings(), db, new MutableClock()).start("127.0.0.1", 0);
    String base = "https://" + SelfSigned.LAN_NAME + ":" + server.port();
    ChromeDriver driver = chromium(cert);
    try {
      driver.get(base + "/terminal");
      WebDriverWait wait = new WebDriverWait(driver, WAIT);
      wait.until(d -> d.findElements(By.cssSelector("#pair-code")).size() == 1);
      assertThat(driver.executeScript("return window.isSecureContext")).isEqualTo(true);
      wait.until(d -> Boolean.TRUE.equals(driver.executeAsyncScript("""
          const done = arguments[arguments.length - 1];
          (async () => {
            if (!navigator.serviceWorker.controller) return false;
            const key = (await caches.keys()).find((k) => k.startsWith('paragon-terminal-'));
            if (!key) return false;
            const urls = (await (await caches.open(key)).keys()).map((r) => new URL(r.url).pathname);
            return urls.includes('/terminal') && urls.includes('/terminal/terminal.js');
          })().then(done, () => done(false));""")));
      Browser.screenshot(driver, "https-terminal-online");

      server.stop();
      driver.navigate().refresh();
      wait.until(d -> d.findElements(By.cssSelector("#pair-code")).size() == 1);
      assertThat(driver.getCurrentUrl()).startsWith(base);
      Browser.screenshot(driver, "https-terminal-reopened-offline");
    } finally {
      driver.quit();
      server.stop();
      db.close();
    }
  }

  @Test
  void over_plain_http_by_the_same_name_there_is_no_service_worker() {
    // The control: the same page and name over http:// is no secure context, so nothing could reopen it offline.
    Database db = TestDatabases.sqlite();
    Javalin server = Paragon.create(TerminalOfflineBrowserTest.SETTINGS, db, new MutableClock()).start("127.0.0.1", 0);
    ChromeDriver driver = chromium(SelfSigned.localhost());
    try {
      driver.get("http://" + SelfSigned.LAN_NAME + ":" + server.port() + "/terminal");
      new WebDriverWait(driver, WAIT).until(d -> d.findElements(By.cssSelector("#pair-code")).size() == 1);
      assertThat(driver.executeScript("return window.isSecureContext")).isEqualTo(false);
      assertThat(driver.executeScript("return 'serviceWorker' in navigator")).isEqualTo(false);
    } finally {
      driver.quit();
      server.stop();
      db.close();
    }
  }

  private static ChromeDriver chromium(SelfSigned cert) {
    ChromeDriver driver = Browser.start(Terminal.TABLET_W, Terminal.TABLET_H, "pl",
        "--host-resolver-rules=MAP " + SelfSigned.LAN_NAME + " 127.0.0.1",
        "--ignore-certificate-errors-spki-list=" + cert.spkiSha256());
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(15));
    return driver;
  }
}
