package paragon.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import paragon.accounts.Accounts;
import paragon.accounts.Shops;
import paragon.configuration.DeviceModel;
import paragon.configuration.Plan;
import paragon.devices.DeviceStore;
import paragon.parking.ParkingStore;
import paragon.parking.SlotRules;
import paragon.testing.Browser;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

/**
 * An owner builds a floor in Chromium: adds a room, drags a table from "not placed" onto a cell of its
 * grid (a mouse at 1280x800, a finger at 390x844), saves, reloads and finds it there; a paired terminal's
 * configuration carries the position.
 */
@Tag("browser")
class OwnerPlacesTablesBrowserTest {

  @ParameterizedTest
  @CsvSource({"pl, 1280, 800, MOUSE, Sala, Zapisano", "en, 390, 844, TOUCH, Terrace, Saved"})
  void owner_drags_a_table_onto_the_grid_saves_and_the_terminal_gets_it(String lang, int width, int height,
      PointerInput.Kind pointer, String roomName, String savedText) {
    try (TestApp app = TestApp.start(TestDatabases.Kind.SQLITE)) {
      var created = new Accounts(app.db, app.clock).create(
          new Accounts.NewAccount("Bistro", Plan.MAX, lang, "owner@bistro.example", "Olga Owner", "bistro-demo-1"));
      long account = created.accountId();
      long shop = new Shops(app.db, app.clock).create(account, "seed", "Rynek");
      ParkingStore parking = new ParkingStore(app.db, app.clock);
      parking.saveList(account, null, "seed", List.of(new SlotRules.Valid(null, "Stolik 1"),
          new SlotRules.Valid(null, "Stolik 2")));
      String slot = parking.read(account).defaults().get(1).id();
      DeviceStore devices = new DeviceStore(app.db, app.clock, app.cutoffs);
      var code = devices.register(account, shop, "Kasa 1", DeviceModel.SMART_PLUS);
      var terminal = app.client();
      String token = terminal.postJson("/api/device/pair", Map.of("code", code.code()), Map.of()).json()
          .get("token").asText();

      ChromeDriver driver = Browser.start(width, height, lang);
      try {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        String shot = "floor-" + lang + "-";
        driver.get(app.url("/backoffice/login?lang=" + lang));
        driver.findElement(By.id("email")).sendKeys("owner@bistro.example");
        driver.findElement(By.id("password")).sendKeys("bistro-demo-1");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.menu")));

        driver.get(app.url("/backoffice/floor"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("floor-form")));
        Browser.submitAndWait(driver, By.id("add-room"), By.id("room-name-0"));
        driver.findElement(By.id("room-name-0")).sendKeys(roomName);
        Browser.screenshot(driver, shot + "01-room");

        WebElement table = driver.findElement(By.cssSelector(".floor-tray .floor-table[data-slot='" + slot + "']"));
        WebElement grid = driver.findElement(By.cssSelector(".floor-grid[data-room='0']"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'start'})",
            driver.findElement(By.cssSelector(width < 600 ? ".floor-tray-card" : ".floor-room")));
        drag(driver, pointer, table, grid, 5, 4);
        wait.until(ExpectedConditions.presenceOfElementLocated(
            By.cssSelector(".floor-grid[data-room='0'] .floor-table[data-slot='" + slot + "']")));
        assertThat(driver.findElement(By.id("table-1-x")).getDomProperty("value")).isEqualTo("5");
        assertThat(driver.findElement(By.id("table-1-y")).getDomProperty("value")).isEqualTo("4");
        Browser.screenshot(driver, shot + "02-dragged");

        Browser.submitAndWait(driver, By.id("save-floor"), By.cssSelector("p.notice"));
        assertThat(driver.findElement(By.cssSelector("p.notice")).getText()).contains(savedText);
        driver.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("floor-form")));
        WebElement placed = driver.findElement(
            By.cssSelector(".floor-grid[data-room='0'] .floor-table[data-slot='" + slot + "']"));
        assertThat(driver.findElement(By.id("room-name-0")).getDomProperty("value")).isEqualTo(roomName);
        // Drawn on its cell: column 5 and row 4 of the grid.
        Rectangle r = placed.getRect();
        Rectangle g = driver.findElement(By.cssSelector(".floor-grid[data-room='0']")).getRect();
        assertThat((r.getX() - g.getX()) * 24 / g.getWidth()).isEqualTo(5);
        assertThat((r.getY() - g.getY()) * 16 / g.getHeight()).isEqualTo(4);
        Browser.screenshot(driver, shot + "03-reloaded");

        // Without dragging: the fields place a table too, and its chip follows them.
        String other = parking.read(account).defaults().get(0).id();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("table-0-room"))).selectByValue("0");
        driver.findElement(By.id("table-0-x")).sendKeys("7");
        driver.findElement(By.id("table-0-y")).sendKeys("1\t");
        wait.until(ExpectedConditions.presenceOfElementLocated(
            By.cssSelector(".floor-grid[data-room='0'] .floor-table[data-slot='" + other + "']")));

        JsonNode config = terminal.get("/api/device/config", Map.of("Authorization", "Bearer " + token)).json();
        JsonNode room = config.path("config").path("floor").path("rooms").get(0);
        assertThat(room.path("name").asText()).isEqualTo(roomName);
        JsonNode t = room.path("tables").get(0);
        assertThat(t.path("slotId").asText()).isEqualTo(slot);
        assertThat(t.path("x").asInt()).isEqualTo(5);
        assertThat(t.path("y").asInt()).isEqualTo(4);
        assertThat(config.path("config").path("floor").path("openTooLongMinutes").asInt()).isEqualTo(90);
      } finally {
        driver.quit();
      }
    }
  }

  /**
   * Presses on {@code what}, moves to the middle of cell (x, y) of {@code grid}, lets go: with a mouse or a
   * finger, at viewport coordinates (the grid may be wider than a phone's screen; its cell is on it).
   */
  private static void drag(ChromeDriver driver, PointerInput.Kind kind, WebElement what, WebElement grid, int x, int y) {
    @SuppressWarnings("unchecked")
    List<Number> from = (List<Number>) driver.executeScript(
        "const r = arguments[0].getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];", what);
    @SuppressWarnings("unchecked")
    List<Number> to = (List<Number>) driver.executeScript("""
        const r = arguments[0].getBoundingClientRect();
        return [r.left + (arguments[1] + 0.5) * r.width / 24, r.top + (arguments[2] + 0.5) * r.height / 16];""",
        grid, x, y);
    int fx = from.get(0).intValue();
    int fy = from.get(1).intValue();
    int tx = to.get(0).intValue();
    int ty = to.get(1).intValue();
    PointerInput finger = new PointerInput(kind, "p");
    Sequence s = new Sequence(finger, 0)
        .addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), fx, fy))
        .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
        .addAction(finger.createPointerMove(Duration.ofMillis(150), PointerInput.Origin.viewport(), (fx + tx) / 2,
            (fy + ty) / 2))
        .addAction(finger.createPointerMove(Duration.ofMillis(150), PointerInput.Origin.viewport(), tx, ty))
        .addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
    driver.perform(List.of(s));
  }
}
