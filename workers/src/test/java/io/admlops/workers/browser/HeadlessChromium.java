package io.admlops.workers.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium session of a test: the system's browser at a fixed window size, so
 * pages lay out the same on every machine, and screenshots saved as
 * {@code <folder>/<name>.png}.
 */
public final class HeadlessChromium implements AutoCloseable {

  /** Window width in pixels: a laptop screen, wide enough for the pages' tables. */
  public static final int WIDTH = 1280;
  /** Window height in pixels. */
  public static final int HEIGHT = 900;
  /** How long {@link #visible} waits for an element, and most waits of a page. */
  public static final Duration PATIENCE = Duration.ofSeconds(30);

  /**
   * Selenium warns at every start that it has no DevTools binding for this Chromium version;
   * the tests drive the browser through WebDriver only, so that warning is noise. Held here,
   * since java.util.logging keeps loggers only while someone references them.
   */
  private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

  private final ChromeDriver driver;
  private final Path screenshots;

  private HeadlessChromium(ChromeDriver driver, Path screenshots) {
    this.driver = driver;
    this.screenshots = screenshots;
  }

  /**
   * Starts the browser.
   *
   * @param screenshots the folder screenshots are saved in, emptied of earlier runs' ones
   */
  public static HeadlessChromium start(ChromiumBinaries binaries, Path screenshots)
      throws IOException {
    DEVTOOLS_LOG.setLevel(Level.SEVERE);
    Files.createDirectories(screenshots);
    try (var earlier = Files.list(screenshots)) {
      for (Path file : earlier.toList()) {
        Files.deleteIfExists(file);
      }
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binaries.browser().toFile());
    // --no-sandbox: CI runs as root, where Chromium refuses its sandbox; the pages are ours.
    options.addArguments("--headless=new", "--window-size=" + WIDTH + "," + HEIGHT,
        "--force-device-scale-factor=1", "--hide-scrollbars", "--no-sandbox",
        "--disable-dev-shm-usage", "--disable-gpu", "--lang=en-US");
    // Kept by the browser so that a failed test can save what the page logged.
    options.setCapability(ChromeOptions.LOGGING_PREFS, browserLog());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(binaries.driver().toFile())
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    try {
      fitViewport(driver);
    } catch (RuntimeException e) {
      driver.quit();
      throw e;
    }
    return new HeadlessChromium(driver, screenshots);
  }

  private static LoggingPreferences browserLog() {
    LoggingPreferences preferences = new LoggingPreferences();
    preferences.enable(LogType.BROWSER, Level.ALL);
    return preferences;
  }

  /**
   * Grows the window by what the browser's own frame takes, so that pages and screenshots
   * get exactly {@value #WIDTH} by {@value #HEIGHT} pixels.
   */
  private static void fitViewport(ChromeDriver driver) {
    Dimension window = driver.manage().window().getSize();
    Number width = (Number) driver.executeScript("return window.innerWidth");
    Number height = (Number) driver.executeScript("return window.innerHeight");
    driver.manage().window().setSize(new Dimension(window.getWidth() + WIDTH - width.intValue(),
        window.getHeight() + HEIGHT - height.intValue()));
  }

  public WebDriver driver() {
    return driver;
  }

  /** Loads a page and waits until the document has loaded. */
  public void open(String url) {
    driver.get(url);
  }

  /** Saves what the window shows as {@code <name>.png} and returns the file. */
  public Path screenshot(String name) throws IOException {
    return Files.write(screenshots.resolve(name + ".png"),
        driver.getScreenshotAs(OutputType.BYTES));
  }

  /** Saves the page's current DOM as {@code <name>.html}, for reading after a failure. */
  public Path savePage(String name) throws IOException {
    return Files.writeString(screenshots.resolve(name + ".html"), driver.getPageSource(),
        StandardCharsets.UTF_8);
  }

  /** Saves what the page wrote to the browser's console as {@code <name>.console.txt}. */
  public Path saveConsole(String name) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      lines.append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n');
    }
    return Files.writeString(screenshots.resolve(name + ".console.txt"), lines,
        StandardCharsets.UTF_8);
  }

  /**
   * The first element matching {@code by} that is shown, waiting for it; pages that lay out
   * for several screen sizes keep hidden copies of the same control.
   */
  public WebElement visible(By by) {
    return waitUntil(PATIENCE, "nothing shown matches " + by, d -> d.findElements(by).stream()
        .filter(WebElement::isDisplayed).findFirst().orElse(null));
  }

  /**
   * Waits until {@code condition} gives neither null nor false, and returns what it gave. An
   * element the page rendered anew while the condition looked at it counts as not yet.
   *
   * @param awaited what is waited for, said when the wait times out
   */
  public <T> T waitUntil(Duration patience, String awaited, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, patience).withMessage(awaited)
        .ignoring(StaleElementReferenceException.class).until(condition::apply);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
