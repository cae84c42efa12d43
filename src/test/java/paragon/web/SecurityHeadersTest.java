package paragon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import paragon.accounts.Shops;
import paragon.configuration.Plan;
import paragon.testing.Browser;
import paragon.testing.MutableClock;
import paragon.testing.Owners;
import paragon.testing.SelfSigned;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;
import paragon.sync.StreamSettings;

/**
 * Every answer carries the security headers (SecurityHeaders): signed-in pages and API answers are
 * never cached, no page can be framed, and HSTS is sent over HTTPS only; and in Chromium the policy
 * blocks nothing the back office and the terminal do.
 */
class SecurityHeadersTest {

  private static void hardened(WebClient.Response r, String what) {
    assertThat(r.header("Content-Security-Policy")).as(what).isEqualTo(SecurityHeaders.POLICY)
        .contains("script-src 'self'").contains("frame-ancestors 'none'");
    assertThat(r.header("X-Frame-Options")).as(what).isEqualTo("DENY");
    assertThat(r.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
    assertThat(r.header("Referrer-Policy")).as(what).isEqualTo("same-origin");
  }

  @Test
  void pages_api_answers_errors_and_files_carry_the_headers_and_signed_in_answers_are_not_stored() {
    try (TestApp app = TestApp.start(TestDatabases.Kind.SQLITE)) {
      Owners.Owner owner = Owners.signedIn(app, Plan.MAX);
      for (String page : List.of("/backoffice", "/backoffice/devices", "/backoffice/sales")) {
        var r = owner.client().get(page);
        assertThat(r.status()).as(page).isEqualTo(200);
        hardened(r, page);
        assertThat(r.header("Cache-Control")).as(page).isEqualTo("no-store");
        assertThat(r.header("Strict-Transport-Security")).as("no HSTS over plain HTTP").isNull();
      }
      var login = app.client().get("/backoffice/login");
      hardened(login, "login page");
      var refused = app.client().postJson("/api/terminal/commands", Map.of("commands", List.of()), Map.of());
      assertThat(refused.status()).as("an API refusal").isEqualTo(401);
      hardened(refused, "API 401");
      assertThat(refused.header("Cache-Control")).isEqualTo("no-store");
      var missing = owner.client().get("/backoffice/no-such-page");
      assertThat(missing.status()).isEqualTo(404);
      hardened(missing, "404");
      var css = app.client().get("/assets/backoffice.css");
      assertThat(css.status()).isEqualTo(200);
      hardened(css, "a static file");
      assertThat(css.header("Cache-Control")).as("files may be cached").isNotEqualTo("no-store");
      var terminal = app.client().get("/terminal/main.js");
      hardened(terminal, "a terminal file");
      assertThat(terminal.header("Cache-Control")).as("the terminal's own caching rule stays").isEqualTo("no-cache");
    }
  }

  @Test
  void hsts_is_sent_over_https() {
    SelfSigned cert = SelfSigned.localhost();
    try (TestApp app = new TestApp(TestDatabases.sqlite(), new MutableClock(), StreamSettings.DEFAULTS, cert.settings(),
        cert.trust())) {
      var r = app.client().get("/backoffice/login");
      hardened(r, "login over https");
      assertThat(r.header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
    }
  }

  /** Records every CSP violation of every document the browser opens, from before its first script. */
  private static void recordViolations(ChromeDriver driver) {
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
        window.__csp = [];
        document.addEventListener('securitypolicyviolation',
          (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));"""));
  }

  @SuppressWarnings("unchecked")
  private static List<String> violations(ChromeDriver driver) {
    return (List<String>) driver.executeScript("return window.__csp || ['no recorder on this page']");
  }

  @Test
  @Tag("browser")
  void in_chromium_the_policy_blocks_nothing_the_back_office_and_the_terminal_do() {
    try (TestApp app = TestApp.start(TestDatabases.Kind.SQLITE)) {
      Owners.Owner owner = Owners.signedIn(app, Plan.MAX);
      new Shops(app.db, app.clock).create(owner.accountId(), "t", "Kraków");
      new Shops(app.db, app.clock).create(owner.accountId(), "t", "Gdańsk");
      ChromeDriver driver = Browser.start(1280, 900, "en");
      try {
        recordViolations(driver);
        var wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.get(app.url("/backoffice/login?lang=en"));
        assertThat(violations(driver)).as("login page").isEmpty();
        driver.findElement(By.id("email")).sendKeys(owner.email());
        driver.findElement(By.id("password")).sendKeys(Owners.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.menu")));
        for (String page : List.of("/backoffice", "/backoffice/devices", "/backoffice/parking", "/backoffice/floor",
            "/backoffice/products", "/backoffice/receipts", "/backoffice/sales", "/backoffice/day-closes",
            "/backoffice/kitchen", "/backoffice/attention", "/backoffice/settings")) {
          driver.get(app.url(page));
          wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.menu")));
          assertThat(violations(driver)).as(page).isEmpty();
        }
        // What used to be inline handlers: the open receipts' shop select submits its form.
        driver.get(app.url("/backoffice/receipts"));
        var shop = driver.findElements(By.cssSelector("select[data-autosubmit]"));
        assertThat(shop).as("the open receipts page's shop select").isNotEmpty();
        driver.executeScript("const s = arguments[0]; s.selectedIndex = s.options.length - 1;"
            + "s.dispatchEvent(new Event('change', {bubbles: true}));", shop.get(0));
        wait.until(d -> d.getCurrentUrl().contains("shop="));
        assertThat(violations(driver)).as("after the select submitted").isEmpty();

        driver.get(app.url("/terminal"));
        wait.until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
            "return !!document.querySelector('paragon-terminal') && customElements.get('paragon-terminal') !== undefined")));
        assertThat(violations(driver)).as("the terminal app").isEmpty();
      } finally {
        driver.quit();
      }
    }
  }
}
