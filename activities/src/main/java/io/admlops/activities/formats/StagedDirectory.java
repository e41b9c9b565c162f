package io.admlops.activities.formats;

import io.admlops.schemas.UserInputException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * An output folder that appears only when complete: everything is written into a hidden
 * sibling, which is renamed to the final name on {@link #commit()} and deleted on
 * {@link #close()} otherwise. A failed or interrupted run leaves no half-written dataset.
 */
public final class StagedDirectory implements AutoCloseable {

  private final Path target;
  private final Path staging;
  private boolean committed;

  private StagedDirectory(Path target, Path staging) {
    this.target = target;
    this.staging = staging;
  }

  /**
   * Starts a staged output for {@code target}.
   *
   * @throws UserInputException when the target exists and is not an empty folder
   */
  public static StagedDirectory begin(Path target) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    refuseExisting(target);
    Path parent = absolute.getParent();
    Files.createDirectories(parent);
    Path staging = parent.resolve("." + absolute.getFileName() + ".partial-" + UUID.randomUUID());
    Files.createDirectory(staging);
    return new StagedDirectory(absolute, staging);
  }

  /**
   * Checks a target before long work that ends in writing it.
   *
   * @throws UserInputException when the target exists and is not an empty folder
   */
  public static void refuseExisting(Path target) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    if (Files.exists(absolute) && !isEmptyDirectory(absolute)) {
      throw new UserInputException(target + " already exists and is not empty; "
          + "name a new output folder");
    }
  }

  /** Where to write until the commit. */
  public Path path() {
    return staging;
  }

  /** Moves the finished output into place. */
  public void commit() throws IOException {
    if (Files.isDirectory(target)) {
      Files.delete(target);
    }
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(staging, target);
    }
    committed = true;
  }

  /** Deletes the staging folder unless it was committed. */
  @Override
  public void close() throws IOException {
    if (!committed && Files.exists(staging)) {
      deleteRecursively(staging);
    }
  }

  private static boolean isEmptyDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
