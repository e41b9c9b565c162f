package io.admlops.activities.detector;

import java.awt.geom.AffineTransform;

/**
 * How a frame's pixels land in the network's input: scaled, shifted and possibly mirrored.
 * Plain inference uses {@link #fit}; training draws random views for augmentation. Boxes go
 * through the same mapping as pixels, so labels stay on their objects.
 *
 * @param scaleX input pixels per image pixel, horizontally
 * @param scaleY input pixels per image pixel, vertically
 * @param shiftX where image x = 0 lands, before mirroring
 * @param shiftY where image y = 0 lands
 * @param mirrored whether the input is flipped left to right
 * @param width input width
 * @param height input height
 */
public record InputView(double scaleX, double scaleY, double shiftX, double shiftY,
    boolean mirrored, int width, int height) {

  /** The whole image resized to the input, as at inference. */
  public static InputView fit(int imageWidth, int imageHeight, int width, int height) {
    return new InputView((double) width / imageWidth, (double) height / imageHeight, 0, 0,
        false, width, height);
  }

  /** The transform from image to input coordinates, for drawing. */
  public AffineTransform transform() {
    AffineTransform transform = new AffineTransform();
    if (mirrored) {
      transform.translate(width, 0);
      transform.scale(-1, 1);
    }
    transform.translate(shiftX, shiftY);
    transform.scale(scaleX, scaleY);
    return transform;
  }

  /**
   * A box in image pixels as it appears in the input, clipped to the input; empty when less
   * than {@code minSide} input pixels of it remain on either axis.
   */
  public java.util.Optional<LabeledBox> map(int classIndex, double x1, double y1, double x2,
      double y2, double minSide) {
    double a = x1 * scaleX + shiftX;
    double b = x2 * scaleX + shiftX;
    if (mirrored) {
      double left = width - b;
      b = width - a;
      a = left;
    }
    double left = Math.max(0, a);
    double right = Math.min(width, b);
    double top = Math.max(0, y1 * scaleY + shiftY);
    double bottom = Math.min(height, y2 * scaleY + shiftY);
    if (right - left < minSide || bottom - top < minSide) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new LabeledBox(classIndex, left, top, right, bottom));
  }

  /** A detection in input pixels back in image pixels; only for unmirrored views. */
  public Detection toImage(Detection detection) {
    return new Detection(detection.classIndex(), detection.score(),
        (detection.x1() - shiftX) / scaleX, (detection.y1() - shiftY) / scaleY,
        (detection.x2() - shiftX) / scaleX, (detection.y2() - shiftY) / scaleY);
  }
}
