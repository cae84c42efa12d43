package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import paragon.testing.Browser;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

/** The app shell and the IndexedDB wrapper (store.js) in real Chromium. */
@Tag("browser")
class TerminalStoreBrowserTest {
  static TestApp app;
  static ChromeDriver driver;

  @BeforeAll
  static void start() {
    app = new TestApp(TestDatabases.sqlite());
    driver = Browser.start(1280, 800, "pl");
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
  }

  @AfterAll
  static void stop() {
    if (driver != null) driver.quit();
    app.close();
  }

  @Test
  void an_unpaired_terminal_opens_on_the_pairing_screen_with_lit_from_the_webjars() {
    driver.get(app.url("/terminal"));
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("pair-code")).isEmpty());
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sparuj terminal");
  }

  @Test
  @SuppressWarnings("unchecked")
  void the_store_keeps_records_across_a_reload_writes_several_at_once_and_deletes_with_null() {
    driver.get(app.url("/terminal"));
    Object written = driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        import('/terminal/store.js').then(async ({ Store }) => {
          const s = await Store.open('store-test');
          await s.putAll({ outbox: { next: 7, pending: [{ number: 6 }] }, receipts: { cursors: { 'shop:1': 4 } }, gone: 'x' });
          await s.putAll({ gone: null });
          done({ outbox: await s.get('outbox'), gone: await s.get('gone') });
        }).catch((e) => done('ERROR ' + e));""");
    assertThat(written).isInstanceOf(Map.class);
    assertThat(((Map<String, Object>) written).get("gone")).isNull();
    driver.navigate().refresh();
    Object read = driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        import('/terminal/store.js').then(async ({ Store }) => {
          const s = await Store.open('store-test');
          done({ outbox: await s.get('outbox'), receipts: await s.get('receipts'), gone: await s.get('gone') });
        }).catch((e) => done('ERROR ' + e));""");
    Map<String, Object> after = (Map<String, Object>) read;
    assertThat((Map<String, Object>) after.get("outbox")).containsEntry("next", 7L);
    assertThat(after.get("receipts").toString()).contains("shop:1=4");
    assertThat(after.get("gone")).isNull();
  }
}
