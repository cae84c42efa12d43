package paragon.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import paragon.demo.Demo;
import paragon.testing.Browser;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/**
 * Every back-office page on a 390x844 phone (issue 15): each GET route registered under /backoffice,
 * its path parameters filled from the demo's data (a receipt paid, a table sent to the kitchen, a day
 * closed, a modifier group), is shown no wider than the screen: wide tables scroll inside their card.
 * A new page is visited as soon as it is registered; a new path parameter needs its query in {@link #IDS}.
 * Routes that answer something other than a whole HTML page (CSV exports, htmx fragments) are left out.
 * Screenshots of each page.
 */
@Tag("browser")
class PhoneWidthBrowserTest {
  private static final Pattern PARAM = Pattern.compile("\\{[^}]+}|<[^>]+>");
  /** Per route with a path parameter: the query for a seeded id to fill it with. */
  private static final Map<String, String> IDS = Map.of(
      "/backoffice/day-closes/{id}", "SELECT MIN(id) FROM day_closes",
      "/backoffice/floor/{shop}", "SELECT MIN(id) FROM shops",
      "/backoffice/products/{id}", "SELECT MIN(id) FROM products",
      "/backoffice/products/modifiers/{id}", "SELECT MIN(id) FROM modifier_groups",
      "/backoffice/receipts/{id}", "SELECT MIN(id) FROM receipts WHERE state = 'CLOSED'",
      "/backoffice/users/{id}", "SELECT MIN(id) FROM users",
      "/backoffice/kitchen/tickets/{id}/print", "SELECT MIN(id) FROM kitchen_tickets");

