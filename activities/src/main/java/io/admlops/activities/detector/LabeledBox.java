package io.admlops.activities.detector;

/**
 * A ground-truth box in the network's input pixels.
 *
 * @param classIndex the heatmap channel of its class
 * @param x1 left edge
 * @param y1 top edge
 * @param x2 right edge
 * @param y2 bottom edge
 */
public record LabeledBox(int classIndex, double x1, double y1, double x2, double y2) {

  /** Width in pixels. */
  public double width() {
    return x2 - x1;
  }

  /** Height in pixels. */
  public double height() {
    return y2 - y1;
  }
}
