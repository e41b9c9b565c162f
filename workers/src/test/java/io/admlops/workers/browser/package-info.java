/**
 * Browser tests: the system's headless Chromium driven through Selenium
 * ({@link io.admlops.workers.browser.ChromiumExtension}, {@link
 * io.admlops.workers.browser.HeadlessChromium}), Temporal's real dev server with its Web UI
 * ({@link io.admlops.workers.browser.TemporalDevServer}), and the Temporal UI walkthrough of
 * docs/temporal-ui.md. Without Chromium, its driver or the Temporal CLI these tests are
 * skipped, or fail where {@code ADMLOPS_REQUIRE_BROWSER} is set.
 */
package io.admlops.workers.browser;
