package io.admlops.activities.formats.yolo;

import io.admlops.activities.formats.BoxRules;
import io.admlops.activities.formats.ImageHeaders;
import io.admlops.activities.formats.NumberColumns;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.activities.formats.ReadContext;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.FrameObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One line of a YOLO label file, {@code class x_center y_center width height [confidence]},
 * checked and turned into an object with its box in pixels.
 */
final class YoloLabelLine {

  private static final String[] COLUMNS = {"class", "x_center", "y_center", "width", "height",
      "confidence"};

  /** Rounding in the writing tool may put a fraction a hair outside 0..1. */
  private static final double FRACTION_TOLERANCE = 1e-6;

  private YoloLabelLine() {}

  /**
   * @param where the line's location, for problems
   * @param size the image's size, which the fractions refer to
   * @param names the dataset's class names by id
   * @return the object, or empty when the line is invalid (reported) or its class is dropped
   */
  static Optional<FrameObject> parse(String line, String where, ImageHeaders.Size size,
      List<String> names, ReadContext context) {
    ProblemLog problems = context.problems();
    String[] c = line.trim().split("\\s+");
    if (c.length != 5 && c.length != 6) {
      problems.error(where, "expected 5 columns (class x_center y_center width height), 6 with "
          + "a confidence, found " + c.length + "; segmentation and pose labels are not read");
      return Optional.empty();
    }
    Optional<double[]> parsed = NumberColumns.parse(c, 0, YoloLabelLine::column, where, problems);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    double[] v = parsed.get();
    if (v[0] != Math.rint(v[0]) || v[0] < 0 || v[0] >= names.size()) {
      problems.error(where, column(0) + " must be a class id from 0 to " + (names.size() - 1)
          + ", is " + c[0]);
      return Optional.empty();
    }
    for (int i = 1; i < c.length; i++) {
      if (v[i] < -FRACTION_TOLERANCE || v[i] > 1 + FRACTION_TOLERANCE) {
        problems.error(where, column(i) + " must be within 0..1 (a fraction of the image), is "
            + c[i]);
        return Optional.empty();
      }
    }
    if (v[3] <= 0 || v[4] <= 0) {
      problems.error(where, "width and height must be positive, are " + c[3] + " " + c[4]);
      return Optional.empty();
    }
    Box2D box = new Box2D((v[1] - v[3] / 2) * size.width(), (v[2] - v[4] / 2) * size.height(),
        (v[1] + v[3] / 2) * size.width(), (v[2] + v[4] / 2) * size.height());
    Optional<String> badBox = BoxRules.problem(box, size.width(), size.height());
    if (badBox.isPresent()) {
      problems.error(where, badBox.get());
      return Optional.empty();
    }
    String name = names.get((int) v[0]);
    Taxonomy.Resolution resolved = context.taxonomy().resolve(name);
    if (!resolved.known()) {
      problems.error(where, "unknown class '" + name + "' (id " + c[0] + "); the dataset "
          + "definition neither lists nor maps it");
      return Optional.empty();
    }
    if (!resolved.kept()) {
      return Optional.empty();
    }
    return Optional.of(new FrameObject(null, resolved.category(), box, null, null, null, null,
        false, false, null, c.length == 6 ? v[5] : null, Map.of()));
  }

  private static String column(int i) {
    return "column " + (i + 1) + " (" + COLUMNS[i] + ")";
  }
}
