package io.admlops.workers.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * What a browser test does when a program it drives is not installed: it is skipped with the
 * command that installs the program, unless {@value #REQUIRE_ENV} is set (CI sets it), where a
 * missing program fails the test instead of letting a green run hide that nothing was tested.
 */
public final class RequiredTool {

  /** Set to any value, browser tests fail rather than skip when a program is missing. */
  public static final String REQUIRE_ENV = "ADMLOPS_REQUIRE_BROWSER";

  private RequiredTool() {}

  /**
   * The program found, else skips or fails the running test.
   *
   * @param missing what is missing and how to install it, e.g. "Chromium is not installed
   *     (apt-get install chromium chromium-driver)"
   */
  public static <T> T require(Optional<T> found, String missing) {
    return require(found, missing, System.getenv());
  }

  static <T> T require(Optional<T> found, String missing, Map<String, String> env) {
    if (found.isPresent()) {
      return found.get();
    }
    if (env.containsKey(REQUIRE_ENV)) {
      return fail(missing + "; " + REQUIRE_ENV + " is set, so the browser tests must run");
    }
    return Assumptions.abort(missing + "; skipped (set " + REQUIRE_ENV + " to fail instead)");
  }
}
