package io.admlops.activities;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files the repository ships (configs/...) from any module's test working folder. */
public final class RepositoryFiles {

  private RepositoryFiles() {}

  /** The file at {@code relative} under the repository root, an ancestor of the module. */
  public static Path locate(String relative) {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve(relative))) {
        return p.resolve(relative);
      }
    }
    throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
  }
}
