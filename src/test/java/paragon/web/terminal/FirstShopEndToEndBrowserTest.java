package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import paragon.testing.Browser;
import paragon.testing.TestDatabases;

/**
 * Issue 10's "Done means", as a new owner does it: Paragon started as a real process on an empty
 * database (a SQLite file, then a PostgreSQL one) without {@code --demo}; the setup address it prints
 * opened in Chromium; the business created; a 30-product CSV with one bad row previewed, fixed and
 * imported; a required "Rozmiar" group attached to Latte; parking, tables, a role that may give
 * discounts, a waiter and a device set up in the back office; a terminal paired in a second Chromium,
 * the waiter sells Latte (Duża) and Sernik with a 10 % discount at a table, pays by card and closes the
 * day; the owner downloads the sales CSVs over HTTP with her session and the test checks their
 * numbers; the checklist is complete. Only what the process prints and what its pages and files
 * answer is read: never the database.
 */
@Tag("browser")
class FirstShopEndToEndBrowserTest {
  /** The prices chosen below, in grosze: what the terminal, the report and the export must agree on. */
  private static final long LATTE = 1400, LARGE = 300, SERNIK = 1850;
  private static final long SERNIK_DISCOUNT = Math.round(SERNIK * 0.10); // 10 %, round half up: 185
  private static final long TOTAL = LATTE + LARGE + SERNIK - SERNIK_DISCOUNT; // 3365

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_new_owner_goes_from_an_empty_database_to_a_closed_day_and_its_sales_csv(TestDatabases.Kind kind)
      throws Exception {
    Path dir = Files.createTempDirectory("paragon-first-shop-");
    String database = kind == TestDatabases.Kind.SQLITE ? "jdbc:sqlite:" + dir.resolve("paragon.db")
        : TestDatabases.postgresUrl();
    try (RunningParagon paragon = RunningParagon.start(database)) {
      String setupUrl = paragon.setupUrl();
      String base = setupUrl.substring(0, setupUrl.indexOf("/setup?code="));
      ChromeDriver owner = Browser.start(1280, 1000, "pl");
      try {
        var wait = new WebDriverWait(owner, Duration.ofSeconds(15));
        String shot = "e2e-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-";
        createsTheBusiness(owner, wait, setupUrl, shot);
        importsTheCatalog(owner, wait, dir, shot);
        addsARequiredSize(owner, wait, shot);
        String code = setsUpTheShop(owner, wait, shot);

        try (Terminal t = Terminal.tablet(base)) {
          sellsAndClosesTheDay(t, code, shot);
        }

        // The close is kept: the back office lists it with its terminal, cashier and total.
        owner.get(base + "/backoffice/day-closes");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-day-close]")));
        assertThat(owner.findElements(By.cssSelector("tr[data-day-close]"))).singleElement()
            .satisfies(row -> assertThat(row.getText()).contains("Rynek", "Kasa 1", "Kasia Kelner", "33,65"));
        checksTheSalesCsv(owner, base);
        owner.get(base + "/backoffice/start");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.checklist")));
        assertThat(owner.findElement(By.id("checklist-heading")).getText()).startsWith("Wszystko gotowe: 5 z 5");
        assertThat(owner.findElements(By.cssSelector("ol.checklist li.done"))).hasSize(5);
        Browser.screenshot(owner, shot + "12-checklist-complete");
      } finally {
        owner.quit();
      }
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Steps 1-2: the printed address, the setup form, the owner signed in on the checklist. */
  private static void createsTheBusiness(ChromeDriver owner, WebDriverWait wait, String setupUrl, String shot) {
    owner.get(setupUrl);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("setup-form")));
    owner.findElement(By.id("name")).sendKeys("Kawiarnia Pod Lipą");
    new Select(owner.findElement(By.id("language"))).selectByValue("pl");
    owner.findElement(By.id("shopName")).sendKeys("Rynek");
    owner.findElement(By.id("ownerName")).sendKeys("Ola Lipa");
    owner.findElement(By.id("ownerEmail")).sendKeys("ola@example.com");
    owner.findElement(By.id("ownerPassword")).sendKeys("lipa-lipa-lipa");
    owner.findElement(By.id("ownerPasswordRepeat")).sendKeys("lipa-lipa-lipa");
    new Select(owner.findElement(By.id("plan"))).selectByValue("MAX");
    Browser.screenshot(owner, shot + "01-setup");
    Browser.submitAndWait(owner, By.cssSelector("#setup-form button.primary"), By.cssSelector("ol.checklist"));
    assertThat(owner.getCurrentUrl()).endsWith("/backoffice/start");
    assertThat(owner.findElement(By.id("checklist-heading")).getText()).isEqualTo("Zrobione: 0 z 5");
    Browser.screenshot(owner, shot + "02-checklist-empty");
  }

  /** The menu as a café writes it: 30 products in four categories; Latte and Sernik have codes. */
  static List<String> menu(String sernikPrice) {
    List<String> rows = new ArrayList<>(List.of("nazwa;cena;vat;kategoria;kod"));
    for (String kawa : List.of("Espresso;9,00", "Doppio;12,00", "Americano;11,00", "Latte;14,00;8;Kawa;LAT",
        "Cappuccino;13,00", "Flat white;15,00", "Mocha;16,00", "Cortado;12,50", "Kawa mrożona;16,50",
        "Affogato;17,00")) {
      rows.add(kawa.contains(";Kawa;") ? kawa : kawa + ";8;Kawa;");
    }
    for (String herbata : List.of("Herbata czarna;10,00", "Herbata zielona;10,00", "Herbata owocowa;10,50",
        "Matcha;17,50", "Czekolada na gorąco;15,00")) {
      rows.add(herbata + ";8;Herbata;");
    }
    rows.add("Sernik;" + sernikPrice + ";8;Desery;SER"); // line 17 of the file
    for (String deser : List.of("Szarlotka;17,00", "Brownie;14,00", "Tarta cytrynowa;16,00", "Croissant;9,50",
        "Muffin;11,00", "Tiramisu;19,00", "Beza;15,50")) {
      rows.add(deser + ";8;Desery;");
    }
    for (String napoj : List.of("Woda;7,00;8", "Sok pomarańczowy;12,00;8", "Lemoniada;13,00;8", "Kombucha;14,50;8",
        "Cola;9,00;23", "Tonik;9,00;23", "Piwo;14,00;23")) {
      rows.add(napoj + ";Napoje;");
    }
    return rows;
  }

  /** Step 3: the bad row is shown by line and column, nothing is imported; the fixed file imports 30. */
  private static void importsTheCatalog(ChromeDriver owner, WebDriverWait wait, Path dir, String shot)
      throws Exception {
    Path bad = dir.resolve("menu.csv");
    Files.writeString(bad, String.join("\n", menu("18,5O")) + "\n", StandardCharsets.UTF_8);
    assertThat(menu("18,50")).hasSize(31);
    owner.findElement(By.linkText("Produkty")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("no-products")));
    owner.findElement(By.linkText("Import CSV")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file")));
    owner.findElement(By.id("file")).sendKeys(bad.toString());
    Browser.submitAndWait(owner, By.cssSelector("form[enctype] button.primary"), By.id("preview"));
    assertThat(owner.findElement(By.id("line-17")).getText()).contains("Sernik", "Wiersz 17, kolumna cena");
    assertThat(owner.findElement(By.id("preview-summary")).getText()).contains("29 do dodania", "1 z błędami");
    assertThat(owner.findElements(By.cssSelector("#preview tr.refused"))).hasSize(1);
    Browser.screenshot(owner, shot + "03-import-bad-row");

    // She fixes the price in her spreadsheet and uploads the file again ("Wgraj inny plik").
    Files.writeString(bad, String.join("\n", menu("18,50")) + "\n", StandardCharsets.UTF_8);
    owner.findElement(By.linkText("Wgraj inny plik")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file")));
    owner.findElement(By.id("file")).sendKeys(bad.toString());
    Browser.submitAndWait(owner, By.cssSelector("form[enctype] button.primary"), By.id("preview"));
    assertThat(owner.findElement(By.id("preview-summary")).getText()).contains("30 do dodania", "0 z błędami");
    Browser.submitAndWait(owner, By.id("confirm-import"), By.id("import-result"));
    assertThat(owner.findElement(By.id("import-result")).getText()).contains("dodano 30", "pominięto 0");
    Browser.screenshot(owner, shot + "04-imported");

    owner.findElement(By.linkText("Produkty")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Sernik")));
    assertThat(owner.findElements(By.cssSelector("tr[id^=product-]"))).hasSize(30);
    assertThat(owner.findElement(By.tagName("main")).getText()).contains("Kawa", "Herbata", "Desery", "Napoje",
        "18,50 zł");
  }

  /** Step 4: "Rozmiar" (one required: Mała +0, Duża +3,00 zł) attached to Latte on its product page. */
  private static void addsARequiredSize(ChromeDriver owner, WebDriverWait wait, String shot) {
    owner.findElement(By.linkText("Grupy dodatków")).click();
    owner.findElement(By.linkText("Nowa grupa dodatków")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("option-0-name")));
    owner.findElement(By.id("name")).sendKeys("Rozmiar");
    owner.findElement(By.id("min")).clear();
    owner.findElement(By.id("min")).sendKeys("1");
    owner.findElement(By.id("max")).clear();
    owner.findElement(By.id("max")).sendKeys("1");
    owner.findElement(By.id("option-0-name")).sendKeys("Mała");
    owner.findElement(By.id("option-1-name")).sendKeys("Duża");
    owner.findElement(By.id("option-1-delta")).sendKeys("3,00");
    Browser.submitAndWait(owner, By.cssSelector("#group-form button.primary"), By.cssSelector("p.notice"));

    owner.findElement(By.linkText("Produkty")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Latte")));
    owner.findElement(By.linkText("Latte")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("product-form")));
    owner.findElement(By.cssSelector("label[for^=group-]")).click();
    assertThat(owner.findElement(By.cssSelector("input[name=groups]")).isSelected()).isTrue();
    Browser.submitAndWait(owner, By.cssSelector("#product-form button.primary"), By.cssSelector("p.notice"));
    Browser.screenshot(owner, shot + "05-latte-with-size");
  }

  /** Step 5: parking and sharing on, tables, a role with GIVE_DISCOUNTS, a waiter; the device's code. */
  private static String setsUpTheShop(ChromeDriver owner, WebDriverWait wait, String shot) {
    owner.findElement(By.linkText("Ustawienia")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("settings-form")));
    owner.findElement(By.cssSelector("label[for=parkingEnabled]")).click();
    owner.findElement(By.cssSelector("label[for=sharingEnabled]")).click();
    Browser.submitAndWait(owner, By.cssSelector("#settings-form button.primary"), By.cssSelector("p.notice"));
    assertThat(owner.findElement(By.id("parkingEnabled")).isSelected()).isTrue();
    assertThat(owner.findElement(By.id("sharingEnabled")).isSelected()).isTrue();

    owner.findElement(By.linkText("Parkowanie")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("list-default")));
    for (int i = 0; i < 3; i++) {
      owner.findElement(By.cssSelector("#list-default button.add")).click();
      By row = By.id("default-name-" + i);
      wait.until(ExpectedConditions.presenceOfElementLocated(row));
      owner.findElement(row).sendKeys("Stolik " + (i + 1));
    }
    owner.findElement(By.cssSelector("#list-default button.save")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#list-default p.notice")));
    Browser.screenshot(owner, shot + "06-tables");

    owner.findElement(By.linkText("Role")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-role-name")));
    owner.findElement(By.id("new-role-name")).sendKeys("Kelner");
    owner.findElement(By.cssSelector("label[for=new-role-GIVE_DISCOUNTS]")).click();
    Browser.submitAndWait(owner, By.cssSelector("#new-role button.primary"), By.cssSelector("p.notice"));

    owner.findElement(By.linkText("Użytkownicy")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("identifier")));
    owner.findElement(By.id("identifier")).sendKeys("kasia");
    owner.findElement(By.id("name")).sendKeys("Kasia Kelner");
    new Select(owner.findElement(By.id("roleId"))).selectByVisibleText("Kelner");
    owner.findElement(By.id("pin")).sendKeys("2580");
    Browser.submitAndWait(owner, By.cssSelector("form[action='/backoffice/users'] button.primary"),
        By.cssSelector("p.notice"));
    Browser.screenshot(owner, shot + "07-waiter");

    owner.findElement(By.linkText("Urządzenia")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("register-form")));
    owner.findElement(By.id("name")).sendKeys("Kasa 1");
    new Select(owner.findElement(By.id("model"))).selectByValue("SMART_PLUS");
    new Select(owner.findElement(By.id("shop"))).selectByVisibleText("Rynek");
    Browser.submitAndWait(owner, By.cssSelector("#register-form button.primary"), By.id("pairing-code"));
    Browser.screenshot(owner, shot + "08-device-code");
    return owner.findElement(By.cssSelector("#pairing-code .code")).getText().trim();
  }

  /** Step 6: pair, log the waiter in, sell at a table with the chooser and a discount, pay, close the day. */
  private static void sellsAndClosesTheDay(Terminal t, String code, String shot) {
    t.open();
    t.pair(code);
    t.login("kasia", "2580");
    t.waitUntil(d -> "online".equals(t.js("return window.paragonTerminal.connection")));
    t.openReceipt("Stolik 1");

    t.addProduct("Latte");
    WebElement add = t.waitFor("modifier-chooser button[data-action=add-choice]");
    assertThat(add.isEnabled()).as("a size must be chosen first").isFalse();
    t.click("modifier-chooser button[data-option]:nth-child(2)"); // Duża +3,00
    t.waitUntil(d -> t.text("#chooser-price").equals("17,00 zł"));
    t.screenshot(shot + "09-chooser");
    t.click("modifier-chooser button[data-action=add-choice]");
    t.addProduct("Sernik");
    t.waitUntil(d -> t.lineNames().equals(List.of("Latte", "Sernik")));
    t.waitUntil(d -> t.text("receipt-panel li[data-line] [data-modifiers]").equals("Duża"));
    t.waitUntil(d -> TerminalCatalogBrowserTest.total(t).equals("35,50 zł"));

    t.lineAction(1, "line-discount");
    TerminalCatalogBrowserTest.type(t, "#discount-value", "10");
    TerminalCatalogBrowserTest.type(t, "#discount-reason", "stały gość");
    t.click("discount-dialog button[data-action=apply-discount]");
    t.waitUntil(d -> t.all("discount-dialog dialog[open]").isEmpty());
    t.waitSent();
    t.waitUntil(d -> Boolean.FALSE.equals(t.js("return !!window.paragonTerminal.current.preview")));
    assertThat(TerminalCatalogBrowserTest.total(t)).as("the server's total").isEqualTo("33,65 zł");
    t.screenshot(shot + "10-receipt");

    t.click("receipt-panel button[data-action=pay]");
    t.waitUntil(d -> t.text("payment-dialog #pay-due").equals("33,65 zł"));
    t.click("payment-dialog button[data-fill=CARD]");
    t.click("payment-dialog button[data-action=confirm-pay]");
    t.waitFor("payment-dialog [data-paid=true]");
    t.click("payment-dialog button[data-action=close-pay]");
    t.waitSent();

    TerminalMenuBrowserTest.openMenu(t);
    t.click("terminal-menu button[data-action=day-close]");
    String question = t.waitUntil(d -> {
      try {
        var alert = d.switchTo().alert();
        String text = alert.getText();
        alert.accept();
        return text;
      } catch (NoAlertPresentException e) {
        return null;
      }
    });
    assertThat(question).as("nothing is left open: no warning").isEqualTo("Zamknąć dzień na tym terminalu?");
    t.waitFor("terminal-menu [data-day-report]");
    assertThat(t.text("terminal-menu [data-report=sales]")).isEqualTo("1");
    assertThat(t.text("terminal-menu [data-report=total]")).isEqualTo("33,65 zł");
    assertThat(t.text("terminal-menu [data-report=discounts]")).isEqualTo("1,85 zł");
    assertThat(t.text("terminal-menu [data-report=methods]")).contains("Karta", "33,65 zł");
    assertThat(t.text("terminal-menu [data-report=vat]")).contains("8%", "33,65 zł");
    assertThat(t.text("terminal-menu [data-report=cashiers]")).contains("Kasia Kelner", "33,65 zł");
    t.screenshot(shot + "11-day-report");
  }

  /** Step 7: both exports, fetched with the owner's session cookie, and their numbers. */
  private static void checksTheSalesCsv(ChromeDriver owner, String base) throws Exception {
    String cookies = owner.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
        .collect(Collectors.joining("; "));
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Warsaw"));
    String range = "&format=plain&from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
    List<CSVRecord> lines = csv(base + "/backoffice/sales/export?kind=lines" + range, cookies);
    assertThat(lines).as("a header and two lines").hasSize(3);
    // receipt_id, time_local, time_utc, shop, device, cashier, product_id, product, quantity, unit_price,
    // modifiers, line_total, discount, discount_reason, vat, methods (docs/backoffice.md)
    CSVRecord latte = lines.get(1).get(7).equals("Latte") ? lines.get(1) : lines.get(2);
    CSVRecord sernik = latte == lines.get(1) ? lines.get(2) : lines.get(1);
    assertThat(List.of(latte.get(3), latte.get(4), latte.get(5))).containsExactly("Rynek", "Kasa 1", "Kasia Kelner");
    assertThat(List.of(latte.get(7), latte.get(8), latte.get(9), latte.get(10), latte.get(11), latte.get(12),
        latte.get(14), latte.get(15)))
        .containsExactly("Latte", "1", zl(LATTE + LARGE), "Duża", zl(LATTE + LARGE), "0.00", "8", "CARD");
    assertThat(List.of(sernik.get(7), sernik.get(9), sernik.get(10), sernik.get(11), sernik.get(12),
        sernik.get(13)))
        .containsExactly("Sernik", zl(SERNIK), "", zl(SERNIK), zl(SERNIK_DISCOUNT), "stały gość");
    assertThat(latte.get(0)).isEqualTo(sernik.get(0));
    long lineTotals = lines.stream().skip(1).mapToLong(r -> grosze(r.get(11)) - grosze(r.get(12))).sum();
    assertThat(lineTotals).isEqualTo(TOTAL);

    List<CSVRecord> sales = csv(base + "/backoffice/sales/export?kind=sales" + range, cookies);
    assertThat(sales).hasSize(2);
    CSVRecord sale = sales.get(1);
    // receipt_id, ..., receipt, total, discount, net, tax, cash, card, ...
    assertThat(List.of(sale.get(0), sale.get(6), sale.get(7), sale.get(8), sale.get(12)))
        .containsExactly(latte.get(0), "Stolik 1", zl(TOTAL), zl(SERNIK_DISCOUNT), zl(TOTAL));
    assertThat(grosze(sale.get(9)) + grosze(sale.get(10))).as("net + tax").isEqualTo(TOTAL);
    // 8 % VAT inside a gross 33,65 zł: round(3365 * 8 / 108) = 249 grosze.
    assertThat(grosze(sale.get(10))).isEqualTo(Math.round(TOTAL * 8 / 108.0));
  }

  private static List<CSVRecord> csv(String url, String cookies) throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    try (var parser = CSVFormat.DEFAULT.parse(new StringReader(answer.body()))) {
      return parser.getRecords();
    }
  }

  private static String zl(long grosze) {
    return String.format(java.util.Locale.ROOT, "%d.%02d", grosze / 100, grosze % 100);
  }

  private static long grosze(String plain) {
    return new java.math.BigDecimal(plain).movePointRight(2).longValueExact();
  }

  /**
   * Paragon as an owner starts it: {@code java paragon.Paragon} in its own JVM (the test's class path),
   * on a free port, its output read line by line until it prints the setup address.
   */
  static final class RunningParagon implements AutoCloseable {
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private RunningParagon(Process process) {
      this.process = process;
      this.reader = Thread.ofPlatform().daemon().start(() -> {
        try (var in = process.inputReader(StandardCharsets.UTF_8)) {
          for (String line; (line = in.readLine()) != null; ) output.append(line).append('\n');
        } catch (java.io.IOException e) {
          output.append("(output unreadable: ").append(e).append(")\n");
        }
      });
    }

    static RunningParagon start(String databaseUrl) throws java.io.IOException {
      String java = ProcessHandle.current().info().command().orElseThrow();
      ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
          "-cp", System.getProperty("java.class.path"), "paragon.Paragon",
          "--port=0", "--host=127.0.0.1", "--database-url=" + databaseUrl);
      builder.environment().keySet().removeIf(k -> k.startsWith("PARAGON_"));
      builder.redirectErrorStream(true);
      return new RunningParagon(builder.start());
    }

    /** The address printed under "first start", once it is printed (a minute at most on a busy machine). */
    String setupUrl() throws InterruptedException {
      long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      var printed = java.util.regex.Pattern.compile("^\\s+(http://\\S+/setup\\?code=\\S+)$",
          java.util.regex.Pattern.MULTILINE);
      while (System.nanoTime() < until) {
        var m = printed.matcher(output);
        if (m.find()) {
          assertThat(output.toString()).as("printed and logged").contains(
              "No account exists yet. Open this address once", "No account yet: create it at " + m.group(1));
          return m.group(1);
        }
        if (!process.isAlive()) throw new AssertionError("Paragon exited " + process.exitValue() + ":\n" + output);
        Thread.sleep(100);
      }
      throw new AssertionError("no setup address printed within 60 s:\n" + output);
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
      reader.join(2000);
    }
  }
}