  @ParameterizedTest
  @ValueSource(strings = {"pl", "en"})
  void every_back_office_page_fits_a_390_px_phone(String lang) {
    try (TestApp app = TestApp.start(TestDatabases.Kind.SQLITE)) {
      seed(app);
      WebClient http = app.client();
      http.get("/backoffice/login");
      assertThat(http.postForm("/backoffice/login", Map.of("email", Demo.OWNER_EMAIL,
          "password", Demo.OWNER_PASSWORD)).status()).isEqualTo(303);
      List<String> pages = pages(app, http);
      assertThat(pages).as("back-office pages found").hasSizeGreaterThan(25);

      ChromeDriver driver = Browser.start(390, 844, lang);
      List<String> tooWide = new ArrayList<>();
      try {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        driver.get(app.url("/backoffice/login?lang=" + lang));
        driver.findElement(By.id("email")).sendKeys(Demo.OWNER_EMAIL);
        driver.findElement(By.id("password")).sendKeys(Demo.OWNER_PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.menu")));
        for (String page : pages) {
          driver.get(app.url(page));
          wait.until(d -> "complete".equals(driver.executeScript("return document.readyState")));
          @SuppressWarnings("unchecked")
          Map<String, Object> m = (Map<String, Object>) driver.executeScript("""
              // The screen's width: a mobile browser zooms out (innerWidth grows) when a page is wider.
              const vw = 390;
              const wide = [];
              for (const e of document.querySelectorAll('body *')) {
                const r = e.getBoundingClientRect();
                if (r.right > vw + 0.5 && r.width > 0) {
                  let inScroller = false;
                  for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                    const o = getComputedStyle(p).overflowX;
                    if (o === 'auto' || o === 'scroll' || o === 'hidden') { inScroller = true; break; }
                  }
                  if (!inScroller) wide.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                      + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\\s+/g, '.') : '')
                      + ' ' + Math.round(r.right));
                }
              }
              return {scroll: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth,
                  wide: wide.slice(0, 6)};""");
          long scroll = ((Number) m.get("scroll")).longValue();
          long viewport = ((Number) m.get("viewport")).longValue();
          fullPage(driver, "backoffice-390-" + lang + page.replaceAll("[^A-Za-z0-9]+", "-"));
          if (scroll > 390 || viewport > 390) {
            tooWide.add(page + ": " + scroll + " px (layout " + viewport + "), " + m.get("wide"));
          }
        }
      } finally {
        driver.quit();
      }
      assertThat(tooWide).as("pages wider than a 390 px screen").isEmpty();
    }
  }

  /** A screenshot of the whole page (beyond the screen's height) under {@code target/screenshots/}. */
  private static void fullPage(ChromeDriver driver, String name) {
    long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", 0, "width", 390, "height", Math.min(height, 6000), "scale", 1)));
    try {
      java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Files.write(dir.resolve(name + ".png"), java.util.Base64.getDecoder().decode((String) shot.get("data")));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot save screenshot " + name, e);
    }
  }

  /** The demo, and through its first device: a table sent to the kitchen, a paid sale, a day close. */
  private static void seed(TestApp app) {
    Demo.Report demo = Demo.prepare(app.db, app.clock);
    WebClient device = app.client();
    String token = device.postJson("/api/device/pair", Map.of("code", demo.devices().get(0).code()), Map.of())
        .json().get("token").asText();
    var login = device.postJson("/api/device/login", Map.of("identifier", "marek", "pin", "9999"),
        Map.of("Authorization", "Bearer " + token));
    assertThat(login.status()).as(login.body()).isEqualTo(201);
    Map<String, String> headers = Map.of("Authorization", "Bearer " + token,
        paragon.devices.TerminalAuth.SESSION_HEADER, login.json().get("sessionToken").asText());
    long account = demo.accountId();
    List<Long> products = app.db.read(h -> h.createQuery(
        "SELECT id FROM products WHERE account_id = :a ORDER BY id LIMIT 3").bind("a", account).mapTo(Long.class).list());
    String slot = app.db.read(h -> h.createQuery(
        "SELECT id FROM receipt_slots WHERE account_id = :a AND shop_id IS NULL ORDER BY position LIMIT 1")
        .bind("a", account).mapTo(String.class).one());
    long[] n = {0};
    java.util.function.Function<Map<String, Object>, com.fasterxml.jackson.databind.JsonNode> send = c -> {
      Map<String, Object> m = new java.util.LinkedHashMap<>(c);
      m.put("n", ++n[0]);
      var r = device.postJson("/api/terminal/commands", List.of(m), headers);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.json().get(0).path("status").asText()).as("%s: %s", m, r.body()).isEqualTo("accepted");
      return r.json().get(0);
    };
    String table = send.apply(Map.of("type", "openTable", "slotId", slot)).path("result").path("receiptId").asText();
    for (long p : products) {
      send.apply(Map.of("type", "addLine", "receiptId", table, "lineId", UUID.randomUUID().toString(), "productId", p));
    }
    send.apply(Map.of("type", "markSent", "receiptId", table));
    String sale = UUID.randomUUID().toString();
    send.apply(Map.of("type", "openAdHoc", "receiptId", sale));
    send.apply(Map.of("type", "addLine", "receiptId", sale, "lineId", UUID.randomUUID().toString(),
        "productId", products.get(0), "quantity", 2000));
    send.apply(Map.of("type", "noteReceipt", "receiptId", sale, "note", "Stały klient, faktura na firmę"));
    var last = send.apply(Map.of("type", "setGuests", "receiptId", sale, "guests", 2));
    send.apply(Map.of("type", "pay", "receiptId", sale, "seq", last.path("seq").asLong(),
        "payments", List.of(Map.of("method", "CARD", "amount", total(app, account, sale)))));
    send.apply(Map.of("type", "dayClose"));
    WebClient owner = app.client();
    owner.get("/backoffice/login");
    owner.postForm("/backoffice/login", Map.of("email", Demo.OWNER_EMAIL, "password", Demo.OWNER_PASSWORD));
    owner.get("/backoffice/products/modifiers/new");
    var group = owner.postForm("/backoffice/products/modifiers", Map.of("name", "Rozmiar", "min", "1", "max", "1",
        "rows", "2", "options[0].id", "", "options[0].name", "Mały", "options[0].delta", "0",
        "options[1].id", "", "options[1].name", "Duży", "options[1].delta", "2,00"));
    assertThat(group.status()).as(group.body()).isEqualTo(303);
  }

  private static long total(TestApp app, long account, String receipt) {
    return new paragon.receipts.ChangeFeed(app.db).latest(account, receipt).orElseThrow().total();
  }

  /** Every GET route under /backoffice that answers HTML to a signed-in owner, its parameters filled. */
  private static List<String> pages(TestApp app, WebClient owner) {
    TreeSet<String> routes = new TreeSet<>();
    app.app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(e -> e.endpoint)
        .filter(e -> e.method.name().equals("GET") && e.path.startsWith("/backoffice"))
        .forEach(e -> routes.add(e.path));
    List<String> pages = new ArrayList<>();
    for (String route : routes) {
      Matcher m = PARAM.matcher(route);
      String path = route;
      if (m.find()) {
        String sql = IDS.get(route);
        assertThat(sql).as("a seeded id for the new page %s: add its query to IDS", route).isNotNull();
        String id = app.db.read(h -> h.createQuery(sql).mapTo(String.class).one());
        assertThat(id).as("seeded id for %s", route).isNotNull();
        path = PARAM.matcher(route).replaceAll(Matcher.quoteReplacement(id));
      }
      WebClient.Response r = owner.get(path);
      assertThat(r.status()).as("GET %s", path).isLessThan(500);
      String type = r.header("Content-Type");
      // A download (CSV) or a fragment htmx swaps into its page (the live list, the kitchen board) is no page.
      if (type == null || !type.startsWith("text/html") || !r.body().contains("<html")) continue;
      pages.add(path);
    }
    return pages;
  }
}
