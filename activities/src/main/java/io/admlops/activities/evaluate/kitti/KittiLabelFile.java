package io.admlops.activities.evaluate.kitti;

import io.admlops.activities.formats.NumberColumns;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.schemas.UserInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a KITTI label file (15 columns an object) or result file (the same and a 16th, the
 * score). Every column must be a number but the type, so that a broken file stops the
 * evaluation at its first fault instead of being read in part, as the devkit's scanf would.
 */
final class KittiLabelFile {

  private static final String[] COLUMNS = {"type", "truncated", "occluded", "alpha",
      "bbox left", "bbox top", "bbox right", "bbox bottom", "height", "width", "length",
      "location x", "location y", "location z", "rotation_y", "score"};
  private static final int LABEL_COLUMNS = 15;

  private KittiLabelFile() {}

  static List<KittiGroundTruth> readGroundTruth(Path file) throws IOException {
    List<KittiGroundTruth> objects = new ArrayList<>();
    read(file, LABEL_COLUMNS, "a KITTI label", (type, v, where) -> {
      int occlusion = (int) v[2];
      if (occlusion != v[2]) {
        throw new UserInputException(where + ": " + column(2) + " must be a whole number, is "
            + v[2]);
      }
      objects.add(new KittiGroundTruth(type, v[1], occlusion, box(v)));
    });
    return objects;
  }

  static List<KittiDetection> readDetections(Path file) throws IOException {
    List<KittiDetection> detections = new ArrayList<>();
    read(file, LABEL_COLUMNS + 1, "a KITTI label and the score",
        (type, v, where) -> detections.add(new KittiDetection(type, box(v), v[15])));
    return detections;
  }

  /** Receives the rows of a file: the type, the numbers by column index, {@code file:line}. */
  private interface RowSink {
    void accept(String type, double[] values, String where);
  }

  private static void read(Path file, int columns, String row, RowSink sink)
      throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int lineNumber = 0;
      for (String line; (line = in.readLine()) != null; ) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        String where = ProblemLog.at(file, lineNumber);
        String[] c = line.trim().split("\\s+");
        if (c.length != columns) {
          throw new UserInputException(where + ": expected " + columns + " columns (" + row
              + "), found " + c.length);
        }
        ProblemLog problems = new ProblemLog();
        Optional<double[]> values =
            NumberColumns.parse(c, 1, KittiLabelFile::column, where, problems);
        if (values.isEmpty()) {
          throw new UserInputException(where + ": " + problems.problems().get(0).message());
        }
        checkBox(c, values.get(), where);
        sink.accept(c[0], values.get(), where);
      }
    }
  }

  private static void checkBox(String[] c, double[] v, String where) {
    if (v[6] < v[4]) {
      throw new UserInputException(where + ": " + column(6) + " " + c[6] + " is left of "
          + column(4) + " " + c[4]);
    }
    if (v[7] < v[5]) {
      throw new UserInputException(where + ": " + column(7) + " " + c[7] + " is above "
          + column(5) + " " + c[5]);
    }
  }

  private static ImageBox box(double[] v) {
    return new ImageBox(v[4], v[5], v[6], v[7]);
  }

  /** A column as KITTI's devkit readme numbers it, e.g. {@code column 6 (bbox top)}. */
  private static String column(int i) {
    return "column " + (i + 1) + " (" + COLUMNS[i] + ")";
  }
}
