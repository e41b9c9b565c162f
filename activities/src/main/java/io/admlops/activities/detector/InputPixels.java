package io.admlops.activities.detector;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Renders a frame through an {@link InputView} into the float tensor the network reads:
 * RGB planes ({@code [3, height, width]}), values {@code (v / 255 - 0.5) / 0.25}. Parts of
 * the input the image does not cover (after a zoom-out) stay mid-gray, which normalizes to 0.
 */
public final class InputPixels {

  /** Subtracted from every channel value in [0, 1]. */
  public static final float MEAN = 0.5f;
  /** What the centered channel values are divided by. */
  public static final float STD = 0.25f;

  private InputPixels() {}

  /** The normalized planes of an image seen through a view. */
  public static float[] render(BufferedImage image, InputView view) {
    return render(image, view, 1, 1);
  }

  /**
   * The planes with a brightness and contrast change applied before normalizing: each
   * channel value {@code v} in [0, 1] becomes {@code ((v - m) * contrast + m) * brightness},
   * clipped to [0, 1], with {@code m} the frame's mean gray.
   */
  public static float[] render(BufferedImage image, InputView view, double brightness,
      double contrast) {
    int width = view.width();
    int height = view.height();
    BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas.createGraphics();
    try {
      g.setColor(new java.awt.Color(128, 128, 128));
      g.fillRect(0, 0, width, height);
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
          RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(image, view.transform(), null);
    } finally {
      g.dispose();
    }
    int[] rgb = canvas.getRGB(0, 0, width, height, null, 0, width);
    int plane = width * height;
    float[] values = new float[3 * plane];
    double gray = 0;
    for (int i = 0; i < plane; i++) {
      int p = rgb[i];
      values[i] = ((p >> 16) & 0xff) / 255f;
      values[plane + i] = ((p >> 8) & 0xff) / 255f;
      values[2 * plane + i] = (p & 0xff) / 255f;
      gray += values[i] + values[plane + i] + values[2 * plane + i];
    }
    float mean = (float) (gray / (3.0 * plane));
    for (int i = 0; i < values.length; i++) {
      float v = values[i];
      if (brightness != 1 || contrast != 1) {
        v = (float) (((v - mean) * contrast + mean) * brightness);
        v = Math.min(1f, Math.max(0f, v));
      }
      values[i] = (v - MEAN) / STD;
    }
    return values;
  }
}
