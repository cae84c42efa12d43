package paragon.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Debian's chromedriver, headless, with a fresh profile. A test that needs
 * it fails (does not skip) when either binary is missing: {@code .ci/run} installs both.
 */
public final class Browser {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private Browser() {}

  public static ChromeDriver start(int width, int height, String language) {
    return start(width, height, language, new String[0]);
  }

  /** The same with extra Chromium flags (e.g. a host-resolver rule, a trusted test certificate). */
  public static ChromeDriver start(int width, int height, String language, String... extraArguments) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException("Chromium tests need " + CHROMIUM + " and " + CHROMEDRIVER
          + ": apt-get install -y chromium chromium-driver (.ci/run does this)");
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("paragon-chromium-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--lang=" + language,
        "--window-size=" + width + "," + height);
    options.addArguments(extraArguments);
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(width, height));
    // The window size includes the browser's frame: the page must get exactly the device's viewport
    // (a tablet's 1280x800, a phone's 390x844), so emulate the device's metrics; a phone-sized one as mobile.
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of(
        "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    return driver;
  }

  /**
   * Clicks a plain form's submit button and waits until the page the server answers with has replaced
   * this one and shows {@code answer}. Waiting for {@code answer} alone is not enough when the page being
   * left shows it too (a second notice after a first): the old element would match, then go stale.
   */
  public static void submitAndWait(ChromeDriver driver, By button, By answer) {
    // A mark on this document's window: the next document has none. (Asking Chromium whether an old
    // element went stale can fail with another error while the page is being replaced.)
    driver.executeScript("window.paragonLeaving = true;");
    driver.findElement(button).click();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    wait.ignoring(WebDriverException.class)
        .until(d -> Boolean.TRUE.equals(driver.executeScript(
            "return document.readyState !== 'loading' && window.paragonLeaving === undefined")));
    wait.until(ExpectedConditions.presenceOfElementLocated(answer));
  }

  /** Saves a screenshot under {@code target/screenshots/}. */
  public static Path screenshot(ChromeDriver driver, String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Path file = dir.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new IllegalStateException("cannot save screenshot " + name, e);
    }
  }
}
