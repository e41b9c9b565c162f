package io.admlops.activities.train;

import io.admlops.activities.detector.InputView;
import io.admlops.activities.model.ModelConfig;
import java.util.Random;

/**
 * Draws the random changes of one training frame from the config's augmentation settings:
 * a zoom, where the zoomed frame is cut, a mirror flip, brightness and contrast. Every draw
 * comes from the frame's own generator, so a frame looks the same in an epoch whichever
 * worker thread prepares it, and a resumed run sees exactly what the interrupted one would.
 */
final class Augmenter {

  private final ModelConfig.Augmentation settings;
  private final int width;
  private final int height;

  Augmenter(ModelConfig config) {
    this.settings = config.augmentation();
    this.width = config.input().width();
    this.height = config.input().height();
  }

  /** The changes of one frame. */
  Draw draw(int imageWidth, int imageHeight, Random random) {
    ModelConfig.Scale scale = settings.scale();
    double zoom = scale.min() + random.nextDouble() * (scale.max() - scale.min());
    double sx = zoom * width / imageWidth;
    double sy = zoom * height / imageHeight;
    // The zoomed frame is centered, or with the crop probability placed anywhere it still
    // covers (zoom in) or fits (zoom out) the input.
    double slackX = width - imageWidth * sx;
    double slackY = height - imageHeight * sy;
    boolean randomPlace = random.nextDouble() < settings.crop();
    double shiftX = randomPlace ? random.nextDouble() * slackX : slackX / 2;
    double shiftY = randomPlace ? random.nextDouble() * slackY : slackY / 2;
    boolean mirrored = random.nextDouble() < settings.horizontalFlip();
    double brightness = 1 + (2 * random.nextDouble() - 1) * settings.brightness();
    double contrast = 1 + (2 * random.nextDouble() - 1) * settings.contrast();
    return new Draw(new InputView(sx, sy, shiftX, shiftY, mirrored, width, height),
        brightness, contrast);
  }

  /**
   * One frame's changes.
   *
   * @param view geometry: zoom, cut and flip
   * @param brightness factor on pixel values
   * @param contrast factor on the distance from the mean gray
   */
  record Draw(InputView view, double brightness, double contrast) {}
}
