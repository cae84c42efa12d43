package paragon.web.terminal;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import paragon.testing.Browser;

/** One terminal in the tests: a Chromium with its own profile (own IndexedDB) at one screen size. */
final class Terminal implements AutoCloseable {
  static final int TABLET_W = 1280, TABLET_H = 800, PHONE_W = 390, PHONE_H = 844;

  final ChromeDriver driver;
  final String base;

  Terminal(String base, int width, int height, String language) {
    this.driver = Browser.start(width, height, language);
    this.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(15));
    this.base = base;
  }

  static Terminal tablet(String base) {
    return new Terminal(base, TABLET_W, TABLET_H, "pl");
  }

  static Terminal phone(String base) {
    return new Terminal(base, PHONE_W, PHONE_H, "pl");
  }

  void open() {
    driver.get(base + "/terminal");
  }

  <T> T waitUntil(Function<WebDriver, T> condition) {
    return waitUntil(Duration.ofSeconds(40), condition);
  }

  /** Waits at most {@code limit}: for what must happen sooner than a periodic check would make it. */
  <T> T waitUntil(Duration limit, Function<WebDriver, T> condition) {
    // A re-render between finding an element and using it is a retry, not a failure; so is a tap on a
    // button still sliding in (the phone's drawer): a person waits for it to be there.
    try {
      return new WebDriverWait(driver, limit)
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .ignoring(org.openqa.selenium.ElementNotInteractableException.class)
          .until(condition);
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("waited " + limit.toSeconds() + " s in vain; the terminal then: " + appState(), e);
    }
  }

  /** What the app knew when a wait failed: connection, cursors, receipts, outbox, notices (for the report). */
  String appState() {
    try {
      return String.valueOf(driver.executeScript("""
          const t = window.paragonTerminal;
          if (!t) return 'no app';
          return JSON.stringify({phase: t.phase, connection: t.connection, ready: t.ready, current: t.currentId,
            cursors: t.state.cursors, viewer: t.state.viewer, revision: t.config?.revision, error: t.error,
            notices: t.notices, outbox: t.outbox, receipts: Object.values(t.receipts).map((r) => ({id: r.id,
              name: r.name, state: r.state, slot: r.slotId, owner: r.ownerUserId, occupied: !!r.occupied,
              lines: (r.lines ?? []).map((l) => l.name + ':' + l.quantity)}))});"""));
    } catch (RuntimeException e) {
      return "(unreadable: " + e + ")";
    }
  }

  WebElement waitFor(String css) {
    return waitUntil(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst()
        .orElse(null));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Taps the first displayed, enabled element matching {@code css}, once it can be tapped. */
  void click(String css) {
    waitUntil(d -> {
      WebElement e = d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
      if (e == null || !e.isEnabled()) return null;
      e.click(); // not interactable yet (sliding in, covered): retried, the tap did not happen
      return true;
    });
  }

  String text(String css) {
    return waitFor(css).getText();
  }

  void pair(String code) {
    waitFor("#pair-code").sendKeys(code);
    click("pairing-screen button.primary");
  }

  /** Logs in with the identifier typed and the PIN tapped on the pad. */
  void login(String identifier, String pin) {
    WebElement id = waitFor("#login-identifier");
    id.clear();
    id.sendKeys(identifier);
    for (char c : pin.toCharArray()) click("pin-pad button[data-key='" + c + "']");
    click("login-screen button.primary");
  }

  /** Taps the product button whose text contains {@code name}. */
  void addProduct(String name) {
    waitUntil(d -> {
      for (WebElement b : all("product-grid .grid button[data-product]")) {
        if (b.getText().contains(name) && b.isEnabled()) {
          b.click();
          return true;
        }
      }
      return false;
    });
  }

  /**
   * Taps line {@code index} (0-based) of the current receipt unless it is the selected one, and answers it
   * once selected: only the selected line shows its +/- and actions (issue 15).
   */
  WebElement selectLine(int index) {
    String css = "receipt-panel .lines li[data-line]";
    waitUntil(d -> {
      List<WebElement> lines = all(css);
      if (lines.size() <= index) return null;
      WebElement li = lines.get(index);
      if (!"true".equals(li.getAttribute("aria-selected"))) li.findElement(By.cssSelector(".line-main")).click();
      return true;
    });
    return waitUntil(d -> {
      List<WebElement> lines = all(css);
      return lines.size() > index && "true".equals(lines.get(index).getAttribute("aria-selected"))
          ? lines.get(index) : null;
    });
  }

  /** Selects line {@code index} and taps its {@code action} (plus, minus, remove, line-note, price, ...). */
  void lineAction(int index, String action) {
    selectLine(index);
    click("receipt-panel .lines li[data-line][aria-selected=true] button[data-action=" + action + "]");
  }

  /** The names of the current receipt's lines, in order. */
  List<String> lineNames() {
    return all("receipt-panel .lines li[data-line] .line-name").stream().map(WebElement::getText).toList();
  }

  /** The status of the list item named {@code name} (empty, mine, colleague, hidden, paying), or null. */
  String status(String name) {
    for (WebElement b : all("receipts-list li button[data-status]")) {
      if (b.findElement(By.cssSelector(".name")).getAttribute("textContent")
          .contains(name)) return b.getAttribute("data-status");
    }
    return null;
  }

  /**
   * Taps the list item named {@code name} once and waits until it is the current receipt: a tap the app
   * loses (say, to the first snapshot arriving) fails the test. Only a tap that never happened (the
   * button was re-rendered between finding and clicking it) is repeated.
   */
  void openReceipt(String name) {
    waitUntil(d -> {
      for (WebElement b : all("receipts-list li button[data-status]")) {
        if (b.findElement(By.cssSelector(".name")).getAttribute("textContent").contains(name)) {
          b.click();
          return true;
        }
      }
      return false;
    });
    waitUntil(d -> d.findElement(By.id("current-name")).getText().contains(name));
  }

  /**
   * Opens ({@code true}) or closes the phone's receipts drawer with its ☰, once the sale screen has its
   * receipts: with no order under way the phone opens it by itself (issue 15). On a tablet, whose list is
   * always shown and which has no ☰, nothing is tapped.
   */
  void drawer(boolean open) {
    waitUntil(d -> Boolean.TRUE.equals(js("return !!window.paragonTerminal?.ready")));
    List<WebElement> toggle = all("sale-screen .drawer-toggle");
    if (toggle.isEmpty() || !toggle.get(0).isDisplayed()) return;
    settled();
    String want = String.valueOf(open);
    if (!want.equals(toggle.get(0).getDomAttribute("aria-expanded"))) click("sale-screen .drawer-toggle");
    waitUntil(d -> want.equals(all("sale-screen .drawer-toggle").get(0).getDomAttribute("aria-expanded")));
    settled(); // a tap while it slides lands beside the button meant
  }

  Object js(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  /** Waits until the app has nothing unsent. */
  void waitSent() {
    waitUntil(d -> Long.valueOf(0).equals(js("return window.paragonTerminal && window.paragonTerminal.unsent")));
  }

  /** Saves a screenshot once nothing is sliding any more (the phone's drawer): the picture a person sees. */
  void screenshot(String name) {
    settled();
    Browser.screenshot(driver, name);
  }

  /** Waits until no CSS transition or animation is running (the app has no endless ones). */
  void settled() {
    waitUntil(Duration.ofSeconds(5), d -> Boolean.TRUE.equals(js(
        "return document.getAnimations().every((a) => a.playState !== 'running')")));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
