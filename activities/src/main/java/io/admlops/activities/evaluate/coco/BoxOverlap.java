package io.admlops.activities.evaluate.coco;

/**
 * Overlap of a detection with a ground-truth box, both {@code [x, y, width, height]}. For a
 * crowd region the intersection is divided by the detection's area instead of the union, so
 * that a detection of one member of the crowd counts as fully inside it. The arithmetic is
 * done in the same order as pycocotools' C routine so that the results agree to the bit.
 */
final class BoxOverlap {

  private BoxOverlap() {}

  static double of(double[] detection, double[] truth, boolean crowd) {
    double width = Math.min(detection[0] + detection[2], truth[0] + truth[2])
        - Math.max(detection[0], truth[0]);
    if (width <= 0) {
      return 0;
    }
    double height = Math.min(detection[1] + detection[3], truth[1] + truth[3])
        - Math.max(detection[1], truth[1]);
    if (height <= 0) {
      return 0;
    }
    double intersection = width * height;
    double detectionArea = detection[2] * detection[3];
    double union = crowd ? detectionArea : detectionArea + truth[2] * truth[3] - intersection;
    return intersection / union;
  }
}
