package io.admlops.activities.store;

import io.admlops.schemas.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where artifacts live: {@code $DATASET} holds frames and dataset manifests, {@code $MODELZOO}
 * holds checkpoints and exported models. Local folders by default; shared storage when
 * workers run on several machines.
 *
 * @param datasets the dataset store
 * @param modelZoo the model zoo
 */
public record StorageRoots(Path datasets, Path modelZoo) {

  /** Creates both folders when missing, naming the one that cannot be created. */
  public StorageRoots createIfMissing() {
    create(datasets, "DATASET");
    create(modelZoo, "MODELZOO");
    return this;
  }

  /** Bytes still usable under a root, as the file system that holds it reports. */
  public static long usableBytes(Path root) {
    try {
      return Files.getFileStore(root).getUsableSpace();
    } catch (IOException e) {
      throw new UserInputException(
          "cannot read free space under " + root + ": " + e.getMessage(), e);
    }
  }

  private static void create(Path root, String variable) {
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UserInputException(
          "cannot create " + variable + " folder " + root + ": " + e.getMessage(), e);
    }
  }
}
