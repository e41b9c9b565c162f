package io.admlops.workers.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The system's Chromium and its chromedriver (Debian's {@code chromium} and
 * {@code chromium-driver}). Naming both is what keeps Selenium from looking for, and trying to
 * download, a driver or a browser of its own.
 *
 * @param browser the browser program
 * @param driver the chromedriver of the same build
 */
public record ChromiumBinaries(Path browser, Path driver) {

  /** How a Debian machine gets both; CI runs it too. */
  public static final String INSTALL = "apt-get install chromium chromium-driver";

  /** Both programs from the {@code PATH} of {@code env}, when both are there. */
  public static Optional<ChromiumBinaries> find(Map<String, String> env) {
    Optional<Path> browser = browser(env);
    Optional<Path> driver = driver(env);
    return browser.isPresent() && driver.isPresent()
        ? Optional.of(new ChromiumBinaries(browser.get(), driver.get())) : Optional.empty();
  }

  /** Both programs, else the running test is skipped or failed (see {@link RequiredTool}). */
  public static ChromiumBinaries required() {
    Map<String, String> env = System.getenv();
    List<String> missing = new ArrayList<>();
    if (browser(env).isEmpty()) {
      missing.add("chromium");
    }
    if (driver(env).isEmpty()) {
      missing.add("chromedriver");
    }
    return RequiredTool.require(find(env), "headless Chromium tests need "
        + String.join(" and ", missing) + " on the PATH (" + INSTALL + ")");
  }

  private static Optional<Path> browser(Map<String, String> env) {
    return Executables.onPath(env, "chromium", "chromium-browser");
  }

  private static Optional<Path> driver(Map<String, String> env) {
    return Executables.onPath(env, "chromedriver");
  }
}
