package io.admlops.activities.train;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;

/**
 * Whether this process runs with the glibc malloc settings of {@code scripts/native-allocator},
 * which {@code ./admlops} exports before it starts the JVM. Without them libtorch's tensor
 * memory is handed back to the system after every training step and faulted in again page by
 * page on the next, which costs about a tenth of the step's time; a JVM started some other
 * way, say {@code java -jar} from a service unit, is told so once rather than silently
 * training slower.
 */
final class NativeAllocator {

  private static final AtomicBoolean ADVISED = new AtomicBoolean();

  private NativeAllocator() {}

  /**
   * What to tell an operator, if anything.
   *
   * @param osName the {@code os.name} property: the settings are glibc's, so Linux only
   * @param tunables the process's {@code GLIBC_TUNABLES}, or null when unset
   */
  static Optional<String> advice(String osName, String tunables) {
    if (!osName.startsWith("Linux") || (tunables != null && tunables.contains("glibc.malloc."))) {
      return Optional.empty();
    }
    return Optional.of("training without the malloc settings of scripts/native-allocator "
        + "(GLIBC_TUNABLES has none): steps run about 10 % slower; start the JVM through "
        + "./admlops or export what that file sets");
  }

  /** Logs this process's advice, once per process. */
  static void adviseOnce(Logger log) {
    advice(System.getProperty("os.name"), System.getenv("GLIBC_TUNABLES")).ifPresent(text -> {
      if (ADVISED.compareAndSet(false, true)) {
        log.warn(text);
      }
    });
  }
}
