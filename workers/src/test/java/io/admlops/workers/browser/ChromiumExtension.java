package io.admlops.workers.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Gives a test method a {@link HeadlessChromium} parameter: skipped (or failed, under
 * {@value RequiredTool#REQUIRE_ENV}) before it starts when Chromium or its driver is missing,
 * screenshots under {@code target/screenshots/<TestClass>.<method>/}, the page's
 * {@code failure.png}, {@code failure.html} and {@code failure.console.txt} when the test
 * fails, and the browser closed after.
 *
 * <pre>{@code
 * @ExtendWith(ChromiumExtension.class)
 * class DashboardBrowserTest {
 *   @Test
 *   void showsTheCampaigns(HeadlessChromium browser) { browser.open(url); ... }
 * }
 * }</pre>
 */
public final class ChromiumExtension
    implements BeforeEachCallback, ParameterResolver, TestExecutionExceptionHandler {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ChromiumExtension.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    // Checked here rather than when the parameter is made: a skip from a parameter resolver
    // would be reported as a failure to resolve it.
    context.getStore(NAMESPACE).put(ChromiumBinaries.class, ChromiumBinaries.required());
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == HeadlessChromium.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    Path screenshots = Path.of("target", "screenshots",
        context.getRequiredTestClass().getSimpleName() + "."
            + context.getRequiredTestMethod().getName());
    try {
      // The store closes what it holds once the test is over.
      HeadlessChromium browser = HeadlessChromium.start(
          store.get(ChromiumBinaries.class, ChromiumBinaries.class), screenshots);
      store.put(HeadlessChromium.class, browser);
      return browser;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    HeadlessChromium browser = context.getStore(NAMESPACE)
        .get(HeadlessChromium.class, HeadlessChromium.class);
    if (browser != null && !(failure instanceof TestAbortedException)) {
      try {
        browser.screenshot("failure");
        browser.savePage("failure");
        browser.saveConsole("failure");
      } catch (IOException | RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
    throw failure;
  }
}
