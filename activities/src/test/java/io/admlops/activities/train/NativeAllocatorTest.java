package io.admlops.activities.train;

import static io.admlops.activities.RepositoryFiles.locate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NativeAllocatorTest {

  @Test
  void advisesALinuxProcessStartedWithoutMallocSettings() {
    String advice = NativeAllocator.advice("Linux", null).orElseThrow();
    assertTrue(advice.contains("scripts/native-allocator") && advice.contains("./admlops"),
        advice);
    assertTrue(NativeAllocator.advice("Linux", "glibc.rtld.nns=2").isPresent());
  }

  @Test
  void staysQuietWhenMallocIsTunedOrTheSystemIsNotLinux() {
    assertEquals(Optional.empty(), NativeAllocator.advice("Linux",
        "glibc.malloc.mmap_threshold=33554432:glibc.malloc.top_pad=67108864"));
    assertEquals(Optional.empty(), NativeAllocator.advice("Mac OS X", null));
  }

  @Test
  void theLaunchersSettingsAreWhatTheTrainerChecksFor() throws Exception {
    String fresh = launcherTunables("");
    assertEquals(Optional.empty(), NativeAllocator.advice("Linux", fresh), fresh);
    // A caller's own tunables of another kind are kept, with the malloc settings beside them.
    String mixed = launcherTunables("glibc.rtld.nns=2");
    assertTrue(mixed.startsWith("glibc.rtld.nns=2:"), mixed);
    assertEquals(Optional.empty(), NativeAllocator.advice("Linux", mixed), mixed);
    // Malloc settings the caller chose win.
    assertEquals("glibc.malloc.arena_max=1", launcherTunables("glibc.malloc.arena_max=1"));
  }

  /** GLIBC_TUNABLES after scripts/native-allocator, sourced as ./admlops does. */
  private static String launcherTunables(String before) throws IOException,
      InterruptedException {
    ProcessBuilder shell = new ProcessBuilder("bash", "-c",
        "set -euo pipefail; source \"$1\"; printf %s \"$GLIBC_TUNABLES\"", "bash",
        locate("scripts/native-allocator").toString());
    shell.environment().put("GLIBC_TUNABLES", before);
    shell.redirectErrorStream(true);
    Process process = shell.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), out);
    return out;
  }
}
