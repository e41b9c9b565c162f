package io.admlops.activities.train;

import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The state of a run after a finished epoch, in its own folder
 * {@code <run>/checkpoints/epoch-NNN/}: the weights ({@value #PARAMETERS}), the optimizer's
 * moments ({@value #OPTIMIZER}) and the epoch's metrics ({@value #PROGRESS}). A folder is
 * written under a temporary name and renamed when complete, so a crash mid-write never
 * leaves a checkpoint that looks finished.
 *
 * @param folder the checkpoint's folder
 * @param metrics the finished epoch's metrics, its number and step count included
 * @param optimizerSteps optimizer steps taken, for Adam's bias correction
 */
record Checkpoint(Path folder, EpochMetrics metrics, long optimizerSteps) {

  static final String PARAMETERS = "detector.params";
  static final String OPTIMIZER = "optimizer.state";
  static final String PROGRESS = "progress.json";
  private static final String PREFIX = "epoch-";

  /** Where the checkpoints of a run live. */
  static Path folderOf(Path runFolder) {
    return runFolder.resolve("checkpoints");
  }

  /** The folder of an epoch's checkpoint. */
  static Path folderOf(Path runFolder, int epoch) {
    return folderOf(runFolder).resolve(String.format("%s%03d", PREFIX, epoch));
  }

  Path parameters() {
    return folder.resolve(PARAMETERS);
  }

  Path optimizerState() {
    return folder.resolve(OPTIMIZER);
  }

  /** Writes the progress file into a folder being assembled. */
  static void writeProgress(Path folder, EpochMetrics metrics, long optimizerSteps)
      throws IOException {
    Progress progress = new Progress(metrics, optimizerSteps);
    Files.write(folder.resolve(PROGRESS), Mappers.json().writeValueAsBytes(progress));
  }

  /** Reads a complete checkpoint folder. */
  static Checkpoint read(Path folder) throws IOException {
    Path file = folder.resolve(PROGRESS);
    if (!Files.isRegularFile(file)) {
      throw new IOException(folder + " is not a checkpoint: " + PROGRESS + " is missing");
    }
    Progress progress = Mappers.json().readValue(file.toFile(), Progress.class);
    return new Checkpoint(folder, progress.metrics(), progress.optimizerSteps());
  }

  /** The last complete checkpoint of a run, if any epoch finished. */
  static Optional<Checkpoint> latest(Path runFolder) throws IOException {
    Path folder = folderOf(runFolder);
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    Optional<Path> last;
    try (Stream<Path> entries = Files.list(folder)) {
      last = entries.filter(p -> p.getFileName().toString().matches(PREFIX + "\\d+"))
          .filter(p -> Files.isRegularFile(p.resolve(PROGRESS)))
          .max(Path::compareTo);
    }
    return last.isPresent() ? Optional.of(read(last.get())) : Optional.empty();
  }

  /** Epoch metrics with the optimizer's step count, as {@value #PROGRESS} holds them. */
  private record Progress(EpochMetrics metrics, long optimizerSteps) {}

}
