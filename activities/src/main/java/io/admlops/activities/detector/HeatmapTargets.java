package io.admlops.activities.detector;

import java.util.List;

/**
 * What the heads of one frame should output: per class a heatmap with a Gaussian peak of
 * exactly 1 at each object's center cell, and at those center cells the box size and the
 * sub-cell offset of the true center, with a mask marking them. Layouts are channel-major
 * like the network's outputs: {@code heatmap[c][y][x]}, {@code size[0 = w, 1 = h][y][x]}.
 *
 * @param heatmap {@code classes * height * width} values in [0, 1]
 * @param size {@code 2 * height * width}, box width and height in cells at centers
 * @param offset {@code 2 * height * width}, center minus center cell, in [0, 1)
 * @param mask {@code height * width}, 1 at a center cell, else 0
 */
public record HeatmapTargets(float[] heatmap, float[] size, float[] offset, float[] mask) {

  /**
   * Gaussian spread relative to the box, as TTFNet (Liu et al., 2019) uses: sigma is
   * {@code ALPHA * side / 6} along each axis, so elongated boxes get elongated peaks.
   */
  static final double ALPHA = 0.54;

  /**
   * The targets of one frame.
   *
   * @param boxes the frame's boxes in input pixels
   * @param classes heatmap channels
   * @param height heatmap rows
   * @param width heatmap columns
   * @param stride input pixels per heatmap cell
   */
  public static HeatmapTargets encode(List<LabeledBox> boxes, int classes, int height,
      int width, int stride) {
    int cells = height * width;
    HeatmapTargets targets = new HeatmapTargets(new float[classes * cells],
        new float[2 * cells], new float[2 * cells], new float[cells]);
    for (LabeledBox box : boxes) {
      targets.add(box, height, width, stride);
    }
    return targets;
  }

  private void add(LabeledBox box, int height, int width, int stride) {
    double cx = (box.x1() + box.x2()) / 2 / stride;
    double cy = (box.y1() + box.y2()) / 2 / stride;
    int x = Math.min(width - 1, Math.max(0, (int) Math.floor(cx)));
    int y = Math.min(height - 1, Math.max(0, (int) Math.floor(cy)));
    double w = box.width() / stride;
    double h = box.height() / stride;
    if (w <= 0 || h <= 0) {
      return;
    }
    splat(box.classIndex(), x, y, w, h, height, width);
    int cell = y * width + x;
    int cells = height * width;
    // Two boxes centered in one cell share its regression targets; the first keeps them,
    // as CenterNet does, and both keep their heatmap peak.
    if (mask[cell] == 0) {
      mask[cell] = 1;
      size[cell] = (float) w;
      size[cells + cell] = (float) h;
      offset[cell] = (float) (cx - x);
      offset[cells + cell] = (float) (cy - y);
    }
  }

  private void splat(int channel, int x, int y, double w, double h, int height, int width) {
    double sigmaX = Math.max(ALPHA * w / 6, 1e-3);
    double sigmaY = Math.max(ALPHA * h / 6, 1e-3);
    int radiusX = (int) Math.ceil(3 * sigmaX);
    int radiusY = (int) Math.ceil(3 * sigmaY);
    int base = channel * height * width;
    for (int gy = Math.max(0, y - radiusY); gy <= Math.min(height - 1, y + radiusY); gy++) {
      for (int gx = Math.max(0, x - radiusX); gx <= Math.min(width - 1, x + radiusX); gx++) {
        double dx = gx - x;
        double dy = gy - y;
        float value = (float) Math.exp(-(dx * dx / (2 * sigmaX * sigmaX)
            + dy * dy / (2 * sigmaY * sigmaY)));
        int index = base + gy * width + gx;
        heatmap[index] = Math.max(heatmap[index], value);
      }
    }
  }
}
