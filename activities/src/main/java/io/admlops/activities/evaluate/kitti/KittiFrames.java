package io.admlops.activities.evaluate.kitti;

import io.admlops.schemas.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Pairs a folder of KITTI label files with a folder of result files by file name. Every label
 * file is a frame; a frame without a result file has no detections, as a detector that found
 * nothing writes none. A result file without a label file cannot be scored and is an error.
 */
final class KittiFrames {

  private KittiFrames() {}

  static List<KittiFrame> read(Path labelDir, Path resultDir) throws IOException {
    List<String> labels = textFiles(labelDir, "label");
    if (labels.isEmpty()) {
      throw new UserInputException(labelDir + ": no label files (*.txt)");
    }
    Set<String> known = Set.copyOf(labels);
    for (String result : textFiles(resultDir, "result")) {
      if (!known.contains(result)) {
        throw new UserInputException(resultDir.resolve(result) + ": no label file "
            + labelDir.resolve(result) + " to score it against");
      }
    }
    List<KittiFrame> frames = new ArrayList<>(labels.size());
    for (String name : labels) {
      Path results = resultDir.resolve(name);
      frames.add(new KittiFrame(name, KittiLabelFile.readGroundTruth(labelDir.resolve(name)),
          Files.exists(results) ? KittiLabelFile.readDetections(results) : List.of()));
    }
    return frames;
  }

  /** The names of the {@code *.txt} files of a folder, sorted. */
  private static List<String> textFiles(Path dir, String what) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new UserInputException(dir + ": not a folder (expected KITTI " + what
          + " files, one *.txt a frame)");
    }
    try (Stream<Path> listing = Files.list(dir)) {
      return listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
          .sorted().collect(Collectors.toList());
    }
  }
}
