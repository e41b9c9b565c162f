package io.admlops.activities.evaluate.kitti;

/**
 * A 2D box in image pixels as KITTI writes it: left, top, right and bottom edges. The overlap
 * arithmetic follows the devkit's {@code boxoverlap} step by step, so that a detection right
 * at a threshold falls on the same side as in the devkit.
 */
public record ImageBox(double left, double top, double right, double bottom) {

  /** The box's height in pixels, what the difficulty levels' minimum height applies to. */
  public double height() {
    return bottom - top;
  }

  /** Intersection over union with {@code other}; 0 when they do not overlap. */
  public double iou(ImageBox other) {
    double intersection = intersection(other);
    return intersection == 0 ? 0 : intersection / (area() + other.area() - intersection);
  }

  /**
   * The share of this box's area that lies inside {@code region}; how the devkit measures a
   * detection against a DontCare region, so that a small detection within a large region
   * counts as inside it.
   */
  public double fractionInside(ImageBox region) {
    double intersection = intersection(region);
    return intersection == 0 ? 0 : intersection / area();
  }

  private double area() {
    return (right - left) * (bottom - top);
  }

  private double intersection(ImageBox other) {
    double width = Math.min(right, other.right) - Math.max(left, other.left);
    double height = Math.min(bottom, other.bottom) - Math.max(top, other.top);
    return width <= 0 || height <= 0 ? 0 : width * height;
  }
}
