package io.admlops.activities.detector;

/**
 * One box the detector reports.
 *
 * @param classIndex the heatmap channel, an index into the config's classes
 * @param score the heatmap peak, in (0, 1)
 * @param x1 left edge in pixels
 * @param y1 top edge
 * @param x2 right edge
 * @param y2 bottom edge
 */
public record Detection(int classIndex, double score, double x1, double y1, double x2,
    double y2) {

  /** The same detection with its coordinates multiplied, e.g. from input to image pixels. */
  public Detection scaled(double sx, double sy) {
    return new Detection(classIndex, score, x1 * sx, y1 * sy, x2 * sx, y2 * sy);
  }
}
