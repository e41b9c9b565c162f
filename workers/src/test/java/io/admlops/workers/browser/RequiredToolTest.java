package io.admlops.workers.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RequiredToolTest {

  private static final String MISSING = "Chromium is not installed (apt-get install chromium)";

  @Test
  void aMissingToolSkipsTheTestSayingHowToInstallIt() {
    TestAbortedException skipped = assertThrows(TestAbortedException.class,
        () -> RequiredTool.require(Optional.empty(), MISSING, Map.of()));

    assertTrue(skipped.getMessage().contains("apt-get install chromium"), skipped.getMessage());
  }

  @Test
  void aMissingToolFailsTheTestWhereBrowserTestsAreRequired() {
    AssertionFailedError failed = assertThrows(AssertionFailedError.class,
        () -> RequiredTool.require(Optional.empty(), MISSING,
            Map.of(RequiredTool.REQUIRE_ENV, "1")));

    assertTrue(failed.getMessage().startsWith(MISSING), failed.getMessage());
  }

  @Test
  void aToolThatIsInstalledIsHandedToTheTest() {
    Path chromium = Path.of("chromium");

    assertEquals(chromium, RequiredTool.require(Optional.of(chromium), MISSING,
        Map.of(RequiredTool.REQUIRE_ENV, "1")));
  }
}
