package io.admlops.activities.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
