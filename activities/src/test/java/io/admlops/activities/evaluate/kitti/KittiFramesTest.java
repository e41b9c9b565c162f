package io.admlops.activities.evaluate.kitti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.admlops.schemas.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How label and result folders are paired, and where a faulty line is reported. */
class KittiFramesTest {

  private static final String CAR =
      "Car 0.00 0 -1.57 100 100 200 180 1.50 1.60 3.90 0.00 1.70 20.00 -1.57";

  @TempDir Path dir;
  private Path labels;
  private Path results;

  @BeforeEach
  void folders() throws IOException {
    labels = Files.createDirectories(dir.resolve("label_2"));
    results = Files.createDirectories(dir.resolve("results"));
  }

  @Test
  void framesPairByFileNameAndAMissingResultFileMeansNoDetections() throws IOException {
    Files.writeString(labels.resolve("000001.txt"), CAR + "\n\n" + CAR + "\n");
    Files.writeString(labels.resolve("000000.txt"), "");
    Files.writeString(results.resolve("000001.txt"), CAR + " 0.75\n");

    List<KittiFrame> frames = KittiFrames.read(labels, results);

    assertEquals(List.of("000000.txt", "000001.txt"),
        frames.stream().map(KittiFrame::name).toList());
    assertEquals(0, frames.get(0).detections().size());
    assertEquals(2, frames.get(1).truth().size());
    assertEquals(new KittiDetection("Car", new ImageBox(100, 100, 200, 180), 0.75),
        frames.get(1).detections().get(0));
  }

  @Test
  void aResultFileWithoutLabelFileIsNamed() throws IOException {
    Files.writeString(labels.resolve("000000.txt"), CAR + "\n");
    Files.writeString(results.resolve("000007.txt"), CAR + " 0.5\n");

    UserInputException e = assertThrows(UserInputException.class,
        () -> KittiFrames.read(labels, results));

    assertEquals(results.resolve("000007.txt") + ": no label file "
        + labels.resolve("000007.txt") + " to score it against", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "label_2 | Car 0 0 0 1 2 3 | expected 15 columns (a KITTI label), found 7",
      "label_2 | Car 0.00 x -1.57 100 100 200 180 1.5 1.6 3.9 0 1.7 20 -1.57"
          + " | column 3 (occluded) is not a number: 'x'",
      "label_2 | Car 0.00 1.5 -1.57 100 100 200 180 1.5 1.6 3.9 0 1.7 20 -1.57"
          + " | column 3 (occluded) must be a whole number, is 1.5",
      "label_2 | Car 0.00 0 -1.57 100 100 90 180 1.5 1.6 3.9 0 1.7 20 -1.57"
          + " | column 7 (bbox right) 90 is left of column 5 (bbox left) 100",
      "results | Car 0.00 0 -1.57 100 100 200 180 1.5 1.6 3.9 0 1.7 20 -1.57"
          + " | expected 16 columns (a KITTI label and the score), found 15",
      "results | Car -1 -1 -1.57 100 100 200 180 1.5 1.6 3.9 0 1.7 20 -1.57 NaN"
          + " | column 16 (score) is NaN",
      "results | Car -1 -1 -1.57 100 190 200 180 1.5 1.6 3.9 0 1.7 20 -1.57 0.9"
          + " | column 8 (bbox bottom) 180 is above column 6 (bbox top) 190",
  })
  void aFaultyLineIsReportedWithFileLineAndColumn(String folder, String line, String message)
      throws IOException {
    Files.writeString(labels.resolve("000000.txt"), CAR + "\n");
    Files.writeString(results.resolve("000000.txt"), CAR + " 0.5\n");
    Path faulty = dir.resolve(folder).resolve("000000.txt");
    Files.writeString(faulty, Files.readString(faulty) + line + "\n");

    UserInputException e = assertThrows(UserInputException.class,
        () -> KittiFrames.read(labels, results));

    assertEquals(faulty + ":2: " + message, e.getMessage());
  }

  @Test
  void aLabelFolderWithoutLabelFilesIsAnError() {
    UserInputException e = assertThrows(UserInputException.class,
        () -> KittiFrames.read(labels, results));

    assertEquals(labels + ": no label files (*.txt)", e.getMessage());
  }
}
