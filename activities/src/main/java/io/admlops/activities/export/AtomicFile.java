package io.admlops.activities.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes a file under a hidden temporary name in its folder and renames it into place, so a
 * reader sees the old file or the whole new one, never a part, and a failed write leaves
 * nothing behind.
 */
public final class AtomicFile {

  private AtomicFile() {}

  /** Writes {@code bytes} to {@code target}, replacing it; missing folders are created. */
  public static void write(Path target, byte[] bytes) throws IOException {
    Path folder = Files.createDirectories(target.toAbsolutePath().getParent());
    Path partial = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID()
        + ".partial");
    try {
      Files.write(partial, bytes);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
