package io.admlops.workers.demo;

import io.admlops.schemas.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The folder a demo run keeps its whole stack in (registry database, datasets, model zoo).
 * Every run starts from an empty one, so two runs are comparable; a folder is only emptied
 * when a demo made it, so a mistyped {@code --home} cannot wipe anything else.
 */
public final class DemoHome {

  /** The file that marks a folder as a demo's. */
  static final String MARKER = ".admlops-demo";

  private DemoHome() {}

  /**
   * Empties the folder of an earlier demo run, or creates it.
   *
   * @throws UserInputException when the folder holds files and no demo made it
   */
  public static Path prepare(Path home) throws IOException {
    Path folder = home.toAbsolutePath().normalize();
    if (Files.isDirectory(folder) && !isEmpty(folder)) {
      if (!Files.exists(folder.resolve(MARKER))) {
        throw new UserInputException(folder + " holds files no demo made; the demo empties "
            + "its home at every run, so pass --home with a new or empty folder");
      }
      deleteTree(folder);
    } else if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new UserInputException(folder + " is a file; --home needs a folder");
    }
    Files.createDirectories(folder);
    Files.writeString(folder.resolve(MARKER), "Made by admlops demo; emptied at its next run.\n");
    return folder;
  }

  private static boolean isEmpty(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
