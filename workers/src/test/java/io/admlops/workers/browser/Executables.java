package io.admlops.workers.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Finds programs the way a shell does, so the tests use what a person's shell would run. */
final class Executables {

  private Executables() {}

  /** The first of {@code names} found on the {@code PATH} of {@code env}. */
  static Optional<Path> onPath(Map<String, String> env, String... names) {
    String path = env.getOrDefault("PATH", "");
    for (String name : names) {
      for (String folder : path.split(File.pathSeparator)) {
        if (folder.isEmpty()) {
          continue;
        }
        Optional<Path> found = executable(Path.of(folder, name));
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** The file when it exists and may be executed. */
  static Optional<Path> executable(Path file) {
    return Files.isRegularFile(file) && Files.isExecutable(file)
        ? Optional.of(file.toAbsolutePath()) : Optional.empty();
  }
}
